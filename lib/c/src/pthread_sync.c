/*
 * Mutexes, condition variables and semaphores: the uncontended cases are atomics on the sync
 * word and never enter the kernel; waiting and waking are the Sync* calls. The protocol of
 * the word is in include/abi/sync.h. Functions return an error number, as POSIX says.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdbool.h>
#include <sys/neutrino.h>

static uint32_t self_id(void)
{
    return __tls()->__owner;
}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
    (void)attr;
    m->__count = 0;
    m->__owner = 0;
    return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
    return -SyncDestroy_r(m);
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
    uint32_t free = 0;
    if (__atomic_compare_exchange_n(&m->__owner, &free, self_id(), false, __ATOMIC_ACQUIRE,
                                    __ATOMIC_RELAXED))
        return 0;
    int r;
    while ((r = SyncMutexLock_r(m)) == -EINTR)
        ; /* a signal handler ran: the lock is still wanted (POSIX: no EINTR) */
    return -r;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
    uint32_t free = 0;
    if (__atomic_compare_exchange_n(&m->__owner, &free, self_id(), false, __ATOMIC_ACQUIRE,
                                    __ATOMIC_RELAXED))
        return 0;
    if ((free & _NTO_SYNC_OWNER) == _NTO_SYNC_DESTROYED)
        return EINVAL;
    return (free & _NTO_SYNC_OWNER) == self_id() ? EDEADLK : EBUSY;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
    uint32_t me = self_id();
    if (__atomic_compare_exchange_n(&m->__owner, &me, 0, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
        return 0;
    return -SyncMutexUnlock_r(m); /* waiters to wake, or not ours (EPERM) */
}

int pthread_mutex_consistent(pthread_mutex_t *m)
{
    return -SyncMutexRevive_r(m);
}

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
    (void)attr;
    c->__count = 0;
    c->__owner = _NTO_SYNC_COND;
    return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
    return -SyncDestroy_r(c);
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
    int r = SyncCondvarWait_r(c, m);
    return r == -EINTR ? 0 : -r; /* a signal handler ran: a spurious wake-up, as POSIX allows */
}

static int cond_wake(pthread_cond_t *c, int all)
{
    if (!(__atomic_load_n(&c->__owner, __ATOMIC_SEQ_CST) & _NTO_SYNC_WAITING))
        return 0;
    return -SyncCondvarSignal_r(c, all);
}

int pthread_cond_signal(pthread_cond_t *c)
{
    return cond_wake(c, 0);
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
    return cond_wake(c, 1);
}

int sem_init(sem_t *s, int pshared, unsigned value)
{
    (void)pshared;
    if (value > SEM_VALUE_MAX) {
        errno = EINVAL;
        return -1;
    }
    s->__count = (int32_t)value;
    s->__owner = _NTO_SYNC_SEM;
    return 0;
}

int sem_destroy(sem_t *s)
{
    return SyncDestroy(s);
}

static int sem_take(sem_t *s, int tryonly)
{
    int32_t n = __atomic_load_n(&s->__count, __ATOMIC_RELAXED);
    while (n > 0)
        if (__atomic_compare_exchange_n(&s->__count, &n, n - 1, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED))
            return 0;
    return SyncSemWait(s, tryonly);
}

int sem_wait(sem_t *s)
{
    return sem_take(s, 0);
}

int sem_trywait(sem_t *s)
{
    return sem_take(s, 1);
}

int sem_post(sem_t *s)
{
    if (__atomic_load_n(&s->__owner, __ATOMIC_SEQ_CST) & _NTO_SYNC_WAITING)
        return SyncSemPost(s);
    int32_t n = __atomic_load_n(&s->__count, __ATOMIC_RELAXED);
    do {
        if (n == SEM_VALUE_MAX) {
            errno = EOVERFLOW;
            return -1;
        }
    } while (!__atomic_compare_exchange_n(&s->__count, &n, n + 1, false, __ATOMIC_SEQ_CST,
                                          __ATOMIC_RELAXED));
    /* A waiter that set the waiting bit meanwhile either saw this unit, or must be handed it
       by the kernel: ask it to pass the counted unit on. */
    if (__atomic_load_n(&s->__owner, __ATOMIC_SEQ_CST) & _NTO_SYNC_WAITING)
        return SyncSemPassOn(s);
    return 0;
}

int sem_getvalue(sem_t *s, int *value)
{
    *value = __atomic_load_n(&s->__count, __ATOMIC_RELAXED);
    return 0;
}
