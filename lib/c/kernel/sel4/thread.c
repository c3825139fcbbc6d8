/*
 * libc's seL4 layer: threads of the caller's own process and the console. Creating, ending,
 * joining and detaching a thread are requests to taskman-L (taskman/sel4/threads.c), which
 * builds and suspends the threads; the process ends with exit() or its last thread. Threads
 * of another process are taskman-L's business, and taskman-L defines ThreadCreate itself.
 */
#include <string.h>

#include "sel4sync.h"

// A thread request (include/abi/sel4.h): MR0 the caller's index, then a, b, and `extra`
// further words from MR4 on. Its status or a negated errno; up to outlen bytes of the
// answer's data go to out.
static long request(seL4_Word label, seL4_Word a, seL4_Word b, seL4_Word c, const void *extra,
                    size_t nextra, void *out, size_t outlen)
{
    seL4_IPCBuffer *buf = ipcbuf();
    memcpy(&buf->msg[4], extra, nextra * sizeof(seL4_Word));
    seL4_Word mr0 = __sel4_thread_index(), mr1 = a, mr2 = b, mr3 = c;
    // A marked call (a join waits long): the answer's data is taken before the handlers of
    // signals that came meanwhile run and make calls of their own.
    sel4_call_begin();
    seL4_MessageInfo_t info = seL4_CallWithMRs(
        SEL4_SLOT_TASKMAN, seL4_MessageInfo_new(label, 0, 0, 4 + nextra), &mr0, &mr1, &mr2, &mr3);
    bool ok = seL4_MessageInfo_get_label(info) == SEL4_REPLY_OK;
    if (ok && out) {
        buf->msg[2] = mr2, buf->msg[3] = mr3;
        size_t n = mr1 < outlen ? mr1 : outlen;
        memset(out, 0, outlen);
        memcpy(out, &buf->msg[SEL4_MSG_HEADER_WORDS], n);
    }
    sel4_call_done();
    return ok ? (long)mr0 : -(long)(mr0 ? mr0 : EIO);
}

static bool own(pid_t pid)
{
    return pid == 0 || pid == __tls()->__pid;
}

int ThreadCreate_r(pid_t pid, void *(*func)(void *), void *arg, const struct _thread_attr *attr)
{
    if (!own(pid))
        return -EPERM; /* another process's threads are taskman's */
    struct _thread_attr a = {0};
    if (attr) {
        if ((uintptr_t)attr % sizeof(void *) || (uintptr_t)attr < 0x10000)
            return -EFAULT;
        a = *attr;
    }
    seL4_Word gp;
    __asm__("mv %0, gp" : "=r"(gp));
    sel4_set_threaded();
    long tid = request(SEL4_LABEL_THREAD_CREATE, (seL4_Word)func, (seL4_Word)arg, gp, &a,
                       sizeof(a) / sizeof(seL4_Word), NULL, 0);
    if (tid > 0) {
        int prio = (a.__flags & PTHREAD_EXPLICIT_SCHED) ? a.__param.sched_priority
                                                        : sel4_thread_prio(__sel4_thread_index());
        sel4_thread_prio_set((unsigned)tid - 1, prio);
    }
    return (int)tid;
}

// Weak: taskman-L's own ThreadCreate builds threads of other processes.
__attribute__((weak)) int ThreadCreate(pid_t pid, void *(*func)(void *), void *arg,
                                       const struct _thread_attr *attr)
{
    return (int)set_errno(ThreadCreate_r(pid, func, arg, attr));
}

// The process's end: taskman-L never answers, it ends the process. A passive server's
// deferred answer leaves first.
static _Noreturn void process_exit(int status)
{
    __sel4_deferred_send();
    for (;;) {
        seL4_Word mr0 = (seL4_Word)status, none = 0;
        seL4_CallWithMRs(SEL4_SLOT_TASKMAN, seL4_MessageInfo_new(SEL4_LABEL_EXIT, 0, 0, 1), &mr0,
                         &none, &none, &none);
    }
}

int ThreadDestroy_r(int tid, int priority, void *status)
{
    (void)priority;
    struct _thread_local_storage *me = __tls();
    if (tid == -1)
        process_exit((int)(intptr_t)status);
    if (tid == 0 || tid == me->__tid) {
        /* A mutex it holds with waiters is dead from now on; taskman-L never answers the
           end of a thread but the last, which ends the process as exit(0) does. */
        sel4_syncq_thread_gone(__sel4_thread_index(), me->__owner);
        for (;;)
            if (request(SEL4_LABEL_THREAD_DESTROY, 0, (seL4_Word)status, 0, NULL, 0, NULL, 0) == 1)
                process_exit(0);
    }
    if (tid < 1 || tid > SEL4_MAX_THREADS)
        return -EINVAL;
    /* Under the wait-queue lock, so the thread is never stopped inside it (a thread waiting
       for the lock stays counted, which only costs later lockers a wait for a token). */
    sel4_syncq_lock();
    long r =
        request(SEL4_LABEL_THREAD_DESTROY, (seL4_Word)tid, (seL4_Word)status, 0, NULL, 0, NULL, 0);
    unsigned woken = 0;
    if (r >= 0)
        woken =
            sel4_syncq_gone_locked((unsigned)tid - 1, (uint32_t)me->__pid << 16 | (uint32_t)tid);
    sel4_syncq_unlock();
    sel4_syncq_signal(woken);
    return r < 0 ? (int)r : 0;
}

// Weak: taskman-L's end is the machine's, and it defines ThreadDestroy so.
__attribute__((weak)) int ThreadDestroy(int tid, int priority, void *status)
{
    return (int)set_errno(ThreadDestroy_r(tid, priority, status));
}

int ThreadJoin_r(int tid, void **status)
{
    if (status && ((uintptr_t)status % sizeof(void *) || (uintptr_t)status < 0x10000))
        return -EFAULT;
    if (tid < 1 || tid > SEL4_MAX_THREADS)
        return -ESRCH;
    void *value = NULL;
    long r = request(SEL4_LABEL_THREAD_JOIN, (seL4_Word)tid, 0, 0, NULL, 0, &value, sizeof(value));
    if (r < 0)
        return (int)r;
    if (status)
        *status = value;
    return 0;
}

int ThreadJoin(int tid, void **status)
{
    return (int)set_errno(ThreadJoin_r(tid, status));
}

int ThreadDetach_r(int tid)
{
    if (tid < 1 || tid > SEL4_MAX_THREADS)
        return -ESRCH;
    return (int)request(SEL4_LABEL_THREAD_DETACH, (seL4_Word)tid, 0, 0, NULL, 0, NULL, 0);
}

int ThreadDetach(int tid)
{
    return (int)set_errno(ThreadDetach_r(tid));
}

long sel4_thread_request(seL4_Word label, seL4_Word a, seL4_Word b)
{
    return request(label, a, b, 0, NULL, 0, NULL, 0);
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

int ConsoleWrite(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        seL4_DebugPutChar(buf[i]);
    return (int)len;
}
