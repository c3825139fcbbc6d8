/*
 * libc's seL4 layer: threads and the console. A process has one thread on QSOE/L so far;
 * ending it, or the process, is a message to taskman-L, which ends the process. The console
 * is seL4's debug console. Time is in clock.c.
 */
#include "sel4call.h"

// Threads of the caller's own process need taskman-L's help, which QSOE/L has not yet; those
// of another process are taskman-L's business, and taskman-L defines ThreadCreate itself.
int ThreadCreate_r(pid_t pid, void *(*func)(void *), void *arg, const struct _thread_attr *attr)
{
    (void)pid, (void)func, (void)arg, (void)attr;
    return -ENOSYS;
}

__attribute__((weak)) int ThreadCreate(pid_t pid, void *(*func)(void *), void *arg,
                                       const struct _thread_attr *attr)
{
    return (int)set_errno(ThreadCreate_r(pid, func, arg, attr));
}

// The process's end: taskman-L never answers, it ends the process.
static _Noreturn void process_exit(int status)
{
    for (;;) {
        seL4_Word mr0 = (seL4_Word)status, none = 0;
        seL4_CallWithMRs(SEL4_SLOT_TASKMAN, seL4_MessageInfo_new(SEL4_LABEL_EXIT, 0, 0, 1), &mr0,
                         &none, &none, &none);
    }
}

int ThreadDestroy_r(int tid, int priority, void *status)
{
    (void)priority;
    if (tid == -1 || tid == 0 || tid == __tls()->__tid)
        process_exit((int)(intptr_t)status);
    return -ESRCH;
}

// Weak: taskman-L's end is the machine's, and it defines ThreadDestroy so.
__attribute__((weak)) int ThreadDestroy(int tid, int priority, void *status)
{
    return (int)set_errno(ThreadDestroy_r(tid, priority, status));
}

int ConsoleWrite(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        seL4_DebugPutChar(buf[i]);
    return (int)len;
}

int SchedYield_r(void)
{
    seL4_Yield();
    return 0;
}

int SchedYield(void)
{
    return SchedYield_r();
}
