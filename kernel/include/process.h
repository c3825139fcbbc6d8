/*
 * Processes: an address space, a table of threads and the credentials of a kernel-call caller
 * (privilege flags). Everything else a POSIX process has (files, pids of children, uids)
 * belongs to taskman, not to the kernel.
 */
#ifndef SKIMMER_PROCESS_H
#define SKIMMER_PROCESS_H

#include <kernel.h>
#include <list.h>
#include <spinlock.h>
#include <thread.h>

#define MAX_PROCESSES     1024
#define PROCESS_SLOT_BITS 10

/* A process status is its exit code, or PROCESS_STATUS_SIGNALED with the number of the signal
   that ended it; a fault ends a process as if by SIGSEGV. */
#define PROCESS_STATUS_SIGNALED 0x10000
#define PROCESS_STATUS_FAULT    (PROCESS_STATUS_SIGNALED | 11)

/* User address space layout: thread stacks the kernel assigns sit in fixed 1 MiB slots. */
#define USER_LOW           0x10000ul
#define STACK_REGION       0x3000000000ul
#define STACK_SLOT_SIZE    (1ul << 20)
#define STACK_DEFAULT_SIZE (64ul << 10)
#define STACK_MAX_SIZE     (STACK_SLOT_SIZE - PAGE_SIZE) /* one page stays unmapped as a guard */
#define BOOT_IMAGE_BASE    0x2000000000ul /* where the boot cpio is shown to taskman */

struct addrspace {
    struct spinlock lock;
    uintptr_t root;
    size_t pages; /* memory pages mapped for it (not device pages) */
    uint64_t gen; /* changes whenever a page goes, which voids cached translations */
};

struct ktimer;

struct process {
    int pid;
    char name[32];
    unsigned flags; /* _NTO_PF_* privileges */
    struct spinlock lock;
    struct addrspace as;
    struct thread *threads[MAX_THREADS]; /* by tid - 1; live or zombie (unjoined) threads */
    int nlive;
    bool exiting;
    int exit_status;
    bool zombie;           /* all threads gone, status not yet collected */
    struct thread *waiter; /* thread blocked in ProcWait on this process */
    struct proc_ipc *ipc;  /* channels and connections */
    struct ktimer *timers[64]; /* TimerCreate ids 1..64 */
    int refs;

    struct proc_signals *sig; /* signal.c, under lock */
};

/* process.c */
struct process *process_create(const char *name, unsigned flags);
struct process *process_get(int pid);
void process_put(struct process *p);
void process_terminate(struct process *p, int status);
void process_thread_gone(struct process *p);
int process_wait(int pid, int *status);
int process_count(void);

/* A user range: below USER_TOP and not wrapping (whether it is mapped is found on use). */
// Channel chid of p, or NULL; the caller holds p->lock. Inline, as every MsgReceive asks.
static inline struct channel *channel_lookup(struct process *p, int chid)
{
    if (chid < 1 || chid > MAX_CHANNELS)
        return NULL;
    return p->ipc->chans[chid - 1];
}

// Connection coid of p (a side channel's too), or NULL; the caller holds p->lock. Inline, as
// every MsgSend asks.
static inline struct connection *connection_lookup(struct process *p, int coid)
{
    if (coid & _NTO_SIDE_CHANNEL) {
        int i = coid & ~_NTO_SIDE_CHANNEL;
        return i >= 0 && i < MAX_SIDE_COIDS ? p->ipc->side[i] : NULL;
    }
    return coid >= 0 && coid < MAX_COIDS ? p->ipc->coids[coid] : NULL;
}

static inline bool user_range_ok(uintptr_t addr, size_t len)
{
    return addr + len >= addr && addr + len <= USER_TOP;
}

// The kernel address of user byte va of t's process, writable by user code, or NULL: the
// page-table walk of a copy into t, remembered for t's two most recent pages (its receive or
// reply buffer and its _msg_info, usually). The caller holds t's address-space lock, under
// which unmapping changes gen; anything else in t's process must use user_byte.
static inline __attribute__((always_inline)) char *msg_peer_kva(struct thread *t, uintptr_t va)
{
    uint64_t gen = t->proc->as.gen;
    uintptr_t page = va & ~(PAGE_SIZE - 1);
    if (t->xl[0].upage == page && t->xl[0].gen == gen)
        return t->xl[0].kpage + (va - page);
    if (t->xl[1].upage == page && t->xl[1].gen == gen)
        return t->xl[1].kpage + (va - page);
    return msg_peer_kva_miss(t, va);
}

/* vm.c */
int vm_init(struct addrspace *as);
void vm_destroy(struct addrspace *as);
int vm_map_anon(struct addrspace *as, uintptr_t va, size_t len, unsigned flags);
int vm_unmap(struct addrspace *as, uintptr_t va, size_t len);
int vm_write(struct addrspace *as, uintptr_t va, const void *src, size_t len, bool src_is_user);
int copy_from_user(void *dst, const void *usrc, size_t len);
int copy_to_user(void *udst, const void *src, size_t len);
int vm_copy_out(struct process *p, uintptr_t va, const void *src, size_t len);

#endif
