/*
 * Scheduling and thread-creation structures passed across the kernel-call boundary, laid out as
 * QNX Neutrino lays them out so that QNX code ports.
 */
#ifndef QSOE_ABI_SCHED_H
#define QSOE_ABI_SCHED_H

#include <stddef.h>
#include <stdint.h>

#define SCHED_NOCHANGE 0
#define SCHED_FIFO     1
#define SCHED_RR       2
#define SCHED_OTHER    3

#define PRIORITY_MIN     1
#define PRIORITY_MAX     255
#define PRIORITY_DEFAULT 10

/* Thread states as QNX numbers them; _NTO_TIMEOUT_* bits are 1 << STATE_*. */
enum {
    STATE_DEAD = 0,
    STATE_RUNNING,
    STATE_READY,
    STATE_STOPPED,
    STATE_SEND,
    STATE_RECEIVE,
    STATE_REPLY,
    STATE_STACK,
    STATE_WAITTHREAD,
    STATE_WAITPAGE,
    STATE_SIGSUSPEND,
    STATE_SIGWAITINFO,
    STATE_NANOSLEEP,
    STATE_MUTEX,
    STATE_CONDVAR,
    STATE_JOIN,
    STATE_INTR,
    STATE_SEM,
    STATE_MAX
};

#define _NTO_TIMEOUT_SEND      (1u << STATE_SEND)
#define _NTO_TIMEOUT_RECEIVE   (1u << STATE_RECEIVE)
#define _NTO_TIMEOUT_REPLY     (1u << STATE_REPLY)
#define _NTO_TIMEOUT_NANOSLEEP (1u << STATE_NANOSLEEP)
#define _NTO_TIMEOUT_MUTEX     (1u << STATE_MUTEX)
#define _NTO_TIMEOUT_CONDVAR   (1u << STATE_CONDVAR)
#define _NTO_TIMEOUT_JOIN      (1u << STATE_JOIN)
#define _NTO_TIMEOUT_INTR      (1u << STATE_INTR)
#define _NTO_TIMEOUT_SEM       (1u << STATE_SEM)
#define TIMER_ABSTIME          0x80000000u

#define CLOCK_REALTIME  0
#define CLOCK_MONOTONIC 2

struct sched_param {
    int32_t sched_priority;
    int32_t sched_curpriority; /* filled in by SchedGet: the priority including inheritance */
    int32_t __spare[6];
};

#define PTHREAD_CREATE_JOINABLE 0x0
#define PTHREAD_CREATE_DETACHED 0x1
#define PTHREAD_INHERIT_SCHED   0x0
#define PTHREAD_EXPLICIT_SCHED  0x2

struct _thread_attr {
    int32_t __flags;
    size_t __stacksize;
    void *__stackaddr;
    void (*__exitfunc)(void *status);
    int32_t __policy;
    struct sched_param __param;
    uint32_t __guardsize;
    uint32_t __spare[3];
};

#endif
