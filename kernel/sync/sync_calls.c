/*
 * The Sync* kernel calls: the slow paths of mutexes (with priority inheritance and dead-owner
 * recovery), condition variables and semaphores. libc does the uncontended cases with atomics
 * on the word and comes here only to wait or to wake.
 */
#include <kercall.h>
#include <process.h>
#include <sync.h>

// Sets or clears the waiting bit of a word's owner field, whatever else changes meanwhile.
static void set_waiting(const struct sync_ref *r, bool on)
{
    uint32_t w;
    while (sync_word_load(r, SYNC_OWNER, &w) == 0) {
        uint32_t want = on ? w | _NTO_SYNC_WAITING : w & ~_NTO_SYNC_WAITING;
        if (want == w || sync_word_cas(r, SYNC_OWNER, w, want) != 0)
            return;
    }
}

// Waits for and takes a mutex the caller found held. Returns 0 once it owns it.
int mutex_lock(struct thread *t, const struct sync_ref *m)
{
    uint32_t me = thread_owner_id(t);
    for (;;) {
        uint32_t w;
        if (sync_word_load(m, SYNC_OWNER, &w) < 0)
            return -EFAULT;
        uint32_t owner = w & _NTO_SYNC_OWNER;
        if (owner == 0) {
            int ok = sync_word_cas(m, SYNC_OWNER, w, me | (w & _NTO_SYNC_WAITING));
            if (ok < 0)
                return ok;
            if (ok)
                return 0;
            continue;
        }
        if (owner == me)
            return -EDEADLK;
        if (owner == _NTO_SYNC_DEAD)
            return -EOWNERDEAD;
        if (owner >= _NTO_SYNC_SEM)
            return -EINVAL;
        struct thread *holder = thread_by_rcvid((int)owner);
        if (!holder) {
            /* Its owner is gone: the mutex is dead until revived. */
            int ok = sync_word_cas(m, SYNC_OWNER, w, _NTO_SYNC_DEAD);
            if (ok < 0)
                return ok;
            if (ok)
                return -EOWNERDEAD;
            continue;
        }
        sync_lock(m);
        struct sync_obj *o = sync_find(m, true);
        int ok = o ? sync_word_cas(m, SYNC_OWNER, w, w | _NTO_SYNC_WAITING) : -ENOMEM;
        if (ok <= 0) {
            sync_release_if_idle(m, o);
            sync_unlock(m);
            if (ok < 0)
                return ok;
            continue;
        }
        o->owner = holder;
        if (holder->prio < t->prio) /* inheritance, on whichever hart it runs */
            sched_boost(holder, t->prio, __atomic_load_n(&holder->boost_epoch, __ATOMIC_ACQUIRE));
        sync_enqueue(o, t);
        __atomic_store_n(&t->state, STATE_MUTEX, __ATOMIC_SEQ_CST);
        sync_unlock(m);
        long r = thread_block();
        if (r == 0)
            return 0; /* the unlocker made us the owner */
        sync_lock(m);
        if (t->sync_wait) {
            list_remove(&t->ipc_link);
            t->sync_wait = NULL;
        }
        o = sync_find(m, false);
        if (!o || list_empty(&o->waiters)) {
            set_waiting(m, false);
            sync_release_if_idle(m, o);
        }
        sync_unlock(m);
        return (int)r;
    }
}

// Releases a mutex the caller owns, handing it to the highest-priority waiter.
int mutex_unlock(struct thread *t, const struct sync_ref *m)
{
    uint32_t me = thread_owner_id(t);
    uint32_t w;
    if (sync_word_load(m, SYNC_OWNER, &w) < 0)
        return -EFAULT;
    if ((w & _NTO_SYNC_OWNER) != me)
        return -EPERM;
    sync_lock(m);
    struct sync_obj *o = sync_find(m, false);
    struct thread *next = o ? sync_dequeue(o) : NULL;
    uint32_t value = 0;
    if (next)
        value = thread_owner_id(next) | (list_empty(&o->waiters) ? 0 : _NTO_SYNC_WAITING);
    int ok;
    while ((ok = sync_word_cas(m, SYNC_OWNER, w, value)) == 0)
        sync_word_load(m, SYNC_OWNER, &w);
    if (o)
        o->owner = next;
    __atomic_add_fetch(&t->boost_epoch, 1, __ATOMIC_RELEASE);
    sync_release_if_idle(m, o);
    sync_unlock(m);
    if (t->prio != t->base_prio)
        sched_set_priority(t, t->base_prio);
    if (next)
        thread_release(next, ok < 0 ? -EFAULT : 0);
    return ok < 0 ? -EFAULT : 0;
}

long kc_sync_mutex_lock(const uint64_t *a)
{
    struct thread *t = current();
    struct sync_ref m;
    int err = sync_resolve(t->proc, a[0], &m);
    return err ? err : mutex_lock(t, &m);
}

long kc_sync_mutex_unlock(const uint64_t *a)
{
    struct thread *t = current();
    struct sync_ref m;
    int err = sync_resolve(t->proc, a[0], &m);
    return err ? err : mutex_unlock(t, &m);
}

// SyncMutexRevive(sync): take a dead mutex (its owner died holding it) and make it usable.
long kc_sync_mutex_revive(const uint64_t *a)
{
    struct thread *t = current();
    struct sync_ref m;
    int err = sync_resolve(t->proc, a[0], &m);
    if (err)
        return err;
    uint32_t w;
    if (sync_word_load(&m, SYNC_OWNER, &w) < 0)
        return -EFAULT;
    uint32_t owner = w & _NTO_SYNC_OWNER;
    if (owner != _NTO_SYNC_DEAD &&
        (owner == 0 || owner >= _NTO_SYNC_SEM || thread_by_rcvid((int)owner)))
        return -EINVAL;
    int ok = sync_word_cas(&m, SYNC_OWNER, w, thread_owner_id(t) | (w & _NTO_SYNC_WAITING));
    return ok < 0 ? ok : ok ? 0 : -EAGAIN;
}

long kc_sync_condvar_wait(const uint64_t *a)
{
    struct thread *t = current();
    struct sync_ref c, m;
    int err = sync_resolve(t->proc, a[0], &c);
    if (!err)
        err = sync_resolve(t->proc, a[1], &m);
    if (err)
        return err;
    uint32_t w;
    if (sync_word_load(&m, SYNC_OWNER, &w) < 0)
        return -EFAULT;
    if ((w & _NTO_SYNC_OWNER) != thread_owner_id(t))
        return -EPERM;
    sync_lock(&c);
    struct sync_obj *o = sync_find(&c, true);
    if (!o) {
        sync_unlock(&c);
        return -ENOMEM;
    }
    set_waiting(&c, true);
    sync_enqueue(o, t);
    __atomic_store_n(&t->state, STATE_CONDVAR, __ATOMIC_SEQ_CST);
    sync_unlock(&c);
    mutex_unlock(t, &m);
    long r = thread_block();
    sync_lock(&c);
    if (t->sync_wait) {
        list_remove(&t->ipc_link);
        t->sync_wait = NULL;
    }
    sync_release_if_idle(&c, sync_find(&c, false));
    sync_unlock(&c);
    t->timeout_states = 0; /* the mutex is taken back whatever the timeout said */
    int relock;
    while ((relock = mutex_lock(t, &m)) == -EINTR && !t->killed)
        ;
    return r ? r : relock;
}

// The end of a wake-up: clear the waiting bit if nobody waits any more, drop an idle object,
// unlock, and let the woken threads run (outside the lock).
static void finish_wake(const struct sync_ref *r, struct sync_obj *o, struct list *woken)
{
    if (!o || list_empty(&o->waiters))
        set_waiting(r, false);
    sync_release_if_idle(r, o);
    sync_unlock(r);
    struct list *n;
    while ((n = list_pop_front(woken)) != NULL)
        thread_release(container_of(n, struct thread, ipc_link), 0);
}

long kc_sync_condvar_signal(const uint64_t *a)
{
    struct thread *t = current();
    struct sync_ref c;
    int err = sync_resolve(t->proc, a[0], &c);
    if (err)
        return err;
    bool all = a[1] != 0;
    sync_lock(&c);
    struct sync_obj *o = sync_find(&c, false);
    struct thread *w;
    struct list woken;
    list_init(&woken);
    while (o && (w = sync_dequeue(o)) != NULL) {
        list_push_back(&woken, &w->ipc_link);
        if (!all)
            break;
    }
    finish_wake(&c, o, &woken);
    return 0;
}

// SyncSemWait(sem, try): take a unit, waiting for one unless try is set (then EAGAIN).
long kc_sync_sem_wait(const uint64_t *a)
{
    struct thread *t = current();
    struct sync_ref s;
    int err = sync_resolve(t->proc, a[0], &s);
    if (err)
        return err;
    for (;;) {
        uint32_t n;
        if (sync_word_load(&s, SYNC_COUNT, &n) < 0)
            return -EFAULT;
        if ((int32_t)n > 0) {
            int ok = sync_word_cas(&s, SYNC_COUNT, n, n - 1);
            if (ok < 0)
                return ok;
            if (ok)
                return 0;
            continue;
        }
        if (a[1])
            return -EAGAIN;
        sync_lock(&s);
        struct sync_obj *o = sync_find(&s, true);
        if (o)
            set_waiting(&s, true);
        /* A post that missed the waiting bit left its unit in the count: look again. */
        if (!o || (sync_word_load(&s, SYNC_COUNT, &n) == 0 && (int32_t)n > 0)) {
            sync_release_if_idle(&s, o);
            sync_unlock(&s);
            if (!o)
                return -ENOMEM;
            continue;
        }
        sync_enqueue(o, t);
        __atomic_store_n(&t->state, STATE_SEM, __ATOMIC_SEQ_CST);
        sync_unlock(&s);
        long r = thread_block();
        if (r == 0)
            return 0; /* a post handed us its unit */
        sync_lock(&s);
        if (t->sync_wait) {
            list_remove(&t->ipc_link);
            t->sync_wait = NULL;
        }
        sync_release_if_idle(&s, sync_find(&s, false));
        sync_unlock(&s);
        return r;
    }
}

// SyncSemPost(sem, counted): add a unit to the count (unless libc's fast path already did,
// counted != 0), then hand units from the count to waiters, highest priority first.
long kc_sync_sem_post(const uint64_t *a)
{
    struct thread *t = current();
    struct sync_ref s;
    int err = sync_resolve(t->proc, a[0], &s);
    if (err)
        return err;
    sync_lock(&s);
    uint32_t n;
    while (!a[1] && (err = sync_word_load(&s, SYNC_COUNT, &n)) == 0) {
        if ((int32_t)n == 0x7fffffff) {
            err = -EOVERFLOW;
            break;
        }
        if (sync_word_cas(&s, SYNC_COUNT, n, n + 1) != 0)
            break;
    }
    struct list woken;
    list_init(&woken);
    struct sync_obj *o = err ? NULL : sync_find(&s, false);
    while (o && !list_empty(&o->waiters) && sync_word_load(&s, SYNC_COUNT, &n) == 0 &&
           (int32_t)n > 0) {
        if (sync_word_cas(&s, SYNC_COUNT, n, n - 1) != 1)
            continue;
        struct thread *w = sync_dequeue(o);
        if (!w) {
            sync_word_cas(&s, SYNC_COUNT, n - 1, n); /* nobody left to take it */
            break;
        }
        list_push_back(&woken, &w->ipc_link);
    }
    finish_wake(&s, o, &woken);
    return err;
}

// SyncTypeCreate(type, sync, attr): initialise a mutex, condition variable or semaphore.
long kc_sync_type_create(const uint64_t *a)
{
    struct thread *t = current();
    int type = (int)a[0];
    struct _sync_attr attr = {0};
    if (a[2] && copy_from_user(&attr, (const void *)a[2], sizeof(attr)) < 0)
        return -EFAULT;
    struct sync_ref s;
    int err = sync_resolve(t->proc, a[1], &s);
    if (err)
        return err;
    uint32_t count, owner;
    switch (type) {
    case _NTO_SYNC_MUTEX_FREE:
        count = (uint32_t)attr.__flags & (_NTO_SYNC_NONRECURSIVE | _NTO_SYNC_ERRORCHECK);
        owner = 0;
        break;
    case _NTO_SYNC_CONDVAR:
        count = (uint32_t)attr.__clockid;
        owner = _NTO_SYNC_COND;
        break;
    case _NTO_SYNC_SEMAPHORE:
        if (attr.__count < 0)
            return -EINVAL;
        count = (uint32_t)attr.__count;
        owner = _NTO_SYNC_SEM;
        break;
    default:
        return -EINVAL;
    }
    sync_lock(&s);
    bool busy = sync_find(&s, false) != NULL;
    if (!busy)
        err = sync_word_store(&s, count, owner);
    sync_unlock(&s);
    return busy ? -EBUSY : err;
}

// SyncDestroy(sync): refuse while anybody waits or a mutex is held; then mark it destroyed.
long kc_sync_destroy(const uint64_t *a)
{
    struct thread *t = current();
    struct sync_ref s;
    int err = sync_resolve(t->proc, a[0], &s);
    if (err)
        return err;
    sync_lock(&s);
    uint32_t w = 0;
    bool busy = sync_find(&s, false) != NULL;
    if (!busy && sync_word_load(&s, SYNC_OWNER, &w) == 0) {
        uint32_t owner = w & _NTO_SYNC_OWNER;
        busy = owner != 0 && owner < _NTO_SYNC_SEM && owner != _NTO_SYNC_DEAD;
        if (!busy)
            sync_word_cas(&s, SYNC_OWNER, w, _NTO_SYNC_DESTROYED);
    }
    sync_unlock(&s);
    return busy ? -EBUSY : 0;
}
