/*
 * Spinlocks for the few structures harts share (page pool, object caches, hart inboxes,
 * process table). The kernel runs with interrupts off, so a lock never needs to mask them.
 */
#ifndef SKIMMER_SPINLOCK_H
#define SKIMMER_SPINLOCK_H

#include <stdint.h>

struct spinlock {
    uint32_t locked;
};

static inline __attribute__((always_inline)) void spin_lock(struct spinlock *l)
{
    while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
        while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
            ;
}

static inline __attribute__((always_inline)) void spin_unlock(struct spinlock *l)
{
    __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif
