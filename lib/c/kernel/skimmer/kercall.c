/*
 * libc's kernel layer for Skimmer: each QNX kernel call is one ecall (number in a7, arguments
 * in a0-a5, result in a0 as a value or a negated errno), and the plain form turns a negated
 * errno into -1 with errno set.
 */
#include <errno.h>
#include <sys/neutrino.h>

#include "ecall.h"

// The error side of set_errno: r is a negated errno.
long __kercall_failed(long r)
{
    errno = (int)-r;
    return -1;
}

long __kercall(long num, long a0, long a1, long a2, long a3, long a4, long a5)
{
    return kercall6(num, a0, a1, a2, a3, a4, a5);
}

int ThreadCreate_r(pid_t pid, void *(*func)(void *), void *arg, const struct _thread_attr *attr)
{
    return (int)K(KER_THREAD_CREATE, pid, func, arg, attr, 0);
}

int ThreadCreate(pid_t pid, void *(*func)(void *), void *arg, const struct _thread_attr *attr)
{
    return set_errno(ThreadCreate_r(pid, func, arg, attr));
}

int ThreadDestroy_r(int tid, int priority, void *status)
{
    return (int)K(KER_THREAD_DESTROY, tid, priority, status, 0, 0);
}

int ThreadDestroy(int tid, int priority, void *status)
{
    return set_errno(ThreadDestroy_r(tid, priority, status));
}

int ThreadJoin_r(int tid, void **status)
{
    return (int)K(KER_THREAD_JOIN, tid, status, 0, 0, 0);
}

int ThreadJoin(int tid, void **status)
{
    return set_errno(ThreadJoin_r(tid, status));
}

int ThreadDetach_r(int tid)
{
    return (int)K(KER_THREAD_DETACH, tid, 0, 0, 0, 0);
}

int ThreadDetach(int tid)
{
    return set_errno(ThreadDetach_r(tid));
}

int ThreadCtl_r(int cmd, void *data)
{
    return (int)K(KER_THREAD_CTL, cmd, data, 0, 0, 0);
}

int ThreadCtl(int cmd, void *data)
{
    return set_errno(ThreadCtl_r(cmd, data));
}

int SchedGet_r(pid_t pid, int tid, struct sched_param *param)
{
    return (int)K(KER_SCHED_GET, pid, tid, param, 0, 0);
}

int SchedGet(pid_t pid, int tid, struct sched_param *param)
{
    return set_errno(SchedGet_r(pid, tid, param));
}

int SchedSet_r(pid_t pid, int tid, int policy, const struct sched_param *param)
{
    return (int)K(KER_SCHED_SET, pid, tid, policy, param, 0);
}

int SchedSet(pid_t pid, int tid, int policy, const struct sched_param *param)
{
    return set_errno(SchedSet_r(pid, tid, policy, param));
}

int SchedYield_r(void)
{
    return (int)K(KER_SCHED_YIELD, 0, 0, 0, 0, 0);
}

int SchedYield(void)
{
    return set_errno(SchedYield_r());
}

int SchedGetCpuNum(void)
{
    return (int)K(KER_SCHED_GET_CPUNUM, 0, 0, 0, 0, 0);
}

int ClockTime_r(clockid_t id, const uint64_t *new_time, uint64_t *old_time)
{
    return (int)K(KER_CLOCK_TIME, id, new_time, old_time, 0, 0);
}

int ClockTime(clockid_t id, const uint64_t *new_time, uint64_t *old_time)
{
    return set_errno(ClockTime_r(id, new_time, old_time));
}

int TimerTimeout_r(clockid_t id, int flags, const struct sigevent *notify, const uint64_t *ntime,
                   uint64_t *otime)
{
    return (int)K(KER_TIMER_TIMEOUT, id, flags, notify, ntime, otime);
}

int TimerTimeout(clockid_t id, int flags, const struct sigevent *notify, const uint64_t *ntime,
                 uint64_t *otime)
{
    return set_errno(TimerTimeout_r(id, flags, notify, ntime, otime));
}

int ConsoleWrite(const char *buf, size_t len)
{
    return set_errno(K(KER_CONSOLE_WRITE, buf, len, 0, 0, 0));
}

int ProcCreate(unsigned flags, const char *name)
{
    return set_errno(K(KER_PROC_CREATE, flags, name, 0, 0, 0));
}

int ProcDestroy(pid_t pid, int status)
{
    return set_errno(K(KER_PROC_DESTROY, pid, status, 0, 0, 0));
}

int ProcMemMap(pid_t pid, uintptr_t vaddr, size_t len, int prot)
{
    return set_errno(K(KER_PROC_MEM_MAP, pid, vaddr, len, prot, 0));
}

int ProcMemUnmap(pid_t pid, uintptr_t vaddr, size_t len)
{
    return set_errno(K(KER_PROC_MEM_UNMAP, pid, vaddr, len, 0, 0));
}

int ProcMemWrite(pid_t pid, uintptr_t vaddr, const void *src, size_t len)
{
    return set_errno(K(KER_PROC_MEM_WRITE, pid, vaddr, src, len, 0));
}

int ProcWait(pid_t pid, int *status)
{
    return set_errno(K(KER_PROC_WAIT, pid, status, 0, 0, 0));
}

int SysPower(int how, int code)
{
    return set_errno(K(KER_SYS_POWER, how, code, 0, 0, 0));
}

int TimerCreate_r(clockid_t id, const struct sigevent *event)
{
    return (int)K(KER_TIMER_CREATE, id, event, 0, 0, 0);
}

int TimerCreate(clockid_t id, const struct sigevent *event)
{
    return set_errno(TimerCreate_r(id, event));
}

int TimerDestroy_r(int id)
{
    return (int)K(KER_TIMER_DESTROY, id, 0, 0, 0, 0);
}

int TimerDestroy(int id)
{
    return set_errno(TimerDestroy_r(id));
}

int TimerSettime_r(int id, int flags, const struct _itimer *itime, struct _itimer *oitime)
{
    return (int)K(KER_TIMER_SETTIME, id, flags, itime, oitime, 0);
}

int TimerSettime(int id, int flags, const struct _itimer *itime, struct _itimer *oitime)
{
    return set_errno(TimerSettime_r(id, flags, itime, oitime));
}

int TimerInfo_r(pid_t pid, int id, int flags, struct _timer_info *info)
{
    return (int)K(KER_TIMER_INFO, pid, id, flags, info, 0);
}

int TimerInfo(pid_t pid, int id, int flags, struct _timer_info *info)
{
    return set_errno(TimerInfo_r(pid, id, flags, info));
}

int ClockPeriod_r(clockid_t id, const struct _clockperiod *new_period,
                  struct _clockperiod *old_period, int reserved)
{
    (void)reserved;
    return (int)K(KER_CLOCK_PERIOD, id, new_period, old_period, 0, 0);
}

int ClockPeriod(clockid_t id, const struct _clockperiod *new_period,
                struct _clockperiod *old_period, int reserved)
{
    return set_errno(ClockPeriod_r(id, new_period, old_period, reserved));
}

int InterruptAttachEvent_r(int intr, const struct sigevent *event, unsigned flags)
{
    return (int)K(KER_INTERRUPT_ATTACH_EVENT, intr, event, flags, 0, 0);
}

int InterruptAttachEvent(int intr, const struct sigevent *event, unsigned flags)
{
    return set_errno(InterruptAttachEvent_r(intr, event, flags));
}

int InterruptDetach_r(int id)
{
    return (int)K(KER_INTERRUPT_DETACH, id, 0, 0, 0, 0);
}

int InterruptDetach(int id)
{
    return set_errno(InterruptDetach_r(id));
}

int InterruptMask(int intr, int id)
{
    return set_errno(K(KER_INTERRUPT_MASK, intr, id, 0, 0, 0));
}

int InterruptUnmask(int intr, int id)
{
    return set_errno(K(KER_INTERRUPT_UNMASK, intr, id, 0, 0, 0));
}

int InterruptWait_r(int flags, const uint64_t *timeout)
{
    return (int)K(KER_INTERRUPT_WAIT, flags, timeout, 0, 0, 0);
}

int InterruptWait(int flags, const uint64_t *timeout)
{
    return set_errno(InterruptWait_r(flags, timeout));
}

int ProcInfo(pid_t pid, struct _proc_kinfo *info)
{
    return (int)set_errno(K(KER_PROC_INFO, pid, info, 0, 0, 0));
}

int SysInfo(struct _sys_kinfo *info)
{
    return (int)set_errno(K(KER_SYS_INFO, info, 0, 0, 0, 0));
}

int ProcMemMapPhys(pid_t pid, uintptr_t vaddr, size_t len, int prot, uintptr_t paddr)
{
    return set_errno(K(KER_PROC_MEM_MAP_PHYS, pid, vaddr, len, prot, paddr));
}
