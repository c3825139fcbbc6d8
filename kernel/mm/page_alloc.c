/*
 * The kernel's physical page allocator: one page pool over the first RAM range, under one
 * lock, with its bitmap kept in the last pages of that range. Pages come back as direct-map
 * addresses.
 */
#include "page_pool.h"
#include <mm.h>

static struct page_pool pool;
static struct spinlock pool_lock;
void page_alloc_init(uintptr_t base, size_t size)
{
    if (base + size > DIRECT_MAP_SIZE)
        size = DIRECT_MAP_SIZE - base;
    size_t npages = size / PAGE_SIZE;
    size_t bitmap_bytes = ALIGN_UP(PAGE_POOL_BITMAP_WORDS(npages) * sizeof(uint64_t), PAGE_SIZE);
    uintptr_t bitmap_pa = base + npages * PAGE_SIZE - bitmap_bytes;
    page_pool_init(&pool, base, npages, pa_to_kva(bitmap_pa));
    page_pool_reserve(&pool, bitmap_pa, bitmap_bytes);
}

void page_alloc_reserve(uintptr_t pa, size_t len)
{
    spin_lock(&pool_lock);
    page_pool_reserve(&pool, pa, len);
    spin_unlock(&pool_lock);
}

void *page_alloc(size_t n)
{
    spin_lock(&pool_lock);
    uintptr_t pa = page_pool_alloc(&pool, n);
    spin_unlock(&pool_lock);
    return pa ? pa_to_kva(pa) : NULL;
}

void *page_alloc_zeroed(size_t n)
{
    void *p = page_alloc(n);
    if (p)
        memset(p, 0, n * PAGE_SIZE);
    return p;
}

void page_free(void *kva, size_t n)
{
    spin_lock(&pool_lock);
    int err = page_pool_free(&pool, kva_to_pa(kva), n);
    spin_unlock(&pool_lock);
    if (err)
        panic("page_free: %p (%lu pages) was not allocated", kva, (unsigned long)n);
}

size_t page_free_count(void)
{
    return pool.nfree;
}

/* Every RAM range the device tree names, for refusing to map RAM as device memory. */
struct ram_range {
    uintptr_t base;
    size_t size;
};
static struct ram_range ram[8];
static int nram;

void memory_add_ram(uintptr_t base, size_t size)
{
    if (nram < (int)ARRAY_SIZE(ram))
        ram[nram++] = (struct ram_range){base, size};
}

bool memory_overlaps_ram(uintptr_t pa, size_t len)
{
    for (int i = 0; i < nram; i++)
        if (pa < ram[i].base + ram[i].size && ram[i].base < pa + len)
            return true;
    return false;
}

size_t page_total_count(void)
{
    return pool.npages;
}
