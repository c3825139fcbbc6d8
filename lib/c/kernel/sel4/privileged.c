/*
 * The privileged calls of taskman on QSOE/L. taskman-L, which links this libc too, defines
 * them itself over seL4 (taskman/sel4/proc*.c); these weak definitions are what every other
 * program gets: the calls are taskman's alone, so they fail with EPERM.
 */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#include "sel4call.h"

#define PRIVILEGED __attribute__((weak))

PRIVILEGED int ProcCreate(unsigned flags, const char *name)
{
    errno = EPERM;
    return -1;
}

PRIVILEGED int ProcDestroy(pid_t pid, int status)
{
    errno = EPERM;
    return -1;
}

PRIVILEGED int ProcMemMap(pid_t pid, uintptr_t vaddr, size_t len, int prot)
{
    errno = EPERM;
    return -1;
}

PRIVILEGED int ProcMemUnmap(pid_t pid, uintptr_t vaddr, size_t len)
{
    errno = EPERM;
    return -1;
}

PRIVILEGED int ProcMemWrite(pid_t pid, uintptr_t vaddr, const void *src, size_t len)
{
    errno = EPERM;
    return -1;
}

PRIVILEGED int ProcWait(pid_t pid, int *status)
{
    errno = EPERM;
    return -1;
}

PRIVILEGED int ConnectMove_r(pid_t from, int coid, pid_t to, unsigned index)
{
    return -EPERM;
}

PRIVILEGED int ConnectMove(pid_t from, int coid, pid_t to, unsigned index)
{
    return (int)set_errno(ConnectMove_r(from, coid, to, index));
}

PRIVILEGED int SysPower(int how, int code)
{
    errno = EPERM;
    return -1;
}

PRIVILEGED int ProcInfo(pid_t pid, struct _proc_kinfo *info)
{
    errno = EPERM;
    return -1;
}

PRIVILEGED int SysInfo(struct _sys_kinfo *info)
{
    errno = EPERM;
    return -1;
}
