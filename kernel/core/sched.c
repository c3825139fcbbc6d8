/*
 * The per-hart scheduler: 256 priority levels of FIFO queues with a bitmap, round-robin slices,
 * preemption by a newly ready higher-priority thread, and the hart inbox through which other
 * harts hand over threads they woke. Only the home hart touches its run queue.
 */
#include <process.h>
#include <thread.h>

struct cpu cpus[MAX_CPUS];
int ncpus;

static void rq_push(struct runqueue *rq, struct thread *t, bool front)
{
    if (front)
        list_push_front(&rq->queue[t->prio], &t->rq_link);
    else
        list_push_back(&rq->queue[t->prio], &t->rq_link);
    rq->bitmap[t->prio / 64] |= 1ull << (t->prio % 64);
    rq->summary |= 1ull << (t->prio / 64);
}

static void rq_remove(struct runqueue *rq, struct thread *t)
{
    list_remove(&t->rq_link);
    if (list_empty(&rq->queue[t->prio])) {
        rq->bitmap[t->prio / 64] &= ~(1ull << (t->prio % 64));
        if (!rq->bitmap[t->prio / 64])
            rq->summary &= ~(1ull << (t->prio / 64));
    }
}

// Index of the highest set bit of x (x != 0). The kernel has no clz instruction, so x is
// smeared down to 2^(n+1) - 1 and its top bit 2^n isolated; multiplying 2^n by a de Bruijn
// constant puts a distinct 6-bit pattern in the top bits for each n, which the table maps
// back to n. Branch-free, and small enough to inline in the run-queue lookups.
static inline int highest_bit(uint64_t x)
{
    static const uint8_t index[64] = {
        0,  1,  2,  53, 3,  7,  54, 27, 4,  38, 41, 8,  34, 55, 48, 28, 62, 5,  39, 46, 44, 42,
        22, 9,  24, 35, 59, 56, 49, 18, 29, 11, 63, 52, 6,  26, 37, 40, 33, 47, 61, 45, 43, 21,
        23, 58, 17, 10, 51, 25, 36, 32, 60, 20, 57, 16, 50, 31, 19, 15, 30, 14, 13, 12};
    x |= x >> 1;
    x |= x >> 2;
    x |= x >> 4;
    x |= x >> 8;
    x |= x >> 16;
    x |= x >> 32;
    x ^= x >> 1;
    return index[(x * 0x022fdd63cc95386dull) >> 58];
}

static inline int rq_highest(const struct runqueue *rq)
{
    if (!rq->summary)
        return -1;
    int w = highest_bit(rq->summary);
    return w * 64 + highest_bit(rq->bitmap[w]);
}

static struct thread *rq_pop(struct runqueue *rq)
{
    int prio = rq_highest(rq);
    if (prio < 0)
        return NULL;
    struct thread *t = container_of(rq->queue[prio].next, struct thread, rq_link);
    rq_remove(rq, t);
    return t;
}

// The round-robin slice in timer ticks, set once the timebase is known (sched_init_cpu).
static uint64_t slice_ticks;

void sched_init_cpu(struct cpu *c)
{
    for (int i = 0; i < NPRIO; i++)
        list_init(&c->rq.queue[i]);
    list_init(&c->inbox);
    list_init(&c->timeouts);
    list_init(&c->timers);
    c->timer_armed = UINT64_MAX;
    slice_ticks = ns_to_ticks(RR_SLICE_NS);
}

void sched_ipi(struct cpu *c)
{
    arch_send_ipi(c->hartid);
}

// Makes sure the timer fires when the round-robin slice of t (running on c) ends. A slice
// starts when t first has a peer to share the hart with (slice_start 0 until then), so a
// thread alone at its priority reads no clock as it is switched in.
static void arm_slice(struct cpu *c, struct thread *t)
{
    if (!t->slice_start)
        t->slice_start = arch_time_now();
    uint64_t end = t->slice_start + slice_ticks;
    if (end < c->timer_armed) {
        c->timer_armed = end;
        arch_timer_arm(end);
    }
}

// Asks for a reschedule on c if t should run before what c runs now.
void sched_check_preempt(struct cpu *c, struct thread *t)
{
    struct thread *cur = c->cur;
    if (!cur || cur == c->idle || t->prio > cur->prio) {
        c->need_resched = true;
        return;
    }
    if (t->prio == cur->prio && cur->policy == SCHED_RR)
        arm_slice(c, cur);
}

// Puts a READY thread on its home hart's run queue; from another hart it goes by the inbox.
void sched_make_ready(struct thread *t)
{
    struct cpu *home = t->cpu;
    struct cpu *here = this_cpu();
    if (home == here) {
        rq_push(&home->rq, t, false);
        sched_check_preempt(home, t);
        return;
    }
    spin_lock(&home->inbox_lock);
    list_push_back(&home->inbox, &t->rq_link);
    spin_unlock(&home->inbox_lock);
    sched_ipi(home);
}

// Makes t, claimed from its blocked state, ready to run on this hart after the current thread
// without queueing it, if that is safe: t is at home here, no other thread is held this way
// and t is no more urgent than the current thread, so nothing has to preempt. This is lazy
// scheduling for message passing: a server that replies and then blocks in MsgReceive switches
// straight to the client it replied to (ipc_fast_receive), saving a push and a pop of the run
// queue. Everything else that schedules queues t first (sched_settle). False, nothing done,
// when it is not safe; the caller then makes t ready the usual way.
bool sched_ready_lazy(struct thread *t, long result)
{
    struct cpu *c = this_cpu();
    struct thread *cur = c->cur;
    if (t->cpu != c || c->lazy || t->prio > cur->prio)
        return false;
    t->wait_result = result;
    c->lazy = t;
    /* The current thread's slice must still end on time for t, its peer. */
    if (t->prio == cur->prio && cur->policy == SCHED_RR)
        arm_slice(c, cur);
    return true;
}

// Puts the thread sched_ready_lazy held back on the run queue, as sched_make_ready would have.
void sched_flush_lazy(struct cpu *c)
{
    struct thread *t = c->lazy;
    c->lazy = NULL;
    rq_push(&c->rq, t, false);
    sched_check_preempt(c, t);
}

void sched_drain_inbox(struct cpu *c)
{
    if (list_empty(&c->inbox) && !__atomic_load_n(&c->nboosts, __ATOMIC_ACQUIRE))
        return;
    spin_lock(&c->inbox_lock);
    struct list *n;
    while ((n = list_pop_front(&c->inbox)) != NULL) {
        struct thread *t = container_of(n, struct thread, rq_link);
        rq_push(&c->rq, t, false);
        sched_check_preempt(c, t);
    }
    for (int i = 0; i < c->nboosts; i++) {
        /* The thread is found again by its id: it may have ended since the request. */
        struct thread *t = thread_by_rcvid((int)c->boosts[i].id);
        if (t && t->cpu == c && t->prio < c->boosts[i].prio && t->state != STATE_DEAD &&
            __atomic_load_n(&t->boost_epoch, __ATOMIC_ACQUIRE) == c->boosts[i].epoch)
            sched_set_priority(t, c->boosts[i].prio);
    }
    c->nboosts = 0;
    spin_unlock(&c->inbox_lock);
}

// Raises t's priority to prio (priority inheritance). t's own hart does it: from another hart
// this is a message to t's hart (by t's id) and an IPI, as every cross-hart change here is,
// dropped there if t has released a mutex since (its boost_epoch is no longer epoch).
void sched_boost(struct thread *t, int prio, uint32_t epoch)
{
    struct cpu *home = t->cpu;
    if (home == this_cpu()) {
        if (t->prio < prio)
            sched_set_priority(t, prio);
        return;
    }
    spin_lock(&home->inbox_lock);
    int i = 0;
    while (i < home->nboosts && home->boosts[i].id != (uint32_t)t->rcvid)
        i++;
    if (i == home->nboosts && i < (int)ARRAY_SIZE(home->boosts)) {
        home->boosts[i].id = (uint32_t)t->rcvid;
        home->boosts[i].prio = 0;
        home->nboosts++;
    }
    if (i < (int)ARRAY_SIZE(home->boosts) && home->boosts[i].prio < prio) {
        home->boosts[i].prio = (uint8_t)prio;
        home->boosts[i].epoch = epoch;
    }
    spin_unlock(&home->inbox_lock);
    sched_ipi(home);
}

// Claims a blocked thread: if t is still in from_state (any blocked state when from_state is
// -1), it becomes READY but is not queued yet, so no other waker can take it, and the caller
// finishes the hand-over with thread_release. Whoever wins the state change owns the wake-up.
bool thread_claim(struct thread *t, int from_state)
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

// Completes a claim: result becomes the return value of t's blocking call.
void thread_release(struct thread *t, long result)
{
    t->wait_result = result;
    sched_make_ready(t);
}

bool thread_wake(struct thread *t, int from_state, long result)
{
    if (!thread_claim(t, from_state))
        return false;
    thread_release(t, result);
    return true;
}

// Work left by the thread that was switched out: its kernel stack to free if it died, or its
// hand-over to another hart if it moved. Runs on the new thread's stack.
void sched_finish_switch(struct cpu *c)
{
    if (c->reap) {
        struct thread *dead = c->reap;
        c->reap = NULL;
        thread_reap(dead);
    }
    if (c->migrate) {
        struct thread *t = c->migrate;
        c->migrate = NULL;
        sched_make_ready(t);
    }
}

// Makes next the hart's running thread: its state, slice, address space and FPU.
static inline __attribute__((always_inline)) void switch_in(struct cpu *c, struct thread *next)
{
    if (next->policy == SCHED_RR) {
        next->slice_start = 0;
        if (rq_highest(&c->rq) >= next->prio)
            arm_slice(c, next);
    }
    c->cur = next;
    if (next->proc) {
        arch_pt_activate(next->proc->as.root);
        arch_fp_switch_in(next->frame, c->fp_owner == next);
    }
}

// Continues next, just switched in. A thread that blocked the same way as the one leaving
// (with the continuation resume) holds nothing else to load.
static void __attribute__((noreturn)) resume_next(struct thread *next, void (*resume)(void))
{
    if (arch_context_is_fresh(&next->ctx, resume))
        arch_resume_fresh(&next->ctx);
    arch_resume(&next->ctx);
}

static void set_running(struct thread *next)
{
    next->state = STATE_RUNNING;
    if (next->prio_stale) {
        next->prio_stale = false;
        next->prio = next->base_prio;
    }
}

// Switches the hart from prev to next (both may be the same).
static void switch_to(struct cpu *c, struct thread *prev, struct thread *next)
{
    set_running(next);
    if (next == prev)
        return;
    switch_in(c, next);
    arch_switch(&prev->ctx, &next->ctx);
    sched_finish_switch(this_cpu());
}

// Gives up the hart. The caller has set the current thread's state: RUNNING to stay runnable
// (at the front of its queue when preempted, at the back after a yield or a spent slice), a
// blocked state, or DEAD.
void sched(void)
{
    struct cpu *c = this_cpu();
    struct thread *prev = c->cur;
    sched_settle(c);
    sched_drain_inbox(c);
    c->need_resched = false;
    bool to_back = c->requeue_back;
    c->requeue_back = false;
    if (prev->state == STATE_RUNNING && prev != c->idle) {
        prev->state = STATE_READY;
        rq_push(&c->rq, prev, !to_back);
    }
    struct thread *next = rq_pop(&c->rq);
    if (!next)
        next = c->idle;
    switch_to(c, prev, next);
}

// The current thread has blocked and t, claimed from its blocked state and at home on this
// hart, should run next: switch to it without the run queue, unless something more urgent
// waits. This is the message-passing fast path.
void sched_handoff(struct thread *t, long result)
{
    struct cpu *c = this_cpu();
    sched_settle(c);
    t->wait_result = result;
    if (t->cpu != c || !list_empty(&c->inbox) || rq_highest(&c->rq) > t->prio) {
        sched_make_ready(t);
        sched();
        return;
    }
    c->need_resched = false;
    c->requeue_back = false;
    switch_to(c, c->cur, t);
}

// sched_handoff (next set) or sched (next NULL) for a current thread that has blocked and whose
// kernel stack holds nothing that must run when it wakes: its wake-up is resume, run from the
// top of its stack, so the stack is dropped rather than saved. Never returns.
void sched_block_discard(struct thread *next, long result, void (*resume)(void))
{
    struct cpu *c = this_cpu();
    struct thread *prev = c->cur;
    sched_settle(c);
    if (!list_empty(&c->inbox))
        sched_drain_inbox(c);
    if (next) {
        next->wait_result = result;
        if (next->cpu != c || rq_highest(&c->rq) > next->prio) {
            sched_make_ready(next);
            next = NULL;
        }
    }
    if (!next)
        next = rq_pop(&c->rq);
    if (!next)
        next = c->idle;
    c->need_resched = false;
    c->requeue_back = false;
    arch_context_set(&prev->ctx, resume, (uintptr_t)prev->frame);
    set_running(next);
    if (next != prev)
        switch_in(c, next);
    resume_next(next, resume);
}

// Whether nothing queued on c's run queue is more urgent than prio (sched_may_handoff).
bool sched_queue_below(struct cpu *c, int prio)
{
    return rq_highest(&c->rq) <= prio;
}

// The switch of sched_block_discard for the message fast paths, which have checked
// sched_may_handoff and claimed next (at home here) themselves, or taken it from the lazy slot:
// the current thread continues at resume when it wakes, and next becomes the hart's thread.
// The caller, still on the old kernel stack, then continues next (sched_resume, or straight to
// user mode when next has nothing left to do in the kernel).
void sched_handoff_switch(struct thread *next, void (*resume)(void))
{
    struct cpu *c = this_cpu();
    struct thread *prev = c->cur;
    c->need_resched = false;
    c->requeue_back = false;
    arch_context_set(&prev->ctx, resume, (uintptr_t)prev->frame);
    set_running(next);
    switch_in(c, next);
}

void sched_resume(struct thread *next, void (*resume)(void))
{
    resume_next(next, resume);
}

void sched_yield(void)
{
    this_cpu()->requeue_back = true;
    sched();
}

// Timer tick: ends the slice of a round-robin thread that has peers at its priority.
void sched_tick(struct cpu *c)
{
    struct thread *cur = c->cur;
    if (!cur || cur == c->idle || cur->policy != SCHED_RR)
        return;
    if (rq_highest(&c->rq) < cur->prio)
        return;
    if (!cur->slice_start) {
        arm_slice(c, cur); /* a peer came without sched_check_preempt: the slice starts now */
    } else if (arch_time_now() >= cur->slice_start + slice_ticks) {
        c->need_resched = true;
        c->requeue_back = true;
    } else {
        arm_slice(c, cur);
    }
}

void sched_set_priority(struct thread *t, int prio)
{
    struct cpu *c = this_cpu();
    if (t == c->lazy)
        sched_flush_lazy(c);
    if (t->state == STATE_READY && t->cpu == c) {
        rq_remove(&c->rq, t);
        t->prio = (uint8_t)prio;
        rq_push(&c->rq, t, false);
        sched_check_preempt(c, t);
        return;
    }
    t->prio = (uint8_t)prio;
    if (t == c->cur && rq_highest(&c->rq) > prio)
        c->need_resched = true;
}

// Chooses the home hart for a new thread: the allowed hart with the fewest queued threads.
struct cpu *sched_pick_cpu(uint64_t runmask)
{
    struct cpu *best = NULL;
    int best_load = 0;
    for (int i = 0; i < ncpus; i++) {
        struct cpu *c = &cpus[i];
        if (!c->online || (runmask && !(runmask & (1ull << i))))
            continue;
        int load = 0;
        for (int w = 0; w < NPRIO / 64; w++)
            load += __builtin_popcountll(c->rq.bitmap[w]);
        load += (c->cur && c->cur != c->idle);
        if (!best || load < best_load) {
            best = c;
            best_load = load;
        }
    }
    return best ? best : this_cpu();
}

// The idle thread of each hart: run whatever becomes ready, else wait in wfi.
void sched_idle_loop(void)
{
    struct cpu *c = this_cpu();
    for (;;) {
        sched_drain_inbox(c);
        if (rq_highest(&c->rq) >= 0) {
            sched();
            continue;
        }
        arch_wait_for_interrupt();
    }
}
