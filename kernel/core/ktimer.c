/*
 * Process timers: TimerCreate, TimerSettime, TimerInfo, TimerDestroy and ClockPeriod. An
 * armed timer waits on the list of the hart that armed it, soonest first, under that hart's
 * timer lock (taken by another hart only to disarm it); on expiry its event is delivered and a
 * periodic timer is put back for its next interval.
 */
#include <abi/signal.h>
#include <kercall.h>
#include <mm.h>
#include <process.h>

#include <abi/timer.h>

struct ktimer {
    int id;
    int clockid;
    struct process *owner;
    int tid; /* the thread that made it: a SIGEV_SIGNAL_THREAD goes there */
    struct sigevent event;
    struct list link;  /* on its hart's list while armed */
    struct cpu *cpu;   /* hart it is armed on, NULL when not armed */
    uint64_t deadline; /* ticks */
    uint64_t interval; /* ticks, 0 for one-shot */
    uint32_t overruns;
};

static KOBJ_CACHE(ktimer_cache, struct ktimer);

static void disarm(struct ktimer *k)
{
    for (;;) {
        struct cpu *c = __atomic_load_n(&k->cpu, __ATOMIC_ACQUIRE);
        if (!c)
            return;
        spin_lock(&c->timer_lock);
        if (k->cpu == c) {
            list_remove(&k->link);
            k->cpu = NULL;
            spin_unlock(&c->timer_lock);
            return;
        }
        spin_unlock(&c->timer_lock);
    }
}

static void arm(struct ktimer *k, uint64_t deadline)
{
    struct cpu *c = this_cpu();
    spin_lock(&c->timer_lock);
    k->deadline = deadline;
    struct list *pos;
    list_for_each(pos, &c->timers)
    {
        if (container_of(pos, struct ktimer, link)->deadline > deadline)
            break;
    }
    list_insert_before(pos, &k->link);
    k->cpu = c;
    spin_unlock(&c->timer_lock);
    timer_reprogram(c);
}

// The earliest armed timer of c, for timer_reprogram.
uint64_t ktimer_next(struct cpu *c)
{
    spin_lock(&c->timer_lock);
    uint64_t next = list_empty(&c->timers)
                        ? UINT64_MAX
                        : container_of(c->timers.next, struct ktimer, link)->deadline;
    spin_unlock(&c->timer_lock);
    return next;
}

// Delivers the events of c's expired timers and re-arms the periodic ones.
void ktimer_expire(struct cpu *c)
{
    uint64_t now = arch_time_now();
    for (;;) {
        spin_lock(&c->timer_lock);
        struct ktimer *k =
            list_empty(&c->timers) ? NULL : container_of(c->timers.next, struct ktimer, link);
        if (!k || k->deadline > now) {
            spin_unlock(&c->timer_lock);
            return;
        }
        list_remove(&k->link);
        struct sigevent ev = k->event;
        int pid = k->owner->pid, tid = k->tid;
        if (k->interval) {
            uint64_t next = k->deadline + k->interval;
            if (next <= now) { /* missed whole periods: count them, do not deliver a burst */
                uint64_t missed = (now - k->deadline) / k->interval;
                k->overruns += (uint32_t)missed;
                next = k->deadline + (missed + 1) * k->interval;
            }
            k->deadline = next;
            struct list *pos;
            list_for_each(pos, &c->timers)
            {
                if (container_of(pos, struct ktimer, link)->deadline > next)
                    break;
            }
            list_insert_before(pos, &k->link);
        } else {
            k->cpu = NULL;
        }
        spin_unlock(&c->timer_lock);
        struct process *p = process_get(pid); /* the timer may be destroyed meanwhile */
        if (p) {
            event_deliver(p, &ev, tid);
            process_put(p);
        }
    }
}

static struct ktimer *lookup(struct process *p, int id)
{
    if (id < 1 || id > _NTO_TIMER_MAX)
        return NULL;
    return p->timers[id - 1];
}

long kc_timer_create(const uint64_t *a)
{
    int clockid = (int)a[0];
    if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC)
        return -EINVAL;
    struct sigevent ev;
    if (!a[1])
        return -EINVAL; /* the default, SIGALRM, needs signals */
    if (copy_from_user(&ev, (const void *)a[1], sizeof(ev)) < 0)
        return -EFAULT;
    bool signal = ev.sigev_notify == SIGEV_SIGNAL || ev.sigev_notify == SIGEV_SIGNAL_CODE ||
                  ev.sigev_notify == SIGEV_SIGNAL_THREAD;
    if (ev.sigev_notify != SIGEV_PULSE && ev.sigev_notify != SIGEV_NONE && !signal)
        return -EINVAL;
    if (signal && (ev.sigev_signo < 1 || ev.sigev_signo > _SIG_MAX))
        return -EINVAL;
    struct process *p = current()->proc;
    struct ktimer *k = kobj_alloc(&ktimer_cache);
    if (!k)
        return -ENOMEM;
    k->clockid = clockid;
    k->owner = p;
    k->tid = current()->proc == p ? current()->tid : 0;
    k->event = ev;
    list_init(&k->link);
    spin_lock(&p->lock);
    for (int i = 0; i < _NTO_TIMER_MAX; i++) {
        if (!p->timers[i]) {
            p->timers[i] = k;
            k->id = i + 1;
            break;
        }
    }
    spin_unlock(&p->lock);
    if (!k->id) {
        kobj_free(&ktimer_cache, k);
        return -EAGAIN;
    }
    return k->id;
}

long kc_timer_destroy(const uint64_t *a)
{
    struct process *p = current()->proc;
    spin_lock(&p->lock);
    struct ktimer *k = lookup(p, (int)a[0]);
    if (k)
        p->timers[k->id - 1] = NULL;
    spin_unlock(&p->lock);
    if (!k)
        return -EINVAL;
    disarm(k);
    kobj_free(&ktimer_cache, k);
    return 0;
}

static void remaining(struct ktimer *k, struct _itimer *out)
{
    struct cpu *c = __atomic_load_n(&k->cpu, __ATOMIC_ACQUIRE);
    uint64_t now = arch_time_now();
    out->nsec = c && k->deadline > now ? ticks_to_ns(k->deadline - now) : 0;
    out->interval_nsec = ticks_to_ns(k->interval);
}

long kc_timer_settime(const uint64_t *a)
{
    struct process *p = current()->proc;
    int flags = (int)a[1];
    struct _itimer it;
    if ((unsigned)flags & ~TIMER_ABSTIME)
        return -EINVAL;
    if (copy_from_user(&it, (const void *)a[2], sizeof(it)) < 0)
        return -EFAULT;
    if (a[3] && !user_range_ok(a[3], sizeof(struct _itimer)))
        return -EFAULT;
    spin_lock(&p->lock);
    struct ktimer *k = lookup(p, (int)a[0]);
    spin_unlock(&p->lock);
    if (!k)
        return -EINVAL;
    struct _itimer old;
    remaining(k, &old);
    disarm(k);
    k->interval = ns_to_ticks(it.interval_nsec);
    k->overruns = 0;
    if (it.nsec) {
        uint64_t now_ns = ticks_to_ns(arch_time_now());
        uint64_t when = it.nsec;
        if (flags & TIMER_ABSTIME) {
            uint64_t base = k->clockid == CLOCK_REALTIME ? clock_realtime_offset() : 0;
            when = when > base ? when - base : 0;
        } else {
            when = now_ns + when < now_ns ? UINT64_MAX : now_ns + when;
        }
        arm(k, when == UINT64_MAX ? UINT64_MAX : ns_to_ticks(when));
    }
    if (a[3] && copy_to_user((void *)a[3], &old, sizeof(old)) < 0)
        return -EFAULT;
    return 0;
}

// TimerInfo(pid, id, flags, info): the state of a timer; returns its id.
long kc_timer_info(const uint64_t *a)
{
    long err = 0;
    struct process *p = kc_target_process((int)a[0], &err);
    if (!p)
        return err;
    struct _timer_info info = {0};
    spin_lock(&p->lock);
    struct ktimer *k = lookup(p, (int)a[1]);
    if (k) {
        remaining(k, &info.itime);
        info.flags = k->cpu ? _NTO_TI_ACTIVE : 0;
        info.clockid = k->clockid;
        info.overruns = k->overruns;
        info.notify = k->event.sigev_notify;
        info.event = k->event;
    }
    spin_unlock(&p->lock);
    process_put(p);
    if (!k)
        return -EINVAL;
    if (!a[3] || copy_to_user((void *)a[3], &info, sizeof(info)) < 0)
        return -EFAULT;
    return (long)a[1];
}

// ClockPeriod(id, new, old): the resolution of the clock (the timebase period). Skimmer is
// tickless, so a new period is accepted from taskman but changes nothing.
long kc_clock_period(const uint64_t *a)
{
    int clockid = (int)a[0];
    if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC)
        return -EINVAL;
    struct _clockperiod period = {(uint32_t)(1000000000ul / platform.timebase_hz), 0};
    if (a[1]) {
        struct _clockperiod want;
        if (copy_from_user(&want, (const void *)a[1], sizeof(want)) < 0)
            return -EFAULT;
        if (!(current()->proc->flags & _NTO_PF_TASKMAN))
            return -EPERM;
        if (want.nsec == 0)
            return -EINVAL;
    }
    if (a[2] && copy_to_user((void *)a[2], &period, sizeof(period)) < 0)
        return -EFAULT;
    return 0;
}

// A process is ending: its timers go.
void ktimer_exit_process(struct process *p)
{
    for (int i = 0; i < _NTO_TIMER_MAX; i++) {
        spin_lock(&p->lock);
        struct ktimer *k = p->timers[i];
        p->timers[i] = NULL;
        spin_unlock(&p->lock);
        if (k) {
            disarm(k);
            kobj_free(&ktimer_cache, k);
        }
    }
}
