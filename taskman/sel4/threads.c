/*
 * Threads a process makes in itself (labels SEL4_LABEL_THREAD_FIRST to LAST): creation in a
 * free thread slot with a stack from the caller's attributes or one of taskman-L's own mapping,
 * the end of one thread, join (held until the thread ends, as a sleep is held), detach,
 * priorities and the cpu a thread runs on. Sync* waits never come here: libc wakes its
 * threads through their notifications itself (lib/c/kernel/sel4/syncq.c).
 */
#include <abi/tls.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/neutrino.h>

#include "proc.h"

#define USER_TOP 0x4000000000ul /* Sv39: the top of user space */
#define PAGE     4096ul

// The thread tid of p, or NULL when tid names no slot that holds a thread.
static struct proc_thread *thread_of(struct lproc *p, seL4_Word tid)
{
    if (tid < 1 || tid > (seL4_Word)p->nthreads || p->threads[tid - 1].state == THREAD_FREE)
        return NULL;
    return &p->threads[tid - 1];
}

// Maps the default stack of thread tid down to `size` bytes below its top, keeping what an
// earlier thread of the slot had: the top of the stack, or 0 when memory ran out.
static uintptr_t default_stack(struct lproc *p, struct proc_thread *t, int tid, size_t size)
{
    size = (size + PAGE - 1) & ~(PAGE - 1);
    uintptr_t top = SEL4_STACK_TOP(tid);
    if (size > t->stack_mapped) {
        if (ProcMemMap(p->pid, top - size, size - t->stack_mapped, PROT_READ | PROT_WRITE) < 0)
            return 0;
        t->stack_mapped = size;
    }
    return top;
}

// Before a process's second thread: every thread page mapped, so libc may read any thread's
// TLS block (to tell whether a mutex's owner lives), and the notification under libc's lock
// of its Sync* queues. 0, or a negated errno.
static long go_threaded(struct lproc *p)
{
    for (int n = 0; n < PROC_THREADS; n++) {
        uintptr_t page = SEL4_THREAD_PAGE(n);
        if (!proc_frame(p, page) && ProcMemMap(p->pid, page, PAGE, PROT_READ | PROT_WRITE) < 0)
            return -EAGAIN;
    }
    p->sync_lock = object_alloc(seL4_NotificationObject, 0);
    seL4_Error err =
        seL4_CNode_Copy(p->cnode, SEL4_SLOT_SYNC_LOCK, SEL4_CNODE_BITS, seL4_CapInitThreadCNode,
                        p->sync_lock, seL4_WordBits, seL4_AllRights);
    if (err != seL4_NoError)
        tm_fatal("cannot give a process its Sync* lock", err);
    return 0;
}

// SEL4_LABEL_THREAD_CREATE: checked as Skimmer checks it; the new thread's tid.
static long create(struct lproc *p, int caller)
{
    /* The request first: seL4 invocations below reuse the message registers. */
    struct _thread_attr attr;
    seL4_Word *words = (seL4_Word *)&attr;
    for (size_t i = 0; i < sizeof(attr) / sizeof(seL4_Word); i++)
        words[i] = seL4_GetMR(4 + (int)i);
    seL4_Word func = seL4_GetMR(1), arg = seL4_GetMR(2), gp = seL4_GetMR(3);
    long r = p->sync_lock ? 0 : go_threaded(p);
    if (r)
        return r;
    int prio = p->threads[caller].prio;
    if (attr.__flags & PTHREAD_EXPLICIT_SCHED) {
        int policy = attr.__policy;
        if (policy != SCHED_FIFO && policy != SCHED_RR && policy != SCHED_OTHER)
            return -EINVAL;
        prio = attr.__param.sched_priority;
    }
    if (prio < PRIORITY_MIN || prio > PRIORITY_MAX || func >= USER_TOP)
        return -EINVAL;
    if (prio > TASKMAN_PRIO - 1)
        prio = TASKMAN_PRIO - 1; /* seL4's top priority is taskman-L's */
    size_t size = attr.__stacksize ? attr.__stacksize : SEL4_STACK_DEFAULT;
    uintptr_t base = (uintptr_t)attr.__stackaddr;
    if (base && (size < 256 || base < 0x10000 || base + size > USER_TOP || base + size < base))
        return -EINVAL;
    if (!base && size > SEL4_STACK_MAX)
        return -EINVAL;
    int n = 0;
    while (n < p->nthreads && p->threads[n].state != THREAD_FREE)
        n++;
    if (n == PROC_THREADS)
        return -EAGAIN;
    uintptr_t sp = base ? base + size : default_stack(p, &p->threads[n], n + 1, size);
    if (!sp)
        return -EAGAIN;
    if (!base)
        attr.__stackaddr = (void *)(sp - ((size + PAGE - 1) & ~(PAGE - 1)));
    seL4_UserContext regs = {
        .pc = func,
        .ra = (seL4_Word)attr.__exitfunc,
        .sp = sp & ~15ul,
        .gp = gp,
        .tp = SEL4_THREAD_PAGE(n) + SEL4_TLS_OFFSET,
        .a0 = arg,
    };
    /* The TLS block goes in before the thread runs (go_threaded mapped the page). */
    thread_write_tls(p, n, (void *)arg, &attr);
    sigstop_thread_start(p, (unsigned)n, (unsigned)caller);
    /* On cpu 0, with the main thread: seL4 wakes a thread on the other cpu late on this
       machine (docs/qsoe-l.md), so a process's threads share one unless ThreadCtl moves them. */
    int err = thread_slot_start(p, n, &regs, prio, 0);
    if (err)
        return err;
    p->threads[n].detached = (attr.__flags & PTHREAD_CREATE_DETACHED) != 0;
    return n + 1;
}

// The thread in slot n has ended with status: its join (if one waits) is answered, a
// detached or joined slot becomes free. Its TLS owner word goes to 0, which tells libc's
// Sync* code that the thread is gone (a mutex it held is dead).
static void ended(struct lproc *p, struct proc_thread *t, seL4_Word status)
{
    int n = (int)(t - p->threads);
    seL4_TCB_Suspend(t->tcb);
    uint32_t none = 0;
    ProcMemWrite(p->pid,
                 SEL4_THREAD_PAGE(n) + SEL4_TLS_OFFSET +
                     offsetof(struct _thread_local_storage, __owner),
                 &none, sizeof(none));
    t->status = status;
    t->state = THREAD_ENDED;
    if (t->joiner) {
        MsgReply(t->joiner, 0, &status, sizeof(status));
        t->joiner = 0;
        t->state = THREAD_FREE;
    } else if (t->detached) {
        t->state = THREAD_FREE;
    }
}

// SEL4_LABEL_THREAD_DESTROY: thread tid (0: the caller) ends. The caller's own end is never
// answered (it is suspended first), unless it is the last thread: then 1, and libc ends the
// process as exit() does.
static long destroy(struct lproc *p, int caller)
{
    seL4_Word tid = seL4_GetMR(1) ? seL4_GetMR(1) : (seL4_Word)caller + 1;
    struct proc_thread *t = thread_of(p, tid);
    if (tid < 1 || tid > PROC_THREADS)
        return -EINVAL;
    if (!t || t->state != THREAD_LIVE)
        return -ESRCH;
    int live = 0;
    for (int i = 0; i < p->nthreads; i++)
        live += p->threads[i].state == THREAD_LIVE;
    if (live == 1)
        return 1;
    ended(p, t, seL4_GetMR(2));
    return 0;
}

// SEL4_LABEL_THREAD_JOIN: the status of an ended thread at once, or held until it ends.
static long join(struct lproc *p, int caller, void *msg, unsigned long room)
{
    seL4_Word tid = seL4_GetMR(1);
    struct proc_thread *t = thread_of(p, tid);
    if (!t)
        return -ESRCH;
    if (tid == (seL4_Word)caller + 1)
        return -EDEADLK;
    if (t->detached)
        return -EINVAL;
    if (t->joiner)
        return -EBUSY;
    if (t->state == THREAD_ENDED && room >= sizeof(t->status)) {
        memcpy(msg, &t->status, sizeof(t->status));
        t->state = THREAD_FREE;
        return SEL4_EVENT_DATA | sizeof(t->status);
    }
    t->joiner = __sel4_request_rcvid();
    return SEL4_EVENT_HOLD;
}

// SEL4_LABEL_THREAD_DETACH: the thread will not be joined; its slot is free once it ends.
static long detach(struct lproc *p)
{
    struct proc_thread *t = thread_of(p, seL4_GetMR(1));
    if (!t)
        return -ESRCH;
    if (t->detached || t->joiner)
        return -EINVAL;
    if (t->state == THREAD_ENDED)
        t->state = THREAD_FREE;
    else
        t->detached = true;
    return 0;
}

// SEL4_LABEL_SCHED: thread tid's priority, set first unless the request only asks.
static long sched(struct lproc *p, int caller)
{
    seL4_Word tid = seL4_GetMR(1) ? seL4_GetMR(1) : (seL4_Word)caller + 1;
    seL4_Word prio = seL4_GetMR(2);
    struct proc_thread *t = thread_of(p, tid);
    if (!t || t->state != THREAD_LIVE)
        return -ESRCH;
    if (prio == SEL4_SCHED_QUERY)
        return t->prio;
    if (prio < PRIORITY_MIN || prio > PRIORITY_MAX)
        return -EINVAL;
    if (prio > TASKMAN_PRIO - 1)
        prio = TASKMAN_PRIO - 1;
    seL4_Error err = seL4_TCB_SetPriority(t->tcb, seL4_CapInitThreadTCB, prio);
    if (err != seL4_NoError)
        tm_fatal("TCB_SetPriority of a process thread failed", err);
    t->prio = (int)prio;
    return t->prio;
}

// SEL4_LABEL_RUNMASK: the caller's scheduling context moves to the lowest cpu of the mask (a
// thread runs on one cpu on seL4 MCS: where its scheduling context is).
static long runmask(struct lproc *p, int caller)
{
    seL4_Word mask = seL4_GetMR(1);
    unsigned ncpus = (unsigned)(tm_bootinfo->schedcontrol.end - tm_bootinfo->schedcontrol.start);
    if (mask & ~((1ul << ncpus) - 1))
        return -EINVAL;
    if (mask == 0)
        return 0;
    unsigned cpu = (unsigned)__builtin_ctzl(mask);
    struct proc_thread *t = &p->threads[caller];
    seL4_Error err = seL4_SchedControl_ConfigureFlags(tm_bootinfo->schedcontrol.start + cpu, t->sc,
                                                      5000, 5000, 0, 0, 0);
    return err == seL4_NoError ? 0 : -EINVAL;
}

long threads_request(struct lproc *p, unsigned long label, void *msg, unsigned long room)
{
    seL4_Word caller = seL4_GetMR(0);
    if (caller >= (seL4_Word)p->nthreads || p->threads[caller].state != THREAD_LIVE)
        return -EINVAL;
    switch (label) {
    case SEL4_LABEL_THREAD_CREATE:
        return create(p, (int)caller);
    case SEL4_LABEL_THREAD_DESTROY:
        return destroy(p, (int)caller);
    case SEL4_LABEL_THREAD_JOIN:
        return join(p, (int)caller, msg, room);
    case SEL4_LABEL_THREAD_DETACH:
        return detach(p);
    case SEL4_LABEL_SCHED:
        return sched(p, (int)caller);
    case SEL4_LABEL_RUNMASK:
        return runmask(p, (int)caller);
    default:
        return -ENOSYS;
    }
}

void threads_proc_gone(struct lproc *p)
{
    for (int i = 0; i < p->nthreads; i++) {
        if (p->threads[i].joiner)
            MsgError(p->threads[i].joiner, ESRCH);
        p->threads[i].joiner = 0;
    }
}
