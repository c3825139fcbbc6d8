/*
 * Threads and the per-hart scheduler state. A thread belongs to one hart (its home) and only
 * that hart changes its run-queue links; another hart that wants it to run sends it there as a
 * message through the hart's inbox, in the manner of DragonFly's LWKT.
 */
#ifndef SKIMMER_THREAD_H
#define SKIMMER_THREAD_H

#include <kernel.h>
#include <list.h>
#include <spinlock.h>

#include <abi/sched.h>
#include <ipc.h>

#define KSTACK_SIZE (4 * PAGE_SIZE)
#define NPRIO       256
#define RR_SLICE_NS 4000000ul /* round-robin time slice, as QNX's default 4 ms */
#define MAX_THREADS 256       /* per process; tids are 1..MAX_THREADS */

struct process;

struct thread {
    struct arch_context ctx; /* must stay first: the switch code saves into it */
    struct trapframe *frame; /* user state, at the top of the kernel stack */
    void *kstack;
    struct process *proc;
    int tid;
    int state; /* STATE_*; changed from a blocked state by thread_wake only */
    int policy;
    uint8_t prio;          /* effective priority */
    uint8_t base_prio;     /* priority set by ThreadCreate/SchedSet */
    bool prio_stale;       /* base_prio changed from another hart: apply when next dequeued */
    struct cpu *cpu;       /* home hart */
    uint64_t runmask;      /* harts it may run on; 0 means all */
    struct list rq_link;   /* run queue or hart inbox */
    struct list proc_link; /* process's thread list */
    uint64_t slice_start;  /* when its round-robin slice began; 0 while it had no peer */

    long wait_result; /* what the blocking call returns, set by the waker */

    /* Timeout armed by TimerTimeout for the next blocking state in timeout_states. */
    uint32_t timeout_states;
    uint64_t timeout_deadline; /* absolute, in timer ticks */
    bool timeout_queued;
    bool timeout_fired; /* expired while the thread was in a state it does not cover */
    struct list timeout_link;

    /* Joining. */
    struct thread *joiner;
    void *exit_status;
    bool detached;
    bool killed;
    void *kill_status;

    uintptr_t ustack_base; /* kernel-assigned user stack, 0 if the creator supplied one */
    size_t ustack_size;

    /* Message passing: what a blocked sender or receiver offers, and where it waits. */
    int rcvid; /* names this thread to a server while it is REPLY-blocked */
    struct list ipc_link;
    struct channel *ipc_chan;
    int ipc_coid, ipc_scoid;
    bool ipc_pulse_only; /* in MsgReceivePulse */
    bool unblock_requested;
    uintptr_t ipc_info;         /* receiver's struct _msg_info, 0 for none */
    struct sync_obj *sync_wait; /* the wait queue this thread is on, if any */
    int intr_pending;           /* SIGEV_INTR interrupts not yet taken by InterruptWait */
    struct msg_buf smsg;        /* client: the message; server: the reply being sent */
    struct msg_buf rmsg;        /* client: the reply buffer; server: the receive buffer */
    struct xlate xl[2];         /* its buffer pages others write into (msg_peer_kva) */
    int xl_victim;              /* the entry a miss replaces */

    struct arch_fpstate fp;

    /* Signals (signal.c), under the process's lock. sig_attention says a signal may be
       ready for delivery, so the next return to user mode looks. */
    uint32_t boost_epoch; /* counts mutex releases, so a late boost for an old one is dropped */
    uint64_t sig_mask;
    uint64_t sig_pending; /* directed at this thread */
    bool sig_attention;
};

struct runqueue {
    uint64_t summary; /* bit w set when bitmap[w] is not zero */
    uint64_t bitmap[NPRIO / 64];
    struct list queue[NPRIO];
};

struct cpu {
    uintptr_t boot_sp; /* must stay first: read by the secondary entry code */
    int index;
    uint32_t hartid;
    bool online;
    struct thread *cur;
    struct thread *idle;
    bool need_resched;
    bool requeue_back;   /* the current thread yielded or spent its slice */
    struct thread *lazy; /* READY but on no run queue: see sched_ready_lazy */

    struct spinlock inbox_lock;
    struct list inbox; /* threads other harts made ready */
    /* Priority boosts other harts ask for (inheritance), by owner id; under inbox_lock. */
    struct {
        uint32_t id;
        uint32_t epoch; /* the thread's boost_epoch when asked: stale once it moved on */
        uint8_t prio;
    } boosts[16];
    int nboosts;

    struct list timeouts; /* sleeping or timed-out-blocked threads, soonest first */
    struct spinlock timer_lock;
    struct list timers;   /* armed process timers (ktimer.c), soonest first */
    uint64_t timer_armed; /* deadline the hardware timer is set to, UINT64_MAX if none */

    struct thread *reap;     /* thread that just died on this hart: free its stack */
    struct thread *migrate;  /* thread that just left this hart: send it to its new home */
    struct thread *fp_owner; /* thread whose registers the FPU holds */

    struct runqueue rq; /* last: the fields above stay within a load's reach of the start */
};

extern struct cpu cpus[MAX_CPUS];
extern int ncpus;

static inline struct cpu *this_cpu(void)
{
    return arch_this_cpu();
}

static inline struct thread *current(void)
{
    return arch_this_cpu()->cur;
}

/* sched.c */
void sched_init_cpu(struct cpu *c);
void sched(void);
void sched_yield(void);
void sched_make_ready(struct thread *t);
void sched_flush_lazy(struct cpu *c);
bool thread_wake(struct thread *t, int from_state, long result);
void thread_release(struct thread *t, long result);
void sched_handoff(struct thread *t, long result);
void sched_block_discard(struct thread *next, long result, void (*resume)(void))
    __attribute__((noreturn));
bool sched_queue_below(struct cpu *c, int prio);
void sched_resume(struct thread *next, void (*resume)(void)) __attribute__((noreturn));
void sched_drain_inbox(struct cpu *c);
void sched_idle_loop(void) __attribute__((noreturn));
void sched_start(void) __attribute__((noreturn));
void sched_set_priority(struct thread *t, int prio);
void sched_boost(struct thread *t, int prio, uint32_t epoch);
void sched_check_preempt(struct cpu *c, struct thread *t);
void sched_tick(struct cpu *c);
struct cpu *sched_pick_cpu(uint64_t runmask);
void sched_ipi(struct cpu *c);
void sched_finish_switch(struct cpu *c);

// Queues the hart's lazily readied thread, if any: every path but the MsgReceive fast path
// calls this before it looks at the run queue or gives up the hart.
static inline void sched_settle(struct cpu *c)
{
    if (__builtin_expect(c->lazy != NULL, 0))
        sched_flush_lazy(c);
}

// Whether a thread of priority prio may take this hart straight from its current thread:
// nothing queued here, or sent here, has to run first. Inline, for the message fast paths,
// which mostly find the run queue empty.
static inline bool sched_may_handoff(struct cpu *c, int prio)
{
    return list_empty(&c->inbox) && !c->nboosts && (!c->rq.summary || sched_queue_below(c, prio));
}

/* thread.c */
struct thread *thread_alloc(struct process *p);
void thread_free(struct thread *t);
long thread_block(void);
void thread_reap(struct thread *t);
uint32_t thread_owner_id(struct thread *t);
long thread_block_to(struct thread *next, long next_result);
void thread_exit(void *status) __attribute__((noreturn));
void thread_first_run(void);
void thread_kill(struct thread *t, void *status);
int thread_prepare(struct process *p, uintptr_t func, uintptr_t arg,
                   const struct _thread_attr *attr, struct thread **out);
void thread_start(struct thread *t);
int thread_spawn(struct process *p, uintptr_t func, uintptr_t arg, const struct _thread_attr *attr,
                 struct thread **out);
void kernel_exit_hook(void);

/* Every thread has a receive id: its slot in rcvid_table in the low bits, a generation above
   them, so that a stale rcvid never names a newer thread. Thread memory is never returned to
   the page pool (kobj caches only grow), so a looked-up pointer is always a thread; callers
   check its rcvid again under the lock of what they then do. */
#define RCVID_SLOT_BITS 12
#define RCVID_SLOTS     (1 << RCVID_SLOT_BITS)
extern struct thread *rcvid_table[RCVID_SLOTS];

// The thread rcvid names, or NULL; inline, as every MsgReply looks one up.
static inline struct thread *thread_by_rcvid(int rcvid)
{
    if (rcvid <= 0)
        return NULL;
    struct thread *t = __atomic_load_n(&rcvid_table[rcvid & (RCVID_SLOTS - 1)], __ATOMIC_ACQUIRE);
    return t && t->rcvid == rcvid ? t : NULL;
}

// How a kernel call that returns to its own thread t (frame f) ends: the timeout armed for
// it dropped (unless it armed one, keep_timeout), its result in a0, and what every return to
// user mode checks. kercall_entry, and the MsgReply fast path that the trap vector calls.
static inline void kercall_finish(struct cpu *c, struct thread *t, struct trapframe *f, long r,
                                  bool keep_timeout)
{
    if (!keep_timeout) {
        t->timeout_states = 0;
        t->timeout_fired = false;
    }
    arch_frame_set_arg(f, 0, (uint64_t)r);
    if (c->need_resched || t->killed || t->sig_attention)
        kernel_exit_hook();
}

/* timeout.c */
uint64_t ns_to_ticks(uint64_t ns);
uint64_t ticks_to_ns(uint64_t ticks);
void timeout_start(struct thread *t, uint64_t deadline);
void timeout_cancel(struct thread *t);
void timeout_expire(struct cpu *c);
void timer_reprogram(struct cpu *c);
uint64_t ktimer_next(struct cpu *c);
void ktimer_expire(struct cpu *c);
void ktimer_exit_process(struct process *p);
uint64_t clock_realtime_offset(void);

#endif
