/*
 * libc's seL4 layer: the QNX calls for threads, scheduling, timers and the system information
 * calls, which QSOE/L does not implement yet (docs/qsoe-l.md). Each takes its arguments and fails
 * with ENOSYS, so every QSOE program links unchanged and learns at run time what is missing.
 */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#include "sel4call.h"

int ThreadJoin_r(int tid, void **status)
{
    return -ENOSYS;
}

int ThreadJoin(int tid, void **status)
{
    return (int)set_errno(ThreadJoin_r(tid, status));
}

int ThreadDetach_r(int tid)
{
    return -ENOSYS;
}

int ThreadDetach(int tid)
{
    return (int)set_errno(ThreadDetach_r(tid));
}

int ThreadCtl_r(int cmd, void *data)
{
    return -ENOSYS;
}

int ThreadCtl(int cmd, void *data)
{
    return (int)set_errno(ThreadCtl_r(cmd, data));
}

int SchedGet_r(pid_t pid, int tid, struct sched_param *param)
{
    return -ENOSYS;
}

int SchedGet(pid_t pid, int tid, struct sched_param *param)
{
    return (int)set_errno(SchedGet_r(pid, tid, param));
}

int SchedSet_r(pid_t pid, int tid, int policy, const struct sched_param *param)
{
    return -ENOSYS;
}

int SchedSet(pid_t pid, int tid, int policy, const struct sched_param *param)
{
    return (int)set_errno(SchedSet_r(pid, tid, policy, param));
}

int SchedGetCpuNum(void)
{
    errno = ENOSYS;
    return -1;
}

int TimerTimeout_r(clockid_t id, int flags, const struct sigevent *notify, const uint64_t *ntime,
                   uint64_t *otime)
{
    return -ENOSYS;
}

int TimerTimeout(clockid_t id, int flags, const struct sigevent *notify, const uint64_t *ntime,
                 uint64_t *otime)
{
    return (int)set_errno(TimerTimeout_r(id, flags, notify, ntime, otime));
}

int SysPower(int how, int code)
{
    errno = ENOSYS;
    return -1;
}

int TimerCreate_r(clockid_t id, const struct sigevent *event)
{
    return -ENOSYS;
}

int TimerCreate(clockid_t id, const struct sigevent *event)
{
    return (int)set_errno(TimerCreate_r(id, event));
}

int TimerDestroy_r(int id)
{
    return -ENOSYS;
}

int TimerDestroy(int id)
{
    return (int)set_errno(TimerDestroy_r(id));
}

int TimerSettime_r(int id, int flags, const struct _itimer *itime, struct _itimer *oitime)
{
    return -ENOSYS;
}

int TimerSettime(int id, int flags, const struct _itimer *itime, struct _itimer *oitime)
{
    return (int)set_errno(TimerSettime_r(id, flags, itime, oitime));
}

int TimerInfo_r(pid_t pid, int id, int flags, struct _timer_info *info)
{
    return -ENOSYS;
}

int TimerInfo(pid_t pid, int id, int flags, struct _timer_info *info)
{
    return (int)set_errno(TimerInfo_r(pid, id, flags, info));
}

int ClockPeriod_r(clockid_t id, const struct _clockperiod *new_period,
                  struct _clockperiod *old_period, int reserved)
{
    return -ENOSYS;
}

int ClockPeriod(clockid_t id, const struct _clockperiod *new_period,
                struct _clockperiod *old_period, int reserved)
{
    return (int)set_errno(ClockPeriod_r(id, new_period, old_period, reserved));
}

int ProcInfo(pid_t pid, struct _proc_kinfo *info)
{
    errno = ENOSYS;
    return -1;
}

int SysInfo(struct _sys_kinfo *info)
{
    errno = ENOSYS;
    return -1;
}
