/*
 * Bitmap bookkeeping of free physical pages (see page_pool.h). Every entry point checks its
 * arguments: freeing a range that is outside the pool, misaligned or not wholly allocated is
 * refused with -EINVAL and changes nothing, so a double free is caught rather than corrupting.
 */
#include "page_pool.h"
#include <errno.h>

#define POOL_PAGE_SIZE 4096u

static int test_bit(const struct page_pool *p, size_t i)
{
    return (p->bitmap[i / 64] >> (i % 64)) & 1;
}

static void set_bit(struct page_pool *p, size_t i)
{
    p->bitmap[i / 64] |= 1ull << (i % 64);
}

static void clear_bit(struct page_pool *p, size_t i)
{
    p->bitmap[i / 64] &= ~(1ull << (i % 64));
}

void page_pool_init(struct page_pool *p, uintptr_t base, size_t npages, uint64_t *bitmap)
{
    p->base = base;
    p->npages = npages;
    p->nfree = npages;
    p->hint = 0;
    p->bitmap = bitmap;
    for (size_t i = 0; i < PAGE_POOL_BITMAP_WORDS(npages); i++)
        bitmap[i] = 0;
}

// Marks [addr, addr+len) in use, clipped to the pool: for the kernel image, the device tree,
// the initrd and firmware regions. Pages already in use stay so.
int page_pool_reserve(struct page_pool *p, uintptr_t addr, size_t len)
{
    if (len == 0)
        return 0;
    uintptr_t end = addr + len;
    if (end < addr)
        return -EINVAL;
    uintptr_t pool_end = p->base + p->npages * POOL_PAGE_SIZE;
    if (end <= p->base || addr >= pool_end)
        return 0;
    if (addr < p->base)
        addr = p->base;
    if (end > pool_end)
        end = pool_end;
    size_t first = (addr - p->base) / POOL_PAGE_SIZE;
    size_t last = (end - p->base + POOL_PAGE_SIZE - 1) / POOL_PAGE_SIZE;
    for (size_t i = first; i < last; i++) {
        if (!test_bit(p, i)) {
            set_bit(p, i);
            p->nfree--;
        }
    }
    return 0;
}

// Finds n free pages in a row, starting at the hint and wrapping once. Returns 0 if none.
uintptr_t page_pool_alloc(struct page_pool *p, size_t n)
{
    if (n == 0 || n > p->nfree)
        return 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t start = pass == 0 ? p->hint : 0;
        size_t stop = pass == 0 ? p->npages : p->hint + n;
        if (stop > p->npages)
            stop = p->npages;
        size_t run = 0;
        for (size_t i = start; i < stop; i++) {
            if (run == 0 && (i % 64) == 0 && p->bitmap[i / 64] == ~0ull && i + 64 <= stop) {
                i += 63;
                continue;
            }
            run = test_bit(p, i) ? 0 : run + 1;
            if (run == n) {
                size_t first = i + 1 - n;
                for (size_t j = first; j <= i; j++)
                    set_bit(p, j);
                p->nfree -= n;
                p->hint = i + 1 < p->npages ? i + 1 : 0;
                return p->base + first * POOL_PAGE_SIZE;
            }
        }
    }
    return 0;
}

int page_pool_free(struct page_pool *p, uintptr_t addr, size_t n)
{
    if (n == 0 || addr < p->base || (addr - p->base) % POOL_PAGE_SIZE)
        return -EINVAL;
    size_t first = (addr - p->base) / POOL_PAGE_SIZE;
    if (first >= p->npages || n > p->npages - first)
        return -EINVAL;
    for (size_t i = first; i < first + n; i++)
        if (!test_bit(p, i))
            return -EINVAL;
    for (size_t i = first; i < first + n; i++)
        clear_bit(p, i);
    p->nfree += n;
    if (first < p->hint)
        p->hint = first;
    return 0;
}
