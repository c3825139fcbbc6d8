/*
 * libc's seL4 layer: the QNX calls for threads and scheduling,
 * which QSOE/L does not implement yet (docs/qsoe-l.md). Each takes its arguments and
 * fails with ENOSYS, so every QSOE program links unchanged and learns at run time what is missing.
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
