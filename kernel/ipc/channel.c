/*
 * Channels and connections: ChannelCreate/Destroy, ConnectAttach/Detach/Flags and the
 * client and server information calls, with the per-process tables they live in and the
 * clean-up when a process ends. Lock order: process lock, then channel lock.
 */
#include <ipc.h>
#include <kercall.h>
#include <mm.h>
#include <process.h>

#define SCOID_SLOTS 4096

static KOBJ_CACHE(channel_cache, struct channel);
static KOBJ_CACHE(connection_cache, struct connection);
static struct spinlock scoid_lock;
static struct connection *scoid_table[SCOID_SLOTS];

int ipc_init_process(struct process *p)
{
    p->ipc = page_alloc_zeroed(1);
    return p->ipc ? 0 : -ENOMEM;
}

void ipc_free_process(struct process *p)
{
    if (p->ipc)
        page_free(p->ipc, 1);
    p->ipc = NULL;
}

void channel_put(struct channel *ch)
{
    spin_lock(&ch->lock);
    bool last = --ch->refs == 0;
    spin_unlock(&ch->lock);
    if (last)
        kobj_free(&channel_cache, ch);
}

long kc_channel_create(const uint64_t *a)
{
    unsigned flags = (unsigned)a[0];
    unsigned known = _NTO_CHF_FIXED_PRIORITY | _NTO_CHF_UNBLOCK | _NTO_CHF_THREAD_DEATH |
                     _NTO_CHF_DISCONNECT | _NTO_CHF_COID_DISCONNECT | _NTO_CHF_PRIVATE |
                     _NTO_CHF_SENDER_LEN | _NTO_CHF_REPLY_LEN;
    if (flags & ~known)
        return -EINVAL;
    struct process *p = current()->proc;
    struct channel *ch = kobj_alloc(&channel_cache);
    if (!ch)
        return -ENOMEM;
    ch->flags = flags;
    ch->owner = p;
    ch->refs = 1;
    list_init(&ch->senders);
    list_init(&ch->receivers);
    list_init(&ch->repliers);
    list_init(&ch->pulses);
    list_init(&ch->conns);
    spin_lock(&p->lock);
    for (int i = 0; i < MAX_CHANNELS; i++) {
        if (!p->ipc->chans[i]) {
            ch->chid = i + 1;
            p->ipc->chans[i] = ch;
            spin_unlock(&p->lock);
            return ch->chid;
        }
    }
    spin_unlock(&p->lock);
    kobj_free(&channel_cache, ch);
    return -EAGAIN;
}

static void wake_all(struct list *l, long result)
{
    struct list *n;
    while ((n = list_pop_front(l)) != NULL) {
        struct thread *t = container_of(n, struct thread, ipc_link);
        thread_wake(t, -1, result);
    }
}

struct coid_death {
    int pid, coid;
};

static void send_coid_death(const struct coid_death *d, int n)
{
    for (int i = 0; i < n; i++) {
        struct process *p = process_get(d[i].pid);
        if (!p)
            continue;
        spin_lock(&p->lock);
        for (int c = 0; c < MAX_CHANNELS; c++) {
            struct channel *ch = p->ipc->chans[c];
            if (ch && (ch->flags & _NTO_CHF_COID_DISCONNECT))
                pulse_send(ch, PRIORITY_MAX, _PULSE_CODE_COIDDEATH,
                           (union sigval){.sival_int = d[i].coid}, 0);
        }
        spin_unlock(&p->lock);
        process_put(p);
    }
}

// Ends a channel already removed from its owner's table: every blocked client fails with
// ESRCH, every receiver with EBADF, every connection is marked dead (its clients then get
// EBADF) and is told with a COIDDEATH pulse if it asked for one.
static void channel_kill(struct channel *ch)
{
    static struct coid_death deaths[64];
    static struct spinlock deaths_lock;
    spin_lock(&deaths_lock);
    int ndeaths = 0;
    spin_lock(&ch->lock);
    ch->dead = true;
    wake_all(&ch->senders, -ESRCH);
    wake_all(&ch->repliers, -ESRCH);
    wake_all(&ch->receivers, -EBADF);
    pulse_drop_all(ch);
    struct list *pos;
    list_for_each(pos, &ch->conns)
    {
        struct connection *c = container_of(pos, struct connection, chan_link);
        c->dead = true;
        c->flags |= _NTO_COF_DEAD;
        if (ndeaths < (int)ARRAY_SIZE(deaths))
            deaths[ndeaths++] = (struct coid_death){c->client->pid, c->coid};
    }
    spin_unlock(&ch->lock);
    send_coid_death(deaths, ndeaths);
    spin_unlock(&deaths_lock);
    channel_put(ch);
}

long kc_channel_destroy(const uint64_t *a)
{
    struct process *p = current()->proc;
    int chid = (int)a[0];
    spin_lock(&p->lock);
    struct channel *ch = channel_lookup(p, chid);
    if (!ch) {
        spin_unlock(&p->lock);
        return -EINVAL;
    }
    p->ipc->chans[chid - 1] = NULL;
    spin_unlock(&p->lock);
    channel_kill(ch);
    return 0;
}

static int scoid_alloc(struct connection *c)
{
    spin_lock(&scoid_lock);
    for (int i = 1; i < SCOID_SLOTS; i++) {
        if (!scoid_table[i]) {
            scoid_table[i] = c;
            spin_unlock(&scoid_lock);
            return _NTO_CONNECTION_SCOID | i;
        }
    }
    spin_unlock(&scoid_lock);
    return -EAGAIN;
}

static void scoid_free(int scoid)
{
    spin_lock(&scoid_lock);
    scoid_table[scoid & (SCOID_SLOTS - 1)] = NULL;
    spin_unlock(&scoid_lock);
}

// Puts c in p's table at the lowest free coid >= index (or in the side table). p locked.
static int coid_insert(struct process *p, struct connection *c, unsigned index)
{
    if (index & _NTO_SIDE_CHANNEL) {
        for (int i = 0; i < MAX_SIDE_COIDS; i++) {
            if (!p->ipc->side[i]) {
                p->ipc->side[i] = c;
                return _NTO_SIDE_CHANNEL | i;
            }
        }
        return -EAGAIN;
    }
    if (index >= MAX_COIDS)
        return -EINVAL;
    for (unsigned i = index; i < MAX_COIDS; i++) {
        if (!p->ipc->coids[i]) {
            p->ipc->coids[i] = c;
            return (int)i;
        }
    }
    return -EAGAIN;
}

long kc_connect_attach(const uint64_t *a)
{
    uint32_t nd = (uint32_t)a[0];
    int pid = (int)a[1], chid = (int)a[2];
    unsigned index = (unsigned)a[3], flags = (unsigned)a[4];
    if (nd != ND_LOCAL_NODE || (flags & ~(unsigned)_NTO_COF_CLOEXEC) ||
        ((index & _NTO_SIDE_CHANNEL) && (index & ~(unsigned)_NTO_SIDE_CHANNEL)))
        return -EINVAL;
    struct process *self = current()->proc;
    struct process *srv = pid == 0 ? self : process_get(pid);
    if (!srv)
        return -ESRCH;
    long err = 0;
    struct connection *c = kobj_alloc(&connection_cache);
    if (!c) {
        err = -ENOMEM;
        goto out;
    }
    spin_lock(&srv->lock);
    struct channel *ch = srv->zombie ? NULL : channel_lookup(srv, chid);
    if (ch && (ch->flags & _NTO_CHF_PRIVATE) && srv != self)
        err = -EPERM;
    else if (!ch)
        err = -ESRCH;
    if (!err) {
        spin_lock(&ch->lock);
        ch->refs++;
        list_push_back(&ch->conns, &c->chan_link);
        spin_unlock(&ch->lock);
    }
    spin_unlock(&srv->lock);
    if (err) {
        kobj_free(&connection_cache, c);
        goto out;
    }
    c->chan = ch;
    c->client = self;
    c->flags = flags;
    c->scoid = scoid_alloc(c);
    if (c->scoid >= 0) {
        spin_lock(&self->lock);
        c->coid = coid_insert(self, c, index);
        spin_unlock(&self->lock);
    }
    err = c->scoid < 0 ? c->scoid : c->coid;
    if (err < 0) {
        if (c->scoid >= 0)
            scoid_free(c->scoid);
        spin_lock(&ch->lock);
        list_remove(&c->chan_link);
        spin_unlock(&ch->lock);
        channel_put(ch);
        kobj_free(&connection_cache, c);
    }
out:
    if (srv != self)
        process_put(srv);
    return err;
}

// Ends a connection already removed from its process's table.
static void connection_detach(struct connection *c)
{
    struct channel *ch = c->chan;
    spin_lock(&ch->lock);
    list_remove(&c->chan_link);
    bool tell = !ch->dead && (ch->flags & _NTO_CHF_DISCONNECT);
    c->dead = true;
    spin_unlock(&ch->lock);
    if (tell)
        pulse_send(ch, PRIORITY_MAX, _PULSE_CODE_DISCONNECT, (union sigval){.sival_int = 0},
                   c->scoid);
    scoid_free(c->scoid);
    channel_put(ch);
    kobj_free(&connection_cache, c);
}

long kc_connect_detach(const uint64_t *a)
{
    struct process *p = current()->proc;
    int coid = (int)a[0];
    spin_lock(&p->lock);
    struct connection *c = connection_lookup(p, coid);
    if (!c) {
        spin_unlock(&p->lock);
        return -EINVAL;
    }
    if (coid & _NTO_SIDE_CHANNEL)
        p->ipc->side[coid & ~_NTO_SIDE_CHANNEL] = NULL;
    else
        p->ipc->coids[coid] = NULL;
    spin_unlock(&p->lock);
    connection_detach(c);
    return 0;
}

long kc_connect_flags(const uint64_t *a)
{
    long err = 0;
    struct process *p = kc_target_process((int)a[0], &err);
    if (!p)
        return err;
    spin_lock(&p->lock);
    struct connection *c = connection_lookup(p, (int)a[1]);
    long old = c ? (long)c->flags : -EBADF;
    unsigned mask = (unsigned)a[2] & _NTO_COF_CLOEXEC;
    if (c)
        c->flags = (c->flags & ~mask) | ((unsigned)a[3] & mask);
    spin_unlock(&p->lock);
    process_put(p);
    return old;
}

// Locks two processes in pid order (one lock if they are the same), so that two callers never
// wait for each other.
static void lock_pair(struct process *a, struct process *b)
{
    if (a == b) {
        spin_lock(&a->lock);
        return;
    }
    spin_lock(a->pid < b->pid ? &a->lock : &b->lock);
    spin_lock(a->pid < b->pid ? &b->lock : &a->lock);
}

static void unlock_pair(struct process *a, struct process *b)
{
    spin_unlock(&a->lock);
    if (a != b)
        spin_unlock(&b->lock);
}

// ConnectMove(from_pid, coid, to_pid, index), taskman only: moves the connection coid of
// process from_pid to process to_pid at exactly the connection id index. The connection keeps
// its scoid, so the server sees the same client connection, now of another process.
long kc_connect_move(const uint64_t *a)
{
    int coid = (int)a[1];
    unsigned index = (unsigned)a[3];
    if (!(current()->proc->flags & _NTO_PF_TASKMAN))
        return -EPERM;
    long err = 0;
    struct process *from = kc_target_process((int)a[0], &err);
    if (!from)
        return err;
    struct process *to = kc_target_process((int)a[2], &err);
    if (!to) {
        process_put(from);
        return err;
    }
    if (index >= MAX_COIDS || coid < 0 || coid >= MAX_COIDS) {
        err = -EINVAL;
        goto out;
    }
    lock_pair(from, to);
    struct connection *c = from->ipc->coids[coid];
    if (!c)
        err = -EBADF;
    else if (to->zombie)
        err = -ESRCH;
    else if (to->ipc->coids[index])
        err = -EBUSY;
    if (!err) {
        from->ipc->coids[coid] = NULL;
        to->ipc->coids[index] = c;
        c->client = to;
        c->coid = (int)index;
    }
    unlock_pair(from, to);
out:
    process_put(to);
    process_put(from);
    return err;
}

// ConnectServerInfo(pid, coid, info): about the connection coid, or the next one after it;
// returns that coid, or EINVAL when there is none.
long kc_connect_server_info(const uint64_t *a)
{
    long err = 0;
    struct process *p = kc_target_process((int)a[0], &err);
    if (!p)
        return err;
    int coid = (int)a[1];
    struct _server_info info = {0};
    long found = -EINVAL;
    spin_lock(&p->lock);
    for (int i = coid < 0 ? 0 : coid; i < MAX_COIDS; i++) {
        struct connection *c = p->ipc->coids[i];
        if (c) {
            info.pid = c->chan->owner->pid;
            info.chid = c->chan->chid;
            info.scoid = c->scoid;
            info.coid = i;
            found = i;
            break;
        }
    }
    spin_unlock(&p->lock);
    process_put(p);
    if (found >= 0 && a[2] && copy_to_user((void *)a[2], &info, sizeof(info)) < 0)
        return -EFAULT;
    return found;
}

// ConnectClientInfo(scoid, info, ngroups): who is on the other end of a connection to one of
// the caller's channels. Credentials are not known to the kernel and come back as zero.
long kc_connect_client_info(const uint64_t *a)
{
    int scoid = (int)a[0];
    if (!(scoid & _NTO_CONNECTION_SCOID) || (scoid & ~(_NTO_CONNECTION_SCOID | (SCOID_SLOTS - 1))))
        return -ESRCH;
    struct _client_info info = {0};
    spin_lock(&scoid_lock);
    struct connection *c = scoid_table[scoid & (SCOID_SLOTS - 1)];
    bool ok = c && c->chan->owner == current()->proc;
    if (ok)
        info.pid = c->client->pid;
    spin_unlock(&scoid_lock);
    if (!ok)
        return -ESRCH;
    if (a[1] && copy_to_user((void *)a[1], &info, sizeof(info)) < 0)
        return -EFAULT;
    return 0;
}

// A process is ending: its channels and connections go, as if destroyed and detached.
void ipc_exit_process(struct process *p)
{
    for (int i = 0; i < MAX_CHANNELS; i++) {
        spin_lock(&p->lock);
        struct channel *ch = p->ipc->chans[i];
        p->ipc->chans[i] = NULL;
        spin_unlock(&p->lock);
        if (ch)
            channel_kill(ch);
    }
    for (int i = 0; i < MAX_COIDS + MAX_SIDE_COIDS; i++) {
        struct connection **slot = i < MAX_COIDS ? &p->ipc->coids[i] : &p->ipc->side[i - MAX_COIDS];
        spin_lock(&p->lock);
        struct connection *c = *slot;
        *slot = NULL;
        spin_unlock(&p->lock);
        if (c)
            connection_detach(c);
    }
}
