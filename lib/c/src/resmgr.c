/*
 * The resource-manager framework (see sys/resmgr.h): registration of a prefix with taskman,
 * and the dispatch loop that keeps an OCB per open file, shared by the connections that
 * IO_DUP made from one open, tracks file offsets, serves lseek, and frees OCBs when the last
 * of their clients closes or goes away (disconnect pulses).
 */
#include <errno.h>
#include <proto/taskman.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/resmgr.h>

#define MAX_OPEN 128
#define CHUNK    4096

struct open_file {
    int refs; /* connections sharing it; 0 when free */
    void *ocb;
    int oflag;
    off_t offset;
};

struct conn {
    int scoid; /* 0 when free */
    struct open_file *file;
};

static struct {
    const struct resmgr_funcs *funcs;
    void *handle;
    struct open_file files[MAX_OPEN];
    struct conn conns[MAX_OPEN];
    int rcvid; /* of the request being dispatched */
} rm;

int resmgr_rcvid(void)
{
    return rm.rcvid;
}

int resmgr_reply_read(int rcvid, const void *data, size_t n)
{
    return MsgReply(rcvid, (long)n, data, n);
}

int resmgr_reply_write(int rcvid, size_t n)
{
    return MsgReply(rcvid, (long)n, NULL, 0);
}

ssize_t resmgr_write_data(int rcvid, void *buf, size_t n, size_t offset)
{
    return MsgRead(rcvid, buf, n, sizeof(struct io_rw) + offset);
}

int __taskman_coid(void);

// Registers one more prefix served on chid.
int resmgr_attach_path(int chid, const char *prefix)
{
    size_t len = strlen(prefix);
    struct path_msg m = {PATH_REGISTER, (uint16_t)len, chid};
    iov_t iov[2] = {{&m, sizeof(m)}, {(void *)prefix, len}};
    return MsgSendv(__taskman_coid(), iov, 2, NULL, 0) < 0 ? -1 : 0;
}

int resmgr_attach(const char *prefix, const struct resmgr_funcs *funcs, void *handle)
{
    int chid = ChannelCreate(_NTO_CHF_DISCONNECT);
    if (chid < 0)
        return -1;
    if (resmgr_attach_path(chid, prefix) < 0) {
        int err = errno;
        ChannelDestroy(chid);
        errno = err;
        return -1;
    }
    rm.funcs = funcs;
    rm.handle = handle;
    return chid;
}

static struct conn *conn_of(int scoid)
{
    for (int i = 0; i < MAX_OPEN; i++)
        if (rm.conns[i].scoid == scoid)
            return &rm.conns[i];
    return NULL;
}

static struct open_file *file_of(int scoid)
{
    struct conn *c = scoid ? conn_of(scoid) : NULL;
    return c ? c->file : NULL;
}

// The connection is closed: its open file goes with the last connection sharing it.
static void forget(struct conn *c)
{
    struct open_file *f = c->file;
    c->scoid = 0;
    if (--f->refs == 0 && rm.funcs->close)
        rm.funcs->close(f->ocb);
}

// IO_DUP: the sender's new connection shares the open file of another of its connections.
static int do_dup(const struct _msg_info *info, const char *msg, size_t len)
{
    const struct io_dup *d = (const struct io_dup *)msg;
    struct _client_info ci;
    if (len < sizeof(*d))
        return EINVAL;
    struct open_file *f = file_of(d->scoid);
    if (!f || ConnectClientInfo(d->scoid, &ci, 0) < 0 || ci.pid != info->pid)
        return EBADF;
    if (conn_of(info->scoid))
        return EBUSY;
    struct conn *c = conn_of(0);
    if (!c)
        return ENFILE;
    *c = (struct conn){info->scoid, f};
    f->refs++;
    return 0;
}

static int do_open(const struct _msg_info *info, const char *msg, size_t len)
{
    const struct io_connect *c = (const struct io_connect *)msg;
    if (len < sizeof(*c) + c->pathlen || c->prefixlen > c->pathlen || c->pathlen >= PATH_MAX_LEN)
        return EINVAL;
    char path[PATH_MAX_LEN];
    const char *rest = msg + sizeof(*c) + c->prefixlen;
    size_t n = c->pathlen - c->prefixlen;
    while (n && *rest == '/') {
        rest++;
        n--;
    }
    memcpy(path, rest, n);
    path[n] = '\0';
    if (conn_of(info->scoid))
        return EBUSY;
    struct conn *conn = conn_of(0);
    struct open_file *f = NULL;
    for (int i = 0; i < MAX_OPEN && !f; i++)
        if (rm.files[i].refs == 0)
            f = &rm.files[i];
    if (!conn || !f)
        return ENFILE;
    void *ocb = NULL;
    int err = rm.funcs->open ? rm.funcs->open(rm.handle, path, (int)c->oflag, &ocb) : ENOENT;
    if (err)
        return err;
    *f = (struct open_file){1, ocb, (int)c->oflag, 0};
    *conn = (struct conn){info->scoid, f};
    return 0;
}

static void do_read(int rcvid, struct open_file *f, uint32_t want)
{
    static char buf[CHUNK];
    if ((f->oflag & 3) == 1 || !rm.funcs->read) {
        MsgError(rcvid, EBADF);
        return;
    }
    ssize_t n = rm.funcs->read(f->ocb, buf, want < CHUNK ? want : CHUNK, f->offset);
    if (n == RESMGR_DEFER)
        return;
    if (n < 0) {
        MsgError(rcvid, (int)-n);
        return;
    }
    f->offset += n;
    MsgReply(rcvid, n, buf, (size_t)n);
}

static void do_write(int rcvid, struct open_file *f, uint32_t total)
{
    static char buf[CHUNK];
    if ((f->oflag & 3) == 0 || !rm.funcs->write) {
        MsgError(rcvid, EBADF);
        return;
    }
    uint32_t done = 0;
    while (done < total) {
        long got = MsgRead(rcvid, buf, total - done < CHUNK ? total - done : CHUNK,
                           sizeof(struct io_rw) + done);
        if (got <= 0)
            break;
        ssize_t n = rm.funcs->write(f->ocb, buf, (size_t)got, f->offset);
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
        struct io_stat st = {0};
        if (!rm.funcs->stat || rm.funcs->stat(f->ocb, &st) != 0) {
            MsgError(rcvid, ESPIPE);
            return;
        }
        base = (off_t)st.size;
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

static void dispatch(int rcvid, const struct _msg_info *info, char *msg, size_t len)
{
    rm.rcvid = rcvid;
    uint16_t type = ((struct io_hdr *)msg)->type;
    if (type == IO_CONNECT || type == IO_DUP) {
        int err = type == IO_CONNECT ? do_open(info, msg, len) : do_dup(info, msg, len);
        if (err)
            MsgError(rcvid, err);
        else
            MsgReply(rcvid, 0, NULL, 0);
        return;
    }
    struct conn *conn = conn_of(info->scoid);
    if (!conn) {
        MsgError(rcvid, EBADF);
        return;
    }
    struct open_file *f = conn->file;
    const struct io_rw *rw = (const struct io_rw *)msg;
    switch (type) {
    case IO_READ:
        if (len < sizeof(*rw))
            MsgError(rcvid, EINVAL);
        else
            do_read(rcvid, f, rw->nbytes);
        break;
    case IO_WRITE:
        if (len < sizeof(*rw))
            MsgError(rcvid, EINVAL);
        else
            do_write(rcvid, f, rw->nbytes);
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
        int err = rm.funcs->stat ? rm.funcs->stat(f->ocb, &st) : 0;
        if (err)
            MsgError(rcvid, err);
        else
            MsgReply(rcvid, 0, &st, sizeof(st));
        break;
    }
    case IO_DEVCTL: {
        static char data[CHUNK];
        const struct io_devctl *d = (const struct io_devctl *)msg;
        if (len < sizeof(*d) || d->nbytes > CHUNK) {
            MsgError(rcvid, EINVAL);
            break;
        }
        size_t in = len - sizeof(*d) < d->nbytes ? len - sizeof(*d) : d->nbytes;
        memcpy(data, msg + sizeof(*d), in);
        size_t out = 0;
        int err =
            rm.funcs->devctl ? rm.funcs->devctl(f->ocb, d->dcmd, data, d->nbytes, &out) : ENOTTY;
        if (err)
            MsgError(rcvid, err);
        else
            MsgReply(rcvid, 0, data, out);
        break;
    }
    case IO_CLOSE:
        forget(conn);
        MsgReply(rcvid, 0, NULL, 0);
        break;
    default:
        MsgError(rcvid, ENOSYS);
    }
}

int resmgr_run(int chid)
{
    static char msg[sizeof(struct io_connect) + PATH_MAX_LEN];
    for (;;) {
        struct _msg_info info;
        int rcvid = MsgReceive(chid, msg, sizeof(msg), &info);
        if (rcvid < 0)
            return -1;
        if (rcvid == 0) {
            struct _pulse *p = (struct _pulse *)msg;
            if (p->code == _PULSE_CODE_DISCONNECT) {
                struct conn *c = p->scoid ? conn_of(p->scoid) : NULL;
                if (c)
                    forget(c);
            } else if (rm.funcs->pulse) {
                rm.funcs->pulse(rm.handle, p->code, p->value.sival_int);
            }
            continue;
        }
        if (info.msglen < (int32_t)sizeof(struct io_hdr)) {
            MsgError(rcvid, EINVAL);
            continue;
        }
        dispatch(rcvid, &info, msg, (size_t)info.msglen);
    }
}
