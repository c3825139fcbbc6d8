/*
 * A pool of physical pages tracked by a bitmap: contiguous first-fit allocation with a moving
 * hint. Pure bookkeeping with no locking and no knowledge of the machine, so the host tests
 * exercise it directly; kernel/mm/page_alloc.c wraps it with a lock.
 */
#ifndef SKIMMER_PAGE_POOL_H
#define SKIMMER_PAGE_POOL_H

#include <stddef.h>
#include <stdint.h>

struct page_pool {
    uintptr_t base; /* address of page 0 */
    size_t npages;
    size_t nfree;
    size_t hint;      /* where the next search starts */
    uint64_t *bitmap; /* one bit per page, set = in use */
};

#define PAGE_POOL_BITMAP_WORDS(npages) (((npages) + 63) / 64)

void page_pool_init(struct page_pool *p, uintptr_t base, size_t npages, uint64_t *bitmap);
int page_pool_reserve(struct page_pool *p, uintptr_t addr, size_t len);
uintptr_t page_pool_alloc(struct page_pool *p, size_t n);
int page_pool_free(struct page_pool *p, uintptr_t addr, size_t n);

#endif
