/*
 * libc's seL4 layer: the QNX calls for power and system information and SchedGetCpuNum,
 * which QSOE/L does not implement yet (docs/qsoe-l.md). Each takes its arguments and
 * fails with ENOSYS, so every QSOE program links unchanged and learns at run time what is missing.
 */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#include "sel4call.h"

int SchedGetCpuNum(void)
{
    errno = ENOSYS;
    return -1;
}

int SysPower(int how, int code)
{
    errno = ENOSYS;
    return -1;
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
