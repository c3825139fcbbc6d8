/*
 * malloc's page source inside taskman-L (it cannot ask itself for mmap): frames retyped from
 * untyped memory and mapped into its own address space in a range of its own. Pages malloc
 * gives back stay mapped and unused: nothing is returned to untyped memory yet
 * (docs/qsoe-l.md).
 */
#include <stddef.h>

#include "taskman_l.h"

#define HEAP_BASE 0x3000000000ull
#define HEAP_TOP  0x3800000000ull
#define PAGE      4096ull

static uint64_t next = HEAP_BASE;

void *__libc_pages_alloc(size_t n_pages)
{
    uint64_t len = (uint64_t)n_pages * PAGE;
    if (n_pages == 0 || next + len > HEAP_TOP)
        return NULL;
    void *p = (void *)(uintptr_t)next;
    for (uint64_t va = next; va < next + len; va += PAGE)
        vspace_map(object_alloc(seL4_RISCV_4K_Page, 0), va, seL4_ReadWrite);
    next += len + PAGE;
    return p;
}

// The pages stay mapped and are not reused (see above).
void __libc_pages_free(void *p, size_t n_pages)
{
    (void)p, (void)n_pages;
}
