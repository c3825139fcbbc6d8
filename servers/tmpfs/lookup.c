/*
 * Path names in tmpfs: a path relative to the prefix is walked a name at a time from the root,
 * following symbolic links on the way (at most TMPFS_MAX_LINKS in one lookup). A link's target
 * is taken relative to the directory that holds the link; an absolute target is followed only
 * when it lies under this server's prefix, since names elsewhere belong to other servers.
 */
#include <errno.h>
#include <proto/io.h>
#include <string.h>

#include "tmpfs.h"

// Where an absolute symbolic-link target falls inside this file system: the rest of it after
// the prefix, or NULL when it names something outside.
static const char *inside(const char *target)
{
    const char *prefix = tmpfs_prefix();
    size_t len = strcmp(prefix, "/") == 0 ? 0 : strlen(prefix);
    if (strncmp(target, prefix, len) != 0 || (target[len] != '/' && target[len] != '\0'))
        return NULL;
    return target + len;
}

// Replaces the path being walked (its unwalked part is rest) by a link's target followed by
// rest, in buf. Returns 0, or an errno.
static int splice(char *buf, const char *target, const char *rest)
{
    char joined[PATH_MAX_LEN];
    size_t tlen = strlen(target), rlen = strlen(rest);
    if (tlen + 1 + rlen >= sizeof(joined))
        return ENAMETOOLONG;
    memcpy(joined, target, tlen);
    joined[tlen] = '/';
    memcpy(joined + tlen + 1, rest, rlen + 1);
    memcpy(buf, joined, tlen + rlen + 2);
    return 0;
}

static bool is_dot(const char *name, size_t len)
{
    return (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.');
}

/*
 * Walks path. Every name but the last must be a directory (or a link to one); the last may be
 * missing, in which case out->node is NULL. A symbolic link as the last name is followed when
 * follow_last is set. Returns 0, or ENOENT (a missing directory on the way, or a link out of
 * this file system), ENOTDIR, ENAMETOOLONG or ELOOP.
 */
int lookup(const char *path, bool follow_last, struct lookup *out)
{
    char buf[PATH_MAX_LEN];
    if (strlen(path) >= sizeof(buf))
        return ENAMETOOLONG;
    strcpy(buf, path);
    struct node *cur = tmpfs_root();
    int links = 0;
    const char *p = buf;
    for (;;) {
        while (*p == '/')
            p++;
        if (*p == '\0') {
            *out = (struct lookup){NULL, cur, ""};
            return 0;
        }
        const char *name = p;
        size_t len = strcspn(p, "/");
        p += len;
        while (*p == '/')
            p++;
        bool last = *p == '\0';
        if (len > TMPFS_NAME_MAX)
            return ENAMETOOLONG;
        if (!node_is(cur, IO_S_IFDIR))
            return ENOTDIR;
        if (is_dot(name, len)) {
            if (len == 2 && cur->dir.parent)
                cur = cur->dir.parent;
            continue;
        }
        memcpy(out->name, name, len);
        out->name[len] = '\0';
        struct node *n = dir_find(cur, out->name);
        if (!n) {
            if (!last)
                return ENOENT;
            out->dir = cur;
            out->node = NULL;
            return 0;
        }
        if (node_is(n, IO_S_IFLNK) && (!last || follow_last)) {
            if (++links > TMPFS_MAX_LINKS)
                return ELOOP;
            const char *target = n->link.target;
            if (target[0] == '/') {
                target = inside(target);
                if (!target)
                    return ENOENT;
                cur = tmpfs_root();
            }
            int err = splice(buf, target, p);
            if (err)
                return err;
            p = buf;
            continue;
        }
        if (last) {
            out->dir = cur;
            out->node = n;
            return 0;
        }
        cur = n;
    }
}
