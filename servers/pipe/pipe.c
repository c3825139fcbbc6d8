/*
 * pipe: the pipe manager, a resource manager on /dev/pipe that gives POSIX pipe semantics to
 * connections: reads wait for data or end of file, writes wait for room, writes of up to
 * PIPE_BUF bytes are never split, and writing with no reader left is EPIPE. It is not a FIFO
 * in a file system: pipes exist only while some end of them is open.
 *
 * Naming (how libc's pipe() gets two descriptors for one pipe, docs/io.md):
 *   open("/dev/pipe", mode)       creates a new pipe and returns an end of it in that mode;
 *   fstat(fd).st_ino              is the pipe's id (a number never reused while the manager
 *                                 runs);
 *   open("/dev/pipe/<id>", mode)  opens another end of that pipe.
 * pipe() opens "/dev/pipe" O_RDONLY, learns the id with fstat, then opens "/dev/pipe/<id>"
 * O_WRONLY. Any process that knows the id can open an end (credentials do not exist yet).
 *
 * There are no signals yet, so a write with no reader fails with EPIPE and no SIGPIPE is sent.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/resmgr.h>

#define PIPE_SIZE   8192 /* bytes buffered per pipe */
#define PIPE_BUF    512  /* writes up to this size are atomic (POSIX minimum) */
#define MAX_PIPES   32
#define MAX_ENDS    128 /* open ends, as many as the framework has connections */
#define MAX_WAITERS 64  /* blocked requests: at most one per client thread */
#define S_IFIFO     0010000

struct waiter;

struct pipe {
    uint32_t id; /* 0 when free */
    int readers, writers;
    size_t head, count;     /* the data is count bytes from buf[head], wrapping */
    struct waiter *rq, *wq; /* blocked readers and writers, oldest first */
    char buf[PIPE_SIZE];
};

struct end {
    struct pipe *pipe; /* NULL when free */
    int oflag;
};

/* A read or write that cannot finish yet; its client stays REPLY-blocked until answered. */
struct waiter {
    struct waiter *next;
    struct end *end;
    int rcvid;     /* 0 when free */
    uint16_t type; /* IO_READ or IO_WRITE */
    size_t want;   /* read: bytes asked for; write: bytes to write */
    size_t done;   /* write: bytes already in the pipe */
};

static struct pipe pipes[MAX_PIPES];
static struct end ends[MAX_ENDS];
static struct waiter waiters[MAX_WAITERS];
static uint32_t last_id;

static bool can_read(const struct end *e)
{
    return (e->oflag & O_ACCMODE) != O_WRONLY;
}

static bool can_write(const struct end *e)
{
    return (e->oflag & O_ACCMODE) != O_RDONLY;
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

static struct waiter *waiter_new(struct end *e, uint16_t type, size_t want)
{
    for (int i = 0; i < MAX_WAITERS; i++) {
        if (waiters[i].rcvid == 0) {
            waiters[i] = (struct waiter){NULL, e, resmgr_rcvid(), type, want, 0};
            return &waiters[i];
        }
    }
    return NULL;
}

static void enqueue(struct waiter **q, struct waiter *w)
{
    while (*q)
        q = &(*q)->next;
    *q = w;
}

// Takes w out of queue q and frees it.
static void unlink_waiter(struct waiter **q, struct waiter *w)
{
    for (; *q; q = &(*q)->next) {
        if (*q == w) {
            *q = w->next;
            break;
        }
    }
    w->rcvid = 0;
}

/*
 * Is the waiter's client still blocked in the request it made? A client whose timeout
 * (TimerTimeout) ended its wait may since have sent another message, and rcvids name threads,
 * so the rcvid alone does not tell: the type of the message it is blocked on must match too.
 */
static bool waiter_live(const struct waiter *w)
{
    struct io_hdr h;
    return MsgRead(w->rcvid, &h, sizeof(h), 0) == (long)sizeof(h) && h.type == w->type;
}

// Forgets any earlier request of the thread now asking: it gave up on it to send this one.
static void forget_stale(int rcvid)
{
    for (int i = 0; i < MAX_WAITERS; i++) {
        struct waiter *w = &waiters[i];
        if (w->rcvid == rcvid)
            unlink_waiter(w->type == IO_READ ? &w->end->pipe->rq : &w->end->pipe->wq, w);
    }
}

// Answers a writer that cannot go on: with the bytes it did write, or with err if none.
static void end_write(struct waiter *w, int err)
{
    if (waiter_live(w)) {
        if (w->done)
            resmgr_reply_write(w->rcvid, w->done);
        else
            MsgError(w->rcvid, err);
    }
    unlink_waiter(&w->end->pipe->wq, w);
}

// Copies up to n bytes of the pipe, from the start of its data, into the two parts of iov.
static int data_iov(const struct pipe *p, size_t n, iov_t iov[2])
{
    size_t first = min_size(n, PIPE_SIZE - p->head);
    iov[0] = (iov_t){(void *)(p->buf + p->head), first};
    iov[1] = (iov_t){(void *)p->buf, n - first};
    return n > first ? 2 : 1;
}

static void consume(struct pipe *p, size_t n)
{
    p->head = (p->head + n) % PIPE_SIZE;
    p->count -= n;
}

/*
 * Moves as much of the head writer's data into the pipe as there is room for; true if anything
 * changed. Writers are served strictly in order, the head until it is done, so no two writes
 * ever interleave; a write of up to PIPE_BUF bytes also goes in only whole, so that a reader
 * never sees part of it alone.
 */
static bool serve_writer(struct pipe *p, struct waiter *w)
{
    size_t left = w->want - w->done, room = PIPE_SIZE - p->count;
    if (room == 0 || (w->want <= PIPE_BUF && room < left))
        return false;
    size_t n = min_size(left, room), got = 0;
    while (got < n) {
        size_t tail = (p->head + p->count) % PIPE_SIZE;
        size_t part = min_size(n - got, PIPE_SIZE - tail);
        ssize_t r = resmgr_write_data(w->rcvid, p->buf + tail, part, w->done);
        if (r < 0) {
            unlink_waiter(&p->wq, w); /* the writer went away */
            return true;
        }
        p->count += (size_t)r;
        w->done += (size_t)r;
        got += (size_t)r;
        if ((size_t)r < part) {
            w->want = w->done; /* the client sent less than it said */
            break;
        }
    }
    if (w->done == w->want) {
        resmgr_reply_write(w->rcvid, w->done);
        unlink_waiter(&p->wq, w);
    }
    return true;
}

/*
 * Lets blocked requests go as far as they can: writers in order while there is room (with no
 * reader left they fail), then readers in order while there is data (with no writer left they
 * get end of file). Repeats until nothing moves.
 */
static void pump(struct pipe *p)
{
    bool moved = true;
    while (moved) {
        moved = false;
        while (p->wq && !p->readers) {
            end_write(p->wq, EPIPE);
            moved = true;
        }
        while (p->wq) {
            struct waiter *w = p->wq;
            if (!waiter_live(w)) {
                unlink_waiter(&p->wq, w);
            } else if (!serve_writer(p, w)) {
                break;
            }
            moved = true;
        }
        while (p->rq && (p->count || !p->writers)) {
            struct waiter *w = p->rq;
            size_t n = min_size(w->want, p->count);
            iov_t iov[2];
            int parts = data_iov(p, n, iov);
            /* the data is consumed only if the reader took it */
            if (waiter_live(w) && MsgReplyv(w->rcvid, (long)n, iov, parts) != -1)
                consume(p, n);
            unlink_waiter(&p->rq, w);
            moved = true;
        }
    }
}

static struct pipe *pipe_new(void)
{
    for (int i = 0; i < MAX_PIPES; i++) {
        if (pipes[i].id == 0) {
            struct pipe *p = &pipes[i];
            if (++last_id == 0) /* ids are never 0, which marks a free pipe */
                last_id = 1;
            p->id = last_id;
            p->readers = p->writers = 0;
            p->head = p->count = 0;
            p->rq = p->wq = NULL;
            return p;
        }
    }
    return NULL;
}

// The pipe named by a decimal id, or NULL.
static struct pipe *pipe_named(const char *name)
{
    uint64_t id = 0;
    if (*name == '\0')
        return NULL;
    for (const char *s = name; *s; s++) {
        if (*s < '0' || *s > '9' || id > UINT32_MAX)
            return NULL;
        id = id * 10 + (uint64_t)(*s - '0');
    }
    for (int i = 0; i < MAX_PIPES && id != 0; i++)
        if (pipes[i].id == id)
            return &pipes[i];
    return NULL;
}

static int pipe_open(void *handle, const char *path, int oflag, mode_t mode, void **ocb)
{
    (void)mode;
    (void)handle;
    if ((oflag & O_ACCMODE) == O_ACCMODE)
        return EINVAL;
    struct end *e = NULL;
    for (int i = 0; i < MAX_ENDS && !e; i++)
        if (!ends[i].pipe)
            e = &ends[i];
    if (!e)
        return ENFILE;
    struct pipe *p = path[0] ? pipe_named(path) : pipe_new();
    if (!p)
        return path[0] ? ENOENT : ENFILE;
    *e = (struct end){p, oflag};
    if (can_read(e))
        p->readers++;
    if (can_write(e))
        p->writers++;
    *ocb = e;
    return 0;
}

static ssize_t pipe_read(void *ocb, void *buf, size_t n, off_t offset)
{
    (void)offset;
    struct end *e = ocb;
    struct pipe *p = e->pipe;
    forget_stale(resmgr_rcvid());
    if (n == 0)
        return 0;
    if (p->count) {
        /* readers wait only on an empty pipe, so none is ahead of this one */
        n = min_size(n, p->count);
        iov_t iov[2];
        int parts = data_iov(p, n, iov);
        memcpy(buf, iov[0].iov_base, iov[0].iov_len);
        if (parts == 2)
            memcpy((char *)buf + iov[0].iov_len, iov[1].iov_base, iov[1].iov_len);
        consume(p, n);
        pump(p);
        return (ssize_t)n;
    }
    if (!p->writers)
        return 0;
    struct waiter *w = waiter_new(e, IO_READ, n);
    if (!w)
        return -EAGAIN;
    enqueue(&p->rq, w);
    return RESMGR_DEFER;
}

/*
 * Every write is answered here rather than by the framework, which would hand it over in
 * pieces: the whole write waits in the queue (its bytes are read from the client as room
 * appears), so that writes stay in order and small ones stay whole.
 */
static ssize_t pipe_write(void *ocb, const void *buf, size_t n, off_t offset)
{
    (void)buf;
    (void)n;
    (void)offset;
    struct end *e = ocb;
    struct pipe *p = e->pipe;
    int rcvid = resmgr_rcvid();
    forget_stale(rcvid);
    struct io_rw rw;
    if (MsgRead(rcvid, &rw, sizeof(rw), 0) != (long)sizeof(rw))
        return -EFAULT;
    if (!p->readers)
        return -EPIPE;
    struct waiter *w = waiter_new(e, IO_WRITE, rw.nbytes);
    if (!w)
        return -EAGAIN;
    enqueue(&p->wq, w);
    pump(p);
    return RESMGR_DEFER;
}

static int pipe_stat(void *ocb, struct io_stat *st)
{
    struct end *e = ocb;
    st->ino = e->pipe->id;
    st->mode = S_IFIFO | 0600;
    st->size = e->pipe->count;
    return 0;
}

/*
 * An end closes (or its client went away): requests still waiting on it are answered with
 * EBADF, the pipe's last reader going fails its writers with EPIPE, the last writer going
 * gives its readers end of file, and a pipe with no ends left is freed.
 */
static void pipe_close(void *ocb)
{
    struct end *e = ocb;
    struct pipe *p = e->pipe;
    for (int i = 0; i < MAX_WAITERS; i++) {
        struct waiter *w = &waiters[i];
        if (w->rcvid == 0 || w->end != e)
            continue;
        if (w->type == IO_WRITE) {
            end_write(w, EBADF);
        } else {
            if (waiter_live(w))
                MsgError(w->rcvid, EBADF);
            unlink_waiter(&p->rq, w);
        }
    }
    if (can_read(e))
        p->readers--;
    if (can_write(e))
        p->writers--;
    e->pipe = NULL;
    pump(p);
    if (!p->readers && !p->writers)
        p->id = 0;
}

int main(void)
{
    static const struct resmgr_funcs funcs = {.open = pipe_open,
                                              .read = pipe_read,
                                              .write = pipe_write,
                                              .stat = pipe_stat,
                                              .close = pipe_close};
    int chid = resmgr_attach("/dev/pipe", &funcs, NULL);
    if (chid < 0) {
        printf("pipe: cannot attach /dev/pipe (errno %d)\n", errno);
        return 1;
    }
    return resmgr_run(chid);
}
