/*
 * The contents of tmpfs regular files: an array of 4 KiB pages per file, grown as writes reach
 * further, with NULL for pages never written (holes, which read as zeros). Every page counts
 * against the file system's space budget (node.c). Bytes of the last page beyond the file's
 * size are kept zero, so that a file grown later reads zeros there.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tmpfs.h"

ssize_t data_read(struct node *n, void *buf, size_t len, uint64_t offset)
{
    if (offset >= n->file.size)
        return 0;
    if (len > n->file.size - offset)
        len = (size_t)(n->file.size - offset);
    char *out = buf;
    for (size_t done = 0; done < len;) {
        size_t index = (size_t)((offset + done) / TMPFS_PAGE);
        size_t at = (size_t)((offset + done) % TMPFS_PAGE);
        size_t chunk = TMPFS_PAGE - at < len - done ? TMPFS_PAGE - at : len - done;
        char *page = index < n->file.npages ? n->file.pages[index] : NULL;
        if (page)
            memcpy(out + done, page + at, chunk);
        else
            memset(out + done, 0, chunk);
        done += chunk;
    }
    return (ssize_t)len;
}

// Makes sure the page array has a slot for page index; false when memory is short.
static bool slots_for(struct node *n, size_t index)
{
    if (index < n->file.npages)
        return true;
    size_t count = n->file.npages ? n->file.npages : 4;
    while (count <= index)
        count *= 2;
    char **pages = realloc(n->file.pages, count * sizeof(*pages));
    if (!pages)
        return false;
    memset(pages + n->file.npages, 0, (count - n->file.npages) * sizeof(*pages));
    n->file.pages = pages;
    n->file.npages = count;
    return true;
}

// The page at index, made if it is a hole; NULL when the file system is full.
static char *page_at(struct node *n, size_t index)
{
    if (!slots_for(n, index))
        return NULL;
    if (n->file.pages[index])
        return n->file.pages[index];
    if (!space_take(TMPFS_PAGE))
        return NULL;
    char *page = calloc(1, TMPFS_PAGE);
    if (!page) {
        space_give(TMPFS_PAGE);
        return NULL;
    }
    n->file.used++;
    n->file.pages[index] = page;
    return page;
}

// Writes len bytes at offset: all of them, as many as there was room for (a short count), or
// -ENOSPC when there was room for none, -EFBIG when offset is beyond the largest file.
ssize_t data_write(struct node *n, const void *buf, size_t len, uint64_t offset)
{
    if (offset >= TMPFS_MAX_FILE)
        return len ? -EFBIG : 0;
    if (len > TMPFS_MAX_FILE - offset)
        len = (size_t)(TMPFS_MAX_FILE - offset);
    const char *in = buf;
    size_t done = 0;
    while (done < len) {
        size_t index = (size_t)((offset + done) / TMPFS_PAGE);
        size_t at = (size_t)((offset + done) % TMPFS_PAGE);
        size_t chunk = TMPFS_PAGE - at < len - done ? TMPFS_PAGE - at : len - done;
        char *page = page_at(n, index);
        if (!page)
            break;
        memcpy(page + at, in + done, chunk);
        done += chunk;
    }
    if (done == 0 && len > 0)
        return -ENOSPC;
    if (offset + done > n->file.size)
        n->file.size = offset + done;
    return (ssize_t)done;
}

// Sets the size: pages wholly beyond it are freed, the rest of the last page is zeroed, and a
// larger size leaves a hole. 0, or EFBIG.
int data_truncate(struct node *n, uint64_t size)
{
    if (size > TMPFS_MAX_FILE)
        return EFBIG;
    size_t keep = (size_t)((size + TMPFS_PAGE - 1) / TMPFS_PAGE);
    for (size_t i = keep; i < n->file.npages; i++) {
        if (n->file.pages[i]) {
            free(n->file.pages[i]);
            n->file.pages[i] = NULL;
            n->file.used--;
            space_give(TMPFS_PAGE);
        }
    }
    size_t at = (size_t)(size % TMPFS_PAGE);
    if (at && keep - 1 < n->file.npages && n->file.pages[keep - 1] && size < n->file.size)
        memset(n->file.pages[keep - 1] + at, 0, TMPFS_PAGE - at);
    n->file.size = size;
    return 0;
}
