/*
 * taskman's reader on QSOE/L (see taskman/reader.h): program files a server holds are read by
 * reader processes, taskman-reader from the boot image (taskman/reader), not by threads of
 * taskman-L. A thread of the root task could not be a client: libc keeps connections as caps
 * at fixed slots of the caller's CNode, and taskman-L's CSpace is seL4's root CNode; and
 * taskman-L's libc (its heap above all) serves one thread. A reader is an ordinary process,
 * so it opens and reads like any client, a server's end reaches it as EBADF, and its fault
 * harms no one else.
 *
 * A reader asks for work with TM_READER and taskman-L holds that request until there is a
 * file to read; the next TM_READER brings the bytes (a long message) and asks again. Readers
 * are started when a request finds none idle, up to READERS, and stay; requests beyond
 * wait in order. A reader that ends fails its request with EIO.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/reader.h>
#include <taskman/spawn.h>

#define READERS     2 /* reads at once; each reader is a process for good */
#define READER_PATH "taskman-reader"

struct request {
    struct request *next;
    uint32_t id;
    void *job;
    int euid, egid;
    size_t pathlen;
    char *path;
};

struct reader {
    int pid;               /* 0: none */
    int rcvid;             /* its TM_READER, held while it is idle; 0 otherwise */
    struct request *doing; /* the request it reads */
};

static struct reader readers[READERS];
static struct request *queue, **queue_end = &queue;
static uint32_t last_id;

void reader_init(int chid)
{
    (void)chid;
}

static void request_free(struct request *q)
{
    free(q->path);
    free(q);
}

// Gives request q to the idle reader r.
static void give(struct reader *r, struct request *q)
{
    struct tm_reader_job job = {q->id, q->euid, q->egid, (uint32_t)q->pathlen, {0}};
    memcpy(job.path, q->path, q->pathlen + 1);
    r->doing = q;
    int rcvid = r->rcvid;
    r->rcvid = 0;
    MsgReply(rcvid, 0, &job, offsetof(struct tm_reader_job, path) + q->pathlen + 1);
}

// Hands waiting requests to idle readers, starting one if none is idle or on its way (started
// but not yet asking). A reader that cannot be started when there is none fails the requests.
static void dispatch(void)
{
    while (queue) {
        struct reader *idle = NULL, *empty = NULL;
        bool starting = false;
        for (int i = 0; i < READERS; i++) {
            struct reader *r = &readers[i];
            if (r->pid && r->rcvid)
                idle = r;
            else if (r->pid && !r->doing)
                starting = true;
            else if (!r->pid)
                empty = r;
        }
        if (idle) {
            struct request *q = queue;
            if (!(queue = q->next))
                queue_end = &queue;
            give(idle, q);
            continue;
        }
        if (starting || !empty)
            return;
        char *argv[] = {READER_PATH, NULL}, *envp[] = {NULL};
        int pid = spawn_boot_program(READER_PATH, argv, envp, TASKMAN_PID, false);
        if (pid > 0) {
            *empty = (struct reader){pid, 0, NULL};
            return;
        }
        for (int i = 0; i < READERS; i++)
            if (readers[i].pid)
                return; /* a busy one takes the requests later */
        struct request *q = queue;
        if (!(queue = q->next))
            queue_end = &queue;
        void *job = q->job;
        request_free(q);
        spawn_read_done(job, NULL, 0, -pid);
    }
}

int reader_start(void *job, const char *path, int euid, int egid)
{
    size_t n = strlen(path);
    if (n >= sizeof(((struct tm_reader_job *)0)->path))
        return -ENAMETOOLONG;
    struct request *q = calloc(1, sizeof(*q));
    if (!q || !(q->path = strdup(path))) {
        free(q);
        return -ENOMEM;
    }
    if (++last_id == 0)
        last_id = 1; /* 0 is a reader's first request */
    q->id = last_id;
    q->job = job;
    q->euid = euid;
    q->egid = egid;
    q->pathlen = n;
    *queue_end = q;
    queue_end = &q->next;
    dispatch();
    return 0;
}

static struct reader *reader_of(int pid)
{
    for (int i = 0; i < READERS; i++)
        if (readers[i].pid == pid)
            return &readers[i];
    return NULL;
}

// The bytes of request q's file, which follow the header of the reader's message rcvid.
static int take_image(int rcvid, const struct _msg_info *info, const struct tm_reader *m,
                      void **image)
{
    if (m->err)
        return m->err > 0 ? m->err : EIO;
    if (m->size == 0 || m->size > SPAWN_MAX_IMAGE ||
        (uint64_t)info->srcmsglen != sizeof(*m) + m->size)
        return EIO;
    if (!(*image = malloc(m->size)))
        return ENOMEM;
    if (MsgRead(rcvid, *image, m->size, sizeof(*m)) != (long)m->size)
        return EIO;
    return 0;
}

void reader_message(int rcvid, const struct _msg_info *info, const void *msg, size_t got)
{
    struct tm_reader m;
    struct reader *r = reader_of(info->pid);
    if (!r || got < sizeof(m) || ((const struct tm_reader *)msg)->type != TM_READER) {
        MsgError(rcvid, EPERM);
        return;
    }
    memcpy(&m, msg, sizeof(m));
    struct request *q = r->doing;
    if (r->rcvid || (q ? m.id != q->id : m.id != 0)) {
        MsgError(rcvid, EINVAL); /* not the protocol: the reader ends, its request fails */
        return;
    }
    void *image = NULL;
    int err = q ? take_image(rcvid, info, &m, &image) : 0;
    r->doing = NULL;
    r->rcvid = rcvid; /* idle: answered with the next request */
    if (q) {
        void *job = q->job;
        request_free(q);
        spawn_read_done(job, err ? NULL : image, err ? 0 : (size_t)m.size, err);
        if (err)
            free(image);
    }
    dispatch();
}

bool reader_gone(int pid)
{
    struct reader *r = reader_of(pid);
    if (!r || pid == 0)
        return false;
    struct request *q = r->doing;
    if (r->rcvid)
        MsgError(r->rcvid, ESRCH); /* frees the reply it waited in */
    *r = (struct reader){0, 0, NULL};
    if (q) {
        void *job = q->job;
        request_free(q);
        spawn_read_done(job, NULL, 0, EIO);
    }
    dispatch();
    return true;
}
