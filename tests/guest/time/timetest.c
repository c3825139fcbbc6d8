/*
 * The time suite: clocks, sleeps (relative and absolute, on both clocks), process timers
 * (one-shot, periodic, SIGEV_NONE, SIGEV_PULSE), alarm(), bad arguments, and sleepers ended by signals from
 * another process. Written to the QNX semantics both kernels give; run on QSOE/L as
 * `run=test/timetest` (on QSOE/N only the rtc server, which init starts, sets CLOCK_REALTIME, so
 * there the wall-time check needs init). Each check prints PASS or FAIL; the failure count is
 * the exit status.
 * Lower bounds of sleeps are exact; upper bounds are generous, for a loaded host.
 */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/neutrino.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MS 1000000ull

static int failures;

#define CHECK(name, cond)                                                                          \
    do {                                                                                           \
        if (cond) {                                                                                \
            printf("PASS time: %s\n", name);                                                       \
        } else {                                                                                   \
            printf("FAIL time: %s (%s, line %d)\n", name, #cond, __LINE__);                        \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static uint64_t now(clockid_t id)
{
    uint64_t t = 0;
    ClockTime(id, NULL, &t);
    return t;
}

// How long a relative nanosleep of ns took, or 0 when it failed.
static uint64_t timed_sleep(uint64_t ns)
{
    struct timespec req = {(time_t)(ns / 1000000000u), (long)(ns % 1000000000u)};
    uint64_t t0 = now(CLOCK_MONOTONIC);
    if (nanosleep(&req, NULL) != 0)
        return 0;
    return now(CLOCK_MONOTONIC) - t0 + (ns == 0);
}

static void test_clocks(void)
{
    uint64_t a = now(CLOCK_MONOTONIC), b = now(CLOCK_MONOTONIC);
    CHECK("CLOCK_MONOTONIC does not go back", a > 0 && b >= a);
    CHECK("CLOCK_REALTIME is wall time from the RTC (after 2020)",
          now(CLOCK_REALTIME) / 1000000000u > 1577836800u);
    int64_t d0 = (int64_t)(now(CLOCK_REALTIME) - now(CLOCK_MONOTONIC));
    usleep(100000);
    int64_t d1 = (int64_t)(now(CLOCK_REALTIME) - now(CLOCK_MONOTONIC));
    CHECK("the two clocks advance together", d1 - d0 < (int64_t)MS && d0 - d1 < (int64_t)MS);
    struct timespec res;
    CHECK("clock_getres gives the clock's period", clock_getres(CLOCK_MONOTONIC, &res) == 0 &&
                                                       res.tv_sec == 0 && res.tv_nsec > 0 &&
                                                       res.tv_nsec <= 1000);
    uint64_t t;
    CHECK("ClockTime of a bad clock id is EINVAL",
          ClockTime(42, NULL, &t) == -1 && errno == EINVAL);
    CHECK("ClockTime with a bad pointer is EFAULT",
          ClockTime(CLOCK_MONOTONIC, NULL, (uint64_t *)16) == -1 && errno == EFAULT);
    CHECK("an ordinary process cannot set CLOCK_REALTIME (EPERM)",
          ClockTime(CLOCK_REALTIME, &t, NULL) == -1 && errno == EPERM);
    struct _clockperiod p = {1000, 0};
    CHECK("an ordinary process cannot set the clock period (EPERM)",
          ClockPeriod(CLOCK_MONOTONIC, &p, NULL, 0) == -1 && errno == EPERM);
}

static void test_relative_sleeps(void)
{
    uint64_t d = timed_sleep(0);
    CHECK("nanosleep of 0 returns at once", d > 0 && d < 200 * MS);
    d = timed_sleep(1 * MS);
    CHECK("nanosleep of 1 ms sleeps at least 1 ms", d >= 1 * MS && d < 500 * MS);
    d = timed_sleep(50 * MS);
    CHECK("nanosleep of 50 ms sleeps at least 50 ms", d >= 50 * MS && d < 1000 * MS);
    d = timed_sleep(1000 * MS);
    CHECK("nanosleep of 1 s sleeps at least 1 s", d >= 1000 * MS && d < 3000 * MS);
    uint64_t t0 = now(CLOCK_MONOTONIC);
    CHECK("sleep(1) sleeps a second", sleep(1) == 0 && now(CLOCK_MONOTONIC) - t0 >= 1000 * MS);
    t0 = now(CLOCK_MONOTONIC);
    CHECK("usleep(20000) sleeps 20 ms", usleep(20000) == 0 && now(CLOCK_MONOTONIC) - t0 >= 20 * MS);
}

static void test_absolute_sleeps(void)
{
    clockid_t clocks[] = {CLOCK_MONOTONIC, CLOCK_REALTIME};
    const char *names[] = {"an absolute sleep on CLOCK_MONOTONIC ends at its time",
                           "an absolute sleep on CLOCK_REALTIME ends at its time"};
    for (int i = 0; i < 2; i++) {
        uint64_t until = now(clocks[i]) + 30 * MS;
        struct timespec ts = {(time_t)(until / 1000000000u), (long)(until % 1000000000u)};
        int r = clock_nanosleep(clocks[i], TIMER_ABSTIME, &ts, NULL);
        uint64_t after = now(clocks[i]);
        CHECK(names[i], r == 0 && after >= until && after < until + 1000 * MS);
    }
    uint64_t t0 = now(CLOCK_MONOTONIC);
    struct timespec past = {1, 0};
    CHECK("an absolute sleep until a time gone by returns at once",
          clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL) == 0 &&
              now(CLOCK_MONOTONIC) - t0 < 200 * MS);
    uint64_t until = now(CLOCK_MONOTONIC) + 20 * MS;
    CHECK("TimerTimeout with TIMER_ABSTIME sleeps until its time",
          TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP | TIMER_ABSTIME, NULL, &until,
                       NULL) == 0 &&
              now(CLOCK_MONOTONIC) >= until);
}

static void test_bad_sleeps(void)
{
    struct timespec neg = {-1, 0}, negns = {0, -1}, big = {0, 1000000000};
    CHECK("nanosleep of a negative time is EINVAL", nanosleep(&neg, NULL) == -1 && errno == EINVAL);
    CHECK("nanosleep of negative nanoseconds is EINVAL",
          nanosleep(&negns, NULL) == -1 && errno == EINVAL);
    CHECK("nanosleep of 10^9 nanoseconds is EINVAL",
          nanosleep(&big, NULL) == -1 && errno == EINVAL);
    struct timespec ok = {0, 1000};
    CHECK("clock_nanosleep on a bad clock is EINVAL", clock_nanosleep(42, 0, &ok, NULL) == EINVAL);
    uint64_t ns = MS;
    CHECK("TimerTimeout on a bad clock is EINVAL",
          TimerTimeout(42, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL) == -1 && errno == EINVAL);
    CHECK("TimerTimeout with unknown states is EINVAL",
          TimerTimeout(CLOCK_MONOTONIC, 1 << 30, NULL, &ns, NULL) == -1 && errno == EINVAL);
    CHECK("TimerTimeout with a bad time pointer is EFAULT",
          TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, (uint64_t *)24, NULL) == -1 &&
              errno == EFAULT);
}

static volatile int caught;

static void on_signal(int sig)
{
    (void)sig;
    caught++;
}

// Sleeps in pieces of up to 10 s until `span` has passed on CLOCK_MONOTONIC, counting the
// sleeps a signal ended early (each a delivery of a caught signal).
static int count_interruptions(uint64_t span)
{
    int n = 0;
    uint64_t end = now(CLOCK_MONOTONIC) + span;
    while (now(CLOCK_MONOTONIC) < end) {
        uint64_t left = end - now(CLOCK_MONOTONIC);
        struct timespec ts = {(time_t)(left / 1000000000u), (long)(left % 1000000000u)};
        if (nanosleep(&ts, NULL) == -1 && errno == EINTR)
            n++;
    }
    return n;
}

static void test_timers(void)
{
    struct sigaction act = {0};
    act.sa_handler = on_signal;
    sigaction(SIGUSR1, &act, NULL);
    struct sigevent ev = {0};
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR1;
    int id = TimerCreate(CLOCK_MONOTONIC, &ev);
    CHECK("TimerCreate of a SIGEV_SIGNAL timer gives an id", id > 0);
    struct _itimer it = {50 * MS, 50 * MS}, old = {1, 1};
    CHECK("TimerSettime arms it periodic (50 ms)",
          TimerSettime(id, 0, &it, &old) == 0 && old.nsec == 0 && old.interval_nsec == 0);
    struct _timer_info info;
    CHECK("TimerInfo tells it is armed, with its interval and the time left",
          TimerInfo(0, id, 0, &info) == id && (info.flags & _NTO_TI_ACTIVE) &&
              info.itime.interval_nsec == 50 * MS && info.itime.nsec <= 50 * MS &&
              info.notify == SIGEV_SIGNAL && info.clockid == CLOCK_MONOTONIC);
    int n = count_interruptions(525 * MS);
    printf("time: a 50 ms periodic timer signalled %d times in 525 ms\n", n);
    CHECK("a periodic timer's signals come every period (about 10 in 525 ms)", n >= 7 && n <= 11);
    CHECK("TimerDestroy ends it", TimerDestroy(id) == 0);
    CHECK("no signal comes after TimerDestroy", count_interruptions(200 * MS) == 0);
    CHECK("TimerInfo of a destroyed timer is EINVAL",
          TimerInfo(0, id, 0, &info) == -1 && errno == EINVAL);
    CHECK("TimerSettime of a bad id is EINVAL",
          TimerSettime(999, 0, &it, NULL) == -1 && errno == EINVAL);
    CHECK("TimerDestroy of a bad id is EINVAL", TimerDestroy(-3) == -1 && errno == EINVAL);
    CHECK("TimerCreate on a bad clock is EINVAL", TimerCreate(42, &ev) == -1 && errno == EINVAL);
    ev.sigev_signo = 40;
    CHECK("TimerCreate with a bad signal number is EINVAL",
          TimerCreate(CLOCK_MONOTONIC, &ev) == -1 && errno == EINVAL);
    ev.sigev_notify = 99;
    CHECK("TimerCreate with a bad notification is EINVAL",
          TimerCreate(CLOCK_MONOTONIC, &ev) == -1 && errno == EINVAL);
    CHECK("TimerCreate with a bad event pointer is EFAULT",
          TimerCreate(CLOCK_MONOTONIC, (struct sigevent *)32) == -1 && errno == EFAULT);

    // A one-shot SIGEV_NONE timer counts down and disarms itself.
    struct sigevent none = {0};
    none.sigev_notify = SIGEV_NONE;
    id = TimerCreate(CLOCK_REALTIME, &none);
    struct _itimer once = {30 * MS, 0};
    CHECK("TimerSettime with bad flags is EINVAL",
          TimerSettime(id, 5, &once, NULL) == -1 && errno == EINVAL);
    TimerSettime(id, 0, &once, NULL);
    CHECK("a SIGEV_NONE timer is armed and counting",
          TimerInfo(0, id, 0, &info) == id && (info.flags & _NTO_TI_ACTIVE) &&
              info.itime.nsec > 0 && info.itime.nsec <= 30 * MS);
    usleep(60000);
    CHECK("a one-shot timer is no longer armed after it expired",
          TimerInfo(0, id, 0, &info) == id && !(info.flags & _NTO_TI_ACTIVE) &&
              info.itime.nsec == 0);
    uint64_t at = now(CLOCK_REALTIME) + 2000 * MS;
    struct _itimer abs = {at, 0};
    CHECK("an absolute CLOCK_REALTIME timer counts down to its time",
          TimerSettime(id, TIMER_ABSTIME, &abs, NULL) == 0 && TimerInfo(0, id, 0, &info) == id &&
              info.itime.nsec > 1500 * MS && info.itime.nsec <= 2000 * MS);
    TimerDestroy(id);

    // A one-shot signal ends a sleep early, with the time left.
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR1;
    id = TimerCreate(CLOCK_MONOTONIC, &ev);
    struct _itimer soon = {20 * MS, 0};
    TimerSettime(id, 0, &soon, NULL);
    struct timespec nap = {2, 0}, rem = {0, 0};
    int r = nanosleep(&nap, &rem);
    CHECK("a caught signal ends nanosleep early with EINTR and the time left",
          r == -1 && errno == EINTR && rem.tv_sec >= 1);
    TimerDestroy(id);
    signal(SIGUSR1, SIG_DFL);
}

// Timers that deliver pulses to a channel of the process itself.
static void test_pulse_timers(void)
{
    int chid = ChannelCreate(0);
    int coid = ConnectAttach(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
    struct sigevent ev = {0};
    ev.sigev_notify = SIGEV_PULSE;
    ev.sigev_coid = coid;
    ev.sigev_priority = 10;
    ev.sigev_code = 7;
    ev.sigev_value.sival_int = 1234;
    int id = TimerCreate(CLOCK_MONOTONIC, &ev);
    CHECK("TimerCreate of a SIGEV_PULSE timer gives an id", chid > 0 && coid > 0 && id > 0);
    struct _itimer once = {20 * MS, 0};
    uint64_t t0 = now(CLOCK_MONOTONIC);
    TimerSettime(id, 0, &once, NULL);
    struct _pulse pulse = {0};
    int r = MsgReceive(chid, &pulse, sizeof(pulse), NULL);
    uint64_t took = now(CLOCK_MONOTONIC) - t0;
    CHECK("a one-shot timer's pulse arrives with its code and value, not before its time",
          r == 0 && pulse.code == 7 && pulse.value.sival_int == 1234 && took >= 20 * MS &&
              took < 2000 * MS);
    struct _itimer every = {10 * MS, 10 * MS};
    TimerSettime(id, 0, &every, NULL);
    int got = 0;
    for (int i = 0; i < 3; i++)
        got += MsgReceive(chid, &pulse, sizeof(pulse), NULL) == 0 && pulse.code == 7;
    CHECK("a periodic timer keeps pulsing (3 pulses received)", got == 3);
    CHECK("TimerDestroy of the pulse timer", TimerDestroy(id) == 0);
    ConnectDetach(coid);
    ChannelDestroy(chid);
}

static void test_alarm(void)
{
    CHECK("alarm(5) with none pending returns 0", alarm(5) == 0);
    CHECK("alarm(0) cancels it and tells the seconds left", alarm(0) == 5);
    CHECK("alarm(0) with none pending returns 0", alarm(0) == 0);
}

static pid_t start(char *const argv[])
{
    pid_t pid = -1;
    return posix_spawn(&pid, argv[0], NULL, NULL, argv, NULL) ? -1 : pid;
}

static void test_killed_sleepers(void)
{
    char *sleeper[] = {"/proc/boot/test/family", "sleep", "5000", NULL};
    pid_t child = start(sleeper);
    usleep(100000);
    uint64_t t0 = now(CLOCK_MONOTONIC);
    int st = 0;
    CHECK("a sleeper killed by another process's signal ends at once, by that signal",
          child > 0 && kill(child, SIGTERM) == 0 && waitpid(child, &st, 0) == child &&
              WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM && now(CLOCK_MONOTONIC) - t0 < 1000 * MS);

    // More sleepers killed one after the other than taskman can hold: none is left behind.
    int ok = 0;
    for (int i = 0; i < 70; i++) {
        child = start(sleeper);
        usleep(10000); /* let it reach its sleep */
        if (child > 0 && kill(child, SIGKILL) == 0 && waitpid(child, &st, 0) == child &&
            WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL)
            ok++;
    }
    CHECK("70 sleepers killed in turn all die by the signal", ok == 70);
    char *child_alarm[] = {"/proc/boot/test/family", "alarm", "1", NULL};
    t0 = now(CLOCK_MONOTONIC);
    child = start(child_alarm);
    CHECK("a process's alarm() ends it with SIGALRM after its time",
          child > 0 && waitpid(child, &st, 0) == child && WIFSIGNALED(st) &&
              WTERMSIG(st) == SIGALRM && now(CLOCK_MONOTONIC) - t0 >= 1000 * MS);
}

int main(void)
{
    printf("time: time suite, pid %d\n", getpid());
    test_clocks();
    test_relative_sleeps();
    test_absolute_sleeps();
    test_bad_sleeps();
    test_timers();
    test_pulse_timers();
    test_alarm();
    test_killed_sleepers();
    printf("time: %d failures\n", failures);
    return failures;
}
