/*
 * libc's kernel layer for Skimmer: the Sync* slow paths, each one kernel call.
 */
#include <errno.h>
#include <sys/neutrino.h>

#include "ecall.h"

int SyncTypeCreate_r(unsigned type, sync_t *sync, const struct _sync_attr *attr)
{
    return (int)K(KER_SYNC_TYPE_CREATE, type, sync, attr, 0, 0);
}

int SyncTypeCreate(unsigned type, sync_t *sync, const struct _sync_attr *attr)
{
    return set_errno(SyncTypeCreate_r(type, sync, attr));
}

int SyncDestroy_r(sync_t *sync)
{
    return (int)K(KER_SYNC_DESTROY, sync, 0, 0, 0, 0);
}

int SyncDestroy(sync_t *sync)
{
    return set_errno(SyncDestroy_r(sync));
}

int SyncMutexLock_r(sync_t *sync)
{
    return (int)K(KER_SYNC_MUTEX_LOCK, sync, 0, 0, 0, 0);
}

int SyncMutexLock(sync_t *sync)
{
    return set_errno(SyncMutexLock_r(sync));
}

int SyncMutexUnlock_r(sync_t *sync)
{
    return (int)K(KER_SYNC_MUTEX_UNLOCK, sync, 0, 0, 0, 0);
}

int SyncMutexUnlock(sync_t *sync)
{
    return set_errno(SyncMutexUnlock_r(sync));
}

int SyncMutexRevive_r(sync_t *sync)
{
    return (int)K(KER_SYNC_MUTEX_REVIVE, sync, 0, 0, 0, 0);
}

int SyncMutexRevive(sync_t *sync)
{
    return set_errno(SyncMutexRevive_r(sync));
}

int SyncCondvarWait_r(sync_t *cond, sync_t *mutex)
{
    return (int)K(KER_SYNC_CONDVAR_WAIT, cond, mutex, 0, 0, 0);
}

int SyncCondvarWait(sync_t *cond, sync_t *mutex)
{
    return set_errno(SyncCondvarWait_r(cond, mutex));
}

int SyncCondvarSignal_r(sync_t *cond, int all)
{
    return (int)K(KER_SYNC_CONDVAR_SIGNAL, cond, all, 0, 0, 0);
}

int SyncCondvarSignal(sync_t *cond, int all)
{
    return set_errno(SyncCondvarSignal_r(cond, all));
}

int SyncSemPost_r(sync_t *sem)
{
    return (int)K(KER_SYNC_SEM_POST, sem, 0, 0, 0, 0);
}

int SyncSemPost(sync_t *sem)
{
    return set_errno(SyncSemPost_r(sem));
}

// The caller has already added a unit to the count; hand units on to waiters.
int SyncSemPassOn(sync_t *sem)
{
    return set_errno(K(KER_SYNC_SEM_POST, sem, 1, 0, 0, 0));
}

int SyncSemWait_r(sync_t *sem, int tryonly)
{
    return (int)K(KER_SYNC_SEM_WAIT, sem, tryonly, 0, 0, 0);
}

int SyncSemWait(sync_t *sem, int tryonly)
{
    return set_errno(SyncSemWait_r(sem, tryonly));
}
