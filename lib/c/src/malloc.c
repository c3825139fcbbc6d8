/*
 * The heap: malloc, free, calloc, realloc, aligned_alloc and posix_memalign. Blocks live in
 * 256 KiB regions of pages with boundary tags, so free neighbours merge at once. Free blocks
 * up to 1 KiB sit in exact size classes; larger ones in bins of a quarter power of two,
 * searched best fit. Requests of 128 KiB or more get pages of their own. Every header carries
 * a magic number and is checked, with its neighbours, on free and realloc: a double free or an
 * overwritten header ends the program with a message instead of spreading the damage.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "malloc_pages.h"

// A block (a "chunk") is a 16-byte header and its payload; sizes count both and are multiples
// of 16, so payloads are 16-byte aligned. While a chunk is free its payload holds its bin links.
struct chunk {
    size_t prev_size; // size of the chunk before if that one is free, else its canary
    size_t head;      // magic << 48 | size | flags
    struct chunk *next, *prev;
};

#define HEADER_SIZE 16
#define ALIGNMENT   16
#define MIN_CHUNK   32

#define IN_USE      1u // this chunk is allocated
#define PREV_IN_USE 2u // the chunk before it is allocated (or there is none)
#define FIRST       4u // the first chunk of its region
#define HUGE        8u // a chunk with pages of its own; prev_size is its offset in them
#define FLAGS       15u

#define MAGIC      ((size_t)0xa11c << 48)
#define MAGIC_MASK ((size_t)0xffff << 48)
#define SIZE_MASK  (~MAGIC_MASK & ~(size_t)FLAGS)

#define REGION_SIZE ((size_t)256 * 1024)
#define HUGE_MIN    ((size_t)128 * 1024)
#define MAX_REQUEST ((size_t)1 << 46)

// Bins: one per chunk size from 32 to 1024, then four per power of two above.
#define SMALL_BINS 63
#define SMALL_MAX  1024
#define BINS       (SMALL_BINS + 4 * 11)

static struct chunk *bins[BINS];
static uint64_t bin_map[(BINS + 63) / 64];

// One region that is entirely free is kept for the next request rather than given back.
static bool spare_region;

// No locking until pthreads provides a mutex by defining these (malloc_pages.h).
__attribute__((weak)) void __libc_malloc_lock(void)
{
}

__attribute__((weak)) void __libc_malloc_unlock(void)
{
}

// Ends the program on a broken heap, with what was found and where. The lock is dropped first
// in case printing needs the heap.
static void __attribute__((noreturn)) heap_fail(const char *what, const void *block)
{
    char line[128] = "malloc: ";
    size_t n = strlen(line);
    uintptr_t v = (uintptr_t)block;

    for (; *what && n < sizeof(line) - 32; what++)
        line[n++] = *what;
    memcpy(line + n, " (block 0x", 10);
    n += 10;
    for (int shift = 60; shift >= 0; shift -= 4)
        line[n++] = "0123456789abcdef"[(v >> shift) & 15];
    line[n++] = ')';
    line[n] = '\0';
    __libc_malloc_unlock();
    puts(line);
    abort();
}

static size_t chunk_size(const struct chunk *c)
{
    return c->head & SIZE_MASK;
}

static struct chunk *next_chunk(const struct chunk *c)
{
    return (struct chunk *)((char *)c + chunk_size(c));
}

static struct chunk *chunk_of(const void *payload)
{
    return (struct chunk *)((char *)payload - HEADER_SIZE);
}

static void *payload_of(const struct chunk *c)
{
    return (char *)c + HEADER_SIZE;
}

// The value an allocated chunk keeps in the prev_size field just past its payload, where the
// first bytes written past the end of the block land.
static size_t canary(const struct chunk *c)
{
    return ((uintptr_t)c ^ 0x5ca1ab1e0ddba11ull) * 0x9e3779b97f4a7c15ull;
}

// Marks chunk c allocated, as its successor's flag and canary say too.
static void set_in_use(struct chunk *c)
{
    c->head |= IN_USE;
    struct chunk *next = next_chunk(c);
    next->head |= PREV_IN_USE;
    next->prev_size = canary(c);
}

// The chunk size that holds n bytes; n must be at most MAX_REQUEST.
static size_t request_size(size_t n)
{
    size_t size = (n + HEADER_SIZE + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
    return size < MIN_CHUNK ? MIN_CHUNK : size;
}

static size_t bin_index(size_t size)
{
    if (size <= SMALL_MAX)
        return size / ALIGNMENT - MIN_CHUNK / ALIGNMENT;
    int log2 = 0;
    while ((size >> log2) > 1)
        log2++;
    size_t i = SMALL_BINS + (size_t)(log2 - 10) * 4 + ((size >> (log2 - 2)) & 3);
    return i < BINS ? i : BINS - 1;
}

static void bin_insert(struct chunk *c)
{
    size_t i = bin_index(chunk_size(c));
    c->prev = NULL;
    c->next = bins[i];
    if (c->next != NULL)
        c->next->prev = c;
    bins[i] = c;
    bin_map[i / 64] |= (uint64_t)1 << (i % 64);
}

// Takes free chunk c out of its bin, checking that its links still agree with its neighbours'.
static void bin_remove(struct chunk *c)
{
    size_t i = bin_index(chunk_size(c));
    if ((c->next != NULL && c->next->prev != c) || (c->prev != NULL && c->prev->next != c) ||
        (c->prev == NULL && bins[i] != c))
        heap_fail("free list corrupted (a freed block was written to)", payload_of(c));
    if (c->next != NULL)
        c->next->prev = c->prev;
    if (c->prev != NULL)
        c->prev->next = c->next;
    else
        bins[i] = c->next;
    if (bins[i] == NULL)
        bin_map[i / 64] &= ~((uint64_t)1 << (i % 64));
}

// The first non-empty bin at index i or above, or BINS.
static size_t nonempty_bin_from(size_t i)
{
    for (; i < BINS; i++) {
        uint64_t word = bin_map[i / 64] >> (i % 64);
        if (word == 0) {
            i = (i / 64 + 1) * 64 - 1;
            continue;
        }
        while (!(word & 1)) {
            word >>= 1;
            i++;
        }
        return i;
    }
    return BINS;
}

// Whether free chunk c spans its whole region (its successor is the region's end marker).
static bool whole_region(const struct chunk *c)
{
    return (c->head & FIRST) && chunk_size(next_chunk(c)) == 0;
}

// Makes allocated chunk c free: merges it with free neighbours and files the result in a bin,
// or gives its region back when the region is empty and one spare is already kept.
static void release_chunk(struct chunk *c)
{
    size_t size = chunk_size(c);
    struct chunk *next = next_chunk(c);

    c->head &= ~(size_t)IN_USE;
    if (!(c->head & PREV_IN_USE)) {
        struct chunk *prev = (struct chunk *)((char *)c - c->prev_size);
        if ((prev->head & MAGIC_MASK) != MAGIC || (prev->head & IN_USE) ||
            chunk_size(prev) != c->prev_size)
            heap_fail("header of the block before overwritten", payload_of(c));
        bin_remove(prev);
        size += chunk_size(prev);
        c = prev;
    }
    if (!(next->head & IN_USE)) {
        bin_remove(next);
        size += chunk_size(next);
        next = next_chunk(next);
    }
    c->head = MAGIC | size | (c->head & (PREV_IN_USE | FIRST));
    next->prev_size = size;
    next->head &= ~(size_t)PREV_IN_USE;
    if (whole_region(c)) {
        if (spare_region) {
            __libc_pages_free(c, REGION_SIZE / LIBC_PAGE_SIZE);
            return;
        }
        spare_region = true;
    }
    bin_insert(c);
}

// Shortens allocated chunk c to size (a valid chunk size), freeing the rest if it is big
// enough to be a chunk.
static void trim_chunk(struct chunk *c, size_t size)
{
    size_t extra = chunk_size(c) - size;
    if (extra < MIN_CHUNK)
        return;
    struct chunk *tail = (struct chunk *)((char *)c + size);
    tail->head = MAGIC | extra | IN_USE | PREV_IN_USE;
    c->head = MAGIC | size | (c->head & FLAGS);
    set_in_use(c);
    release_chunk(tail);
}

// Adds a fresh region to the bins as one free chunk, followed by an end marker that looks
// allocated so nothing merges past it.
static bool add_region(void)
{
    char *r = __libc_pages_alloc(REGION_SIZE / LIBC_PAGE_SIZE);
    if (r == NULL)
        return false;
    size_t size = REGION_SIZE - HEADER_SIZE;
    struct chunk *c = (struct chunk *)r, *end = (struct chunk *)(r + size);
    c->prev_size = 0;
    c->head = MAGIC | size | PREV_IN_USE | FIRST;
    end->prev_size = size;
    end->head = MAGIC | IN_USE;
    spare_region = true;
    bin_insert(c);
    return true;
}

// An allocated chunk of at least size bytes (a chunk size below HUGE_MIN) from the bins, best
// fit within the size's own bin, else the first chunk of the next bin up; NULL if none.
static struct chunk *take_chunk(size_t size)
{
    size_t i = bin_index(size);
    struct chunk *best = NULL;

    for (struct chunk *c = bins[i]; c != NULL; c = c->next) {
        if (chunk_size(c) >= size && (best == NULL || chunk_size(c) < chunk_size(best))) {
            best = c;
            if (chunk_size(c) == size)
                break;
        }
    }
    if (best == NULL) {
        i = nonempty_bin_from(i + 1);
        if (i == BINS)
            return NULL;
        best = bins[i];
    }
    if ((best->head & MAGIC_MASK) != MAGIC || (best->head & IN_USE))
        heap_fail("free block header overwritten", payload_of(best));
    bin_remove(best);
    if (whole_region(best))
        spare_region = false;
    set_in_use(best);
    trim_chunk(best, size);
    return best;
}

// A chunk with pages of its own for size bytes (a chunk size), its payload aligned to align.
static void *huge_alloc(size_t size, size_t align)
{
    size_t span = size + (align > ALIGNMENT ? align : 0);
    size_t pages = (span + LIBC_PAGE_SIZE - 1) / LIBC_PAGE_SIZE;
    char *mem = __libc_pages_alloc(pages);
    if (mem == NULL)
        return NULL;
    uintptr_t p = ((uintptr_t)mem + HEADER_SIZE + align - 1) & ~(uintptr_t)(align - 1);
    struct chunk *c = chunk_of((void *)p);
    c->prev_size = (size_t)((char *)c - mem);
    c->head = MAGIC | pages * LIBC_PAGE_SIZE | IN_USE | HUGE;
    return (void *)p;
}

// Bytes usable in the allocated chunk c.
static size_t usable_size(const struct chunk *c)
{
    if (c->head & HUGE)
        return chunk_size(c) - c->prev_size - HEADER_SIZE;
    return chunk_size(c) - HEADER_SIZE;
}

// The allocated chunk of payload p, after checking that it looks like one and that its
// neighbour's header is intact; a bad pointer or a double free ends the program.
static struct chunk *checked_chunk(void *p)
{
    struct chunk *c = chunk_of(p);
    if ((uintptr_t)p % ALIGNMENT != 0 || (c->head & MAGIC_MASK) != MAGIC)
        heap_fail("free or realloc of a pointer malloc did not return, or its header was "
                  "overwritten",
                  p);
    if (!(c->head & IN_USE))
        heap_fail("double free", p);
    if (c->head & HUGE) {
        if (c->prev_size % ALIGNMENT != 0 || c->prev_size + MIN_CHUNK > chunk_size(c))
            heap_fail("header overwritten", p);
        return c;
    }
    if (chunk_size(c) < MIN_CHUNK)
        heap_fail("header overwritten", p);
    struct chunk *next = next_chunk(c);
    if (next->prev_size != canary(c) || (next->head & MAGIC_MASK) != MAGIC ||
        !(next->head & PREV_IN_USE))
        heap_fail("write past the end of the block (the next header is overwritten)", p);
    return c;
}

// malloc (aligned to align, at least 16) with the lock held; n must be at most MAX_REQUEST.
static void *heap_alloc(size_t n, size_t align)
{
    size_t size = request_size(n);
    size_t extra = align > ALIGNMENT ? align + MIN_CHUNK : 0;

    if (size + extra >= HUGE_MIN)
        return huge_alloc(size, align > ALIGNMENT ? align : ALIGNMENT);
    struct chunk *c = take_chunk(size + extra);
    if (c == NULL && add_region())
        c = take_chunk(size + extra);
    if (c == NULL)
        return NULL;
    if (extra == 0)
        return payload_of(c);

    // Over-allocated for alignment: free the chunk's start, keeping a chunk at an aligned
    // payload; the start must be big enough to be a chunk of its own.
    uintptr_t p = (uintptr_t)payload_of(c);
    uintptr_t aligned = (p + align - 1) & ~(uintptr_t)(align - 1);
    if (aligned != p && aligned - p < MIN_CHUNK)
        aligned += align;
    if (aligned != p) {
        size_t lead = aligned - p;
        struct chunk *a = chunk_of((void *)aligned);
        a->head = MAGIC | (chunk_size(c) - lead) | IN_USE | PREV_IN_USE;
        c->head = MAGIC | lead | (c->head & FLAGS);
        set_in_use(a);
        release_chunk(c);
        c = a;
    }
    trim_chunk(c, size);
    return payload_of(c);
}

// free with the lock held.
static void heap_free(void *p)
{
    struct chunk *c = checked_chunk(p);
    if (c->head & HUGE) {
        c->head &= ~(size_t)IN_USE;
        __libc_pages_free((char *)c - c->prev_size, chunk_size(c) / LIBC_PAGE_SIZE);
        return;
    }
    release_chunk(c);
}

// Resizes the allocated chunk c in place to hold n bytes if it can: shrinking, or growing into
// a free chunk after it. Huge chunks stay put while n fits and uses at least half of them.
static bool resize_in_place(struct chunk *c, size_t n)
{
    if (c->head & HUGE)
        return n <= usable_size(c) && n >= usable_size(c) / 2;
    size_t size = request_size(n);
    if (size >= HUGE_MIN)
        return false;
    if (size > chunk_size(c)) {
        struct chunk *next = next_chunk(c);
        if ((next->head & IN_USE) || chunk_size(c) + chunk_size(next) < size)
            return false;
        bin_remove(next);
        c->head = MAGIC | (chunk_size(c) + chunk_size(next)) | (c->head & FLAGS);
        set_in_use(c);
    }
    trim_chunk(c, size);
    return true;
}

void *malloc(size_t n)
{
    if (n > MAX_REQUEST) {
        errno = ENOMEM;
        return NULL;
    }
    __libc_malloc_lock();
    void *p = heap_alloc(n, ALIGNMENT);
    __libc_malloc_unlock();
    if (p == NULL)
        errno = ENOMEM;
    return p;
}

void free(void *p)
{
    if (p == NULL)
        return;
    __libc_malloc_lock();
    heap_free(p);
    __libc_malloc_unlock();
}

// malloc for n objects of size bytes, zeroed; NULL with ENOMEM if n * size overflows.
void *calloc(size_t n, size_t size)
{
    if (size != 0 && n > MAX_REQUEST / size) {
        errno = ENOMEM;
        return NULL;
    }
    __libc_malloc_lock();
    void *p = heap_alloc(n * size, ALIGNMENT);
    // Huge chunks are fresh pages, zero already.
    bool fresh = p != NULL && (chunk_of(p)->head & HUGE);
    __libc_malloc_unlock();
    if (p == NULL)
        errno = ENOMEM;
    else if (!fresh)
        memset(p, 0, n * size);
    return p;
}

// Resizes the block at p to n bytes, in place when possible, keeping its contents up to the
// smaller size. realloc(NULL, n) is malloc(n); realloc(p, 0) frees p and returns NULL. On
// failure the old block is untouched and NULL is returned with ENOMEM.
void *realloc(void *p, size_t n)
{
    if (p == NULL)
        return malloc(n);
    if (n == 0) {
        free(p);
        return NULL;
    }
    if (n > MAX_REQUEST) {
        errno = ENOMEM;
        return NULL;
    }
    __libc_malloc_lock();
    struct chunk *c = checked_chunk(p);
    void *q = p;
    if (!resize_in_place(c, n)) {
        q = heap_alloc(n, ALIGNMENT);
        if (q != NULL) {
            size_t old = usable_size(c);
            memcpy(q, p, old < n ? old : n);
            heap_free(p);
        }
    }
    __libc_malloc_unlock();
    if (q == NULL)
        errno = ENOMEM;
    return q;
}

// malloc with the payload aligned to align, a power of two (else NULL with EINVAL).
void *aligned_alloc(size_t align, size_t n)
{
    if (align == 0 || (align & (align - 1)) != 0) {
        errno = EINVAL;
        return NULL;
    }
    if (n > MAX_REQUEST || align > MAX_REQUEST) {
        errno = ENOMEM;
        return NULL;
    }
    __libc_malloc_lock();
    void *p = heap_alloc(n, align < ALIGNMENT ? ALIGNMENT : align);
    __libc_malloc_unlock();
    if (p == NULL)
        errno = ENOMEM;
    return p;
}

// aligned_alloc in the POSIX form: align must be a power of two and a multiple of
// sizeof(void *); returns 0, EINVAL or ENOMEM and leaves errno alone.
int posix_memalign(void **result, size_t align, size_t n)
{
    if (align == 0 || (align & (align - 1)) != 0 || align % sizeof(void *) != 0)
        return EINVAL;
    int saved = errno;
    void *p = aligned_alloc(align, n);
    errno = saved;
    if (p == NULL)
        return ENOMEM;
    *result = p;
    return 0;
}
