/*
 * libc's seL4 layer: the wait queues of Sync* objects, kept in the process's own memory. Each
 * thread has one waiter record; a thread waiting on a sync word records the word's address,
 * its priority and its turn, and waits on its own notification (SEL4_SLOT_SYNC), which the
 * waker signals after choosing it: highest priority first, oldest first among equals. The
 * records are under one lock per process, a count in memory with a notification to sleep on
 * when it is contended, so neither taskman-L nor a spinning thread is on any wake path.
 */
#include "sel4sync.h"

struct waiter {
    const sync_t *obj; /* the word waited on, NULL when not waiting */
    unsigned turn;
    int prio;
    int result;
    int done;
};

static struct waiter waiters[SEL4_MAX_THREADS];
static int prios[SEL4_MAX_THREADS]; /* each thread's priority as libc set it; 0: the default */
static unsigned turns;
static int lock_count; /* holders and those waiting for the lock */
static int threaded;

void sel4_set_threaded(void)
{
    __atomic_store_n(&threaded, 1, __ATOMIC_RELEASE);
}

bool sel4_threaded(void)
{
    return __atomic_load_n(&threaded, __ATOMIC_ACQUIRE) || __tls()->__tid != 1;
}

void sel4_syncq_lock(void)
{
    if (__atomic_fetch_add(&lock_count, 1, __ATOMIC_ACQUIRE) > 0) {
        seL4_Word badge, mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
        __sel4_deferred_send(); /* a passive server's caller does not wait for the lock */
        seL4_WaitWithMRs(SEL4_SLOT_SYNC_LOCK, &badge, &mr0, &mr1, &mr2, &mr3);
    }
}

void sel4_syncq_unlock(void)
{
    if (__atomic_fetch_sub(&lock_count, 1, __ATOMIC_RELEASE) > 1)
        seL4_Signal(SEL4_SLOT_SYNC_LOCK);
}

void sel4_thread_prio_set(unsigned index, int prio)
{
    if (index < SEL4_MAX_THREADS)
        prios[index] = prio;
}

int sel4_thread_prio(unsigned index)
{
    return index < SEL4_MAX_THREADS && prios[index] ? prios[index] : PRIORITY_DEFAULT;
}

bool sel4_thread_alive(uint32_t owner)
{
    struct _thread_local_storage *me = __tls();
    unsigned tid = owner & 0xffff;
    if (owner >> 16 != (uint32_t)me->__pid || tid < 1 || tid > SEL4_MAX_THREADS)
        return false;
    if (owner == me->__owner)
        return true;
    /* Other threads' pages exist once the process has had a second thread (taskman-L maps
       them all then); before that, the caller is alone and any other owner is gone. */
    if (!sel4_threaded())
        return false;
    const struct _thread_local_storage *t =
        (const void *)(SEL4_THREAD_PAGE(tid - 1) + SEL4_TLS_OFFSET);
    return __atomic_load_n(&t->__owner, __ATOMIC_ACQUIRE) == owner;
}

void sel4_syncq_enqueue(const sync_t *obj)
{
    unsigned me = __sel4_thread_index();
    struct waiter *w = &waiters[me];
    w->turn = turns++;
    w->prio = sel4_thread_prio(me);
    w->result = 0;
    __atomic_store_n(&w->done, 0, __ATOMIC_RELAXED);
    w->obj = obj;
}

int sel4_syncq_wait(void)
{
    unsigned me = __sel4_thread_index();
    struct waiter *w = &waiters[me];
    /* One signal comes for each wake-up: take it even when done is already set. */
    __sel4_deferred_send(); /* a passive server's caller does not wait for the wake-up */
    do {
        seL4_Word badge, mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
        seL4_WaitWithMRs(SEL4_SLOT_SYNC(me), &badge, &mr0, &mr1, &mr2, &mr3);
    } while (!__atomic_load_n(&w->done, __ATOMIC_ACQUIRE));
    return w->result;
}

int sel4_syncq_first(const sync_t *obj)
{
    int best = -1;
    for (int i = 0; i < SEL4_MAX_THREADS; i++) {
        const struct waiter *w = &waiters[i];
        if (w->obj != obj)
            continue;
        if (best < 0 || w->prio > waiters[best].prio ||
            (w->prio == waiters[best].prio && (int)(w->turn - waiters[best].turn) < 0))
            best = i;
    }
    return best;
}

void sel4_syncq_take(int i, int result, unsigned *woken)
{
    waiters[i].obj = NULL;
    waiters[i].result = result;
    __atomic_store_n(&waiters[i].done, 1, __ATOMIC_RELEASE);
    *woken |= 1u << i;
}

void sel4_syncq_signal(unsigned woken)
{
    for (int i = 0; i < SEL4_MAX_THREADS; i++)
        if (woken & (1u << i))
            seL4_Signal(SEL4_SLOT_SYNC(i));
}

bool sel4_syncq_waiting(int index)
{
    return waiters[index].obj != NULL;
}

unsigned sel4_syncq_gone_locked(unsigned index, uint32_t owner)
{
    unsigned woken = 0;
    waiters[index].obj = NULL; /* it waits no more */
    for (int i = 0; i < SEL4_MAX_THREADS; i++) {
        sync_t *obj = (sync_t *)waiters[i].obj;
        if (!obj || (obj->__owner & _NTO_SYNC_OWNER) != owner)
            continue;
        /* A mutex it held with others waiting: dead, and they hear so. */
        __atomic_store_n(&obj->__owner, _NTO_SYNC_DEAD, __ATOMIC_SEQ_CST);
        for (int j = sel4_syncq_first(obj); j >= 0; j = sel4_syncq_first(obj))
            sel4_syncq_take(j, -EOWNERDEAD, &woken);
    }
    return woken;
}

void sel4_syncq_thread_gone(unsigned index, uint32_t owner)
{
    sel4_syncq_lock();
    unsigned woken = sel4_syncq_gone_locked(index, owner);
    sel4_syncq_unlock();
    sel4_syncq_signal(woken);
}
