/*
 * libc's seL4 layer: clocks and sleeping. CLOCK_MONOTONIC is the RISC-V time CSR (10 MHz on
 * QEMU virt) in nanoseconds from the machine's start; CLOCK_REALTIME adds the offset taskman-L
 * took from the RTC at boot, asked once. A sleep (TimerTimeout with _NTO_TIMEOUT_NANOSLEEP) is
 * a request taskman-L answers when the time comes, from the RTC's alarm. Timeouts for other
 * blocking calls are not offered: seL4 can cut a blocked call short only by taskman-L
 * suspending the thread and rewriting its registers (docs/qsoe-l.md).
 */
#include <abi/sigevent.h>
#include <abi/timer.h>
#include <proto/taskman.h>
#include <stdbool.h>

#include "sel4call.h"

#define TIMER_HZ    10000000ull
#define NS_PER_TICK (1000000000ull / TIMER_HZ)
#define LOWEST_USER 0x10000ul /* nothing is ever mapped below the program */

static inline uint64_t rdtime(void)
{
    uint64_t v;
    __asm__ volatile("rdtime %0" : "=r"(v));
    return v;
}

static uint64_t monotonic_ns(void)
{
    return rdtime() * NS_PER_TICK;
}

// A pointer the caller may pass for n bytes: in user space, above the lowest page, aligned.
static bool user_ptr_ok(const void *p, size_t n, size_t align)
{
    uintptr_t a = (uintptr_t)p;
    return a >= LOWEST_USER && a < seL4_UserTop && seL4_UserTop - a >= n && a % align == 0;
}

__attribute__((weak)) uint64_t __sel4_realtime_offset(void)
{
    static uint64_t offset;
    static bool known;
    if (!known) {
        long r = sel4_taskman_request(SEL4_LABEL_REALTIME, 0, 0);
        if (r < 0)
            return 0;
        offset = (uint64_t)r;
        known = true;
    }
    return offset;
}

// Neither clock can be set on QSOE/L (CLOCK_REALTIME comes from the RTC).
int ClockTime_r(clockid_t id, const uint64_t *new_time, uint64_t *old_time)
{
    if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC)
        return -EINVAL;
    if ((new_time && !user_ptr_ok(new_time, 8, 8)) || (old_time && !user_ptr_ok(old_time, 8, 8)))
        return -EFAULT;
    if (new_time)
        return id == CLOCK_REALTIME ? -EPERM : -EINVAL;
    if (old_time)
        *old_time = monotonic_ns() + (id == CLOCK_REALTIME ? __sel4_realtime_offset() : 0);
    return 0;
}

int ClockTime(clockid_t id, const uint64_t *new_time, uint64_t *old_time)
{
    return (int)set_errno(ClockTime_r(id, new_time, old_time));
}

// The resolution is the time CSR's period; as on Skimmer, which is tickless, only taskman may
// ask for another, and nothing changes.
int ClockPeriod_r(clockid_t id, const struct _clockperiod *new_period,
                  struct _clockperiod *old_period, int reserved)
{
    (void)reserved;
    if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC)
        return -EINVAL;
    if ((new_period && !user_ptr_ok(new_period, sizeof(*new_period), 4)) ||
        (old_period && !user_ptr_ok(old_period, sizeof(*old_period), 4)))
        return -EFAULT;
    if (new_period)
        return __tls()->__pid == TASKMAN_PID ? (new_period->nsec ? 0 : -EINVAL) : -EPERM;
    if (old_period)
        *old_period = (struct _clockperiod){(uint32_t)NS_PER_TICK, 0};
    return 0;
}

int ClockPeriod(clockid_t id, const struct _clockperiod *new_period,
                struct _clockperiod *old_period, int reserved)
{
    return (int)set_errno(ClockPeriod_r(id, new_period, old_period, reserved));
}

// The CLOCK_MONOTONIC deadline of a timeout of ntime on clock id.
static uint64_t deadline_of(clockid_t id, int flags, uint64_t ntime)
{
    if (flags & TIMER_ABSTIME) {
        uint64_t base = id == CLOCK_REALTIME ? __sel4_realtime_offset() : 0;
        return ntime > base ? ntime - base : 0;
    }
    uint64_t now = monotonic_ns();
    return now + ntime < now ? UINT64_MAX : now + ntime;
}

int TimerTimeout_r(clockid_t id, int flags, const struct sigevent *notify, const uint64_t *ntime,
                   uint64_t *otime)
{
    uint32_t states = (uint32_t)flags & ~TIMER_ABSTIME;
    uint32_t known = _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_RECEIVE | _NTO_TIMEOUT_REPLY |
                     _NTO_TIMEOUT_NANOSLEEP | _NTO_TIMEOUT_MUTEX | _NTO_TIMEOUT_CONDVAR |
                     _NTO_TIMEOUT_JOIN | _NTO_TIMEOUT_INTR | _NTO_TIMEOUT_SEM;
    if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC)
        return -EINVAL;
    if (states & ~known)
        return -EINVAL;
    if ((notify && !user_ptr_ok(notify, sizeof(*notify), 4)) ||
        (ntime && !user_ptr_ok(ntime, 8, 8)) || (otime && !user_ptr_ok(otime, 8, 8)))
        return -EFAULT;
    if (notify && notify->sigev_notify != SIGEV_UNBLOCK)
        return -EINVAL;
    if (otime)
        *otime = 0; /* no timeout is ever left armed for a later call */
    if (!ntime || states == 0)
        return 0;
    if (states != _NTO_TIMEOUT_NANOSLEEP)
        return -ENOSYS;
    seL4_Word in[4] = {deadline_of(id, flags, *ntime), 0, 0, 0};
    uint64_t left = 0;
    long r = sel4_taskman_call(SEL4_LABEL_SLEEP, in, &left, sizeof(left));
    if (r < 0)
        return (int)r;
    if (r > 0 && otime)
        *otime = left;
    return r > 0 ? (int)-r : 0;
}

int TimerTimeout(clockid_t id, int flags, const struct sigevent *notify, const uint64_t *ntime,
                 uint64_t *otime)
{
    return (int)set_errno(TimerTimeout_r(id, flags, notify, ntime, otime));
}
