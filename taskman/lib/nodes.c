/*
 * taskman's own files (see nodes.h). Each open has an open control block holding what is open
 * and the file offset, used by the connection that opened it and by those IO_DUP made to share
 * it (connections are known by scoid); it is freed when the last of them closes or its client
 * goes without closing (a disconnect pulse). What /proc shows of processes comes from procfs.c; a
 * status file's text is taken when it is opened, so reads of it are consistent.
 */
#include <errno.h>
#include <proto/io.h>
#include <proto/taskman.h>
#include <qsoe/cpio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/bootfs.h>
#include <taskman/nodes.h>
#include <taskman/pathmgr.h>
#include <taskman/procfs.h>
#include <taskman/proctab.h>

#define MAX_OCBS 256

enum node_kind {
    NODE_NULL = 1,
    NODE_ZERO,
    NODE_CONSOLE,
    NODE_BOOT_FILE,
    NODE_BOOT_DIR,
    NODE_PROC_DIR, /* /proc */
    NODE_PID_DIR,  /* /proc/<pid> */
    NODE_TEXT,     /* text made when opened: /proc/<pid>/status, threads; /proc/sysinfo */
};

struct ocb {
    int refs; /* connections using it; 0 when free */
    int kind;
    int oflag;
    const uint8_t *data;
    size_t size;
    uint64_t offset;
    char *text;                /* a NODE_TEXT's contents, allocated */
    char dir[BOOTFS_NAME_MAX]; /* a boot-image directory's path inside the image */
};

struct conn {
    int scoid; /* 0 when free */
    struct ocb *ocb;
};

static struct ocb ocbs[MAX_OCBS];
static struct conn conns[MAX_OCBS];
static const struct taskman_boot *boot;

void nodes_init(const struct taskman_boot *b, int chid)
{
    boot = b;
    pathmgr_register("/", TASKMAN_PID, chid); /* the boot image, until a disk is mounted */
    pathmgr_register("/dev/null", TASKMAN_PID, chid);
    pathmgr_register("/dev/zero", TASKMAN_PID, chid);
    pathmgr_register("/dev/console", TASKMAN_PID, chid);
    pathmgr_register("/proc", TASKMAN_PID, chid);
    pathmgr_register("/proc/boot", TASKMAN_PID, chid);
    pathmgr_mount("/", TASKMAN_PID, "bootfs", "bootfs", "ro");
    pathmgr_mount("/proc", TASKMAN_PID, "proc", "proc", "ro");
}

static struct conn *conn_of(int scoid)
{
    for (int i = 0; i < MAX_OCBS; i++)
        if (conns[i].scoid == scoid)
            return &conns[i];
    return NULL;
}

static struct ocb *ocb_of(int scoid)
{
    struct conn *c = scoid ? conn_of(scoid) : NULL;
    return c ? c->ocb : NULL;
}

// The connection scoid is closed; its OCB goes with the last connection using it.
void nodes_disconnect(int scoid)
{
    struct conn *c = scoid ? conn_of(scoid) : NULL;
    if (c) {
        if (--c->ocb->refs == 0) {
            free(c->ocb->text);
            c->ocb->text = NULL;
        }
        c->scoid = 0;
    }
}

// IO_DUP: the sender's new connection shares the OCB of another of its connections.
static int node_dup(const struct _msg_info *info, const struct io_dup *d, size_t len)
{
    struct _client_info ci;
    if (len < sizeof(*d))
        return EINVAL;
    struct ocb *o = ocb_of(d->scoid);
    if (!o || ConnectClientInfo(d->scoid, &ci, 0) < 0 || ci.pid != info->pid)
        return EBADF;
    if (conn_of(info->scoid))
        return EBUSY;
    struct conn *c = conn_of(0);
    if (!c)
        return ENFILE;
    *c = (struct conn){info->scoid, o};
    o->refs++;
    return 0;
}

// True if path is prefix or lies under it.
static bool is_under(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(path, prefix, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

// Makes o the text file text (len bytes, allocated; NULL: out of memory).
static int text_node(struct ocb *o, char *text, int len)
{
    if (!text)
        return len == -ENOENT ? ENOENT : ENOMEM;
    o->kind = NODE_TEXT;
    o->text = text;
    o->data = (const uint8_t *)text;
    o->size = (size_t)len;
    return 0;
}

// Opens what rest names under /proc (rest is what follows "/proc"): the directory itself,
// /proc/sysinfo, /proc/<pid>, /proc/<pid>/status or /proc/<pid>/threads. Returns 0 or an
// errno.
static int proc_open(const char *rest, struct ocb *o)
{
    int len = 0;
    while (*rest == '/')
        rest++;
    if (*rest == '\0') {
        o->kind = NODE_PROC_DIR;
        return 0;
    }
    if (strcmp(rest, "sysinfo") == 0)
        return text_node(o, procfs_sysinfo(&len), len);
    if (strcmp(rest, "mounts") == 0)
        return text_node(o, pathmgr_mounts(&len), len);
    int pid = 0;
    for (; *rest >= '0' && *rest <= '9'; rest++) {
        if (pid > 10000000)
            return ENOENT;
        pid = pid * 10 + (*rest - '0');
    }
    if (pid == 0 || (*rest != '\0' && *rest != '/'))
        return ENOENT;
    while (*rest == '/')
        rest++;
    if (*rest == '\0') {
        char *status = procfs_status(pid, &len);
        free(status);
        if (!status)
            return len == -ENOENT ? ENOENT : ENOMEM;
        o->kind = NODE_PID_DIR;
        return 0;
    }
    if (strcmp(rest, "status") == 0)
        return text_node(o, procfs_status(pid, &len), len);
    if (strcmp(rest, "threads") == 0)
        return text_node(o, procfs_threads(pid, &len), len);
    return ENOENT;
}

// Opens the boot-image file or directory rest names (rest is inside the image).
static int boot_open(const char *rest, struct ocb *o)
{
    struct bootfs_node n;
    int err = bootfs_lookup(boot->image, boot->image_size, rest, &n);
    if (err)
        return err;
    o->kind = n.dir ? NODE_BOOT_DIR : NODE_BOOT_FILE;
    o->data = n.data;
    o->size = n.size;
    if (n.dir) {
        while (*rest == '/')
            rest++;
        size_t len = strlen(rest);
        while (len && rest[len - 1] == '/')
            len--;
        memcpy(o->dir, rest, len); /* bootfs_lookup checked it fits */
        o->dir[len] = '\0';
    }
    return 0;
}

// IO_CONNECT: which of taskman's files the whole path names, opened with oflag.
static int node_open(const struct _msg_info *info, struct io_connect *c, size_t len)
{
    if (len < sizeof(*c) + c->pathlen || c->pathlen == 0 || c->prefixlen > c->pathlen ||
        c->pathlen >= PATH_MAX_LEN)
        return EINVAL;
    if (c->kind != IO_OPEN)
        return c->kind == IO_READLINK ? EINVAL : EROFS; /* no links here; names are fixed */
    char path[PATH_MAX_LEN];
    memcpy(path, (char *)(c + 1), c->pathlen);
    path[c->pathlen] = '\0';
    static struct ocb o;
    o = (struct ocb){.refs = 1, .oflag = (int)c->oflag};
    int access = c->oflag & 3, err = 0;
    if (strcmp(path, "/dev/null") == 0)
        o.kind = NODE_NULL;
    else if (strcmp(path, "/dev/zero") == 0)
        o.kind = NODE_ZERO;
    else if (strcmp(path, "/dev/console") == 0)
        o.kind = NODE_CONSOLE;
    else if (is_under(path, "/proc/boot"))
        err = boot_open(path + 10, &o);
    else if (is_under(path, "/proc"))
        err = proc_open(path + 5, &o);
    else
        err = boot_open(path, &o); /* "/" and whatever no other prefix covers */
    bool device = o.kind == NODE_NULL || o.kind == NODE_ZERO || o.kind == NODE_CONSOLE;
    if (!err && access != 0 && !device)
        err = EROFS; /* the boot image and /proc are read-only */
    if (!err && conn_of(info->scoid))
        err = EBUSY; /* one open per connection */
    struct conn *conn = conn_of(0);
    struct ocb *slot = NULL;
    for (int i = 0; i < MAX_OCBS && !slot; i++)
        if (ocbs[i].refs == 0)
            slot = &ocbs[i];
    if (!err && (!conn || !slot))
        err = ENFILE;
    if (err) {
        free(o.text);
        return err;
    }
    *slot = o;
    *conn = (struct conn){info->scoid, slot};
    return 0;
}

static void node_read(int rcvid, struct ocb *o, uint32_t want)
{
    static const char zeros[4096];
    if ((o->oflag & 3) == 1) {
        MsgError(rcvid, EBADF);
        return;
    }
    switch (o->kind) {
    case NODE_ZERO:
        MsgReply(rcvid, want < sizeof(zeros) ? want : sizeof(zeros), zeros,
                 want < sizeof(zeros) ? want : sizeof(zeros));
        return;
    case NODE_BOOT_FILE:
    case NODE_TEXT: {
        size_t left = o->offset < o->size ? o->size - o->offset : 0;
        size_t n = want < left ? want : left;
        MsgReply(rcvid, (long)n, o->data + o->offset, n);
        o->offset += n;
        return;
    }
    case NODE_BOOT_DIR:
    case NODE_PROC_DIR:
    case NODE_PID_DIR:
        MsgError(rcvid, EISDIR);
        return;
    default: /* null and console: end of file at once */
        MsgReply(rcvid, 0, NULL, 0);
    }
}

static void node_write(int rcvid, struct ocb *o, uint32_t n)
{
    if ((o->oflag & 3) == 0) {
        MsgError(rcvid, EBADF);
        return;
    }
    if (o->kind == NODE_CONSOLE) {
        char buf[512];
        for (uint32_t done = 0; done < n;) {
            long got = MsgRead(rcvid, buf, n - done < sizeof(buf) ? n - done : sizeof(buf),
                               sizeof(struct io_rw) + done);
            if (got <= 0)
                break;
            ConsoleWrite(buf, (size_t)got);
            done += (uint32_t)got;
        }
    }
    MsgReply(rcvid, n, NULL, 0);
}

static void node_lseek(int rcvid, struct ocb *o, const struct io_lseek *l)
{
    int64_t base = l->whence == 0   ? 0
                   : l->whence == 1 ? (int64_t)o->offset
                   : l->whence == 2 ? (int64_t)o->size
                                    : -1;
    if (base < 0 || base + l->offset < 0) {
        MsgError(rcvid, EINVAL);
        return;
    }
    bool dir = o->kind == NODE_BOOT_DIR || o->kind == NODE_PROC_DIR || o->kind == NODE_PID_DIR;
    if (o->kind == NODE_BOOT_FILE || o->kind == NODE_TEXT || dir)
        o->offset = (uint64_t)(base + l->offset); /* a directory's offset counts entries */
    struct io_lseek_reply r = {(int64_t)o->offset};
    MsgReply(rcvid, 0, &r, sizeof(r));
}

static void node_stat(int rcvid, struct ocb *o)
{
    struct io_stat st = {0};
    st.nlink = 1;
    bool dir = o->kind == NODE_BOOT_DIR || o->kind == NODE_PROC_DIR || o->kind == NODE_PID_DIR;
    st.mode = o->kind == NODE_BOOT_FILE ? IO_S_IFREG | 0555
              : o->kind == NODE_TEXT    ? IO_S_IFREG | 0444
              : dir                     ? IO_S_IFDIR | 0555
                                        : IO_S_IFCHR | 0666;
    st.size = o->kind == NODE_BOOT_FILE || o->kind == NODE_TEXT ? o->size : 0;
    MsgReply(rcvid, 0, &st, sizeof(st));
}

// Appends a directory record for name (len bytes) to out if it fits in room; returns the new
// number of bytes used, or 0 if it does not fit.
static size_t put_dirent(char *out, size_t used, size_t room, uint64_t ino, uint32_t mode,
                         const char *name, size_t len)
{
    size_t reclen = (sizeof(struct io_dirent) + len + 1 + 7) & ~7ul;
    if (used + reclen > room)
        return 0;
    struct io_dirent *d = (struct io_dirent *)(out + used);
    d->ino = ino;
    d->mode = mode;
    d->zero = 0;
    d->reclen = (uint16_t)reclen;
    d->namelen = (uint16_t)len;
    memcpy(d->name, name, len);
    d->name[len] = '\0';
    return used + reclen;
}

// The entries of /proc ("boot" and the pids) or of /proc/<pid> ("status") after the
// offset-th; returns the bytes used.
static size_t proc_readdir(struct ocb *o, char *out, size_t room)
{
    size_t used = 0;
    char name[16];
    for (;;) {
        static const char *const pid_files[] = {"status", "threads", "exe"};
        uint32_t mode = IO_S_IFREG;
        if (o->kind == NODE_PROC_DIR) {
            if (!procfs_entry(o->offset, name, sizeof(name)))
                break;
            mode = name[0] >= '0' && name[0] <= '9' ? IO_S_IFDIR : IO_S_IFREG;
            if (strcmp(name, "boot") == 0)
                mode = IO_S_IFDIR;
        } else if (o->offset < 3) {
            snprintf(name, sizeof(name), "%s", pid_files[o->offset]);
            mode = o->offset == 2 ? IO_S_IFLNK : IO_S_IFREG;
        } else {
            break;
        }
        size_t next = put_dirent(out, used, room, o->offset + 1, mode, name, strlen(name));
        if (!next)
            break;
        used = next;
        o->offset++;
    }
    return used;
}

// IO_READDIR on a directory: as many io_dirent records as fit in room, from where the last
// one stopped.
static void node_readdir(int rcvid, struct ocb *o, uint32_t room)
{
    static char out[4096];
    if (room > sizeof(out))
        room = sizeof(out);
    size_t used;
    if (o->kind == NODE_BOOT_DIR) {
        used = bootfs_readdir(boot->image, boot->image_size, o->dir, &o->offset, out, room);
    } else if (o->kind == NODE_PROC_DIR || o->kind == NODE_PID_DIR) {
        used = proc_readdir(o, out, room);
    } else {
        MsgError(rcvid, ENOTDIR);
        return;
    }
    MsgReply(rcvid, (long)used, out, used);
}

// IO_CONNECT kind IO_READLINK: /proc/<pid>/exe and /proc/self/exe name the program a process
// runs; nothing else of taskman's is a link (EINVAL).
static void node_readlink(int rcvid, const struct _msg_info *info, struct io_connect *c, size_t len)
{
    char path[PATH_MAX_LEN];
    if (len < sizeof(*c) + c->pathlen || c->pathlen >= PATH_MAX_LEN) {
        MsgError(rcvid, EINVAL);
        return;
    }
    memcpy(path, (char *)(c + 1), c->pathlen);
    path[c->pathlen] = '\0';
    int pid = 0;
    char tail[8];
    if (strcmp(path, "/proc/self/exe") == 0)
        pid = info->pid;
    else if (sscanf(path, "/proc/%d/%7s", &pid, tail) != 2 || strcmp(tail, "exe") != 0)
        pid = 0;
    struct tm_proc *p = pid ? proctab_find(pid) : NULL;
    if (!p || !p->exe[0]) {
        MsgError(rcvid, pid ? ENOENT : EINVAL);
        return;
    }
    size_t n = strlen(p->exe);
    MsgReply(rcvid, (long)n, p->exe, n);
}

bool nodes_handle(int rcvid, const struct _msg_info *info, void *msg, size_t len)
{
    struct io_hdr *h = msg;
    if (h->type < IO_CONNECT || h->type > IO_STATVFS)
        return false;
    if (h->type == IO_CONNECT && len >= sizeof(struct io_connect) &&
        ((struct io_connect *)msg)->kind == IO_READLINK) {
        node_readlink(rcvid, info, msg, len);
        return true;
    }
    if (h->type == IO_CONNECT || h->type == IO_DUP) {
        int err = h->type == IO_CONNECT ? node_open(info, msg, len) : node_dup(info, msg, len);
        if (err)
            MsgError(rcvid, err);
        else
            MsgReply(rcvid, 0, NULL, 0);
        return true;
    }
    struct ocb *o = ocb_of(info->scoid);
    if (!o) {
        MsgError(rcvid, EBADF);
        return true;
    }
    const struct io_rw *rw = msg;
    bool has_rw = len >= sizeof(*rw);
    switch (h->type) {
    case IO_READ:
        if (has_rw)
            node_read(rcvid, o, rw->nbytes);
        else
            MsgError(rcvid, EINVAL);
        break;
    case IO_WRITE:
        if (has_rw)
            node_write(rcvid, o, rw->nbytes);
        else
            MsgError(rcvid, EINVAL);
        break;
    case IO_LSEEK:
        if (len >= sizeof(struct io_lseek))
            node_lseek(rcvid, o, msg);
        else
            MsgError(rcvid, EINVAL);
        break;
    case IO_STAT:
        node_stat(rcvid, o);
        break;
    case IO_READDIR:
        if (has_rw)
            node_readdir(rcvid, o, rw->nbytes);
        else
            MsgError(rcvid, EINVAL);
        break;
    case IO_DEVCTL:
        MsgError(rcvid, ENOTTY); /* none of taskman's files is a terminal */
        break;
    case IO_CLOSE:
        nodes_disconnect(info->scoid);
        MsgReply(rcvid, 0, NULL, 0);
        break;
    case IO_FLAGS:
        MsgReply(rcvid, o->oflag, NULL, 0); /* none of the changeable flags means anything here */
        break;
    case IO_SYNC:
        MsgReply(rcvid, 0, NULL, 0);
        break;
    case IO_STATVFS: {
        struct io_statvfs st = {4096, 4096, (boot->image_size + 4095) / 4096, 0, 0, 0, 0, 0,
                                IO_ST_RDONLY, 255};
        MsgReply(rcvid, 0, &st, sizeof(st)); /* the boot image: full, read-only */
        break;
    }
    default: /* chmod, chown, utime, truncate: nothing of taskman's can change */
        MsgError(rcvid, EROFS);
    }
    return true;
}
