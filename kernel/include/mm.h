/*
 * Kernel memory: physical pages (returned as direct-map addresses) and fixed-size kernel
 * objects carved from them.
 */
#ifndef SKIMMER_MM_H
#define SKIMMER_MM_H

#include <kernel.h>
#include <spinlock.h>

void page_alloc_init(uintptr_t base, size_t size);
void page_alloc_reserve(uintptr_t pa, size_t len);
void *page_alloc(size_t n);
void *page_alloc_zeroed(size_t n);
void page_free(void *kva, size_t n);
size_t page_free_count(void);
size_t page_total_count(void);
bool memory_overlaps_ram(uintptr_t pa, size_t len);
void memory_add_ram(uintptr_t base, size_t size);

struct kobj_cache {
    const char *name;
    size_t size;
    struct spinlock lock;
    void *free; /* singly linked free objects */
    size_t in_use;
};

#define KOBJ_CACHE(var, type) struct kobj_cache var = {#type, sizeof(type), {0}, NULL, 0}

void *kobj_alloc(struct kobj_cache *c);
void kobj_free(struct kobj_cache *c, void *obj);

#endif
