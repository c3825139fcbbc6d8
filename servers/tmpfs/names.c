/*
 * The name-space requests of tmpfs: mkdir, unlink and rmdir, rename, link, symlink and
 * readlink, with the checks and errors of Linux's tmpfs. None of them follows a symbolic link
 * named last in a path. Each one checks everything before it changes anything, so a failed
 * request leaves the file system as it was.
 */
#include <errno.h>
#include <proto/io.h>
#include <stdlib.h>
#include <string.h>

#include "tmpfs.h"

int tmpfs_mkdir(void *handle, const char *path, mode_t mode)
{
    (void)handle;
    struct lookup l;
    int err = lookup(path, false, &l);
    if (err)
        return err;
    if (l.node)
        return EEXIST;
    struct node *n = node_new(IO_S_IFDIR | (mode & 07777));
    if (!n)
        return ENOSPC;
    err = dir_add(l.dir, l.name, n);
    if (err) {
        n->nlink = 0;
        node_release(n);
    }
    return err;
}

// unlink (dir false) or rmdir (dir true) of the last name of path.
int tmpfs_unlink(void *handle, const char *path, bool dir)
{
    (void)handle;
    struct lookup l;
    int err = lookup(path, false, &l);
    if (err)
        return err;
    struct node *n = l.node;
    if (!n)
        return ENOENT;
    bool is_dir = node_is(n, IO_S_IFDIR);
    if (!l.dir)
        return dir ? EBUSY : EISDIR; /* the root, "." or ".." */
    if (dir && !is_dir)
        return ENOTDIR;
    if (!dir && is_dir)
        return EISDIR;
    if (is_dir && n->dir.count)
        return ENOTEMPTY;
    dir_remove(l.dir, l.name);
    if (is_dir)
        n->nlink = 0; /* its "." goes with it */
    node_release(n);
    return 0;
}

// Whether node a is dir or one of the directories above it.
static bool above(const struct node *a, const struct node *dir)
{
    for (const struct node *d = dir; d; d = d->dir.parent) {
        if (d == a)
            return true;
        if (d == tmpfs_root())
            break;
    }
    return false;
}

int tmpfs_rename(void *handle, const char *from, const char *to)
{
    (void)handle;
    struct lookup f, t;
    int err = lookup(from, false, &f);
    if (!err)
        err = lookup(to, false, &t);
    if (err)
        return err;
    struct node *n = f.node, *old = t.node;
    if (!n)
        return ENOENT;
    if (!f.dir || !t.dir)
        return EBUSY;
    if (old == n)
        return 0; /* two names of one file: nothing to do */
    bool is_dir = node_is(n, IO_S_IFDIR);
    if (is_dir && above(n, t.dir))
        return EINVAL;
    if (old && is_dir && !node_is(old, IO_S_IFDIR))
        return ENOTDIR;
    if (old && !is_dir && node_is(old, IO_S_IFDIR))
        return EISDIR;
    if (old && is_dir && old->dir.count)
        return ENOTEMPTY;
    struct entry *e = entry_new(t.name);
    if (!e)
        return ENOSPC;
    if (old) {
        dir_remove(t.dir, t.name);
        if (node_is(old, IO_S_IFDIR))
            old->nlink = 0;
        node_release(old);
    }
    dir_remove(f.dir, f.name);
    dir_insert(t.dir, e, n);
    return 0;
}

int tmpfs_link(void *handle, const char *existing, const char *path)
{
    (void)handle;
    struct lookup from, l;
    int err = lookup(existing, false, &from);
    if (!err)
        err = lookup(path, false, &l);
    if (err)
        return err;
    if (!from.node)
        return ENOENT;
    if (node_is(from.node, IO_S_IFDIR))
        return EPERM;
    if (l.node)
        return EEXIST;
    return dir_add(l.dir, l.name, from.node);
}

int tmpfs_symlink(void *handle, const char *target, const char *path)
{
    (void)handle;
    struct lookup l;
    int err = lookup(path, false, &l);
    if (err)
        return err;
    if (l.node)
        return EEXIST;
    size_t len = strlen(target);
    if (len == 0)
        return ENOENT;
    struct node *n = node_new(IO_S_IFLNK | 0777);
    char *copy = n ? malloc(len + 1) : NULL;
    if (copy) {
        memcpy(copy, target, len + 1);
        n->link.target = copy;
        n->link.len = len;
    }
    err = copy ? dir_add(l.dir, l.name, n) : ENOSPC;
    if (err && n)
        node_release(n);
    return err;
}

ssize_t tmpfs_readlink(void *handle, const char *path, char *buf, size_t n)
{
    (void)handle;
    struct lookup l;
    int err = lookup(path, false, &l);
    if (err)
        return -err;
    if (!l.node)
        return -ENOENT;
    if (!node_is(l.node, IO_S_IFLNK))
        return -EINVAL;
    size_t len = l.node->link.len < n ? l.node->link.len : n;
    memcpy(buf, l.node->link.target, len);
    l.node->atime = tmpfs_now();
    return (ssize_t)len;
}
