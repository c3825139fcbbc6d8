/*
 * Clocks, sleeping and alarm() over the QNX calls ClockTime, ClockPeriod, TimerTimeout and
 * the Timer* calls.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/neutrino.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

int clock_gettime(clockid_t id, struct timespec *ts)
{
    uint64_t ns;
    if (ClockTime(id, NULL, &ns) < 0)
        return -1;
    ts->tv_sec = (time_t)(ns / 1000000000u);
    ts->tv_nsec = (long)(ns % 1000000000u);
    return 0;
}

int clock_settime(clockid_t id, const struct timespec *ts)
{
    if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000) {
        errno = EINVAL;
        return -1;
    }
    uint64_t ns = (uint64_t)ts->tv_sec * 1000000000u + (uint64_t)ts->tv_nsec;
    return ClockTime(id, &ns, NULL);
}

int clock_getres(clockid_t id, struct timespec *ts)
{
    struct _clockperiod p;
    if (ClockPeriod(id, NULL, &p, 0) < 0)
        return -1;
    if (ts) {
        ts->tv_sec = 0;
        ts->tv_nsec = (long)p.nsec;
    }
    return 0;
}

time_t time(time_t *t)
{
    struct timespec ts;
    time_t now = clock_gettime(CLOCK_REALTIME, &ts) == 0 ? ts.tv_sec : (time_t)-1;
    if (t)
        *t = now;
    return now;
}

// Processor time is not accounted per process yet: clock() counts from the first call.
clock_t clock(void)
{
    static uint64_t start;
    uint64_t ns;
    if (ClockTime(CLOCK_MONOTONIC, NULL, &ns) < 0)
        return (clock_t)-1;
    if (!start)
        start = ns;
    return (clock_t)((ns - start) / 1000);
}

double difftime(time_t a, time_t b)
{
    return (double)a - (double)b;
}

// A sleep on clock id until req (TIMER_ABSTIME in flags) or for req; the time left goes to
// rem when a signal ends it early. Returns 0 or an errno, as clock_nanosleep does.
static int sleep_on(clockid_t id, int flags, const struct timespec *req, struct timespec *rem)
{
    if (req->tv_sec < 0 || req->tv_nsec < 0 || req->tv_nsec >= 1000000000)
        return EINVAL;
    uint64_t ns = (uint64_t)req->tv_sec * 1000000000u + (uint64_t)req->tv_nsec, left = 0;
    if (TimerTimeout(id, _NTO_TIMEOUT_NANOSLEEP | (flags & TIMER_ABSTIME), NULL, &ns, &left) < 0) {
        if (rem && !(flags & TIMER_ABSTIME)) {
            rem->tv_sec = (time_t)(left / 1000000000u);
            rem->tv_nsec = (long)(left % 1000000000u);
        }
        return errno;
    }
    return 0;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
    int err = sleep_on(CLOCK_MONOTONIC, 0, req, rem);
    if (err) {
        errno = err;
        return -1;
    }
    return 0;
}

int clock_nanosleep(clockid_t id, int flags, const struct timespec *req, struct timespec *rem)
{
    if (flags & ~TIMER_ABSTIME)
        return EINVAL;
    return sleep_on(id, flags, req, rem);
}

// alarm() is one SIGALRM timer per process, made on first use; the seconds left of the one
// it replaces are rounded up, so a pending alarm never reads as none.
unsigned alarm(unsigned seconds)
{
    static int timer;
    if (!timer) {
        struct sigevent ev = {0};
        ev.sigev_notify = SIGEV_SIGNAL;
        ev.sigev_signo = SIGALRM;
        int id = TimerCreate(CLOCK_REALTIME, &ev);
        if (id < 0)
            return 0;
        timer = id;
    }
    struct _itimer it = {(uint64_t)seconds * 1000000000u, 0}, old = {0, 0};
    if (TimerSettime(timer, 0, &it, &old) < 0)
        return 0;
    return (unsigned)((old.nsec + 999999999u) / 1000000000u);
}

unsigned sleep(unsigned seconds)
{
    struct timespec req = {(time_t)seconds, 0}, rem = {0, 0};
    if (nanosleep(&req, &rem) < 0)
        return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
    return 0;
}

int usleep(unsigned long usec)
{
    struct timespec req = {(time_t)(usec / 1000000), (long)(usec % 1000000) * 1000};
    return nanosleep(&req, NULL);
}

clock_t times(struct tms *buf)
{
    if (buf)
        *buf = (struct tms){0, 0, 0, 0};
    struct timespec now = {0, 0};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (clock_t)(now.tv_sec * 100 + now.tv_nsec / 10000000);
}

long sysconf(int name)
{
    switch (name) {
    case _SC_CLK_TCK:
        return 100;
    case _SC_PAGESIZE:
        return 4096;
    case _SC_OPEN_MAX:
        return 256;
    case _SC_ARG_MAX:
        return 32768;
    case _SC_NPROCESSORS_ONLN:
    case _SC_NPROCESSORS_CONF: {
        FILE *f = fopen("/proc/sysinfo", "re"); /* "cpus: N" */
        char line[80];
        int n = 0;
        while (f && fgets(line, sizeof(line), f) && sscanf(line, "cpus: %d", &n) != 1)
            ;
        if (f)
            fclose(f);
        return n > 0 ? n : 1;
    }
    default:
        errno = EINVAL;
        return -1;
    }
}
