/*
 * libc's seL4 layer: process timers. taskman-L keeps them (taskman/sel4/timers.c), so each
 * call is a request to it on the process's own connection; here the arguments are only
 * checked for what taskman-L cannot see (pointers) and packed into message words.
 */
#include <abi/sigevent.h>
#include <abi/timer.h>
#include <string.h>

#include "sel4call.h"

#define LOWEST_USER 0x10000ul /* nothing is ever mapped below the program */

static int bad_ptr(const void *p, size_t n)
{
    uintptr_t a = (uintptr_t)p;
    return a < LOWEST_USER || a >= seL4_UserTop || seL4_UserTop - a < n || a % 4;
}

int TimerCreate_r(clockid_t id, const struct sigevent *event)
{
    if (!event)
        return -EINVAL; /* the default, SIGALRM, as on Skimmer */
    if (bad_ptr(event, sizeof(*event)))
        return -EFAULT;
    seL4_Word in[4] = {(seL4_Word)id};
    memcpy(&in[1], event, sizeof(*event));
    return (int)sel4_taskman_call(SEL4_LABEL_TIMER_CREATE, in, NULL, 0);
}

int TimerCreate(clockid_t id, const struct sigevent *event)
{
    return (int)set_errno(TimerCreate_r(id, event));
}

int TimerDestroy_r(int id)
{
    long r = sel4_taskman_request(SEL4_LABEL_TIMER_DESTROY, (seL4_Word)id, 0);
    return r < 0 ? (int)r : 0;
}

int TimerDestroy(int id)
{
    return (int)set_errno(TimerDestroy_r(id));
}

int TimerSettime_r(int id, int flags, const struct _itimer *itime, struct _itimer *oitime)
{
    if (!itime || bad_ptr(itime, sizeof(*itime)) || (oitime && bad_ptr(oitime, sizeof(*oitime))))
        return -EFAULT;
    seL4_Word in[4] = {(seL4_Word)id, (seL4_Word)(unsigned)flags, itime->nsec,
                       itime->interval_nsec};
    struct _itimer old;
    long r = sel4_taskman_call(SEL4_LABEL_TIMER_SETTIME, in, &old, sizeof(old));
    if (r < 0)
        return (int)r;
    if (oitime)
        *oitime = old;
    return 0;
}

int TimerSettime(int id, int flags, const struct _itimer *itime, struct _itimer *oitime)
{
    return (int)set_errno(TimerSettime_r(id, flags, itime, oitime));
}

// TimerInfo: the state of timer id; returns the id.
int TimerInfo_r(pid_t pid, int id, int flags, struct _timer_info *info)
{
    (void)flags;
    if (!info || bad_ptr(info, sizeof(*info)))
        return -EFAULT;
    seL4_Word in[4] = {(seL4_Word)pid, (seL4_Word)id, 0, 0};
    struct _timer_info got;
    long r = sel4_taskman_call(SEL4_LABEL_TIMER_INFO, in, &got, sizeof(got));
    if (r < 0)
        return (int)r;
    *info = got;
    return id;
}

int TimerInfo(pid_t pid, int id, int flags, struct _timer_info *info)
{
    return (int)set_errno(TimerInfo_r(pid, id, flags, info));
}
