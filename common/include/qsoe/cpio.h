// Reader for "newc" (magic "070701") cpio archives, the format of the initial ramdisk. It
// walks an untrusted archive in place and hands out pointers into it; it never copies data.
#ifndef QSOE_CPIO_H
#define QSOE_CPIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// One archive member. name is NUL-terminated inside the archive; data points into it.
struct cpio_entry {
    const char *name;
    size_t namelen; // without the NUL
    uint32_t mode;
    const void *data;
    size_t size;
};

// Position of a walk over an archive; set up with cpio_iter_init().
struct cpio_iter {
    const uint8_t *base;
    size_t size;
    size_t off;
    bool done;
};

void cpio_iter_init(struct cpio_iter *it, const void *archive, size_t size);

// Reads the next member. Returns 1 with *out filled, 0 at the "TRAILER!!!" member (and on
// every later call), or -EINVAL when the archive is malformed: a bad magic, a header field
// that is not 8 hex digits, a name size of 0, a name not ending in its only NUL, a trailer
// with data, or a name, data or 4-byte padding running past the end. An archive that ends
// without a trailer is malformed. A failed call does not advance, so it fails again.
int cpio_next(struct cpio_iter *it, struct cpio_entry *out);

// Finds the member called `name`, ignoring any leading "/" and "./" on both names. Returns 0
// with *out filled, -ENOENT when the trailer is reached first, or -EINVAL when the archive is
// malformed before a match.
int cpio_find(const void *archive, size_t size, const char *name, struct cpio_entry *out);

#endif
