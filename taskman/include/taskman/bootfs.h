/*
 * The boot image as a read-only tree of files (taskman serves it at /proc/boot, and at / until
 * a disk is mounted). The cpio archive holds only files; a directory is any name some file's
 * path runs through.
 */
#ifndef TASKMAN_BOOTFS_H
#define TASKMAN_BOOTFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BOOTFS_NAME_MAX 128 /* bytes of a path inside the image, NUL included */

struct bootfs_node {
    bool dir;
    const uint8_t *data; /* a file's bytes */
    size_t size;
};

// Looks up path (inside the image, leading slashes allowed) in the archive image of size
// bytes. Returns 0 with *node filled, or ENOENT, ENAMETOOLONG.
int bootfs_lookup(const void *image, size_t size, const char *path, struct bootfs_node *node);

// Directory entries of the directory dir (as normalised by bootfs_lookup's caller: no leading
// or trailing slash, "" for the top) from the index-th on, as io_dirent records in out (room
// bytes): ".", "..", then its files and directories in archive order. Returns the bytes used
// and moves *index past the entries given.
size_t bootfs_readdir(const void *image, size_t size, const char *dir, uint64_t *index, char *out,
                      size_t room);

#endif
