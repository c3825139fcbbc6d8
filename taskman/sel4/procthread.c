/*
 * Thread slots of a process as taskman-L builds them on seL4: a page for the IPC buffer and
 * TLS block (include/abi/sel4.h), a TCB in the process's CSpace and VSpace, a scheduling
 * context of its own, a fault endpoint badged with the pid and index (so faults come to
 * taskman-L) and a notification for Sync* waits in the process's CNode. ThreadCreate for
 * another process (taskman's loader starting a main thread) is here; threads a process makes
 * in itself are threads.c's; threads inside taskman-L itself are thread.c's.
 */
#include <abi/sel4.h>
#include <abi/tls.h>
#include <errno.h>
#include <stddef.h>
#include <sys/neutrino.h>

#include "proc.h"

#define PROC_PRIO   10   /* QNX's default priority */

void thread_write_tls(struct lproc *p, int n, void *arg, const struct _thread_attr *attr)
{
    uintptr_t tls = SEL4_THREAD_PAGE(n) + SEL4_TLS_OFFSET;
    struct _thread_local_storage block = {0};
    block.__exitfunc = attr->__exitfunc;
    block.__arg = arg;
    block.__errptr = (int *)(tls + offsetof(struct _thread_local_storage, __errval));
    block.__pid = p->pid;
    block.__tid = n + 1;
    block.__owner = (uint32_t)p->pid << 16 | (uint32_t)(n + 1);
    block.__stackaddr = attr->__stackaddr;
    ProcMemWrite(p->pid, tls, &block, sizeof(block));
}

static void check(seL4_Error err, const char *what)
{
    if (err != seL4_NoError)
        tm_fatal(what, err);
}

// The objects of a new slot n: TCB, scheduling context, fault endpoint, Sync* notification,
// the TCB configured in p's CSpace and VSpace with its IPC buffer in the thread page.
static int build(struct lproc *p, int n)
{
    uintptr_t page = SEL4_THREAD_PAGE(n);
    if (!proc_frame(p, page) && ProcMemMap(p->pid, page, 4096, PROT_READ | PROT_WRITE) < 0)
        return -errno;
    struct proc_thread *t = &p->threads[n];
    t->tcb = object_alloc(seL4_TCBObject, 0);
    t->sc = object_alloc(seL4_SchedContextObject, seL4_MinSchedContextBits);
    t->fault_ep = slot_alloc();
    check(seL4_CNode_Mint(seL4_CapInitThreadCNode, t->fault_ep, seL4_WordBits,
                          seL4_CapInitThreadCNode, proc_endpoint, seL4_WordBits, seL4_AllRights,
                          SEL4_BADGE_FAULT | (seL4_Word)n << SEL4_BADGE_TID_SHIFT |
                              (seL4_Word)p->pid),
          "CNode_Mint of a fault endpoint failed");
    t->sync_ntfn = object_alloc(seL4_NotificationObject, 0);
    check(seL4_CNode_Copy(p->cnode, SEL4_SLOT_SYNC(n), SEL4_CNODE_BITS, seL4_CapInitThreadCNode,
                          t->sync_ntfn, seL4_WordBits, seL4_AllRights),
          "cannot give a thread its Sync* notification");
    seL4_Word guard = seL4_CNode_CapData_new(0, seL4_WordBits - SEL4_CNODE_BITS).words[0];
    seL4_CPtr ipc_frame = proc_cap_copy(p, proc_frame(p, page));
    check(seL4_TCB_Configure(t->tcb, p->cnode, guard, p->vspace, 0, page, ipc_frame),
          "TCB_Configure of a process thread failed");
    slot_free(ipc_frame);
    p->nthreads++;
    return 0;
}

int thread_slot_start(struct lproc *p, int n, seL4_UserContext *regs, int prio, unsigned cpu)
{
    struct proc_thread *t = &p->threads[n];
    if (n == p->nthreads) {
        int err = build(p, n);
        if (err)
            return err;
    }
    seL4_Word badge;
    seL4_Poll(t->sync_ntfn, &badge); /* a wake-up its last thread never took */
    passive_reset(p, n);
    unsigned ncpus = (unsigned)(tm_bootinfo->schedcontrol.end - tm_bootinfo->schedcontrol.start);
    check(seL4_SchedControl_ConfigureFlags(tm_bootinfo->schedcontrol.start + cpu % ncpus, t->sc,
                                           proc_timeslice_us(), proc_timeslice_us(), 0, 0, 0),
          "SchedControl_ConfigureFlags of a process thread failed");
    check(seL4_TCB_SetSchedParams(t->tcb, seL4_CapInitThreadTCB, (seL4_Word)prio, (seL4_Word)prio,
                                  t->sc, t->fault_ep),
          "TCB_SetSchedParams of a process thread failed");
    check(seL4_TCB_SetFlags(t->tcb, 0, seL4_TCBFlag_fpuDisabled).error,
          "TCB_SetFlags of a process thread failed");
    t->fpu = false;
    t->prio = prio;
    t->state = THREAD_LIVE;
    t->detached = false;
    t->joiner = 0;
    t->status = 0;
    check(seL4_TCB_WriteRegisters(t->tcb, 1, 0, sizeof(*regs) / sizeof(seL4_Word), regs),
          "TCB_WriteRegisters of a process thread failed");
    return 0;
}

int ThreadCreate(pid_t pid, void *(*func)(void *), void *arg, const struct _thread_attr *attr)
{
    struct lproc *p = pid > 0 ? proc_get(pid) : NULL;
    if (!p || p->ended) {
        errno = pid > 0 ? ESRCH : ENOSYS;
        return -1;
    }
    if (!attr || !attr->__stackaddr || attr->__stacksize < 256) {
        errno = EINVAL; /* the caller maps the stack: taskman's loader always does */
        return -1;
    }
    if (p->nthreads == PROC_THREADS) {
        errno = EAGAIN;
        return -1;
    }
    int n = p->nthreads;
    uintptr_t page = SEL4_THREAD_PAGE(n);
    if (!proc_frame(p, page) && ProcMemMap(pid, page, 4096, PROT_READ | PROT_WRITE) < 0)
        return -1;
    thread_write_tls(p, n, arg, attr);
    int prio = (attr->__flags & PTHREAD_EXPLICIT_SCHED) ? attr->__param.sched_priority : PROC_PRIO;
    if (prio < 1 || prio > 254)
        prio = PROC_PRIO;
    seL4_UserContext regs = {
        .pc = (seL4_Word)func,
        .sp = (seL4_Word)attr->__stackaddr + attr->__stacksize,
        .tp = page + SEL4_TLS_OFFSET,
        .a0 = (seL4_Word)arg,
    };
    int err = thread_slot_start(p, n, &regs, prio, 0);
    if (err) {
        errno = -err;
        return -1;
    }
    return n + 1;
}

bool thread_fpu_on(struct lproc *p, unsigned n)
{
    if (n >= (unsigned)p->nthreads || p->threads[n].fpu)
        return false;
    check(seL4_TCB_SetFlags(p->threads[n].tcb, seL4_TCBFlag_fpuDisabled, 0).error,
          "TCB_SetFlags of a process thread failed");
    p->threads[n].fpu = true;
    return true;
}
