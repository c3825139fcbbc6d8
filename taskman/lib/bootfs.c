/*
 * The boot image as a tree (see bootfs.h). Directories are not in the archive: a name is a
 * directory if some member's path continues past it with a slash, and its entries are the
 * distinct next components of those paths. The archive is sorted by name (the build uses
 * find | sort), so the members under one directory are together and a subdirectory's members
 * follow each other, which lets a listing drop repeated subdirectory names by looking back
 * one entry.
 */
#include <errno.h>
#include <proto/io.h>
#include <qsoe/cpio.h>
#include <string.h>
#include <taskman/bootfs.h>

// A member's name without its leading "./" and slashes; *len is cut to match.
static const char *member_name(const struct cpio_entry *e, size_t *len)
{
    const char *name = e->name;
    *len = e->namelen;
    if (*len >= 2 && name[0] == '.' && name[1] == '/') {
        name += 2;
        *len -= 2;
    }
    while (*len && *name == '/') {
        name++;
        (*len)--;
    }
    return name;
}

int bootfs_lookup(const void *image, size_t size, const char *path, struct bootfs_node *node)
{
    while (*path == '/')
        path++;
    size_t plen = strlen(path);
    while (plen && path[plen - 1] == '/')
        plen--;
    if (plen >= BOOTFS_NAME_MAX)
        return ENAMETOOLONG;
    *node = (struct bootfs_node){plen == 0, NULL, 0};
    if (plen == 0)
        return 0;
    struct cpio_iter it;
    struct cpio_entry e;
    cpio_iter_init(&it, image, size);
    while (cpio_next(&it, &e) > 0) {
        size_t len;
        const char *name = member_name(&e, &len);
        if (len == plen && memcmp(name, path, plen) == 0) {
            *node = (struct bootfs_node){false, e.data, e.size};
            return 0;
        }
        if (len > plen && memcmp(name, path, plen) == 0 && name[plen] == '/') {
            node->dir = true;
            return 0;
        }
    }
    return ENOENT;
}

// Appends one record to out if it fits; false if it does not.
static bool put(char *out, size_t room, size_t *used, uint64_t ino, uint32_t mode, const char *name,
                size_t len)
{
    size_t reclen = (sizeof(struct io_dirent) + len + 1 + 7) & ~7ul;
    if (*used + reclen > room)
        return false;
    struct io_dirent *d = (struct io_dirent *)(out + *used);
    *d = (struct io_dirent){ino, mode, 0, (uint16_t)reclen, (uint16_t)len};
    memcpy(d->name, name, len);
    d->name[len] = '\0';
    *used += reclen;
    return true;
}

size_t bootfs_readdir(const void *image, size_t size, const char *dir, uint64_t *index, char *out,
                      size_t room)
{
    size_t dlen = strlen(dir), used = 0;
    uint64_t at = 0;
    static const char *const dots[2] = {".", ".."};
    for (; at < 2; at++) {
        if (at < *index)
            continue;
        if (!put(out, room, &used, at + 1, IO_S_IFDIR, dots[at], at + 1))
            return used;
        (*index)++;
    }
    struct cpio_iter it;
    struct cpio_entry e;
    const char *last = NULL; /* the subdirectory named last, to skip its other members */
    size_t lastlen = 0;
    cpio_iter_init(&it, image, size);
    for (uint64_t member = 0; cpio_next(&it, &e) > 0; member++) {
        size_t len;
        const char *name = member_name(&e, &len);
        if (dlen && (len <= dlen || memcmp(name, dir, dlen) != 0 || name[dlen] != '/'))
            continue;
        const char *child = name + (dlen ? dlen + 1 : 0);
        size_t clen = len - (size_t)(child - name);
        const char *slash = memchr(child, '/', clen);
        bool subdir = slash != NULL;
        if (subdir)
            clen = (size_t)(slash - child);
        if (clen == 0 || (subdir && last && lastlen == clen && memcmp(last, child, clen) == 0))
            continue;
        if (subdir) {
            last = child;
            lastlen = clen;
        }
        if (at++ < *index)
            continue;
        if (!put(out, room, &used, member + 3, subdir ? IO_S_IFDIR : IO_S_IFREG, child, clen))
            break;
        (*index)++;
    }
    return used;
}
