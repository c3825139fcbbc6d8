/*
 * libc's seL4 layer: the QNX calls for the Sync* objects, which QSOE/L does not implement yet
 * (docs/qsoe-l.md). Each takes its arguments and fails with ENOSYS, so every QSOE program
 * links unchanged and learns at run time what is missing.
 */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#include "sel4call.h"

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
