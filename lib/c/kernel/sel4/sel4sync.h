/*
 * What the Sync* calls and the thread calls of libc's seL4 layer share: the wait queues of
 * syncq.c (each thread waits on its own notification; the records are under one lock) and
 * what libc knows of its threads (their priorities, whether an owner id names a live one).
 */
#ifndef QSOE_LIBC_SEL4SYNC_H
#define QSOE_LIBC_SEL4SYNC_H

#include <abi/tls.h>

#include "sel4call.h"

// The lock of the process's wait queues; none of the calls below blocks while it is held.
void sel4_syncq_lock(void);
void sel4_syncq_unlock(void);

// Under the lock: the caller waits on obj from now on (it must then unlock and call
// sel4_syncq_wait); the index of the thread to wake first on obj, or -1; that thread's wait
// ends with result and its bit is added to *woken; whether thread index waits at all.
void sel4_syncq_enqueue(const sync_t *obj);
int sel4_syncq_first(const sync_t *obj);
void sel4_syncq_take(int index, int result, unsigned *woken);
bool sel4_syncq_waiting(int index);

// Not under the lock: the caller sleeps until it is taken and returns the result; the
// threads in woken are signalled.
int sel4_syncq_wait(void);
void sel4_syncq_signal(unsigned woken);

// Thread index (owner id `owner`) has ended: it waits no more, and a mutex it held with
// waiters becomes dead, its waiters told EOWNERDEAD.
void sel4_syncq_thread_gone(unsigned index, uint32_t owner);
// The same under the lock: the threads to signal after it.
unsigned sel4_syncq_gone_locked(unsigned index, uint32_t owner);

// Whether owner id names a live thread of the caller's process.
bool sel4_thread_alive(uint32_t owner);

// The process has asked for a second thread (from then on all thread pages are mapped).
void sel4_set_threaded(void);
bool sel4_threaded(void);

// The priority of thread index as libc last set it (PRIORITY_DEFAULT if never).
void sel4_thread_prio_set(unsigned index, int prio);
int sel4_thread_prio(unsigned index);

// A thread request to taskman-L with two words after the caller's index (thread.c).
long sel4_thread_request(seL4_Word label, seL4_Word a, seL4_Word b);

#endif
