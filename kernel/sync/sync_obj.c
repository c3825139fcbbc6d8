/*
 * Wait queues for synchronisation words: a hash of objects keyed by the word's physical
 * address, each bucket under its own lock, objects made when the first thread must wait and
 * freed when the last one leaves. The word itself is read and changed with atomics through
 * the kernel's direct map, under the address-space lock so its page cannot go meanwhile.
 * Lock order: bucket lock, then address-space lock.
 */
#include <mm.h>
#include <process.h>
#include <sched_fast.h>
#include <sync.h>

#define BUCKETS 64

static struct {
    struct spinlock lock;
    struct list objs;
    bool ready;
} buckets[BUCKETS];

static KOBJ_CACHE(sync_cache, struct sync_obj);

// Checks a user sync_t pointer (aligned, mapped user-writable) and finds its bucket.
int sync_resolve(struct process *p, uintptr_t va, struct sync_ref *ref)
{
    if (va % sizeof(uint32_t) || !user_range_ok(va, sizeof(sync_t)))
        return -EFAULT;
    uintptr_t pa;
    unsigned flags;
    spin_lock(&p->as.lock);
    int err = p->as.root ? arch_pt_lookup(p->as.root, va, &pa, &flags) : -EFAULT;
    spin_unlock(&p->as.lock);
    if (err || !(flags & VM_U) || !(flags & VM_W) || (va % PAGE_SIZE) > PAGE_SIZE - sizeof(sync_t))
        return -EFAULT;
    ref->proc = p;
    ref->va = va;
    ref->pa = pa;
    ref->bucket = (int)((pa >> 3) % BUCKETS);
    return 0;
}

void sync_lock(const struct sync_ref *r)
{
    spin_lock(&buckets[r->bucket].lock);
    if (!buckets[r->bucket].ready) {
        list_init(&buckets[r->bucket].objs);
        buckets[r->bucket].ready = true;
    }
}

void sync_unlock(const struct sync_ref *r)
{
    spin_unlock(&buckets[r->bucket].lock);
}

// Finds the object of the word (bucket locked), making it if asked.
struct sync_obj *sync_find(const struct sync_ref *r, bool create)
{
    struct list *pos;
    list_for_each(pos, &buckets[r->bucket].objs)
    {
        struct sync_obj *o = container_of(pos, struct sync_obj, hash_link);
        if (o->pa == r->pa)
            return o;
    }
    if (!create)
        return NULL;
    struct sync_obj *o = kobj_alloc(&sync_cache);
    if (!o)
        return NULL;
    o->pa = r->pa;
    list_init(&o->waiters);
    list_push_back(&buckets[r->bucket].objs, &o->hash_link);
    return o;
}

void sync_release_if_idle(const struct sync_ref *r, struct sync_obj *o)
{
    (void)r;
    if (o && list_empty(&o->waiters)) {
        list_remove(&o->hash_link);
        kobj_free(&sync_cache, o);
    }
}

void sync_enqueue(struct sync_obj *o, struct thread *t)
{
    struct list *pos;
    list_for_each(pos, &o->waiters)
    {
        if (container_of(pos, struct thread, ipc_link)->prio < t->prio)
            break;
    }
    list_insert_before(pos, &t->ipc_link);
    t->sync_wait = o;
}

// Takes the first waiter that can still be woken (claimed, not yet released).
struct thread *sync_dequeue(struct sync_obj *o)
{
    struct list *n;
    while ((n = list_pop_front(&o->waiters)) != NULL) {
        struct thread *t = container_of(n, struct thread, ipc_link);
        t->sync_wait = NULL;
        if (thread_claim(t, -1))
            return t;
    }
    return NULL;
}

static uint32_t *word(const struct sync_ref *r, int field)
{
    return (uint32_t *)pa_to_kva(r->pa) + field;
}

// Reads a field of the word, if its page is still there.
int sync_word_load(const struct sync_ref *r, int field, uint32_t *out)
{
    struct process *p = r->proc;
    spin_lock(&p->as.lock);
    uintptr_t pa;
    int err = p->as.root ? arch_pt_lookup(p->as.root, r->va, &pa, NULL) : -EFAULT;
    if (!err && pa == r->pa)
        *out = __atomic_load_n(word(r, field), __ATOMIC_SEQ_CST);
    spin_unlock(&p->as.lock);
    return err || pa != r->pa ? -EFAULT : 0;
}

// Compare-and-swap of a field: 1 if it held expect and now holds desired, 0 if not, -EFAULT.
int sync_word_cas(const struct sync_ref *r, int field, uint32_t expect, uint32_t desired)
{
    struct process *p = r->proc;
    spin_lock(&p->as.lock);
    uintptr_t pa;
    int err = p->as.root ? arch_pt_lookup(p->as.root, r->va, &pa, NULL) : -EFAULT;
    int ok = 0;
    if (!err && pa == r->pa)
        ok = __atomic_compare_exchange_n(word(r, field), &expect, desired, false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    spin_unlock(&p->as.lock);
    return err || pa != r->pa ? -EFAULT : ok;
}

// Sets both fields of the word (for SyncTypeCreate).
int sync_word_store(const struct sync_ref *r, uint32_t count, uint32_t owner)
{
    struct process *p = r->proc;
    spin_lock(&p->as.lock);
    uintptr_t pa;
    int err = p->as.root ? arch_pt_lookup(p->as.root, r->va, &pa, NULL) : -EFAULT;
    if (!err && pa == r->pa) {
        __atomic_store_n(word(r, SYNC_COUNT), count, __ATOMIC_SEQ_CST);
        __atomic_store_n(word(r, SYNC_OWNER), owner, __ATOMIC_SEQ_CST);
    }
    spin_unlock(&p->as.lock);
    return err || pa != r->pa ? -EFAULT : 0;
}

// A thread is ending: mutexes it owns that others wait for become dead, and the waiters are
// told with EOWNERDEAD (SyncMutexRevive makes such a mutex usable again).
void sync_thread_gone(struct thread *t)
{
    for (int b = 0; b < BUCKETS; b++) {
        if (!buckets[b].ready)
            continue;
        spin_lock(&buckets[b].lock);
        struct list *pos = buckets[b].objs.next;
        while (pos != &buckets[b].objs) {
            struct sync_obj *o = container_of(pos, struct sync_obj, hash_link);
            pos = pos->next;
            if (o->owner != t)
                continue;
            o->owner = NULL;
            /* The word is in the dying thread's process; mark it dead through the direct map
               (the process's memory is still there: its threads are not all gone yet). */
            __atomic_store_n((uint32_t *)pa_to_kva(o->pa) + SYNC_OWNER,
                             _NTO_SYNC_DEAD, __ATOMIC_SEQ_CST);
            struct thread *w;
            while ((w = sync_dequeue(o)) != NULL)
                thread_release(w, -EOWNERDEAD);
            list_remove(&o->hash_link);
            kobj_free(&sync_cache, o);
        }
        spin_unlock(&buckets[b].lock);
    }
}
