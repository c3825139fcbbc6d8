/*
 * The per-hart scheduler: 256 priority levels of FIFO queues with a bitmap, round-robin slices,
 * preemption by a newly ready higher-priority thread, and the hart inbox through which other
 * harts hand over threads they woke. Only the home hart touches its run queue.
 */
#include <process.h>
#include <sched_fast.h>
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
uint64_t sched_slice_ticks;

void sched_init_cpu(struct cpu *c)
{
    for (int i = 0; i < NPRIO; i++)
        list_init(&c->rq.queue[i]);
    list_init(&c->inbox);
    list_init(&c->timeouts);
    list_init(&c->timers);
    c->timer_armed = UINT64_MAX;
    sched_slice_ticks = ns_to_ticks(RR_SLICE_NS);
}

void sched_ipi(struct cpu *c)
{
    arch_send_ipi(c->hartid);
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
        sched_arm_slice(c, cur);
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

// Continues next, just switched in. A thread that blocked the same way as the one leaving
// (with the continuation resume) holds nothing else to load.
static void __attribute__((noreturn)) resume_next(struct thread *next, void (*resume)(void))
{
    if (arch_context_is_fresh(&next->ctx, resume))
        arch_resume_fresh(&next->ctx);
    arch_resume(&next->ctx);
}

// Switches the hart from prev to next (both may be the same).
static void switch_to(struct cpu *c, struct thread *prev, struct thread *next)
{
    sched_set_running(next);
    if (next == prev)
        return;
    sched_switch_in(c, next);
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
    sched_set_running(next);
    if (next != prev)
        sched_switch_in(c, next);
    resume_next(next, resume);
}

// Whether nothing queued on c's run queue is more urgent than prio (sched_may_handoff).
bool sched_queue_below(struct cpu *c, int prio)
{
    return rq_highest(&c->rq) <= prio;
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
        sched_arm_slice(c, cur); /* a peer came without sched_check_preempt: the slice starts now */
    } else if (arch_time_now() >= cur->slice_start + sched_slice_ticks) {
        c->need_resched = true;
        c->requeue_back = true;
    } else {
        sched_arm_slice(c, cur);
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
