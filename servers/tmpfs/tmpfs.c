/*
 * tmpfs: a POSIX file system held in memory, a resource manager on a prefix (/tmp unless told
 * otherwise): regular files, directories, hard and symbolic links, attributes, and a limit on
 * the bytes its files may hold (docs/tmpfs.md). This file is main and the requests on open
 * files; names are in names.c and lookup.c, nodes in node.c, file contents in data.c.
 *
 *   tmpfs [-s source] [-o options] [prefix [size]]
 *
 * size in bytes, or with a K, M or G suffix; 16M unless given (or size=N among the options,
 * as mount -o gives them; rw is accepted too). The source ("none" unless given) is only
 * what /proc/mounts shows.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resmgr.h>

#include "tmpfs.h"

#define DEFAULT_SIZE (16ull << 20)
#define DIRENT_SIZE  20 /* what a directory's size counts per entry, as Linux's tmpfs does */

// Opens the last name of path, making a regular file for O_CREAT. The open file is the node.
static int tmpfs_open(void *handle, const char *path, int oflag, mode_t mode, void **ocb)
{
    (void)handle;
    bool excl = (oflag & O_CREAT) && (oflag & O_EXCL);
    bool writing = (oflag & O_ACCMODE) != O_RDONLY;
    struct lookup l;
    int err = lookup(path, !(oflag & O_NOFOLLOW) && !excl, &l);
    if (err)
        return err;
    struct node *n = l.node;
    if (!n) {
        if (!(oflag & O_CREAT))
            return ENOENT;
        if (oflag & O_DIRECTORY)
            return EINVAL;
        n = node_new(IO_S_IFREG | (mode & 07777));
        if (!n)
            return ENOSPC;
        err = dir_add(l.dir, l.name, n);
        if (err) {
            node_release(n);
            return err;
        }
    } else if (excl) {
        return EEXIST;
    } else if (node_is(n, IO_S_IFLNK)) {
        /* O_NOFOLLOW: the link itself, for lstat and the like; only to look at */
        if (oflag & O_DIRECTORY)
            return ENOTDIR;
        if (writing || (oflag & (O_CREAT | O_TRUNC)))
            return ELOOP;
    } else if (node_is(n, IO_S_IFDIR)) {
        if (writing || (oflag & O_CREAT))
            return EISDIR;
    } else if (oflag & O_DIRECTORY) {
        return ENOTDIR;
    } else if ((oflag & O_TRUNC) && writing && n->file.size) {
        data_truncate(n, 0);
        touch(n, true);
    }
    n->opens++;
    *ocb = n;
    return 0;
}

static ssize_t tmpfs_read(void *ocb, void *buf, size_t len, off_t offset)
{
    struct node *n = ocb;
    if (node_is(n, IO_S_IFDIR))
        return -EISDIR;
    if (!node_is(n, IO_S_IFREG))
        return -EINVAL;
    ssize_t got = data_read(n, buf, len, (uint64_t)offset);
    if (got > 0)
        n->atime = tmpfs_now();
    return got;
}

static ssize_t tmpfs_write(void *ocb, const void *buf, size_t len, off_t offset)
{
    struct node *n = ocb;
    if (!node_is(n, IO_S_IFREG))
        return -EBADF;
    ssize_t done = data_write(n, buf, len, (uint64_t)offset);
    if (done > 0)
        touch(n, true);
    return done;
}

static int tmpfs_stat(void *ocb, struct io_stat *st)
{
    struct node *n = ocb;
    *st = (struct io_stat){0};
    st->mode = n->mode;
    st->nlink = n->nlink;
    st->uid = n->uid;
    st->gid = n->gid;
    st->ino = n->ino;
    st->atime = n->atime;
    st->mtime = n->mtime;
    st->ctime = n->ctime;
    if (node_is(n, IO_S_IFREG)) {
        st->size = n->file.size;
        st->blocks = n->file.used * (TMPFS_PAGE / 512);
    } else if (node_is(n, IO_S_IFDIR)) {
        st->size = (n->dir.count + 2) * DIRENT_SIZE;
    } else {
        st->size = n->link.len;
    }
    return 0;
}

static void tmpfs_close(void *ocb)
{
    struct node *n = ocb;
    n->opens--;
    node_release(n);
}

// Directory records from *pos: 0 is ".", 1 "..", then each entry by its cookie, so that names
// added or removed meanwhile do not move the others.
static ssize_t tmpfs_readdir(void *ocb, void *buf, size_t room, off_t *pos)
{
    struct node *n = ocb;
    if (!node_is(n, IO_S_IFDIR))
        return -ENOTDIR;
    size_t used = 0;
    bool full = false;
    if (*pos == 0) {
        full = !resmgr_dirent(buf, room, &used, n->ino, IO_S_IFDIR, ".");
        if (!full)
            *pos = 1;
    }
    if (*pos == 1 && !full) {
        struct node *parent = n->dir.parent ? n->dir.parent : n;
        full = !resmgr_dirent(buf, room, &used, parent->ino, IO_S_IFDIR, "..");
        if (!full)
            *pos = 2;
    }
    for (struct entry *e = n->dir.first; e && !full; e = e->next) {
        if (e->cookie < (uint64_t)*pos)
            continue;
        full = !resmgr_dirent(buf, room, &used, e->node->ino, e->node->mode & IO_S_IFMT, e->name);
        if (!full)
            *pos = (off_t)e->cookie + 1;
    }
    if (full && used == 0)
        return -EINVAL; /* not room for one record */
    n->atime = tmpfs_now();
    return (ssize_t)used;
}

static int tmpfs_chmod(void *ocb, mode_t mode)
{
    struct node *n = ocb;
    n->mode = (n->mode & IO_S_IFMT) | (mode & 07777);
    touch(n, false);
    return 0;
}

// chown: an id of -1 leaves that one as it is.
static int tmpfs_chown(void *ocb, uid_t uid, gid_t gid)
{
    struct node *n = ocb;
    if ((uint32_t)uid != UINT32_MAX)
        n->uid = (uint32_t)uid;
    if ((uint32_t)gid != UINT32_MAX)
        n->gid = (uint32_t)gid;
    touch(n, false);
    return 0;
}

static int tmpfs_utime(void *ocb, int64_t atime, int64_t mtime)
{
    struct node *n = ocb;
    int64_t now = tmpfs_now();
    if (atime != IO_UTIME_OMIT)
        n->atime = atime == IO_UTIME_NOW ? now : atime;
    if (mtime != IO_UTIME_OMIT)
        n->mtime = mtime == IO_UTIME_NOW ? now : mtime;
    n->ctime = now;
    return 0;
}

static int tmpfs_truncate(void *ocb, off_t size)
{
    struct node *n = ocb;
    if (node_is(n, IO_S_IFDIR))
        return EISDIR;
    if (!node_is(n, IO_S_IFREG) || size < 0)
        return EINVAL;
    int err = data_truncate(n, (uint64_t)size);
    if (!err)
        touch(n, true);
    return err;
}

// A size argument: bytes, or a number with a K, M or G suffix; 0 when it is not one.
static uint64_t parse_size(const char *s)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    int shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' || *end == 'm' ? 20 : 0;
    shift = *end == 'G' || *end == 'g' ? 30 : shift;
    if (end == s || (shift && end[1]) || (!shift && *end) || v > (1ull << 40) >> shift)
        return 0;
    return (uint64_t)v << shift;
}

// Takes mount's comma-separated options: size=N and rw. False for anything else.
static bool parse_options(char *opts, uint64_t *size)
{
    for (char *o = strtok(opts, ","); o; o = strtok(NULL, ",")) {
        if (strncmp(o, "size=", 5) == 0)
            *size = parse_size(o + 5);
        else if (strcmp(o, "rw") != 0)
            return false;
        if (*size == 0)
            return false;
    }
    return true;
}

// Nothing is kept anywhere else, so there is nothing to do before the end.
static int tmpfs_unmount(void *handle)
{
    (void)handle;
    return 0;
}

static int usage(void)
{
    printf("usage: tmpfs [-s source] [-o size=N] [prefix [size]], prefix absolute, size as "
           "4096, 512K, 16M or 1G\n");
    return 1;
}

int main(int argc, char **argv)
{
    static const struct resmgr_funcs funcs = {
        .open = tmpfs_open,
        .read = tmpfs_read,
        .write = tmpfs_write,
        .stat = tmpfs_stat,
        .close = tmpfs_close,
        .readdir = tmpfs_readdir,
        .unlink = tmpfs_unlink,
        .mkdir = tmpfs_mkdir,
        .rename = tmpfs_rename,
        .link = tmpfs_link,
        .symlink = tmpfs_symlink,
        .readlink = tmpfs_readlink,
        .chmod = tmpfs_chmod,
        .chown = tmpfs_chown,
        .utime = tmpfs_utime,
        .truncate = tmpfs_truncate,
        .statvfs = tmpfs_statvfs,
        .unmount = tmpfs_unmount,
    };
    const char *source = "none";
    uint64_t size = DEFAULT_SIZE;
    int i = 1;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (strcmp(argv[i], "-s") == 0)
            source = argv[i + 1];
        else if (strcmp(argv[i], "-o") != 0 || !parse_options(argv[i + 1], &size))
            return usage();
    }
    char prefix[128];
    const char *at = i < argc ? argv[i] : "/tmp";
    if (i + 1 < argc)
        size = parse_size(argv[i + 1]);
    size_t len = strlen(at);
    while (len > 1 && at[len - 1] == '/')
        len--;
    if (argc > i + 2 || at[0] != '/' || len >= sizeof(prefix) || size == 0)
        return usage();
    memcpy(prefix, at, len);
    prefix[len] = '\0';
    int chid = tmpfs_init(prefix, size) ? resmgr_attach(prefix, &funcs, NULL) : -1;
    if (chid < 0) {
        printf("tmpfs: cannot attach %s (errno %d)\n", prefix, errno);
        return 1;
    }
    char options[64];
    snprintf(options, sizeof(options), "rw,size=%lluk", (unsigned long long)(size >> 10));
    if (resmgr_mount(prefix, source, "tmpfs", options) < 0)
        printf("tmpfs: %s is not listed in /proc/mounts (errno %d)\n", prefix, errno);
    return resmgr_run(chid);
}
