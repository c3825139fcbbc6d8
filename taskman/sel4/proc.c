/*
 * Process creation and end on seL4 (the per-kernel half of taskman's ProcCreate, ProcDestroy
 * and ProcWait): a process is a CNode holding its connection to taskman-L and a VSpace (a
 * root page table with an ASID); threads and memory come later (procthread.c, procmem.c).
 */
#include <errno.h>
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

int ProcCreate(unsigned flags, const char *name)
{
    (void)flags;
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
    size_t n = strlen(name ? name : "");
    n = n < PROC_NAME - 1 ? n : PROC_NAME - 1;
    memcpy(p->name, name, n);

    p->cnode = object_alloc(seL4_CapTableObject, SEL4_CNODE_BITS);
    p->vspace = object_alloc(seL4_RISCV_PageTableObject, 0);
    seL4_Error err = seL4_RISCV_ASIDPool_Assign(seL4_CapInitThreadASIDPool, p->vspace);
    if (err != seL4_NoError)
        tm_fatal("ASIDPool_Assign failed", err);
    err = seL4_CNode_Mint(p->cnode, SEL4_SLOT_TASKMAN, SEL4_CNODE_BITS, seL4_CapInitThreadCNode,
                          proc_endpoint, seL4_WordBits, seL4_AllRights, (seL4_Word)p->pid);
    if (err != seL4_NoError)
        tm_fatal("CNode_Mint of a process's taskman connection failed", err);
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
    p->used = false;
    return p->pid;
}

// Moving connections between processes needs taskman-L's channels, which QSOE/L does not
// have yet (docs/qsoe-l.md).
int ConnectMove(pid_t from, int coid, pid_t to, unsigned index)
{
    (void)from, (void)coid, (void)to, (void)index;
    errno = ENOSYS;
    return -1;
}
