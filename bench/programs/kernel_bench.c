/*
 * Kernel-call micro-benchmarks, run as the first process under QEMU -icount: each prints the
 * guest instructions (rdinstret, this hart) per operation, averaged over many repetitions.
 */
#include <abi/auxv.h>
#include <pthread.h>
#include <qsoe/cpio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <taskman/loader.h>

#include "bench.h"

#define REPS 2000

static void report(const char *name, uint64_t start, uint64_t end, int reps)
{
    uint64_t total = end - start;
    printf("BENCH %s %lu.%02lu\n", name, (unsigned long)(total / reps),
           (unsigned long)((total % reps) * 100 / reps));
}

// Starts bench/echo on the given cpu and returns a connection to its channel.
static int start_echo_server(int cpu)
{
    static int reg_chid;
    if (!reg_chid)
        reg_chid = ChannelCreate(0);
    struct cpio_entry e;
    if (cpio_find((const void *)getauxval(AT_QSOE_BOOTIMAGE), getauxval(AT_QSOE_BOOTIMAGE_SIZE),
                  "bench/echo", &e) < 0)
        return -1;
    char pid[16], chid[16], cpus[4];
    snprintf(pid, sizeof(pid), "%d", 1);
    snprintf(chid, sizeof(chid), "%d", reg_chid);
    snprintf(cpus, sizeof(cpus), "%d", cpu);
    char *argv[] = {"bench/echo", pid, chid, cpus, NULL};
    char *envp[] = {NULL};
    int server = loader_spawn(e.data, e.size, "bench/echo", argv, envp, 0, NULL, NULL);
    struct _pulse p;
    if (server < 0 || MsgReceivePulse(reg_chid, &p, sizeof(p), NULL) != 0)
        return -1;
    return ConnectAttach(0, server, p.value.sival_int, 0, 0);
}

static void round_trips(const char *where, int coid)
{
    static char buf[4096];
    static const int sizes[] = {0, 16, 256, 4096};
    for (int i = 0; i < 4; i++) {
        int reps = sizes[i] == 4096 ? 200 : 1000;
        MsgSend(coid, buf, (size_t)sizes[i], buf, (size_t)sizes[i]);
        uint64_t t0 = instret(), w0 = now_ticks();
        for (int r = 0; r < reps; r++)
            MsgSend(coid, buf, (size_t)sizes[i], buf, (size_t)sizes[i]);
        uint64_t t1 = instret(), w1 = now_ticks();
        char name[64];
        snprintf(name, sizeof(name), "msg_round_trip_%s_%dB", where, sizes[i]);
        report(name, t0, t1, reps);
        snprintf(name, sizeof(name), "msg_round_trip_%s_%dB_all_harts", where, sizes[i]);
        report(name, w0 * 100, w1 * 100, reps);
    }
}

static void exit_func(void *status)
{
    ThreadDestroy(0, -1, status);
}

static void *nothing(void *arg)
{
    return arg;
}

static pthread_mutex_t contended = PTHREAD_MUTEX_INITIALIZER;

// The other side of the contended-mutex benchmark: each round it waits in the kernel for the
// mutex the main thread holds, and hands the hart back.
static void *contender(void *arg)
{
    int rounds = (int)(uintptr_t)arg;
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)1);
    for (int i = 0; i < rounds; i++) {
        pthread_mutex_lock(&contended);
        pthread_mutex_unlock(&contended);
        SchedYield();
    }
    return NULL;
}

// Marks the start and end of a profiled section in a QEMU execution trace: the kernel's
// null-call handler runs nowhere else in the profiled run.
static void profile_mark(void)
{
    __kercall(KER_NOP, 0, 0, 0, 0, 0, 0);
}

// With "profile" on the kernel command line: just a few same-hart round trips between two marks,
// for tracing.
static int profile(void)
{
    int coid = start_echo_server(0);
    static char buf[16];
    for (int i = 0; i < 3; i++)
        MsgSend(coid, buf, 16, buf, 16);
    uint64_t t0 = instret();
    profile_mark();
    for (int i = 0; i < 10; i++)
        MsgSend(coid, buf, 16, buf, 16);
    profile_mark();
    report("profiled_round_trips_x10", t0, instret(), 1);
    return 0;
}

int main(int argc, char **argv)
{
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)1);
    (void)argc;
    (void)argv;
    const char *cmdline = (const char *)getauxval(AT_QSOE_CMDLINE);
    if (cmdline && strstr(cmdline, "profile"))
        return profile();
    uint64_t t0 = instret();
    for (int i = 0; i < REPS; i++)
        __kercall(KER_NOP, 0, 0, 0, 0, 0, 0);
    report("null_kernel_call", t0, instret(), REPS);

    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    t0 = instret();
    for (int i = 0; i < REPS; i++) {
        pthread_mutex_lock(&m);
        pthread_mutex_unlock(&m);
    }
    report("mutex_lock_unlock_uncontended", t0, instret(), REPS);

    /* Contended: the main thread holds the mutex while the contender blocks on it, so each
       round is a lock that waits in the kernel, an unlock that hands over, and two yields. */
    struct _thread_attr cattr = {0};
    cattr.__exitfunc = exit_func;
    pthread_mutex_lock(&contended);
    int ctid = ThreadCreate(0, contender, (void *)(uintptr_t)REPS, &cattr);
    SchedYield();
    t0 = instret();
    for (int i = 0; i < REPS; i++) {
        pthread_mutex_unlock(&contended);
        SchedYield();
        pthread_mutex_lock(&contended);
        SchedYield();
    }
    report("mutex_contended_round_incl_2_yields", t0, instret(), REPS);
    pthread_mutex_unlock(&contended);
    ThreadJoin(ctid, NULL);

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

    int same = start_echo_server(0);
    int other = start_echo_server(1);
    if (same < 0 || other < 0) {
        printf("bench: could not start the echo servers\n");
        return 1;
    }
    round_trips("same_hart", same);
    round_trips("cross_hart", other);

    int chid = ChannelCreate(0);
    int self = ConnectAttach(0, 0, chid, 0, 0);
    struct _pulse p;
    t0 = instret();
    for (int i = 0; i < REPS; i++) {
        MsgSendPulse(self, 10, 1, i);
        MsgReceive(chid, &p, sizeof(p), NULL);
    }
    report("pulse_send_receive", t0, instret(), REPS);
    return 0;
}
