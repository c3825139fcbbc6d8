/*
 * Time in taskman-L: sleeps and process timers, with the semantics Skimmer gives them
 * (kernel/core/kcall_time.c, ktimer.c). A sleep (SEL4_LABEL_SLEEP) parks its caller until
 * CLOCK_MONOTONIC reaches its deadline, or a caught signal ends it early (EINTR and the time
 * left); a timer (TimerCreate and friends as requests) delivers its event at expiry, once or
 * every interval. One alarm of the RTC (timer_device.c) stands for the earliest of them all;
 * its interrupt wakes taskman-L's receive loop (events.c), which expires what is due and sets
 * the next alarm. Deadlines are in CLOCK_MONOTONIC, the time CSR processes read, and each
 * alarm is set relative to the RTC's time of the moment, so the two clocks need not agree.
 */
#include <abi/signal.h>
#include <abi/timer.h>
#include <errno.h>
#include <string.h>
#include <sys/neutrino.h>

#include "proc.h"

#define SLEEPERS     64        /* as many as taskman-L can hold callers */
#define TIMERS       128       /* timers of all processes together */
#define MIN_INTERVAL 100000ull /* ns: taskman-L serves every period of a periodic timer */

struct sleeper {
    int pid; /* 0: free */
    int rcvid;
    uint64_t deadline;
};

struct ltimer {
    int pid; /* 0: free */
    int id, clockid;
    struct sigevent event;
    bool armed;
    uint64_t deadline, interval; /* ns of CLOCK_MONOTONIC */
    uint32_t overruns;
};

static struct sleeper sleepers[SLEEPERS];
static struct ltimer timers[TIMERS];
static uint64_t realtime_offset; /* CLOCK_REALTIME - CLOCK_MONOTONIC, from the RTC at boot */

static uint64_t now_ns(void)
{
    uint64_t t = 0;
    ClockTime(CLOCK_MONOTONIC, NULL, &t);
    return t;
}

// taskman-L's own libc asks here rather than sending itself a request.
uint64_t __sel4_realtime_offset(void)
{
    return realtime_offset;
}

void timers_init(void)
{
    timer_device_init();
    realtime_offset = timer_device_now() - now_ns();
}

// Sets the RTC's alarm for the earliest deadline of all, if there is one.
static void set_alarm(void)
{
    uint64_t first = UINT64_MAX;
    for (int i = 0; i < SLEEPERS; i++)
        if (sleepers[i].pid && sleepers[i].deadline < first)
            first = sleepers[i].deadline;
    for (int i = 0; i < TIMERS; i++)
        if (timers[i].pid && timers[i].armed && timers[i].deadline < first)
            first = timers[i].deadline;
    if (first == UINT64_MAX)
        return;
    uint64_t now = now_ns(), rtc = timer_device_now();
    uint64_t delta = first > now ? first - now : 0;
    timer_device_alarm(rtc + delta < rtc ? UINT64_MAX : rtc + delta);
}

// Ends sleep s with `err` (0 or EINTR) and the time left.
static void wake(struct sleeper *s, int err)
{
    uint64_t now = now_ns(), left = s->deadline > now ? s->deadline - now : 0;
    MsgReply(s->rcvid, err, &left, sizeof(left));
    s->pid = 0;
}

// A timer's pulse goes to the process's connection as MsgSendPulse's would (pulses.c);
// TimerCreate checks the connection first (send false).
static long timer_pulse(int pid, const struct sigevent *ev, bool send)
{
    return pulses_timer(pid, ev->sigev_coid, ev->sigev_priority, ev->sigev_code,
                        ev->sigev_value.sival_int, send);
}

static void deliver(int pid, const struct sigevent *ev)
{
    switch (ev->sigev_notify) {
    case SIGEV_SIGNAL:
    case SIGEV_SIGNAL_CODE:
    case SIGEV_SIGNAL_THREAD:
        SignalKill(0, pid, 0, ev->sigev_signo,
                   ev->sigev_notify == SIGEV_SIGNAL ? _SI_QUEUE : ev->sigev_code,
                   ev->sigev_value.sival_int);
        break;
    case SIGEV_PULSE:
        timer_pulse(pid, ev, true);
        break;
    default: /* SIGEV_NONE: the timer only counts down, for TimerInfo */
        break;
    }
}

// Answers the sleeps that are due and delivers the timers that expired, re-arming the
// periodic ones (missed periods are counted as overruns, not delivered in a burst).
static void expire(void)
{
    uint64_t now = now_ns();
    for (int i = 0; i < SLEEPERS; i++)
        if (sleepers[i].pid && sleepers[i].deadline <= now)
            wake(&sleepers[i], 0);
    for (int i = 0; i < TIMERS; i++) {
        struct ltimer *t = &timers[i];
        if (!t->pid || !t->armed || t->deadline > now)
            continue;
        if (t->interval) {
            uint64_t missed = (now - t->deadline) / t->interval;
            t->overruns += (uint32_t)missed;
            t->deadline += (missed + 1) * t->interval;
        } else {
            t->armed = false;
        }
        struct sigevent ev = t->event; /* delivering may end the process and free t */
        deliver(t->pid, &ev);
    }
}

void timers_interrupt(void)
{
    timer_device_ack();
    expire();
    set_alarm();
}

void timers_proc_gone(int pid)
{
    for (int i = 0; i < SLEEPERS; i++)
        if (sleepers[i].pid == pid)
            wake(&sleepers[i], EINTR); /* its thread is gone: this only frees the reply */
    for (int i = 0; i < TIMERS; i++)
        if (timers[i].pid == pid)
            timers[i].pid = 0;
}

void timers_signal(int pid)
{
    for (int i = 0; i < SLEEPERS; i++)
        if (sleepers[i].pid == pid)
            wake(&sleepers[i], EINTR);
}

static long sleep_until(int pid, uint64_t deadline)
{
    if (deadline <= now_ns())
        return 0;
    for (int i = 0; i < SLEEPERS; i++) {
        if (sleepers[i].pid)
            continue;
        sleepers[i] = (struct sleeper){pid, __sel4_request_rcvid(), deadline};
        set_alarm();
        return SEL4_EVENT_HOLD;
    }
    return -EAGAIN;
}

static struct ltimer *lookup(int pid, seL4_Word id)
{
    for (int i = 0; i < TIMERS; i++)
        if (timers[i].pid == pid && (seL4_Word)timers[i].id == id)
            return &timers[i];
    return NULL;
}

static long create(int pid, seL4_Word clockid, const seL4_Word words[3])
{
    struct sigevent ev;
    memcpy(&ev, words, sizeof(ev));
    if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC)
        return -EINVAL;
    bool signal = ev.sigev_notify == SIGEV_SIGNAL || ev.sigev_notify == SIGEV_SIGNAL_CODE ||
                  ev.sigev_notify == SIGEV_SIGNAL_THREAD;
    if (ev.sigev_notify != SIGEV_PULSE && ev.sigev_notify != SIGEV_NONE && !signal)
        return -EINVAL;
    if (signal && (ev.sigev_signo < 1 || ev.sigev_signo > _SIG_MAX))
        return -EINVAL;
    if (ev.sigev_notify == SIGEV_PULSE) {
        long err = timer_pulse(pid, &ev, false);
        if (err < 0)
            return err;
    }
    int id = 1;
    while (id <= _NTO_TIMER_MAX && lookup(pid, (seL4_Word)id))
        id++;
    for (int i = 0; i < TIMERS && id <= _NTO_TIMER_MAX; i++) {
        if (timers[i].pid)
            continue;
        timers[i] = (struct ltimer){.pid = pid, .id = id, .clockid = (int)clockid, .event = ev};
        return id;
    }
    return -EAGAIN;
}

static struct _itimer remaining(const struct ltimer *t)
{
    uint64_t now = now_ns();
    return (struct _itimer){t->armed && t->deadline > now ? t->deadline - now : 0, t->interval};
}

static long settime(struct ltimer *t, seL4_Word flags, uint64_t nsec, uint64_t interval, void *msg)
{
    if (flags & ~(seL4_Word)TIMER_ABSTIME)
        return -EINVAL;
    struct _itimer old = remaining(t);
    t->armed = false;
    t->interval = interval && interval < MIN_INTERVAL ? MIN_INTERVAL : interval;
    t->overruns = 0;
    if (nsec) {
        uint64_t now = now_ns(), when;
        if (flags & TIMER_ABSTIME) {
            uint64_t base = t->clockid == CLOCK_REALTIME ? realtime_offset : 0;
            when = nsec > base ? nsec - base : 0;
        } else {
            when = now + nsec < now ? UINT64_MAX : now + nsec;
        }
        t->deadline = when;
        t->armed = true;
    }
    set_alarm();
    memcpy(msg, &old, sizeof(old));
    return SEL4_EVENT_DATA | (long)sizeof(old);
}

static long info(const struct lproc *p, seL4_Word pid, seL4_Word id, void *msg)
{
    if (pid != 0 && pid != (seL4_Word)p->pid)
        return -EPERM;
    const struct ltimer *t = lookup(p->pid, id);
    if (!t)
        return -EINVAL;
    struct _timer_info i = {0};
    i.itime = remaining(t);
    i.flags = t->armed ? _NTO_TI_ACTIVE : 0;
    i.clockid = t->clockid;
    i.overruns = t->overruns;
    i.notify = t->event.sigev_notify;
    i.event = t->event;
    memcpy(msg, &i, sizeof(i));
    return SEL4_EVENT_DATA | (long)sizeof(i);
}

long timers_request(struct lproc *p, unsigned long label, void *msg, unsigned long room)
{
    seL4_Word w[4] = {seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3)};
    if (room < sizeof(struct _timer_info))
        return -EMSGSIZE;
    struct ltimer *t;
    switch (label) {
    case SEL4_LABEL_SLEEP:
        return sleep_until(p->pid, w[0]);
    case SEL4_LABEL_REALTIME:
        return (long)realtime_offset;
    case SEL4_LABEL_TIMER_CREATE:
        return create(p->pid, w[0], &w[1]);
    case SEL4_LABEL_TIMER_DESTROY:
        if (!(t = lookup(p->pid, w[0])))
            return -EINVAL;
        t->pid = 0;
        return 0;
    case SEL4_LABEL_TIMER_SETTIME:
        if (!(t = lookup(p->pid, w[0])))
            return -EINVAL;
        return settime(t, w[1], w[2], w[3], msg);
    case SEL4_LABEL_TIMER_INFO:
        return info(p, w[0], w[1], msg);
    default:
        return -ENOSYS;
    }
}
