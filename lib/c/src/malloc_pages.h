/*
 * What the heap (malloc.c) needs from the layers below it: whole pages, and a lock. The kernel
 * layer or a host test provides them; until then weak defaults stand in: a static arena
 * (malloc_pages.c) and no locking (malloc.c). Any strong definition replaces them.
 */
#ifndef QSOE_LIBC_MALLOC_PAGES_H
#define QSOE_LIBC_MALLOC_PAGES_H

#include <stddef.h>

#define LIBC_PAGE_SIZE 4096

// Provided by the kernel layer (or by a host test): n_pages of 4096 bytes of fresh zeroed
// memory, or NULL; and the return of such pages.
void *__libc_pages_alloc(size_t n_pages);
void __libc_pages_free(void *p, size_t n_pages);

// Taken around every heap operation (the page hooks above are called with it held), so that
// pthreads can make malloc thread-safe by providing a mutex.
void __libc_malloc_lock(void);
void __libc_malloc_unlock(void);

#endif
