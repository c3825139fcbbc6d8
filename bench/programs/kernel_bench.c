/*
 * Kernel-call micro-benchmarks, run as the first process under QEMU -icount: each prints the
 * guest instructions (rdinstret, this hart) per operation, averaged over many repetitions.
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/neutrino.h>

#define REPS 2000

static inline uint64_t instret(void)
{
    uint64_t v;
    __asm__ volatile("rdinstret %0" : "=r"(v));
    return v;
}

static void report(const char *name, uint64_t start, uint64_t end, int reps)
{
    uint64_t total = end - start;
    printf("BENCH %s %lu.%02lu\n", name, (unsigned long)(total / reps),
           (unsigned long)((total % reps) * 100 / reps));
}

static void exit_func(void *status)
{
    ThreadDestroy(0, -1, status);
}

static void *nothing(void *arg)
{
    return arg;
}

int main(void)
{
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)1);
    uint64_t t0 = instret();
    for (int i = 0; i < REPS; i++)
        __kercall(KER_NOP, 0, 0, 0, 0, 0, 0);
    report("null_kernel_call", t0, instret(), REPS);

    uint64_t now;
    t0 = instret();
    for (int i = 0; i < REPS; i++)
        ClockTime(CLOCK_MONOTONIC, NULL, &now);
    report("clock_time", t0, instret(), REPS);

    t0 = instret();
    for (int i = 0; i < REPS; i++)
        SchedYield();
    report("sched_yield_alone", t0, instret(), REPS);

    struct _thread_attr attr = {0};
    attr.__exitfunc = exit_func;
    t0 = instret();
    for (int i = 0; i < 200; i++)
        ThreadJoin(ThreadCreate(0, nothing, NULL, &attr), NULL);
    report("thread_create_join", t0, instret(), 200);
    return 0;
}
