/*
 * Timer structures of TimerSettime, TimerInfo and ClockPeriod, laid out as QNX lays them out.
 */
#ifndef QSOE_ABI_TIMER_H
#define QSOE_ABI_TIMER_H

#include <stdint.h>

#include <abi/sigevent.h>

struct _itimer {
    uint64_t nsec;          /* first expiry: relative, or absolute with TIMER_ABSTIME */
    uint64_t interval_nsec; /* then every interval_nsec, or never if 0 */
};

struct _timer_info {
    struct _itimer itime; /* time left to the next expiry, and the interval */
    struct _itimer otime;
    uint32_t flags;       /* _NTO_TI_ACTIVE when armed */
    int32_t tid;
    int32_t notify;
    int32_t clockid;
    uint32_t overruns;    /* periods that passed without an expiry being delivered */
    struct sigevent event;
};

struct _clockperiod {
    uint32_t nsec;
    int32_t fract;
};

#define _NTO_TI_ACTIVE 0x1
#define _NTO_TIMER_MAX 64 /* timers per process */

#endif
