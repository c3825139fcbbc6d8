/*
 * libc's seL4 layer: the QNX calls for signals and the Sync* objects, which QSOE/L does not
 * implement yet (docs/qsoe-l.md). Each takes its arguments and fails with ENOSYS, so every
 * QSOE program links unchanged and learns at run time what is missing.
 */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#include "sel4call.h"

int SignalKill_r(uint32_t nd, pid_t pid, int tid, int signo, int code, int value)
{
    return -ENOSYS;
}

int SignalKill(uint32_t nd, pid_t pid, int tid, int signo, int code, int value)
{
    return (int)set_errno(SignalKill_r(nd, pid, tid, signo, code, value));
}

int SignalProcmask_r(pid_t pid, int tid, int how, const uint64_t *set, uint64_t *oldset)
{
    return -ENOSYS;
}

int SignalProcmask(pid_t pid, int tid, int how, const uint64_t *set, uint64_t *oldset)
{
    return (int)set_errno(SignalProcmask_r(pid, tid, how, set, oldset));
}

int SyncTypeCreate_r(unsigned type, sync_t *sync, const struct _sync_attr *attr)
{
    return -ENOSYS;
}

int SyncTypeCreate(unsigned type, sync_t *sync, const struct _sync_attr *attr)
{
    return (int)set_errno(SyncTypeCreate_r(type, sync, attr));
}

int SyncDestroy_r(sync_t *sync)
{
    return -ENOSYS;
}

int SyncDestroy(sync_t *sync)
{
    return (int)set_errno(SyncDestroy_r(sync));
}

int SyncMutexLock_r(sync_t *sync)
{
    return -ENOSYS;
}

int SyncMutexLock(sync_t *sync)
{
    return (int)set_errno(SyncMutexLock_r(sync));
}

int SyncMutexUnlock_r(sync_t *sync)
{
    return -ENOSYS;
}

int SyncMutexUnlock(sync_t *sync)
{
    return (int)set_errno(SyncMutexUnlock_r(sync));
}

int SyncMutexRevive_r(sync_t *sync)
{
    return -ENOSYS;
}

int SyncMutexRevive(sync_t *sync)
{
    return (int)set_errno(SyncMutexRevive_r(sync));
}

int SyncCondvarWait_r(sync_t *cond, sync_t *mutex)
{
    return -ENOSYS;
}

int SyncCondvarWait(sync_t *cond, sync_t *mutex)
{
    return (int)set_errno(SyncCondvarWait_r(cond, mutex));
}

int SyncCondvarSignal_r(sync_t *cond, int all)
{
    return -ENOSYS;
}

int SyncCondvarSignal(sync_t *cond, int all)
{
    return (int)set_errno(SyncCondvarSignal_r(cond, all));
}

int SyncSemPost_r(sync_t *sem)
{
    return -ENOSYS;
}

int SyncSemPost(sync_t *sem)
{
    return (int)set_errno(SyncSemPost_r(sem));
}

int SyncSemPassOn(sync_t *sem)
{
    errno = ENOSYS;
    return -1;
}

int SyncSemWait_r(sync_t *sem, int tryonly)
{
    return -ENOSYS;
}

int SyncSemWait(sync_t *sem, int tryonly)
{
    return (int)set_errno(SyncSemWait_r(sem, tryonly));
}

int SignalAction_r(pid_t pid, void (*stub)(void), int signo, const void *act, void *oact)
{
    return -ENOSYS;
}

int SignalAction(pid_t pid, void (*stub)(void), int signo, const void *act, void *oact)
{
    return (int)set_errno(SignalAction_r(pid, stub, signo, act, oact));
}

// The trampoline libc gives SignalAction. QSOE/L delivers no signal yet, so nothing enters it;
// were it entered, the process would end as if killed by an unknown signal.
void __signal_stub(void)
{
    ThreadDestroy(-1, -1, (void *)(intptr_t)255);
}
