/*
 * taskman's reader on QSOE/N (see taskman/reader.h): a loader thread per program file. The
 * thread opens and reads the file like any client, over connections of its own, while the
 * loop keeps serving, and hands the result back with a TM_LOADED message on taskman's own
 * channel. Nothing here is a process, so reader_gone never matches.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/reader.h>
#include <taskman/readprog.h>

/* One read in flight: what the thread is given and what it brings back. */
struct read {
    void *job;
    char *path;
    int euid, egid;
    void *image;
    size_t size;
    int err;
};

static int self_coid; /* a connection to taskman's own channel, for loader threads */

void reader_init(int chid)
{
    self_coid = ConnectAttach(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
}

// A loader thread: reads its file, then gives the result to taskman's loop.
static void *loader_thread(void *arg)
{
    struct read *r = arg;
    size_t cap = 0;
    r->err = readprog(r->path, r->euid, r->egid, &r->image, &cap, &r->size);
    struct tm_loaded m = {TM_LOADED, 0, 0, r};
    MsgSend(self_coid, &m, sizeof(m), NULL, 0);
    return NULL;
}

int reader_start(void *job, const char *path, int euid, int egid)
{
    struct read *r = calloc(1, sizeof(*r));
    if (!r || !(r->path = strdup(path))) {
        free(r);
        return -ENOMEM;
    }
    r->job = job;
    r->euid = euid;
    r->egid = egid;
    pthread_attr_t attr;
    pthread_t t;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&t, &attr, loader_thread, r) == 0)
        return 0;
    free(r->path);
    free(r);
    return -EAGAIN;
}

// Only taskman's own threads send TM_LOADED; the thread ends once answered.
void reader_message(int rcvid, const struct _msg_info *info, const void *msg, size_t got)
{
    const struct tm_loaded *m = msg;
    if (info->pid != TASKMAN_PID || got < sizeof(*m) || m->type != TM_LOADED) {
        MsgError(rcvid, EPERM);
        return;
    }
    struct read *r = m->job;
    MsgReply(rcvid, 0, NULL, 0);
    void *job = r->job, *image = r->image;
    size_t size = r->size;
    int err = r->err;
    free(r->path);
    free(r);
    spawn_read_done(job, image, size, err);
}

bool reader_gone(int pid)
{
    (void)pid;
    return false;
}
