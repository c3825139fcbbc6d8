/*
 * malloc's page source inside taskman: taskman maps its own anonymous memory with the
 * privileged kernel call, in the same range it hands out to other processes with mmap.
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/neutrino.h>
#include <taskman/proctab.h>

static uint64_t next = MMAP_BASE;

void *__libc_pages_alloc(size_t n_pages)
{
    uint64_t len = (uint64_t)n_pages * 4096;
    if (n_pages == 0 || next + len > MMAP_TOP)
        return NULL;
    if (ProcMemMap(0, next, len, PROT_READ | PROT_WRITE) < 0)
        return NULL;
    void *p = (void *)(uintptr_t)next;
    next += len + 4096;
    return p;
}

void __libc_pages_free(void *p, size_t n_pages)
{
    ProcMemUnmap(0, (uintptr_t)p, (size_t)n_pages * 4096);
}
