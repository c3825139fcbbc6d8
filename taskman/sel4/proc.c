/*
 * Process creation and end on seL4 (the per-kernel half of taskman's ProcCreate, ProcDestroy
 * and ProcWait): a process is a CNode holding its connections to taskman-L (include/abi/sel4.h)
 * and a VSpace (a root page table with an ASID); threads and memory come later (procthread.c,
 * procmem.c).
 */
#include <errno.h>
#include <proto/taskman.h>
#include <string.h>
#include <sys/neutrino.h>

#include <abi/sel4.h>

#include "proc.h"

seL4_CPtr proc_endpoint;
static struct lproc procs[PROC_MAX];
static int next_pid = FIRST_PID;

void proc_init(void)
{
    proc_endpoint = object_alloc(seL4_EndpointObject, 0);
}

struct lproc *proc_get(int pid)
{
    for (int i = 0; i < PROC_MAX; i++)
        if (procs[i].used && procs[i].pid == pid)
            return &procs[i];
    return NULL;
}

struct lproc *proc_at(int i)
{
    return i >= 0 && i < PROC_MAX && procs[i].used ? &procs[i] : NULL;
}

int ProcCreate(unsigned flags, const char *name)
{
    if (flags & ~(unsigned)(_NTO_PF_TASKMAN | _NTO_PF_IO)) {
        errno = EINVAL;
        return -1;
    }
    struct lproc *p = NULL;
    for (int i = 0; i < PROC_MAX && !p; i++)
        if (!procs[i].used)
            p = &procs[i];
    if (!p) {
        errno = EAGAIN;
        return -1;
    }
    memset(p, 0, sizeof(*p));
    p->pid = next_pid++;
    p->io = (flags & _NTO_PF_IO) != 0;
    for (unsigned slot = SEL4_SLOT_DEV_FIRST; slot < 1u << SEL4_CNODE_BITS; slot++)
        p->slot_used[slot / 64] |= 1ull << (slot % 64); /* notifications and IRQ handlers */
    if (name) {
        size_t n = strlen(name);
        memcpy(p->name, name, n < PROC_NAME - 1 ? n : PROC_NAME - 1);
    }

    p->cnode = object_alloc(seL4_CapTableObject, SEL4_CNODE_BITS);
    p->vspace = object_alloc(seL4_RISCV_PageTableObject, 0);
    seL4_Error err = seL4_RISCV_ASIDPool_Assign(seL4_CapInitThreadASIDPool, p->vspace);
    if (err != seL4_NoError)
        tm_fatal("ASIDPool_Assign failed", err);
    for (unsigned slot = SEL4_SLOT_FD(0); slot < SEL4_SLOT_CHAN(1); slot++)
        conn_set(p, slot, seL4_CapNull, (seL4_Word)p->pid);
    p->conn[SEL4_SLOT_TASKMAN] = (seL4_Word)p->pid | SEL4_SLOT_TASKMAN << SEL4_BADGE_CONN_SHIFT;
    p->conn_server[SEL4_SLOT_TASKMAN] = TASKMAN_PID << 16 | TASKMAN_CHID;
    conn_set(p, SEL4_SLOT_TASKMAN, seL4_CapNull, p->conn[SEL4_SLOT_TASKMAN]);
    p->used = true;
    return p->pid;
}

void proc_end(struct lproc *p, int status)
{
    if (p->ended)
        return;
    for (int i = 0; i < p->nthreads; i++)
        seL4_TCB_Suspend(p->threads[i].tcb);
    p->ended = true;
    p->status = status;
    timers_proc_gone(p->pid);
}

int ProcDestroy(pid_t pid, int status)
{
    struct lproc *p = proc_get(pid);
    if (!p) {
        errno = ESRCH;
        return -1;
    }
    proc_end(p, status);
    return 0;
}

// Gives back the cap slots of an ended process: its threads first, then its channels (after
// its clients' connections to them), its VSpace (deleting the root's last cap releases its
// ASID), then its CNode, which takes the caps of its frames and page tables with it. The untyped
// memory behind them is not reused yet (docs/qsoe-l.md).
static void release(struct lproc *p)
{
    pulses_release(p);
    conn_release_own(p);
    for (int i = 0; i < p->nthreads; i++) {
        slot_free(p->threads[i].tcb);
        slot_free(p->threads[i].sc);
        slot_free(p->threads[i].fault_ep);
    }
    seL4_CPtr callers[PROC_MAX * PROC_THREADS];
    int ncallers = msgcopy_callers(p, callers, PROC_MAX * PROC_THREADS);
    conn_server_gone(p);
    for (int k = 1; k <= SEL4_MAX_CHANNELS; k++)
        if (p->chan_ep[k])
            slot_free(p->chan_ep[k]);
    slot_free(p->vspace);
    slot_free(p->cnode);
    for (int i = 0; i < ncallers; i++)
        seL4_TCB_Resume(callers[i]); /* stopped with the reply objects: call again */
}

// taskman-L learns of ends in its own receive loop, so waiting never blocks here: an ended
// process is reaped at once, a live one gives EAGAIN.
int ProcWait(pid_t pid, int *status)
{
    struct lproc *p = NULL;
    for (int i = 0; i < PROC_MAX && !p; i++)
        if (procs[i].used && procs[i].ended && (pid == -1 || procs[i].pid == pid))
            p = &procs[i];
    if (!p) {
        errno = pid == -1 || proc_get(pid) ? EAGAIN : ESRCH;
        return -1;
    }
    if (status)
        *status = p->status;
    release(p);
    p->used = false;
    return p->pid;
}
