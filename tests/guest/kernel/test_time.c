/* ClockTime and TimerTimeout: time advances, sleeps last, and every pointer is checked. */
#include "harness.h"

void test_time(void)
{
    uint64_t a = 0, b = 0;
    CHECK("ClockTime reads CLOCK_MONOTONIC", ClockTime(CLOCK_MONOTONIC, NULL, &a) == 0 && a > 0);
    for (volatile int i = 0; i < 100000; i++)
        ;
    ClockTime(CLOCK_MONOTONIC, NULL, &b);
    CHECK("CLOCK_MONOTONIC advances", b > a);

    uint64_t t0 = now_ns();
    sleep_ns(20000000);
    uint64_t slept = now_ns() - t0;
    CHECK("a 20 ms nanosleep lasts at least 20 ms", slept >= 20000000);
    CHECK("a 20 ms nanosleep lasts less than 2 s", slept < 2000000000ull);

    uint64_t rt = 0, set = 1700000000ull * 1000000000ull;
    CHECK("taskman may set CLOCK_REALTIME", ClockTime(CLOCK_REALTIME, &set, NULL) == 0);
    ClockTime(CLOCK_REALTIME, NULL, &rt);
    CHECK("CLOCK_REALTIME reads what was set", rt >= set && rt - set < 1000000000ull);
    CHECK_ERR("CLOCK_MONOTONIC cannot be set", ClockTime(CLOCK_MONOTONIC, &set, NULL), EINVAL);
    CHECK_ERR("an unknown clock gives EINVAL", ClockTime(77, NULL, &a), EINVAL);
    CHECK_ERR("ClockTime into a kernel address gives EFAULT",
              ClockTime(CLOCK_MONOTONIC, NULL, KERNEL_ADDR), EFAULT);
    CHECK_ERR("ClockTime into an unmapped address gives EFAULT",
              ClockTime(CLOCK_MONOTONIC, NULL, UNMAPPED_ADDR), EFAULT);
    CHECK_ERR("ClockTime into a misaligned address gives EFAULT",
              ClockTime(CLOCK_MONOTONIC, NULL, (uint64_t *)((char *)&a + 1)), EFAULT);
    CHECK_ERR("ClockTime into a wrapping address gives EFAULT",
              ClockTime(CLOCK_MONOTONIC, NULL, WRAP_ADDR), EFAULT);
    CHECK_ERR("ClockTime from a kernel-address new time gives EFAULT",
              ClockTime(CLOCK_REALTIME, KERNEL_ADDR, NULL), EFAULT);
    CHECK_ERR("ClockTime into the NULL page gives EFAULT",
              ClockTime(CLOCK_MONOTONIC, NULL, (uint64_t *)8), EFAULT);

    uint64_t ns = 1000000;
    CHECK_ERR("TimerTimeout with unknown state bits gives EINVAL",
              TimerTimeout(CLOCK_MONOTONIC, 1 << 30, NULL, &ns, NULL), EINVAL);
    CHECK_ERR("TimerTimeout with an unknown clock gives EINVAL",
              TimerTimeout(99, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL), EINVAL);
    CHECK_ERR("TimerTimeout from an unmapped time gives EFAULT",
              TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, UNMAPPED_ADDR, NULL),
              EFAULT);
    CHECK_ERR("TimerTimeout from a kernel-address event gives EFAULT",
              TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, KERNEL_ADDR, &ns, NULL),
              EFAULT);
    CHECK_ERR(
        "TimerTimeout into a misaligned old time gives EFAULT",
        TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_JOIN, NULL, &ns, (uint64_t *)((char *)&a + 4)),
        EFAULT);
    uint64_t abs = now_ns() + 10000000;
    t0 = now_ns();
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP | TIMER_ABSTIME, NULL, &abs, NULL);
    CHECK("an absolute nanosleep wakes at its deadline", now_ns() >= abs);
    sleep_ns(1000000);
    uint64_t later = 50000000;
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_JOIN, NULL, &later, NULL);
    CHECK_ERR("a timeout armed right after a full sleep is not already spent",
              ThreadJoin(9999 % 200 + 1, NULL), ESRCH);
}
