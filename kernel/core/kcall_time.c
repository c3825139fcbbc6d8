/*
 * ClockTime and TimerTimeout. CLOCK_MONOTONIC counts from boot; CLOCK_REALTIME is it plus an
 * offset that a privileged process (taskman, from the RTC) may set.
 */
#include <kercall.h>
#include <process.h>

#include <abi/sigevent.h>

static int64_t realtime_offset_ns;

uint64_t clock_realtime_offset(void)
{
    return (uint64_t)__atomic_load_n(&realtime_offset_ns, __ATOMIC_RELAXED);
}

static uint64_t monotonic_ns(void)
{
    return ticks_to_ns(arch_time_now());
}

long kc_clock_time(const uint64_t *a)
{
    int id = (int)a[0];
    const uint64_t *unew = (const uint64_t *)a[1];
    uint64_t *uold = (uint64_t *)a[2];
    if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC)
        return -EINVAL;
    if (((uintptr_t)unew | (uintptr_t)uold) % sizeof(uint64_t))
        return -EFAULT;
    uint64_t now = monotonic_ns();
    if (id == CLOCK_REALTIME)
        now += (uint64_t)__atomic_load_n(&realtime_offset_ns, __ATOMIC_RELAXED);
    uint64_t set = 0;
    if (unew) {
        if (id != CLOCK_REALTIME)
            return -EINVAL;
        if (!(current()->proc->flags & _NTO_PF_TASKMAN))
            return -EPERM;
        if (copy_from_user(&set, unew, sizeof(set)) < 0)
            return -EFAULT;
    }
    if (uold && copy_to_user(uold, &now, sizeof(now)) < 0)
        return -EFAULT;
    if (unew)
        __atomic_store_n(&realtime_offset_ns, (int64_t)(set - monotonic_ns()), __ATOMIC_RELAXED);
    return 0;
}

// TimerTimeout(id, flags, event, ntime, otime): arm a timeout for the caller's next kernel
// call if it blocks in one of the states in flags; with _NTO_TIMEOUT_NANOSLEEP, sleep now.
// Only SIGEV_UNBLOCK notification is taken until timers deliver other events.
long kc_timer_timeout(const uint64_t *a)
{
    int id = (int)a[0];
    uint32_t flags = (uint32_t)a[1];
    const struct sigevent *uevent = (const struct sigevent *)a[2];
    const uint64_t *untime = (const uint64_t *)a[3];
    uint64_t *uotime = (uint64_t *)a[4];
    struct thread *self = current();
    if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC)
        return -EINVAL;
    uint32_t states = flags & ~TIMER_ABSTIME;
    uint32_t known = _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_RECEIVE | _NTO_TIMEOUT_REPLY |
                     _NTO_TIMEOUT_NANOSLEEP | _NTO_TIMEOUT_MUTEX | _NTO_TIMEOUT_CONDVAR |
                     _NTO_TIMEOUT_JOIN | _NTO_TIMEOUT_INTR | _NTO_TIMEOUT_SEM;
    if (states & ~known)
        return -EINVAL;
    if (((uintptr_t)untime | (uintptr_t)uotime) % sizeof(uint64_t))
        return -EFAULT;
    if (uevent) {
        struct sigevent ev;
        if (copy_from_user(&ev, uevent, sizeof(ev)) < 0)
            return -EFAULT;
        if (ev.sigev_notify != SIGEV_UNBLOCK)
            return -EINVAL;
    }
    uint64_t ntime = 0;
    if (untime && copy_from_user(&ntime, untime, sizeof(ntime)) < 0)
        return -EFAULT;
    uint64_t now_ns = monotonic_ns();
    if (uotime) {
        uint64_t left = 0;
        if (self->timeout_states) {
            uint64_t dl = ticks_to_ns(self->timeout_deadline);
            left = dl > now_ns ? dl - now_ns : 0;
        }
        if (copy_to_user(uotime, &left, sizeof(left)) < 0)
            return -EFAULT;
    }
    self->timeout_fired = false; /* whatever an earlier timeout left behind */
    if (!untime || states == 0) {
        self->timeout_states = 0;
        return 0;
    }
    uint64_t deadline_ns;
    if (flags & TIMER_ABSTIME) {
        uint64_t base = id == CLOCK_REALTIME ? (uint64_t)realtime_offset_ns : 0;
        deadline_ns = ntime > base ? ntime - base : 0;
    } else {
        deadline_ns = now_ns + ntime < now_ns ? UINT64_MAX : now_ns + ntime;
    }
    self->timeout_deadline = deadline_ns == UINT64_MAX ? UINT64_MAX : ns_to_ticks(deadline_ns);
    self->timeout_states = states;
    if (states & _NTO_TIMEOUT_NANOSLEEP) {
        __atomic_store_n(&self->state, STATE_NANOSLEEP, __ATOMIC_SEQ_CST);
        long r = thread_block();
        self->timeout_states = 0;
        self->timeout_fired = false;
        if (r < 0 && uotime) {
            uint64_t now2 = monotonic_ns(), left = deadline_ns > now2 ? deadline_ns - now2 : 0;
            copy_to_user(uotime, &left, sizeof(left));
        }
        return r;
    }
    return 0;
}
