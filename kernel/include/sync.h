/*
 * Kernel side of QNX synchronisation objects. The object itself is a word in user memory
 * (sync_t); the kernel keeps, only while somebody waits, a wait queue for it, found by the
 * physical address of the word so that processes sharing memory share the object.
 */
#ifndef SKIMMER_SYNC_H
#define SKIMMER_SYNC_H

#include <kernel.h>
#include <list.h>

#include <abi/sync.h>

struct thread;
struct process;

struct sync_obj {
    struct list hash_link;
    uintptr_t pa;         /* physical address of the sync_t */
    struct list waiters;  /* highest priority first */
    struct thread *owner; /* mutex owner known to the kernel (for inheritance and death) */
};

struct sync_ref {
    struct process *proc;
    uintptr_t va; /* of the sync_t */
    uintptr_t pa;
    int bucket;
};

int sync_resolve(struct process *p, uintptr_t va, struct sync_ref *ref);
void sync_lock(const struct sync_ref *r);
void sync_unlock(const struct sync_ref *r);
struct sync_obj *sync_find(const struct sync_ref *r, bool create);
void sync_release_if_idle(const struct sync_ref *r, struct sync_obj *o);
void sync_enqueue(struct sync_obj *o, struct thread *t);
struct thread *sync_dequeue(struct sync_obj *o);
int sync_word_load(const struct sync_ref *r, int field, uint32_t *out);
int sync_word_cas(const struct sync_ref *r, int field, uint32_t expect, uint32_t desired);
int sync_word_store(const struct sync_ref *r, uint32_t count, uint32_t owner);
void sync_thread_gone(struct thread *t);

#define SYNC_COUNT 0
#define SYNC_OWNER 1

int mutex_lock(struct thread *t, const struct sync_ref *m);
int mutex_unlock(struct thread *t, const struct sync_ref *m);

#endif
