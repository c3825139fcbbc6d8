/*
 * The framework's messages on an open file: read, write, lseek, stat, readdir, devctl, the
 * file's flags and its attributes (chmod, chown, utime, truncate, sync), each given to the
 * server's function or answered by the default of docs/io.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include "resmgr_impl.h"

static void do_read(int rcvid, struct open_file *f, uint32_t want)
{
    static char buf[RESMGR_CHUNK];
    if ((f->oflag & O_ACCMODE) == O_WRONLY || !__rm.funcs->read) {
        MsgError(rcvid, EBADF);
        return;
    }
    ssize_t n = __rm.funcs->read(f->ocb, buf, want < RESMGR_CHUNK ? want : RESMGR_CHUNK, f->offset);
    if (n == RESMGR_DEFER)
        return;
    if (n < 0) {
        MsgError(rcvid, (int)-n);
        return;
    }
    f->offset += n;
    MsgReply(rcvid, n, buf, (size_t)n);
}

static int file_size(struct open_file *f, off_t *size)
{
    struct io_stat st = {0};
    if (!__rm.funcs->stat || __rm.funcs->stat(f->ocb, &st) != 0)
        return ESPIPE;
    *size = (off_t)st.size;
    return 0;
}

static void do_write(int rcvid, struct open_file *f, uint32_t total)
{
    static char buf[RESMGR_CHUNK];
    if ((f->oflag & O_ACCMODE) == O_RDONLY || !__rm.funcs->write) {
        MsgError(rcvid, EBADF);
        return;
    }
    if ((f->oflag & O_APPEND) && file_size(f, &f->offset) != 0)
        f->offset = 0; /* a file with no size: appending is writing */
    uint32_t done = 0;
    while (done < total) {
        long got = MsgRead(rcvid, buf, total - done < RESMGR_CHUNK ? total - done : RESMGR_CHUNK,
                           sizeof(struct io_rw) + done);
        if (got <= 0)
            break;
        ssize_t n = __rm.funcs->write(f->ocb, buf, (size_t)got, f->offset);
        if (n == RESMGR_DEFER)
            return;
        if (n < 0) {
            if (done == 0) {
                MsgError(rcvid, (int)-n);
                return;
            }
            break;
        }
        f->offset += n;
        done += (uint32_t)n;
        if (n < got)
            break;
    }
    MsgReply(rcvid, done, NULL, 0);
}

static void do_lseek(int rcvid, struct open_file *f, const struct io_lseek *l)
{
    off_t base = f->offset;
    if (l->whence == 0) {
        base = 0;
    } else if (l->whence == 2) {
        int err = file_size(f, &base);
        if (err) {
            MsgError(rcvid, err);
            return;
        }
    } else if (l->whence != 1) {
        MsgError(rcvid, EINVAL);
        return;
    }
    if (base + l->offset < 0) {
        MsgError(rcvid, EINVAL);
        return;
    }
    f->offset = base + l->offset;
    struct io_lseek_reply r = {f->offset};
    MsgReply(rcvid, 0, &r, sizeof(r));
}

static void do_readdir(int rcvid, struct open_file *f, uint32_t room)
{
    static char buf[RESMGR_CHUNK];
    if (!__rm.funcs->readdir) {
        MsgError(rcvid, ENOTDIR);
        return;
    }
    ssize_t n =
        __rm.funcs->readdir(f->ocb, buf, room < RESMGR_CHUNK ? room : RESMGR_CHUNK, &f->offset);
    if (n < 0)
        MsgError(rcvid, (int)-n);
    else
        MsgReply(rcvid, n, buf, (size_t)n);
}

static void do_devctl(int rcvid, struct open_file *f, const char *msg, size_t len)
{
    static char data[RESMGR_CHUNK];
    const struct io_devctl *d = (const struct io_devctl *)msg;
    if (len < sizeof(*d) || d->nbytes > RESMGR_CHUNK) {
        MsgError(rcvid, EINVAL);
        return;
    }
    size_t in = len - sizeof(*d) < d->nbytes ? len - sizeof(*d) : d->nbytes;
    memcpy(data, msg + sizeof(*d), in);
    size_t out = 0;
    int err =
        __rm.funcs->devctl ? __rm.funcs->devctl(f->ocb, d->dcmd, data, d->nbytes, &out) : ENOTTY;
    if (err)
        MsgError(rcvid, err);
    else
        MsgReply(rcvid, 0, data, out);
}

// The attribute messages: 0 or an errno. Without a function, a change is EROFS; sync is 0.
static int do_attr(struct open_file *f, uint16_t type, const struct io_attr *a)
{
    const struct resmgr_funcs *fn = __rm.funcs;
    switch (type) {
    case IO_CHMOD:
        return fn->chmod ? fn->chmod(f->ocb, a->mode & 07777) : EROFS;
    case IO_CHOWN:
        return fn->chown ? fn->chown(f->ocb, a->uid, a->gid) : EROFS;
    case IO_UTIME:
        return fn->utime ? fn->utime(f->ocb, a->atime, a->mtime) : EROFS;
    case IO_TRUNCATE:
        if ((f->oflag & O_ACCMODE) == O_RDONLY)
            return EBADF;
        return fn->truncate ? fn->truncate(f->ocb, (off_t)a->size) : EINVAL;
    default:
        return fn->sync ? fn->sync(f->ocb) : 0;
    }
}

void __resmgr_file_message(int rcvid, const struct _msg_info *info, struct conn *conn,
                           const char *msg, size_t len)
{
    (void)info;
    struct open_file *f = conn->file;
    const struct io_rw *rw = (const struct io_rw *)msg;
    uint16_t type = rw->type;
    bool rw_ok = len >= sizeof(*rw);
    switch (type) {
    case IO_READ:
    case IO_WRITE:
    case IO_READDIR:
        if (!rw_ok)
            MsgError(rcvid, EINVAL);
        else if (type == IO_READ)
            do_read(rcvid, f, rw->nbytes);
        else if (type == IO_WRITE)
            do_write(rcvid, f, rw->nbytes);
        else
            do_readdir(rcvid, f, rw->nbytes);
        break;
    case IO_LSEEK:
        if (len < sizeof(struct io_lseek))
            MsgError(rcvid, EINVAL);
        else
            do_lseek(rcvid, f, (const struct io_lseek *)msg);
        break;
    case IO_STAT: {
        struct io_stat st = {0};
        st.mode = IO_S_IFREG | 0644;
        st.nlink = 1;
        int err = __rm.funcs->stat ? __rm.funcs->stat(f->ocb, &st) : 0;
        if (err)
            MsgError(rcvid, err);
        else
            MsgReply(rcvid, 0, &st, sizeof(st));
        break;
    }
    case IO_DEVCTL:
        if (len >= sizeof(struct io_devctl) &&
            ((const struct io_devctl *)msg)->dcmd == DCMD_FS_UNMOUNT && __rm.funcs->unmount)
            __resmgr_unmount(rcvid, info, f);
        else
            do_devctl(rcvid, f, msg, len);
        break;
    case IO_STATVFS: {
        struct io_statvfs st = {0};
        st.namemax = 255;
        int err = __rm.funcs->statvfs ? __rm.funcs->statvfs(f->ocb, &st) : ENOSYS;
        if (err)
            MsgError(rcvid, err);
        else
            MsgReply(rcvid, 0, &st, sizeof(st));
        break;
    }
    case IO_FLAGS: {
        const struct io_flags *fl = (const struct io_flags *)msg;
        if (len < sizeof(*fl)) {
            MsgError(rcvid, EINVAL);
            break;
        }
        int changeable = O_APPEND | O_NONBLOCK;
        if (fl->set)
            f->oflag = (f->oflag & ~changeable) | ((int)fl->flags & changeable);
        MsgReply(rcvid, f->oflag, NULL, 0);
        break;
    }
    case IO_CHMOD:
    case IO_CHOWN:
    case IO_UTIME:
    case IO_TRUNCATE:
    case IO_SYNC: {
        struct io_attr a = {0};
        if (type != IO_SYNC && len < sizeof(a)) {
            MsgError(rcvid, EINVAL);
            break;
        }
        memcpy(&a, msg, len < sizeof(a) ? len : sizeof(a));
        int err = do_attr(f, type, &a);
        if (err)
            MsgError(rcvid, err);
        else
            MsgReply(rcvid, 0, NULL, 0);
        break;
    }
    default:
        MsgError(rcvid, ENOSYS);
    }
}
