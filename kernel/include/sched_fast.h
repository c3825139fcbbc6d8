/*
 * The scheduler steps the message fast paths take, inline so that a hand-over between a client
 * and a server costs no calls: the claim of a blocked thread, the lazy readying of a client a
 * reply woke, and the switch to a claimed thread. The rest of the scheduler is in sched.c, which
 * uses these too.
 */
#ifndef SKIMMER_SCHED_FAST_H
#define SKIMMER_SCHED_FAST_H

#include <process.h>
#include <thread.h>

#define SCHED_INLINE static inline __attribute__((always_inline))

extern uint64_t sched_slice_ticks;

// Makes sure the timer fires when the round-robin slice of t (running on c) ends. A slice
// starts when t first has a peer to share the hart with (slice_start 0 until then), so a
// thread alone at its priority reads no clock as it is switched in.
SCHED_INLINE void sched_arm_slice(struct cpu *c, struct thread *t)
{
    if (!t->slice_start)
        t->slice_start = arch_time_now();
    uint64_t end = t->slice_start + sched_slice_ticks;
    if (end < c->timer_armed) {
        c->timer_armed = end;
        arch_timer_arm(end);
    }
}

// Claims a blocked thread: if t is still in from_state (any blocked state when from_state is
// -1), it becomes READY but is not queued yet, so no other waker can take it, and the caller
// finishes the hand-over with thread_release. Whoever wins the state change owns the wake-up.
SCHED_INLINE bool thread_claim(struct thread *t, int from_state)
{
    for (;;) {
        int s = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE);
        if (s == STATE_RUNNING || s == STATE_READY || s == STATE_DEAD || s == STATE_STOPPED)
            return false;
        if (from_state >= 0 && s != from_state)
            return false;
        if (__atomic_compare_exchange_n(&t->state, &s, STATE_READY, false, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE))
            return true;
    }
}

// Makes t, claimed from its blocked state, ready to run on this hart after the current thread
// without queueing it, if that is safe: t is at home here, no other thread is held this way
// and t is no more urgent than the current thread, so nothing has to preempt. This is lazy
// scheduling for message passing: a server that replies and then blocks in MsgReceive switches
// straight to the client it replied to (ipc_fast_receive), saving a push and a pop of the run
// queue. Everything else that schedules queues t first (sched_settle). False, nothing done,
// when it is not safe; the caller then makes t ready the usual way.
SCHED_INLINE bool sched_ready_lazy(struct thread *t, long result)
{
    struct cpu *c = this_cpu();
    struct thread *cur = c->cur;
    if (t->cpu != c || c->lazy || t->prio > cur->prio)
        return false;
    t->wait_result = result;
    c->lazy = t;
    /* The current thread's slice must still end on time for t, its peer. */
    if (t->prio == cur->prio && cur->policy == SCHED_RR)
        sched_arm_slice(c, cur);
    return true;
}

SCHED_INLINE void sched_set_running(struct thread *next)
{
    next->state = STATE_RUNNING;
    if (next->prio_stale) {
        next->prio_stale = false;
        next->prio = next->base_prio;
    }
}

// Makes next the hart's running thread: its slice, address space and FPU. A thread of no
// process (the idle thread) runs on the kernel's page table, so that no hart keeps the table of
// a process that ends meanwhile: it is freed with the process, and a hart still using it would
// find no kernel there once its TLB is flushed.
SCHED_INLINE void sched_switch_in(struct cpu *c, struct thread *next)
{
    if (next->policy == SCHED_RR) {
        next->slice_start = 0;
        if (c->rq.summary && !sched_queue_below(c, next->prio - 1))
            sched_arm_slice(c, next);
    }
    c->cur = next;
    if (next->proc) {
        arch_pt_activate(next->proc->as.root);
        arch_fp_switch_in(next->frame, c->fp_owner == next);
    } else {
        arch_pt_activate(arch_kernel_root());
    }
}

// The switch of sched_block_discard for the message fast paths, which have checked
// sched_may_handoff and claimed next (at home here) themselves, or taken it from the lazy slot:
// the current thread continues at resume when it wakes, and next becomes the hart's thread.
// The caller, still on the old kernel stack, then continues next (sched_resume, or straight to
// user mode when next has nothing left to do in the kernel).
SCHED_INLINE void sched_handoff_switch(struct thread *next, void (*resume)(void))
{
    struct cpu *c = this_cpu();
    struct thread *prev = c->cur;
    c->need_resched = false;
    c->requeue_back = false;
    arch_context_set(&prev->ctx, resume, (uintptr_t)prev->frame);
    sched_set_running(next);
    sched_switch_in(c, next);
}

#endif
