/*
 * libc's seL4 layer: the Sync* calls, the slow paths of mutexes, condition variables and
 * semaphores (the fast paths are atomics in lib/c/src/pthread_sync.c). They keep Skimmer's
 * protocol of the word (include/abi/sync.h) and its answers; waiting and waking go through
 * the process's own wait queues and its threads' notifications (syncq.c), never taskman-L.
 * A word in memory that is not mapped faults the caller, as the fast paths would.
 */
#include "sel4sync.h"

#define USER_TOP 0x4000000000ul

// EFAULT for a pointer that cannot be a sync word of the process: misaligned, outside user
// space, or across a page end (as Skimmer checks it).
static int bad_word(const sync_t *s)
{
    uintptr_t a = (uintptr_t)s;
    if (a % sizeof(uint32_t) || a < 0x10000 || a >= USER_TOP || a % 4096 > 4096 - sizeof(*s))
        return -EFAULT;
    return 0;
}

static bool cas_owner(sync_t *s, uint32_t *expect, uint32_t want)
{
    return __atomic_compare_exchange_n(&s->__owner, expect, want, false, __ATOMIC_ACQ_REL,
                                       __ATOMIC_ACQUIRE);
}

// Sets or clears the waiting bit of s's owner word, whatever else changes meanwhile.
static void set_waiting(sync_t *s, bool on)
{
    uint32_t w = __atomic_load_n(&s->__owner, __ATOMIC_ACQUIRE);
    for (;;) {
        uint32_t want = on ? w | _NTO_SYNC_WAITING : w & ~_NTO_SYNC_WAITING;
        if (want == w || cas_owner(s, &w, want))
            return;
    }
}

// Takes mutex m for the caller or queues it (lock held, released before returning).
static int mutex_lock_locked(sync_t *m)
{
    uint32_t me = __tls()->__owner;
    uint32_t w = __atomic_load_n(&m->__owner, __ATOMIC_ACQUIRE);
    for (;;) {
        uint32_t owner = w & _NTO_SYNC_OWNER;
        int err = 0;
        if (owner == 0) {
            if (!cas_owner(m, &w, me | (w & _NTO_SYNC_WAITING)))
                continue;
        } else if (owner == me) {
            err = -EDEADLK;
        } else if (owner == _NTO_SYNC_DEAD) {
            err = -EOWNERDEAD;
        } else if (owner >= _NTO_SYNC_SEM) {
            err = -EINVAL;
        } else if (!sel4_thread_alive(owner)) {
            if (!cas_owner(m, &w, _NTO_SYNC_DEAD)) /* its owner is gone: dead until revived */
                continue;
            err = -EOWNERDEAD;
        } else {
            if (!cas_owner(m, &w, w | _NTO_SYNC_WAITING))
                continue;
            sel4_syncq_enqueue(m);
            sel4_syncq_unlock();
            return sel4_syncq_wait(); /* 0: the unlocker made us the owner */
        }
        sel4_syncq_unlock();
        return err;
    }
}

int SyncMutexLock_r(sync_t *m)
{
    int err = bad_word(m);
    if (err)
        return err;
    sel4_syncq_lock();
    return mutex_lock_locked(m);
}

int SyncMutexLock(sync_t *m)
{
    return (int)set_errno(SyncMutexLock_r(m));
}

// Releases mutex m the caller owns (lock held): it goes to the first waiter, if any.
static int mutex_unlock_locked(sync_t *m, unsigned *woken)
{
    uint32_t w = __atomic_load_n(&m->__owner, __ATOMIC_ACQUIRE);
    if ((w & _NTO_SYNC_OWNER) != __tls()->__owner)
        return -EPERM;
    int next = sel4_syncq_first(m);
    uint32_t value = 0;
    if (next >= 0) {
        sel4_syncq_take(next, 0, woken);
        value = (__tls()->__owner & 0xffff0000u) | (uint32_t)(next + 1);
        if (sel4_syncq_first(m) >= 0)
            value |= _NTO_SYNC_WAITING;
    }
    while (!cas_owner(m, &w, value))
        ;
    return 0;
}

int SyncMutexUnlock_r(sync_t *m)
{
    int err = bad_word(m);
    if (err)
        return err;
    unsigned woken = 0;
    sel4_syncq_lock();
    err = mutex_unlock_locked(m, &woken);
    sel4_syncq_unlock();
    sel4_syncq_signal(woken);
    return err;
}

int SyncMutexUnlock(sync_t *m)
{
    return (int)set_errno(SyncMutexUnlock_r(m));
}

// A dead mutex (its owner ended holding it) becomes the caller's.
int SyncMutexRevive_r(sync_t *m)
{
    int err = bad_word(m);
    if (err)
        return err;
    uint32_t w = __atomic_load_n(&m->__owner, __ATOMIC_ACQUIRE);
    uint32_t owner = w & _NTO_SYNC_OWNER;
    if (owner != _NTO_SYNC_DEAD &&
        (owner == 0 || owner >= _NTO_SYNC_SEM || sel4_thread_alive(owner)))
        return -EINVAL;
    return cas_owner(m, &w, __tls()->__owner | (w & _NTO_SYNC_WAITING)) ? 0 : -EAGAIN;
}

int SyncMutexRevive(sync_t *m)
{
    return (int)set_errno(SyncMutexRevive_r(m));
}

int SyncCondvarWait_r(sync_t *c, sync_t *m)
{
    int err = bad_word(c) ? -EFAULT : bad_word(m);
    if (err)
        return err;
    if ((__atomic_load_n(&m->__owner, __ATOMIC_ACQUIRE) & _NTO_SYNC_OWNER) != __tls()->__owner)
        return -EPERM;
    unsigned woken = 0;
    sel4_syncq_lock();
    set_waiting(c, true);
    sel4_syncq_enqueue(c);
    mutex_unlock_locked(m, &woken);
    sel4_syncq_unlock();
    sel4_syncq_signal(woken);
    int r = sel4_syncq_wait();
    /* The mutex is taken back whatever ended the wait. */
    int relock;
    uint32_t free = 0;
    if (cas_owner(m, &free, __tls()->__owner))
        relock = 0;
    else
        relock = SyncMutexLock_r(m);
    return r ? r : relock;
}

int SyncCondvarWait(sync_t *c, sync_t *m)
{
    return (int)set_errno(SyncCondvarWait_r(c, m));
}

// Clears the waiting bit of s once nobody waits on it (lock held).
static void settle(sync_t *s)
{
    if (sel4_syncq_first(s) < 0)
        set_waiting(s, false);
}

int SyncCondvarSignal_r(sync_t *c, int all)
{
    int err = bad_word(c);
    if (err)
        return err;
    unsigned woken = 0;
    sel4_syncq_lock();
    for (int i = sel4_syncq_first(c); i >= 0; i = all ? sel4_syncq_first(c) : -1)
        sel4_syncq_take(i, 0, &woken);
    settle(c);
    sel4_syncq_unlock();
    sel4_syncq_signal(woken);
    return 0;
}

int SyncCondvarSignal(sync_t *c, int all)
{
    return (int)set_errno(SyncCondvarSignal_r(c, all));
}

// Takes a unit of semaphore s if it has one: true then.
static bool sem_take(sync_t *s)
{
    int32_t n = __atomic_load_n(&s->__count, __ATOMIC_ACQUIRE);
    while (n > 0)
        if (__atomic_compare_exchange_n(&s->__count, &n, n - 1, false, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE))
            return true;
    return false;
}

int SyncSemWait_r(sync_t *s, int tryonly)
{
    int err = bad_word(s);
    if (err)
        return err;
    for (;;) {
        if (sem_take(s))
            return 0;
        if (tryonly)
            return -EAGAIN;
        sel4_syncq_lock();
        set_waiting(s, true);
        /* A post that missed the waiting bit left its unit in the count: look again. */
        if (__atomic_load_n(&s->__count, __ATOMIC_ACQUIRE) > 0) {
            settle(s);
            sel4_syncq_unlock();
            continue;
        }
        sel4_syncq_enqueue(s);
        sel4_syncq_unlock();
        return sel4_syncq_wait(); /* 0: a post handed us its unit */
    }
}

int SyncSemWait(sync_t *s, int tryonly)
{
    return (int)set_errno(SyncSemWait_r(s, tryonly));
}

// Adds a unit unless the caller's fast path already did (counted), then hands units from the
// count to waiters, the first first.
static int sem_post(sync_t *s, bool counted)
{
    int err = bad_word(s);
    if (err)
        return err;
    unsigned woken = 0;
    sel4_syncq_lock();
    int32_t n = __atomic_load_n(&s->__count, __ATOMIC_ACQUIRE);
    while (!counted) {
        if (n == 0x7fffffff) {
            err = -EOVERFLOW;
            break;
        }
        if (__atomic_compare_exchange_n(&s->__count, &n, n + 1, false, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE))
            break;
    }
    int i;
    while (!err && (i = sel4_syncq_first(s)) >= 0 && sem_take(s))
        sel4_syncq_take(i, 0, &woken);
    settle(s);
    sel4_syncq_unlock();
    sel4_syncq_signal(woken);
    return err;
}

int SyncSemPost_r(sync_t *s)
{
    return sem_post(s, false);
}

int SyncSemPost(sync_t *s)
{
    return (int)set_errno(SyncSemPost_r(s));
}

int SyncSemPassOn(sync_t *s)
{
    return (int)set_errno(sem_post(s, true));
}

int SyncTypeCreate_r(unsigned type, sync_t *s, const struct _sync_attr *attr)
{
    struct _sync_attr a = {0};
    if (attr) {
        if ((uintptr_t)attr % sizeof(int32_t) || (uintptr_t)attr < 0x10000 ||
            (uintptr_t)attr >= USER_TOP)
            return -EFAULT;
        a = *attr;
    }
    int err = bad_word(s);
    if (err)
        return err;
    uint32_t count, owner;
    switch (type) {
    case _NTO_SYNC_MUTEX_FREE:
        count = (uint32_t)a.__flags & (_NTO_SYNC_NONRECURSIVE | _NTO_SYNC_ERRORCHECK);
        owner = 0;
        break;
    case _NTO_SYNC_CONDVAR:
        count = (uint32_t)a.__clockid;
        owner = _NTO_SYNC_COND;
        break;
    case _NTO_SYNC_SEMAPHORE:
        if (a.__count < 0)
            return -EINVAL;
        count = (uint32_t)a.__count;
        owner = _NTO_SYNC_SEM;
        break;
    default:
        return -EINVAL;
    }
    sel4_syncq_lock();
    bool busy = sel4_syncq_first(s) >= 0;
    if (!busy) {
        __atomic_store_n(&s->__count, (int32_t)count, __ATOMIC_RELAXED);
        __atomic_store_n(&s->__owner, owner, __ATOMIC_RELEASE);
    }
    sel4_syncq_unlock();
    return busy ? -EBUSY : 0;
}

int SyncTypeCreate(unsigned type, sync_t *s, const struct _sync_attr *attr)
{
    return (int)set_errno(SyncTypeCreate_r(type, s, attr));
}

// Refused while anybody waits or a live thread holds the mutex; then marked destroyed.
int SyncDestroy_r(sync_t *s)
{
    int err = bad_word(s);
    if (err)
        return err;
    sel4_syncq_lock();
    uint32_t w = __atomic_load_n(&s->__owner, __ATOMIC_ACQUIRE);
    uint32_t owner = w & _NTO_SYNC_OWNER;
    bool busy = sel4_syncq_first(s) >= 0 ||
                (owner != 0 && owner < _NTO_SYNC_SEM && owner != _NTO_SYNC_DEAD);
    if (!busy)
        cas_owner(s, &w, _NTO_SYNC_DESTROYED);
    sel4_syncq_unlock();
    return busy ? -EBUSY : 0;
}

int SyncDestroy(sync_t *s)
{
    return (int)set_errno(SyncDestroy_r(s));
}
