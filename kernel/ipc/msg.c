/*
 * Sending, receiving and replying. A client's MsgSend copies its message straight into a
 * waiting receiver's buffers and hands the hart to it (the fast path), or waits SEND-blocked
 * on the channel in priority order; MsgReceive takes a queued pulse or sender, or waits
 * RECEIVE-blocked. The served client waits REPLY-blocked until MsgReply or MsgError. Unless the
 * channel has _NTO_CHF_FIXED_PRIORITY, the receiving thread runs at least at the priority of
 * the client (or pulse) it serves until it replies.
 */
#include <ipc.h>
#include <kercall.h>
#include <process.h>
#include <sched_fast.h>

static void insert_by_priority(struct list *head, struct thread *t)
{
    struct list *pos;
    list_for_each(pos, head)
    {
        if (container_of(pos, struct thread, ipc_link)->prio < t->prio)
            break;
    }
    list_insert_before(pos, &t->ipc_link);
}

// Leaves the channel list a blocked call was on, after a timeout, a kill or an error woke it.
void ipc_leave_channel(struct thread *t)
{
    struct channel *ch = t->ipc_chan;
    if (!ch)
        return;
    spin_lock(&ch->lock);
    list_remove(&t->ipc_link);
    spin_unlock(&ch->lock);
    t->ipc_chan = NULL;
}

// Fills in the _msg_info of client c's message of msglen bytes on ch, every field written.
void ipc_fill_info(struct _msg_info *mi, struct thread *c, struct channel *ch, long msglen)
{
    /* Field by field, each once: it goes straight into the receiver's memory. */
    mi->nd = 0;
    mi->srcnd = 0;
    mi->pid = c->proc->pid;
    mi->tid = c->tid;
    mi->chid = ch->chid;
    mi->scoid = c->ipc_scoid;
    mi->coid = c->ipc_coid;
    mi->msglen = (int32_t)msglen;
    mi->srcmsglen = (int32_t)c->smsg.len;
    mi->dstmsglen = (int32_t)c->rmsg.len;
    mi->priority = c->prio;
    mi->flags = c->unblock_requested ? _NTO_MI_UNBLOCK_REQ : 0;
    mi->reserved = 0;
}

// Writes the _msg_info of client c's message into receiver r's memory (if it asked for it).
static int write_info(struct thread *r, uintptr_t uinfo, struct thread *c, struct channel *ch,
                      long msglen)
{
    if (!uinfo)
        return 0;
    struct _msg_info mi;
    if (r == current()) {
        ipc_fill_info(&mi, c, ch, msglen);
        return copy_to_user((void *)uinfo, &mi, sizeof(mi));
    }
    struct process *p = r->proc;
    spin_lock(&p->as.lock);
    struct _msg_info *to = NULL;
    if ((uinfo % PAGE_SIZE) <= PAGE_SIZE - sizeof(mi))
        to = (struct _msg_info *)msg_peer_kva(r, uinfo);
    if (to)
        ipc_fill_info(to, c, ch, msglen); /* in place through the direct map: no copy */
    spin_unlock(&p->as.lock);
    if (to)
        return 0;
    ipc_fill_info(&mi, c, ch, msglen);
    struct msg_buf src, dst; /* the info straddles a page: the general copy */
    msg_kernel_buf(&src, &mi, sizeof(mi));
    msg_kernel_buf(&dst, (const void *)uinfo, sizeof(mi));
    int fault;
    return msg_copy(p, &dst, 0, NULL, &src, 0, &fault) < 0 ? -EFAULT : 0;
}

static int check_info_ptr(uintptr_t uinfo)
{
    if (uinfo && ((uinfo % sizeof(int32_t)) || !user_range_ok(uinfo, sizeof(struct _msg_info))))
        return -EFAULT;
    return 0;
}

static void inherit_priority(struct channel *ch, struct thread *server, int prio)
{
    if (!(ch->flags & _NTO_CHF_FIXED_PRIORITY) && prio > server->prio) {
        if (server == current())
            sched_set_priority(server, prio);
        else
            server->prio = (uint8_t)prio; /* claimed, so on no run queue */
    }
}

// Finds coid's channel and returns it locked, with the connection's ids noted in t.
static struct channel *lock_connection(struct thread *t, int coid, long *err)
{
    struct process *p = t->proc;
    spin_lock(&p->lock);
    struct connection *c = connection_lookup(p, coid);
    if (!c || c->dead) {
        spin_unlock(&p->lock);
        *err = -EBADF;
        return NULL;
    }
    struct channel *ch = c->chan;
    t->ipc_coid = coid;
    t->ipc_scoid = c->scoid;
    spin_lock(&ch->lock);
    spin_unlock(&p->lock);
    if (ch->dead) {
        spin_unlock(&ch->lock);
        *err = -EBADF;
        return NULL;
    }
    return ch;
}

static long msg_send(const uint64_t *a)
{
    struct thread *t = current();
    long err = msg_load(&t->smsg, a[1], (long)a[2]);
    if (!err)
        err = msg_load(&t->rmsg, a[3], (long)a[4]);
    if (err)
        return err;
    struct channel *ch = lock_connection(t, (int)a[0], &err);
    if (!ch)
        return err;
    t->ipc_chan = ch;
    t->unblock_requested = false;
    struct list *pos = ch->receivers.next;
    while (pos != &ch->receivers) {
        struct thread *r = container_of(pos, struct thread, ipc_link);
        pos = pos->next;
        if (r->ipc_pulse_only || !thread_claim(r, STATE_RECEIVE))
            continue;
        list_remove(&r->ipc_link);
        int fault;
        long got = msg_copy_to_thread(r, &r->rmsg, &t->smsg, &fault);
        if (got < 0 && fault == FAULT_SRC) {
            r->state = STATE_RECEIVE; /* give the receiver back its wait */
            list_push_front(&ch->receivers, &r->ipc_link);
            spin_unlock(&ch->lock);
            t->ipc_chan = NULL;
            return -EFAULT;
        }
        if (got < 0 || write_info(r, r->ipc_info, t, ch, got) < 0) {
            thread_release(r, -EFAULT);
            spin_unlock(&ch->lock);
            t->ipc_chan = NULL;
            return -ESRVRFAULT;
        }
        inherit_priority(ch, r, t->prio);
        r->ipc_chan = NULL;
        t->state = STATE_REPLY;
        list_push_back(&ch->repliers, &t->ipc_link);
        spin_unlock(&ch->lock);
        long result = ipc_block(r, t->rcvid);
        ipc_leave_channel(t);
        return result;
    }
    t->state = STATE_SEND;
    insert_by_priority(&ch->senders, t);
    spin_unlock(&ch->lock);
    long result = ipc_block(NULL, 0);
    ipc_leave_channel(t);
    return result;
}

long kc_msg_sendv(const uint64_t *a)
{
    return msg_send(a);
}

static long msg_receive(const uint64_t *a, bool pulse_only)
{
    struct thread *t = current();
    struct process *p = t->proc;
    uintptr_t uinfo = a[3];
    long err = msg_load(&t->rmsg, a[1], (long)a[2]);
    if (!err)
        err = check_info_ptr(uinfo);
    if (err)
        return err;
    /* A priority lent by the last pulse (which has no reply to end it) ends here. */
    if (t->prio != t->base_prio)
        sched_set_priority(t, t->base_prio);
    spin_lock(&p->lock);
    struct channel *ch = channel_lookup(p, (int)a[0]);
    if (!ch) {
        spin_unlock(&p->lock);
        return -ESRCH;
    }
    spin_lock(&ch->lock);
    spin_unlock(&p->lock);
    int fault;
    struct _pulse pulse;
    int prio;
    if (!list_empty(&ch->pulses) && pulse_take(ch, &pulse, &prio)) {
        struct msg_buf src;
        msg_kernel_buf(&src, &pulse, sizeof(pulse));
        inherit_priority(ch, t, prio);
        spin_unlock(&ch->lock);
        return msg_copy(p, &t->rmsg, 0, NULL, &src, 0, &fault) < 0 ? -EFAULT : 0;
    }
    struct list *n;
    while (!pulse_only && (n = list_pop_front(&ch->senders)) != NULL) {
        struct thread *c = container_of(n, struct thread, ipc_link);
        if (!thread_claim(c, STATE_SEND))
            continue; /* it is leaving (timeout or kill) */
        long got = msg_copy(p, &t->rmsg, 0, c->proc, &c->smsg, 0, &fault);
        if (got < 0 && fault == FAULT_DST) {
            c->state = STATE_SEND;
            list_push_front(&ch->senders, &c->ipc_link);
            spin_unlock(&ch->lock);
            return -EFAULT;
        }
        if (got < 0) {
            thread_release(c, -EFAULT);
            continue;
        }
        c->state = STATE_REPLY;
        list_push_back(&ch->repliers, &c->ipc_link);
        inherit_priority(ch, t, c->prio);
        int rcvid = c->rcvid;
        err = write_info(t, uinfo, c, ch, got);
        bool expired = c->timeout_fired && (c->timeout_states & _NTO_TIMEOUT_REPLY);
        spin_unlock(&ch->lock);
        if (expired && !ipc_timeout(c))
            thread_wake(c, STATE_REPLY, -ETIMEDOUT); /* its timeout ran out while SEND-blocked */
        return err ? err : rcvid;
    }
    t->state = STATE_RECEIVE;
    t->ipc_pulse_only = pulse_only;
    t->ipc_chan = ch;
    t->ipc_info = uinfo;
    list_push_back(&ch->receivers, &t->ipc_link);
    spin_unlock(&ch->lock);
    long result = ipc_block(NULL, 0);
    ipc_leave_channel(t);
    return result;
}

long kc_msg_receivev(const uint64_t *a)
{
    return msg_receive(a, false);
}

long kc_msg_receivepulsev(const uint64_t *a)
{
    return msg_receive(a, true);
}

// Finds the REPLY-blocked client named by rcvid on one of the caller's channels and returns
// it with its channel locked.
static struct thread *lock_client(int rcvid, struct channel **chp)
{
    struct thread *c = thread_by_rcvid(rcvid);
    if (!c)
        return NULL;
    struct channel *ch = __atomic_load_n(&c->ipc_chan, __ATOMIC_ACQUIRE);
    if (!ch)
        return NULL;
    spin_lock(&ch->lock);
    if (c->rcvid != rcvid || c->ipc_chan != ch || ch->owner != current()->proc ||
        __atomic_load_n(&c->state, __ATOMIC_ACQUIRE) != STATE_REPLY) {
        spin_unlock(&ch->lock);
        return NULL;
    }
    *chp = ch;
    return c;
}

// Ends the REPLY-blocked state of c (channel locked) with result; false if c is leaving.
static bool finish_client(struct thread *c, struct channel *ch, long result)
{
    if (!thread_claim(c, STATE_REPLY)) {
        spin_unlock(&ch->lock);
        return false;
    }
    list_remove(&c->ipc_link);
    c->ipc_chan = NULL;
    spin_unlock(&ch->lock);
    struct thread *self = current();
    if (self->prio != self->base_prio)
        sched_set_priority(self, self->base_prio);
    thread_release(c, result);
    return true;
}

long kc_msg_replyv(const uint64_t *a)
{
    struct thread *t = current();
    long err = msg_load(&t->smsg, a[2], (long)a[3]);
    if (err)
        return err;
    struct channel *ch;
    struct thread *c = lock_client((int)a[0], &ch);
    if (!c)
        return -ESRCH;
    int fault;
    long got = msg_copy_to_thread(c, &c->rmsg, &t->smsg, &fault);
    if (got < 0 && fault == FAULT_SRC) {
        spin_unlock(&ch->lock);
        return -EFAULT;
    }
    return finish_client(c, ch, got < 0 ? -EFAULT : (long)(int)a[1]) ? 0 : -ESRCH;
}

long kc_msg_error(const uint64_t *a)
{
    int err = (int)a[1];
    if (err < 0 || err > 4095)
        return -EINVAL;
    struct channel *ch;
    struct thread *c = lock_client((int)a[0], &ch);
    if (!c)
        return -ESRCH;
    return finish_client(c, ch, -err) ? 0 : -ESRCH;
}

// MsgReadv and MsgWritev: copy between the caller's buffers and a REPLY-blocked client's
// message (reading) or reply buffer (writing), at offset within the client's side.
static long client_copy(const uint64_t *a, bool write)
{
    struct thread *t = current();
    struct msg_buf *mine = write ? &t->smsg : &t->rmsg;
    long err = msg_load(mine, a[1], (long)a[2]);
    if (err)
        return err;
    struct channel *ch;
    struct thread *c = lock_client((int)a[0], &ch);
    if (!c)
        return -ESRCH;
    int fault;
    long got = write ? msg_copy(c->proc, &c->rmsg, a[3], t->proc, mine, 0, &fault)
                     : msg_copy(t->proc, mine, 0, c->proc, &c->smsg, a[3], &fault);
    spin_unlock(&ch->lock);
    return got;
}

// MsgReadv(rcvid, riov, rparts, offset): more of the client's message, from offset on.
long kc_msg_readv(const uint64_t *a)
{
    return client_copy(a, false);
}

// MsgWritev(rcvid, siov, sparts, offset): part of the reply, into the client's reply buffer
// from offset on, before MsgReply.
long kc_msg_writev(const uint64_t *a)
{
    return client_copy(a, true);
}

long kc_msg_info(const uint64_t *a)
{
    int err = check_info_ptr(a[1]);
    if (err || !a[1])
        return err ? err : -EFAULT;
    struct channel *ch;
    struct thread *c = lock_client((int)a[0], &ch);
    if (!c)
        return -ESRCH;
    err = write_info(current(), a[1], c, ch, (long)c->smsg.len);
    spin_unlock(&ch->lock);
    return err;
}

// MsgDeliverEvent(rcvid, event): deliver an event the client gave earlier, in the client's
// process. The client need not be blocked any more, only alive.
long kc_msg_deliver_event(const uint64_t *a)
{
    struct sigevent ev;
    if (copy_from_user(&ev, (const void *)a[1], sizeof(ev)) < 0)
        return -EFAULT;
    struct thread *c = thread_by_rcvid((int)a[0]);
    int pid = c ? c->proc->pid : 0;
    struct process *p = process_get(pid);
    if (!p)
        return -ESRCH;
    long err = c->rcvid == (int)a[0] ? event_deliver(p, &ev, c->tid) : -ESRCH;
    process_put(p);
    return err;
}

// A thread is ending: tell its process's channels that asked for thread-death pulses.
void ipc_thread_gone(struct thread *t)
{
    struct process *p = t->proc;
    if (p->exiting)
        return;
    for (int i = 0; i < MAX_CHANNELS; i++) {
        spin_lock(&p->lock);
        struct channel *ch = p->ipc->chans[i];
        bool tell = ch && (ch->flags & _NTO_CHF_THREAD_DEATH);
        if (tell) {
            spin_lock(&ch->lock);
            ch->refs++;
            spin_unlock(&ch->lock);
        }
        spin_unlock(&p->lock);
        if (tell) {
            pulse_send(ch, PRIORITY_MAX, _PULSE_CODE_THREADDEATH,
                       (union sigval){.sival_int = t->tid}, 0);
            channel_put(ch);
        }
    }
}

// A REPLY-blocked client's timeout expired on a _NTO_CHF_UNBLOCK channel: instead of
// unblocking it, ask the server with an unblock pulse; the client waits for the reply.
bool ipc_timeout(struct thread *t)
{
    struct channel *ch = t->ipc_chan;
    if (!ch || !(ch->flags & _NTO_CHF_UNBLOCK))
        return false;
    spin_lock(&ch->lock);
    bool ask = t->ipc_chan == ch && t->state == STATE_REPLY && !t->unblock_requested && !ch->dead;
    if (ask) {
        t->unblock_requested = true;
        ch->refs++;
    }
    spin_unlock(&ch->lock);
    if (ask) {
        pulse_send(ch, t->prio, _PULSE_CODE_UNBLOCK, (union sigval){.sival_int = t->rcvid},
                   t->ipc_scoid);
        channel_put(ch);
    }
    return ask;
}
