/*
 * Where malloc's pages come from in a program: anonymous memory from taskman (mmap). taskman
 * itself, which cannot ask itself, provides its own pair of these functions.
 */
#include <sys/mman.h>

#include "malloc_pages.h"

void *__libc_pages_alloc(size_t n_pages)
{
    void *p =
        mmap(NULL, n_pages * LIBC_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void __libc_pages_free(void *p, size_t n_pages)
{
    munmap(p, n_pages * LIBC_PAGE_SIZE);
}
