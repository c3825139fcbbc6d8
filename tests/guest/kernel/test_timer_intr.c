/*
 * Process timers and interrupts. Interrupts come from QEMU virt's goldfish RTC (interrupt 11),
 * whose alarm the test sets a millisecond ahead.
 */
#include "harness.h"

#define RTC_PHYS      0x101000ul
#define RTC_VA        0x1800000000ul
#define RTC_IRQ       11
#define RTC_TIME_LOW  0x00
#define RTC_TIME_HIGH 0x04
#define RTC_ALARM_LOW 0x08
#define RTC_ALARM_HI  0x0c
#define RTC_IRQ_ON    0x10
#define RTC_CLEAR_IRQ 0x1c

static volatile uint32_t *rtc;

static uint32_t rtc_reg(int off)
{
    return rtc[off / 4];
}

static void rtc_set(int off, uint32_t v)
{
    rtc[off / 4] = v;
}

// Sets the RTC alarm ns nanoseconds from now (reading TIME_LOW latches TIME_HIGH).
static void rtc_alarm_in(uint64_t ns)
{
    uint64_t lo = rtc_reg(RTC_TIME_LOW);
    uint64_t now = lo | ((uint64_t)rtc_reg(RTC_TIME_HIGH) << 32);
    uint64_t at = now + ns;
    rtc_set(RTC_ALARM_HI, (uint32_t)(at >> 32));
    rtc_set(RTC_ALARM_LOW, (uint32_t)at);
}

static void test_timers(void)
{
    int chid = ChannelCreate(0);
    int coid = ConnectAttach(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
    struct sigevent ev = {0};
    ev.sigev_notify = SIGEV_PULSE;
    ev.sigev_coid = coid;
    ev.sigev_priority = 10;
    ev.sigev_code = 3;
    ev.sigev_value.sival_int = 77;
    int id = TimerCreate(CLOCK_MONOTONIC, &ev);
    CHECK("TimerCreate returns a timer id", id > 0);
    struct _itimer it = {10000000, 0};
    uint64_t t0 = now_ns();
    CHECK("TimerSettime arms a one-shot timer", TimerSettime(id, 0, &it, NULL) == 0);
    struct _timer_info info;
    CHECK("TimerInfo reports an armed timer",
          TimerInfo(0, id, 0, &info) == id && (info.flags & _NTO_TI_ACTIVE) && info.itime.nsec > 0);
    struct _pulse p;
    CHECK("the one-shot timer's pulse arrives",
          MsgReceive(chid, &p, sizeof(p), NULL) == 0 && p.code == 3 && p.value.sival_int == 77);
    CHECK("no earlier than it was set for", now_ns() - t0 >= 10000000);
    struct _itimer periodic = {5000000, 5000000};
    t0 = now_ns(); /* before arming: the fifth expiry is 25 ms after the arming */
    TimerSettime(id, 0, &periodic, NULL);
    int ticks = 0;
    while (ticks < 5 && MsgReceive(chid, &p, sizeof(p), NULL) == 0)
        ticks++;
    uint64_t took = now_ns() - t0;
    CHECK("a periodic 5 ms timer fires five times in at least 25 ms",
          ticks == 5 && took >= 25000000);
    struct _itimer off = {0, 0}, old;
    CHECK("TimerSettime with 0 disarms and returns the old setting",
          TimerSettime(id, 0, &off, &old) == 0 && old.interval_nsec == 5000000);
    TimerInfo(0, id, 0, &info);
    CHECK("a disarmed timer is not active", !(info.flags & _NTO_TI_ACTIVE));
    uint64_t abs = now_ns() + 5000000;
    struct _itimer at = {abs, 0};
    TimerSettime(id, TIMER_ABSTIME, &at, NULL);
    MsgReceive(chid, &p, sizeof(p), NULL);
    CHECK("an absolute timer fires at its time", now_ns() >= abs);
    CHECK("TimerDestroy ends a timer", TimerDestroy(id) == 0);
    CHECK_ERR("TimerDestroy twice gives EINVAL", TimerDestroy(id), EINVAL);
    CHECK_ERR("TimerSettime of a destroyed timer gives EINVAL", TimerSettime(id, 0, &it, NULL),
              EINVAL);
    CHECK_ERR("TimerCreate on an unknown clock gives EINVAL", TimerCreate(42, &ev), EINVAL);
    CHECK_ERR("TimerCreate with a kernel-address event gives EFAULT",
              TimerCreate(CLOCK_MONOTONIC, KERNEL_ADDR), EFAULT);
    id = TimerCreate(CLOCK_MONOTONIC, &ev);
    CHECK_ERR("TimerSettime from an unmapped itimer gives EFAULT",
              TimerSettime(id, 0, UNMAPPED_ADDR, NULL), EFAULT);
    CHECK_ERR("TimerSettime with unknown flags gives EINVAL", TimerSettime(id, 0x10, &it, NULL),
              EINVAL);
    CHECK_ERR("TimerInfo into a kernel address gives EFAULT", TimerInfo(0, id, 0, KERNEL_ADDR),
              EFAULT);
    TimerDestroy(id);
    struct _clockperiod cp;
    CHECK("ClockPeriod reports the clock's resolution",
          ClockPeriod(CLOCK_MONOTONIC, NULL, &cp, 0) == 0 && cp.nsec == 100);
    CHECK_ERR("ClockPeriod of an unknown clock gives EINVAL", ClockPeriod(9, NULL, &cp, 0), EINVAL);
    ConnectDetach(coid);
    ChannelDestroy(chid);
}

static volatile int busy_done;

static void test_interrupts(void)
{
    CHECK_ERR("mapping RAM as device memory is refused with EPERM",
              ProcMemMapPhys(0, RTC_VA, 4096, 3, 0x80000000ul), EPERM);
    CHECK_ERR("mapping a misaligned device range gives EINVAL",
              ProcMemMapPhys(0, RTC_VA, 4096, 3, RTC_PHYS + 4), EINVAL);
    CHECK("the RTC's registers can be mapped", ProcMemMapPhys(0, RTC_VA, 4096, 3, RTC_PHYS) == 0);
    rtc = (volatile uint32_t *)RTC_VA;

    struct sigevent ev = {0};
    ev.sigev_notify = SIGEV_INTR;
    int id = InterruptAttachEvent(RTC_IRQ, &ev, 0);
    CHECK("InterruptAttachEvent returns an id", id > 0);
    rtc_set(RTC_IRQ_ON, 1);
    rtc_alarm_in(1000000);
    CHECK("InterruptWait returns when the device interrupts", InterruptWait(0, NULL) == 0);
    rtc_set(RTC_CLEAR_IRQ, 1);
    CHECK("InterruptUnmask re-enables the source", InterruptUnmask(RTC_IRQ, id) == 0);

    rtc_alarm_in(1000000);
    uint64_t until = now_ns() + 30000000; /* busy, not waiting, when the interrupt comes */
    while (now_ns() < until)
        ;
    uint64_t limit = 1000000;
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_INTR, NULL, &limit, NULL);
    CHECK("an interrupt that came while the handler was busy is not lost",
          InterruptWait(0, NULL) == 0);
    rtc_set(RTC_CLEAR_IRQ, 1);
    InterruptUnmask(RTC_IRQ, id);
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_INTR, NULL, &limit, NULL);
    CHECK_ERR("InterruptWait with an INTR timeout and no interrupt gives ETIMEDOUT",
              InterruptWait(0, NULL), ETIMEDOUT);
    CHECK("InterruptMask counts masks", InterruptMask(RTC_IRQ, id) == 1);
    CHECK("InterruptUnmask counts them down", InterruptUnmask(RTC_IRQ, id) == 0);
    CHECK_ERR("InterruptUnmask with another source's number gives EINVAL", InterruptUnmask(5, id),
              EINVAL);
    CHECK("InterruptDetach ends the attachment", InterruptDetach(id) == 0);
    CHECK_ERR("InterruptDetach twice gives EINVAL", InterruptDetach(id), EINVAL);

    int chid = ChannelCreate(0);
    int coid = ConnectAttach(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
    struct sigevent pev = {0};
    pev.sigev_notify = SIGEV_PULSE;
    pev.sigev_coid = coid;
    pev.sigev_priority = 20;
    pev.sigev_code = 11;
    id = InterruptAttachEvent(RTC_IRQ, &pev, 0);
    rtc_alarm_in(1000000);
    struct _pulse p;
    CHECK("a SIGEV_PULSE attachment delivers the interrupt as a pulse",
          MsgReceive(chid, &p, sizeof(p), NULL) == 0 && p.code == 11);
    rtc_set(RTC_CLEAR_IRQ, 1);
    InterruptDetach(id);
    rtc_set(RTC_IRQ_ON, 0);
    ConnectDetach(coid);
    ChannelDestroy(chid);

    CHECK_ERR("attaching interrupt 0 gives EINVAL", InterruptAttachEvent(0, &ev, 0), EINVAL);
    CHECK_ERR("attaching interrupt 5000 gives EINVAL", InterruptAttachEvent(5000, &ev, 0), EINVAL);
    CHECK_ERR("attaching with a kernel-address event gives EFAULT",
              InterruptAttachEvent(RTC_IRQ, KERNEL_ADDR, 0), EFAULT);
    struct sigevent bad = {0};
    bad.sigev_notify = SIGEV_UNBLOCK;
    CHECK_ERR("attaching a SIGEV_UNBLOCK event gives EINVAL",
              InterruptAttachEvent(RTC_IRQ, &bad, 0), EINVAL);
    CHECK_ERR("InterruptWait with flags gives EINVAL", InterruptWait(1, NULL), EINVAL);
}

void test_timer_intr(void)
{
    test_timers();
    test_interrupts();
}
