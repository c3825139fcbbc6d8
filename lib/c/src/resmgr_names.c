/*
 * The framework's IO_CONNECT messages: opening a file, and the name-space requests (unlink,
 * mkdir, rename, link, symlink, readlink) handed to the server's functions with the paths
 * made relative to its prefix. A request the server has no function for is EROFS: its names
 * cannot be changed.
 */
#include <errno.h>
#include <string.h>

#include "resmgr_impl.h"

// Copies the part of a path after the prefix (prefixlen of len bytes), without leading
// slashes, into out (PATH_MAX_LEN bytes) as a string.
static void relative(const char *path, size_t len, size_t prefixlen, char *out)
{
    const char *rest = path + prefixlen;
    size_t n = len - prefixlen;
    while (n && *rest == '/') {
        rest++;
        n--;
    }
    memcpy(out, rest, n);
    out[n] = '\0';
}

static int do_open(const struct _msg_info *info, const struct io_connect *c, const char *path)
{
    if (__resmgr_conn_of(info->scoid))
        return EBUSY;
    struct conn *conn = __resmgr_conn_of(0);
    struct open_file *f = NULL;
    for (int i = 0; i < RESMGR_MAX_OPEN && !f; i++)
        if (__rm.files[i].refs == 0)
            f = &__rm.files[i];
    if (!conn || !f)
        return ENFILE;
    void *ocb = NULL;
    const struct resmgr_funcs *fn = __rm.funcs;
    int err = fn->open ? fn->open(__rm.handle, path, (int)c->oflag, c->mode, &ocb) : ENOENT;
    if (err)
        return err;
    *f = (struct open_file){1, ocb, (int)c->oflag, 0, path[0] == '\0'};
    *conn = (struct conn){info->scoid, f};
    return 0;
}

static int do_readlink(int rcvid, const char *path, size_t room)
{
    static char buf[PATH_MAX_LEN];
    if (!__rm.funcs->readlink)
        return EINVAL; /* nothing here is a symbolic link */
    ssize_t n =
        __rm.funcs->readlink(__rm.handle, path, buf, room < sizeof(buf) ? room : sizeof(buf));
    if (n < 0)
        return (int)-n;
    MsgReply(rcvid, n, buf, (size_t)n);
    return -1;
}

int __resmgr_connect(int rcvid, const struct _msg_info *info, const char *msg, size_t len)
{
    const struct io_connect *c = (const struct io_connect *)msg;
    if (len < sizeof(*c) || len < sizeof(*c) + c->pathlen + c->extralen ||
        c->prefixlen > c->pathlen || c->pathlen >= PATH_MAX_LEN || c->extralen >= PATH_MAX_LEN ||
        c->extraprefixlen > c->extralen)
        return EINVAL;
    char path[PATH_MAX_LEN], extra[PATH_MAX_LEN];
    const char *wire = msg + sizeof(*c);
    relative(wire, c->pathlen, c->prefixlen, path);
    if (c->kind == IO_SYMLINK) {
        memcpy(extra, wire + c->pathlen, c->extralen); /* link contents, kept as they are */
        extra[c->extralen] = '\0';
    } else {
        relative(wire + c->pathlen, c->extralen, c->extraprefixlen, extra);
    }
    const struct resmgr_funcs *fn = __rm.funcs;
    void *h = __rm.handle;
    switch (c->kind) {
    case IO_OPEN:
        return do_open(info, c, path);
    case IO_UNLINK:
        return fn->unlink ? fn->unlink(h, path, c->oflag & IO_UNLINK_DIR) : EROFS;
    case IO_MKDIR:
        return fn->mkdir ? fn->mkdir(h, path, c->mode) : EROFS;
    case IO_RENAME:
        return fn->rename ? fn->rename(h, extra, path) : EROFS;
    case IO_LINK:
        return fn->link ? fn->link(h, extra, path) : EROFS;
    case IO_SYMLINK:
        return fn->symlink ? fn->symlink(h, extra, path) : EROFS;
    case IO_READLINK:
        return do_readlink(rcvid, path, (size_t)info->dstmsglen);
    default:
        return ENOSYS;
    }
}
