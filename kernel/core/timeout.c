/*
 * Per-hart timeouts: a list of threads waiting for a deadline, soonest first, and the one-shot
 * hardware timer kept armed for the earliest of those deadlines and of a running round-robin
 * slice. A thread's timeout lives on its home hart, so no other hart touches the list.
 */
#include <thread.h>

uint64_t ns_to_ticks(uint64_t ns)
{
    uint64_t hz = platform.timebase_hz;
    return (ns / 1000000000ul) * hz + (ns % 1000000000ul) * hz / 1000000000ul;
}

uint64_t ticks_to_ns(uint64_t ticks)
{
    uint64_t hz = platform.timebase_hz;
    return (ticks / hz) * 1000000000ul + (ticks % hz) * 1000000000ul / hz;
}

void timer_reprogram(struct cpu *c)
{
    uint64_t next = UINT64_MAX;
    if (!list_empty(&c->timeouts))
        next = container_of(c->timeouts.next, struct thread, timeout_link)->timeout_deadline;
    uint64_t timer = ktimer_next(c);
    if (timer < next)
        next = timer;
    if (next < c->timer_armed) {
        c->timer_armed = next;
        arch_timer_arm(next);
    }
}

// Queues the current thread to be woken with -ETIMEDOUT at deadline (in timer ticks).
void timeout_start(struct thread *t, uint64_t deadline)
{
    struct cpu *c = t->cpu;
    t->timeout_deadline = deadline;
    struct list *pos;
    list_for_each(pos, &c->timeouts)
    {
        if (container_of(pos, struct thread, timeout_link)->timeout_deadline > deadline)
            break;
    }
    list_insert_before(pos, &t->timeout_link);
    t->timeout_queued = true;
    timer_reprogram(c);
}

void timeout_cancel(struct thread *t)
{
    if (!t->timeout_queued)
        return;
    list_remove(&t->timeout_link);
    t->timeout_queued = false;
}

void timeout_expire(struct cpu *c)
{
    uint64_t now = arch_time_now();
    while (!list_empty(&c->timeouts)) {
        struct thread *t = container_of(c->timeouts.next, struct thread, timeout_link);
        if (t->timeout_deadline > now)
            break;
        timeout_cancel(t);
        t->timeout_fired = true;
        int state = t->state;
        if (!(t->timeout_states & (1u << state)))
            continue; /* it may yet enter a state the timeout covers */
        if (state == STATE_REPLY && ipc_timeout(t))
            continue; /* the server was asked to unblock the client instead */
        thread_wake(t, state, state == STATE_NANOSLEEP ? 0 : -ETIMEDOUT);
    }
}
