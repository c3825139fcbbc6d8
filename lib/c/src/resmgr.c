/*
 * The resource-manager framework (see sys/resmgr.h): registration of a prefix with taskman,
 * and the dispatch loop. It keeps an open-file record per open, shared by the connections
 * IO_DUP made from it, and frees it when the last of them closes or its client goes away
 * (disconnect pulses). Name-space requests are in resmgr_names.c, requests on an open file in
 * resmgr_file.c.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <string.h>

#include "resmgr_impl.h"

struct resmgr_state __rm;

int resmgr_rcvid(void)
{
    return __rm.rcvid;
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

bool resmgr_dirent(void *out, size_t room, size_t *used, uint64_t ino, uint32_t mode,
                   const char *name)
{
    size_t len = strlen(name);
    size_t reclen = (sizeof(struct io_dirent) + len + 1 + 7) & ~7ul;
    if (*used + reclen > room)
        return false;
    struct io_dirent *d = (struct io_dirent *)((char *)out + *used);
    *d = (struct io_dirent){ino, mode, 0, (uint16_t)reclen, (uint16_t)len};
    memcpy(d->name, name, len + 1);
    *used += reclen;
    return true;
}

int __taskman_coid(void);

// Registers one more prefix served on chid.
int resmgr_attach_path(int chid, const char *prefix)
{
    size_t len = strlen(prefix);
    struct path_msg m = {PATH_REGISTER, (uint16_t)len, chid};
    iov_t iov[2] = {{&m, sizeof(m)}, {(void *)prefix, len}};
    if (MsgSendv(__taskman_coid(), iov, 2, NULL, 0) < 0)
        return -1;
    if (__rm.nprefixes < RESMGR_MAX_PREFIXES && len < sizeof(__rm.prefixes[0]))
        memcpy(__rm.prefixes[__rm.nprefixes++], prefix, len + 1);
    return 0;
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
    __rm.funcs = funcs;
    __rm.handle = handle;
    return chid;
}

struct conn *__resmgr_conn_of(int scoid)
{
    for (int i = 0; i < RESMGR_MAX_OPEN; i++)
        if (__rm.conns[i].scoid == scoid)
            return &__rm.conns[i];
    return NULL;
}

// The connection is closed: its open file goes with the last connection sharing it.
static void forget(struct conn *c)
{
    struct open_file *f = c->file;
    c->scoid = 0;
    if (--f->refs == 0 && __rm.funcs->close)
        __rm.funcs->close(f->ocb);
}

// IO_DUP: the sender's new connection shares the open file of another of its connections.
static int do_dup(const struct _msg_info *info, const char *msg, size_t len)
{
    const struct io_dup *d = (const struct io_dup *)msg;
    struct _client_info ci;
    if (len < sizeof(*d))
        return EINVAL;
    struct conn *from = d->scoid ? __resmgr_conn_of(d->scoid) : NULL;
    if (!from || ConnectClientInfo(d->scoid, &ci, 0) < 0 || ci.pid != info->pid)
        return EBADF;
    if (__resmgr_conn_of(info->scoid))
        return EBUSY;
    struct conn *c = __resmgr_conn_of(0);
    if (!c)
        return ENFILE;
    *c = (struct conn){info->scoid, from->file};
    from->file->refs++;
    return 0;
}

static void dispatch(int rcvid, const struct _msg_info *info, char *msg, size_t len)
{
    __rm.rcvid = rcvid;
    uint16_t type = ((struct io_hdr *)msg)->type;
    if (type == IO_CONNECT || type == IO_DUP) {
        int err =
            type == IO_CONNECT ? __resmgr_connect(rcvid, info, msg, len) : do_dup(info, msg, len);
        if (err > 0)
            MsgError(rcvid, err);
        else if (err == 0)
            MsgReply(rcvid, 0, NULL, 0);
        return;
    }
    struct conn *conn = __resmgr_conn_of(info->scoid);
    if (!conn) {
        MsgError(rcvid, EBADF);
    } else if (type == IO_CLOSE) {
        forget(conn);
        MsgReply(rcvid, 0, NULL, 0);
    } else {
        __resmgr_file_message(rcvid, info, conn, msg, len);
    }
}

int resmgr_run(int chid)
{
    static char msg[sizeof(struct io_connect) + 2 * PATH_MAX_LEN];
    for (;;) {
        struct _msg_info info;
        int rcvid = MsgReceive(chid, msg, sizeof(msg), &info);
        if (rcvid < 0)
            return -1;
        if (rcvid == 0) {
            struct _pulse *p = (struct _pulse *)msg;
            if (p->code == _PULSE_CODE_DISCONNECT) {
                struct conn *c = p->scoid ? __resmgr_conn_of(p->scoid) : NULL;
                if (c)
                    forget(c);
            } else if (__rm.funcs->pulse) {
                __rm.funcs->pulse(__rm.handle, p->code, p->value.sival_int);
            }
            continue;
        }
        if (info.msglen < (int32_t)sizeof(struct io_hdr)) {
            MsgError(rcvid, EINVAL);
            continue;
        }
        dispatch(rcvid, &info, msg, (size_t)info.msglen);
        if (__rm.stop)
            return 0;
    }
}
