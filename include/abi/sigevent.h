/*
 * struct sigevent as QNX Neutrino lays it out: how a kernel object (a timer, an interrupt, a
 * server) tells a thread that something happened.
 */
#ifndef QSOE_ABI_SIGEVENT_H
#define QSOE_ABI_SIGEVENT_H

#include <stdint.h>

#define SIGEV_NONE          0
#define SIGEV_SIGNAL        1
#define SIGEV_SIGNAL_CODE   2
#define SIGEV_SIGNAL_THREAD 3
#define SIGEV_PULSE         4
#define SIGEV_UNBLOCK       5
#define SIGEV_INTR          6
#define SIGEV_THREAD        7

union sigval {
    int sival_int;
    void *sival_ptr;
};

struct sigevent {
    int32_t sigev_notify;
    union {
        int32_t sigev_signo;
        int32_t sigev_coid;
        int32_t sigev_id;
    };
    union sigval sigev_value;
    int16_t sigev_code;
    int16_t sigev_priority;
    int32_t __spare;
};

#endif
