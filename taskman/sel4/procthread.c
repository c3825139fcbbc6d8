/*
 * ThreadCreate for another process, as taskman-L does it on seL4: the thread gets a page for
 * its IPC buffer and TLS block (include/abi/sel4.h), a TCB in the process's CSpace and VSpace,
 * a scheduling context of its own, and a fault endpoint badged with its pid and index, so its
 * faults come to taskman-L. Threads inside taskman-L itself are thread.c's business.
 */
#include <abi/sel4.h>
#include <abi/tls.h>
#include <errno.h>
#include <stddef.h>
#include <sys/neutrino.h>

#include "proc.h"

#define PROC_PRIO   10   /* QNX's default priority */

// The thread's identity in its TLS block, as Skimmer's kernel writes it for a new thread.
static void write_tls(struct lproc *p, int n, void *arg, const struct _thread_attr *attr)
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
    if (ProcMemMap(pid, page, 4096, PROT_READ | PROT_WRITE) < 0)
        return -1;
    write_tls(p, n, arg, attr);

    struct proc_thread *t = &p->threads[n];
    t->tcb = object_alloc(seL4_TCBObject, 0);
    t->sc = object_alloc(seL4_SchedContextObject, seL4_MinSchedContextBits);
    t->fault_ep = slot_alloc();
    check(seL4_CNode_Mint(seL4_CapInitThreadCNode, t->fault_ep, seL4_WordBits,
                          seL4_CapInitThreadCNode, proc_endpoint, seL4_WordBits, seL4_AllRights,
                          SEL4_BADGE_FAULT | (seL4_Word)n << SEL4_BADGE_TID_SHIFT |
                              (seL4_Word)p->pid),
          "CNode_Mint of a fault endpoint failed");
    check(seL4_SchedControl_ConfigureFlags(tm_bootinfo->schedcontrol.start, t->sc,
                                           proc_timeslice_us(), proc_timeslice_us(), 0, 0, 0),
          "SchedControl_ConfigureFlags of a process thread failed");
    seL4_Word guard = seL4_CNode_CapData_new(0, seL4_WordBits - SEL4_CNODE_BITS).words[0];
    seL4_CPtr ipc_frame = proc_cap_copy(p, proc_frame(p, page));
    check(seL4_TCB_Configure(t->tcb, p->cnode, guard, p->vspace, 0, page, ipc_frame),
          "TCB_Configure of a process thread failed");
    slot_free(ipc_frame);
    int prio = (attr->__flags & PTHREAD_EXPLICIT_SCHED) ? attr->__param.sched_priority : PROC_PRIO;
    if (prio < 1 || prio > 254)
        prio = PROC_PRIO;
    check(seL4_TCB_SetSchedParams(t->tcb, seL4_CapInitThreadTCB, (seL4_Word)prio, (seL4_Word)prio,
                                  t->sc, t->fault_ep),
          "TCB_SetSchedParams of a process thread failed");
    p->nthreads++;

    seL4_UserContext regs = {
        .pc = (seL4_Word)func,
        .sp = (seL4_Word)attr->__stackaddr + attr->__stacksize,
        .tp = page + SEL4_TLS_OFFSET,
        .a0 = (seL4_Word)arg,
    };
    check(seL4_TCB_WriteRegisters(t->tcb, 1, 0, sizeof(regs) / sizeof(seL4_Word), &regs),
          "TCB_WriteRegisters of a process thread failed");
    return n + 1;
}
