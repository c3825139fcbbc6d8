/*
 * The kernel test suite, run as the first process (init=test/ktest). It exercises every kernel
 * call that exists, with good and bad input, and ends the machine with its failure count.
 */
#include <abi/auxv.h>
#include <qsoe/cpio.h>
#include <stdlib.h>
#include <taskman/loader.h>

#include "harness.h"

int ktest_failures;

uint64_t now_ns(void)
{
    uint64_t t = 0;
    ClockTime(CLOCK_MONOTONIC, NULL, &t);
    return t;
}

void sleep_ns(uint64_t ns)
{
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
}

// Where test threads' start routines return to: ends the thread with the returned value.
void thread_exit_func(void *status)
{
    ThreadDestroy(0, -1, status);
}

// Starts a joinable thread running fn(arg), at the given policy and priority (prio 0: the
// caller's scheduling). Returns the tid or -1.
int start_thread(void *(*fn)(void *), void *arg, int policy, int prio)
{
    struct _thread_attr a = {0};
    a.__exitfunc = thread_exit_func;
    if (prio) {
        a.__flags = PTHREAD_EXPLICIT_SCHED;
        a.__policy = policy;
        a.__param.sched_priority = prio;
    }
    return ThreadCreate(0, fn, arg, &a);
}

int spawn_from_boot_image(const char *path, char *const argv[], unsigned flags)
{
    struct cpio_entry e;
    const void *image = (const void *)getauxval(AT_QSOE_BOOTIMAGE);
    size_t size = getauxval(AT_QSOE_BOOTIMAGE_SIZE);
    int err = cpio_find(image, size, path, &e);
    if (err)
        return err;
    char *const envp[] = {NULL};
    return loader_spawn(e.data, e.size, path, argv, envp, flags, NULL, NULL);
}

// Spawns a program and returns its exit status, or a negated errno if it could not start.
int spawn_and_wait(const char *path, char *const argv[], unsigned flags)
{
    int pid = spawn_from_boot_image(path, argv, flags);
    if (pid < 0)
        return pid;
    int status = -1;
    if (ProcWait(pid, &status) < 0)
        return -errno;
    return status;
}

int main(void)
{
    printf("ktest: kernel test suite starting on cpu %d\n", SchedGetCpuNum());
    test_calls();
    test_regs();
    test_time();
    test_threads();
    test_sched();
    test_processes();
    test_msg();
    test_msg_system();
    test_sync();
    test_timer_intr();
    printf("ktest: %d failure%s\n", ktest_failures, ktest_failures == 1 ? "" : "s");
    return ktest_failures;
}
