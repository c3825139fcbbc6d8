/*
 * The page source under malloc (malloc_pages.h) for the host tests: a 16 MiB arena in .bss.
 * On QSOE the pages come from mmap (lib/c/src/malloc_mmap.c), or, in taskman, straight from
 * the kernel.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "../../../lib/c/src/malloc_pages.h"

#define ARENA_PAGES 4096

static char arena[16 << 20] __attribute__((aligned(4096)));
static uint64_t page_used[ARENA_PAGES / 64];

_Static_assert(sizeof(arena) == ARENA_PAGES * LIBC_PAGE_SIZE, "one bit per arena page");

static bool page_is_used(size_t i)
{
    return (page_used[i / 64] >> (i % 64)) & 1;
}

static void mark_pages(size_t first, size_t n, bool used)
{
    for (size_t i = first; i < first + n; i++) {
        if (used)
            page_used[i / 64] |= (uint64_t)1 << (i % 64);
        else
            page_used[i / 64] &= ~((uint64_t)1 << (i % 64));
    }
}

// The first run of n free arena pages, first fit. Pages are zero when handed out: the arena
// starts zeroed and freed pages are cleared again.
void *__libc_pages_alloc(size_t n_pages)
{
    size_t run = 0;
    if (n_pages == 0 || n_pages > ARENA_PAGES)
        return NULL;
    for (size_t i = 0; i < ARENA_PAGES; i++) {
        run = page_is_used(i) ? 0 : run + 1;
        if (run == n_pages) {
            size_t first = i + 1 - n_pages;
            mark_pages(first, n_pages, true);
            return arena + first * LIBC_PAGE_SIZE;
        }
    }
    return NULL;
}

// Gives pages back to the arena; a range that is not arena pages is ignored.
void __libc_pages_free(void *p, size_t n_pages)
{
    char *c = p;
    if (c < arena || c >= arena + sizeof(arena) || (size_t)(c - arena) % LIBC_PAGE_SIZE != 0 ||
        n_pages > (size_t)(arena + sizeof(arena) - c) / LIBC_PAGE_SIZE)
        return;
    memset(c, 0, n_pages * LIBC_PAGE_SIZE);
    mark_pages((size_t)(c - arena) / LIBC_PAGE_SIZE, n_pages, false);
}
