/*
 * libc's seL4 layer, the server side of messages: MsgReceive on a channel's endpoint, each
 * caller parked in an MCS reply object of its own so replies may come in any order, its
 * message copied out of the IPC buffer (so MsgRead works until the reply), and MsgReply or
 * MsgError through that reply object. A long message's rest and its reply go through
 * taskman-L (msgcopy.c); MsgWrite into a short call's reply buffer waits in the pending entry
 * and leaves with the reply. A server's channels come from taskman-L (ChannelCreate: an
 * endpoint and reply objects in the server's CNode); taskman-L's own is attached with
 * __sel4_channel_attach.
 *
 * Passive servers: a thread that made a channel runs on its caller's scheduling context
 * (docs/qsoe-l.md, "Passive servers"). Its answer to that caller gives the context back, so it
 * waits (deferred) until the thread's next MsgReceive sends it with the receive in one
 * seL4_ReplyRecv, or the thread's next blocking call sends it first (__sel4_deferred_send).
 */
#include <proto/taskman.h>
#include <stdbool.h>
#include <string.h>

#include "sel4call.h"

#define PENDING_MAX 64

struct pending {
    bool used, event;
    int chid;
    seL4_CPtr reply;
    seL4_Word badge;
    size_t len, want;
    seL4_Word call;  /* a long call's call word, 0 for a short one */
    size_t inl;      /* the bytes of the message in data */
    size_t wlo, whi; /* a short call's bytes MsgWrite put in out */
    unsigned char owner; /* 1 + the passive thread running on the caller's context, or 0 */
    bool deferred;       /* answered, the answer waiting for owner (data from MR4 in data) */
    seL4_Word dlabel, dwords, dmr[4];
    uint64_t data[SEL4_MSG_MAX_BYTES / 8];
    uint64_t out[SEL4_MSG_MAX_BYTES / 8]; /* a short call's reply, as MsgWrite leaves it */
};

// A channel's callers wait in pending[first .. first + n).
struct channel {
    seL4_CPtr ep;
    int first, n;
    sel4_event_fn event;
};

static struct pending pending[PENDING_MAX];
static int npending;
static struct channel channels[SEL4_MAX_CHANNELS + 1];

unsigned char __sel4_deferred[SEL4_MAX_THREADS];
static bool passive[SEL4_MAX_THREADS]; /* the thread gave its context to its notification */
static int donor[SEL4_MAX_THREADS];    /* the rcvid whose caller's context it runs on, or 0 */

static int add_channel(int chid, seL4_CPtr ep, const unsigned long *replies, int n,
                       sel4_event_fn event)
{
    if (chid < 1 || chid > SEL4_MAX_CHANNELS || channels[chid].ep || n <= 0)
        return -EBUSY;
    if (n > PENDING_MAX - npending)
        return -EAGAIN;
    channels[chid] = (struct channel){ep, npending, n, event};
    for (int i = 0; i < n; i++)
        pending[npending + i] = (struct pending){.chid = chid, .reply = replies[i]};
    npending += n;
    return chid;
}

int __sel4_channel_attach(unsigned long endpoint, const unsigned long *replies, int nreplies,
                          sel4_event_fn event)
{
    return (int)set_errno(add_channel(TASKMAN_CHID, endpoint, replies,
                                      nreplies < PENDING_MAX ? nreplies : PENDING_MAX, event));
}

int ChannelCreate_r(unsigned flags)
{
    unsigned me = __sel4_thread_index();
    long r = sel4_taskman_request(SEL4_LABEL_CHANNEL, flags, me);
    if (r < 0)
        return (int)r;
    long chid = r & (SEL4_CHAN_SWITCH - 1);
    if (r & SEL4_CHAN_SWITCH) {
        /* Tell taskman-L and wait on the new channel, which no one knows yet, in one call:
           taskman-L moves the thread's context to its notification and wakes it through it. */
        seL4_Word badge = 0, mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
        sel4_call_begin();
        seL4_NBSendRecvWithMRs(SEL4_SLOT_PASSIVE_REQ, seL4_MessageInfo_new(0, 0, 0, 0),
                               SEL4_SLOT_CHAN(chid), &badge, &mr0, &mr1, &mr2, &mr3,
                               SEL4_SLOT_CHAN(chid) + 1);
        sel4_call_end();
        passive[me & (SEL4_MAX_THREADS - 1)] = true;
        if (badge & SEL4_BADGE_EVENT)
            __sel4_events_add(badge & ~SEL4_EVENT_WAKE);
    }
    unsigned long replies[SEL4_CHAN_REPLIES];
    for (int i = 0; i < SEL4_CHAN_REPLIES; i++)
        replies[i] = SEL4_SLOT_CHAN(chid) + 1 + (unsigned long)i;
    return add_channel((int)chid, SEL4_SLOT_CHAN(chid), replies, SEL4_CHAN_REPLIES, NULL);
}

int ChannelCreate(unsigned flags)
{
    return (int)set_errno(ChannelCreate_r(flags));
}

int __sel4_parked_callers(int pid)
{
    int n = 0;
    for (int i = 0; i < npending; i++)
        n += pending[i].used && !pending[i].event &&
             (pending[i].badge & SEL4_BADGE_PID_MASK) == (seL4_Word)pid;
    return n;
}

static struct pending *pending_of(int rcvid)
{
    return rcvid >= 1 && rcvid <= npending && pending[rcvid - 1].used && !pending[rcvid - 1].deferred
               ? &pending[rcvid - 1]
               : NULL;
}

static void fill_info(const struct pending *p, struct _msg_info *info)
{
    if (!info)
        return;
    memset(info, 0, sizeof(*info));
    info->pid = (int32_t)(p->badge & SEL4_BADGE_PID_MASK);
    info->tid = 1;
    info->chid = p->chid;
    info->scoid = (int32_t)p->badge;
    info->msglen = info->srcmsglen = (int32_t)p->len;
    info->dstmsglen = (int32_t)p->want;
}

// Keeps the answer to a caller whose context a passive thread runs on for that thread to send
// (words message words, MR2 on in the IPC buffer); wakes the thread if it is another.
static void defer(struct pending *p, seL4_Word label, seL4_Word mr0, seL4_Word mr1,
                  seL4_Word words)
{
    seL4_IPCBuffer *b = ipcbuf();
    p->used = true;
    p->deferred = true;
    p->dlabel = label;
    p->dwords = words;
    p->dmr[0] = mr0, p->dmr[1] = mr1, p->dmr[2] = b->msg[2], p->dmr[3] = b->msg[3];
    if (words > 4)
        memcpy(p->data, &b->msg[4], (words - 4) * sizeof(seL4_Word));
    unsigned t = p->owner - 1u;
    __atomic_store_n(&__sel4_deferred[t], 1, __ATOMIC_RELEASE);
    if (t != __sel4_thread_index())
        seL4_Signal(SEL4_SLOT_WAKE(t));
}

// Puts p's deferred answer in the IPC buffer from MR4 and mr, and frees p.
static seL4_MessageInfo_t deferred_load(struct pending *p, seL4_Word mr[4])
{
    unsigned t = p->owner - 1u;
    if (p->dwords > 4)
        memcpy(&ipcbuf()->msg[4], p->data, (p->dwords - 4) * sizeof(seL4_Word));
    memcpy(mr, p->dmr, sizeof(p->dmr));
    p->deferred = p->used = false;
    p->owner = 0;
    donor[t] = 0;
    __atomic_store_n(&__sel4_deferred[t], 0, __ATOMIC_RELEASE);
    return seL4_MessageInfo_new(p->dlabel, 0, 0, p->dwords);
}

// Sends the calling thread's deferred answer and goes on running: the thread signals its own
// notification first, so the receive that follows the answer ends at once, on the
// notification's context. The IPC buffer is left as it was (a call may be composed in it).
void __sel4_deferred_send(void)
{
    unsigned me = __sel4_thread_index() & (SEL4_MAX_THREADS - 1);
    int d = donor[me];
    if (!d || !pending[d - 1].deferred) {
        __atomic_store_n(&__sel4_deferred[me], 0, __ATOMIC_RELEASE);
        return;
    }
    struct pending *p = &pending[d - 1];
    seL4_IPCBuffer *b = ipcbuf();
    seL4_Word save[SEL4_MSG_MAX_BYTES / 8], mr[4], badge = 0;
    size_t extra = p->dwords > 4 ? p->dwords - 4 : 0;
    memcpy(save, &b->msg[4], extra * sizeof(seL4_Word));
    seL4_MessageInfo_t info = deferred_load(p, mr);
    seL4_Signal(SEL4_SLOT_WAKE(me));
    seL4_ReplyRecvWithMRs(channels[p->chid].ep, info, &badge, &mr[0], &mr[1], &mr[2], &mr[3],
                          p->reply);
    memcpy(&b->msg[4], save, extra * sizeof(seL4_Word));
    if (badge & SEL4_BADGE_EVENT)
        __sel4_events_add(badge & ~SEL4_EVENT_WAKE);
    if (badge & ~(SEL4_BADGE_EVENT | SEL4_EVENT_WAKE))
        seL4_Signal(SEL4_SLOT_WAKE(me)); /* so the wait this call may be is not missed */
}

// Answers the caller parked for p (an event has none) and frees p: MR0 status, MR1 `what`,
// and n bytes of data from MR2 in the IPC buffer.
static void answer_with(struct pending *p, seL4_Word label, seL4_Word status, seL4_Word what,
                        size_t n)
{
    p->used = false;
    if (p->event)
        return;
    seL4_IPCBuffer *b = ipcbuf();
    seL4_Word mr0 = status, mr1 = what, mr2 = b->msg[2], mr3 = b->msg[3];
    seL4_Word words = SEL4_MSG_HEADER_WORDS + (n + 7) / 8;
    if (p->owner) {
        defer(p, label, mr0, mr1, words);
        return;
    }
    seL4_SendWithMRs(p->reply, seL4_MessageInfo_new(label, 0, 0, words), &mr0, &mr1, &mr2, &mr3);
}

static void answer(struct pending *p, seL4_Word label, seL4_Word status, size_t n)
{
    answer_with(p, label, status, n, n);
}

static int request_rcvid; // the caller parked in the request event() is deciding

int __sel4_request_rcvid(void)
{
    return request_rcvid;
}

// A request to taskman-L rather than a message to its server loop (include/abi/sel4.h).
static bool is_request(seL4_Word label)
{
    return (label >= SEL4_LABEL_CONNECT && label <= SEL4_LABEL_CLIENT) ||
           (label >= SEL4_LABEL_MAPPHYS && label <= SEL4_LABEL_DEV_LAST) ||
           (label >= SEL4_LABEL_TIME_FIRST && label <= SEL4_LABEL_TIME_LAST) ||
           (label >= SEL4_LABEL_SIG_FIRST && label <= SEL4_LABEL_SIG_LAST) ||
           (label >= SEL4_LABEL_THREAD_FIRST && label <= SEL4_LABEL_THREAD_LAST);
}

// A request (about connections, devices, pulses or time): event() decides; the caller gets
// its answer at once (a taken pulse as reply data), or stays parked in p for a later MsgReply
// when event() holds it (a sleep).
static bool connection_request(const struct channel *ch, struct pending *p, seL4_Word badge,
                               seL4_Word label)
{
    request_rcvid = (int)(p - pending) + 1;
    long r = ch->event ? ch->event(badge, label, p->data, sizeof(p->data)) : -ENOSYS;
    request_rcvid = 0;
    p->event = false;
    if (r == SEL4_EVENT_HOLD) {
        p->used = true;
        p->badge = badge;
        p->len = 0;
        p->want = SEL4_MSG_MAX_BYTES;
        return false;
    }
    bool data = r >= 0 && (r & SEL4_EVENT_DATA);
    size_t n = data ? (size_t)(r & ~SEL4_EVENT_DATA)
               : label == SEL4_LABEL_PULSE_TAKE && r >= 0 ? sizeof(struct _pulse)
                                                           : 0;
    if (n > SEL4_MSG_MAX_BYTES)
        r = -EMSGSIZE, n = 0;
    memcpy(&ipcbuf()->msg[SEL4_MSG_HEADER_WORDS], p->data, n);
    if (r < 0)
        answer(p, SEL4_REPLY_ERROR, (seL4_Word)-r, 0);
    else
        answer(p, SEL4_REPLY_OK, r == SEL4_EVENT_PULSE || data ? 0 : (seL4_Word)r, n);
    return r == SEL4_EVENT_PULSE;
}

// A server's request for a long message's bytes (only taskman-L's event() serves them): the
// bytes read come back as data, a write's length is cut to the data it carried.
static void copy_request(const struct channel *ch, struct pending *p, seL4_Word badge,
                         seL4_Word label, size_t words)
{
    seL4_IPCBuffer *b = ipcbuf();
    size_t carried = words > 4 ? (words - 4) * 8 : 0;
    if (label == SEL4_LABEL_MSG_WRITE && b->msg[3] > carried)
        b->msg[3] = carried;
    long r = ch->event ? ch->event(badge, label, p->data, sizeof(p->data)) : -ENOSYS;
    p->event = false;
    if (r < 0) {
        answer(p, SEL4_REPLY_ERROR, (seL4_Word)-r, 0);
    } else if (label == SEL4_LABEL_MSG_READ) {
        memcpy(&b->msg[SEL4_MSG_HEADER_WORDS], p->data, (size_t)r);
        answer(p, SEL4_REPLY_OK, (seL4_Word)r, (size_t)r);
    } else {
        answer(p, SEL4_REPLY_OK, (seL4_Word)r, 0);
    }
}

enum received { NOTHING, PULSE, MESSAGE };

// (A notification bound to the thread, SEL4_BADGE_EVENT, is noted for __sel4_event_take.)

// One receive into p: a message, an event turned into one, or a pulse in p->data. fused: p
// holds the calling thread's deferred answer, which goes first in the same system call. A
// call received by a passive thread that runs on no caller's context lends it its caller's,
// so p becomes its donor and any answer to p waits for it.
static enum received receive_one(const struct channel *ch, struct pending *p, bool fused)
{
    unsigned me = __sel4_thread_index() & (SEL4_MAX_THREADS - 1);
    seL4_IPCBuffer *b = ipcbuf();
    seL4_Word badge = 0, mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    seL4_MessageInfo_t info, out = seL4_MessageInfo_new(0, 0, 0, 0);
    if (fused) {
        seL4_Word mr[4];
        out = deferred_load(p, mr);
        mr0 = mr[0], mr1 = mr[1], mr2 = mr[2], mr3 = mr[3];
    }
    /* Decided after sel4_call_begin, which sends a deferred answer another thread gave
       meanwhile (and so gives the caller's context back). */
    sel4_call_begin();
    bool lent = passive[me] && donor[me] == 0;
    if (fused)
        info = seL4_ReplyRecvWithMRs(ch->ep, out, &badge, &mr0, &mr1, &mr2, &mr3, p->reply);
    else
        info = seL4_RecvWithMRs(ch->ep, &badge, p->reply, &mr0, &mr1, &mr2, &mr3);
    sel4_call_end();
    b->msg[0] = mr0, b->msg[1] = mr1, b->msg[2] = mr2, b->msg[3] = mr3;
    seL4_Word label = seL4_MessageInfo_get_label(info);
    if (badge & SEL4_BADGE_EVENT) {
        __sel4_events_add(badge & ~SEL4_EVENT_WAKE);
        return NOTHING;
    }
    p->owner = lent ? (unsigned char)(me + 1) : 0;
    if (lent)
        donor[me] = (int)(p - pending) + 1;
    bool kernel = badge & (SEL4_BADGE_FAULT | SEL4_BADGE_NOTIFY);
    if (!kernel && is_request(label))
        return connection_request(ch, p, badge, label) ? PULSE : NOTHING;
    if (!kernel && (label == SEL4_LABEL_MSG_READ || label == SEL4_LABEL_MSG_WRITE)) {
        copy_request(ch, p, badge, label, seL4_MessageInfo_get_length(info));
        return NOTHING;
    }
    bool lng = label == SEL4_LABEL_MSG_LONG;
    if (!kernel && !ch->event && label != SEL4_LABEL_MSG && !lng) {
        p->event = false;
        answer(p, SEL4_REPLY_ERROR, ENOSYS, 0); /* a server's channel serves only messages */
        return NOTHING;
    }
    if (kernel || (label != SEL4_LABEL_MSG && !lng)) {
        long n = ch->event ? ch->event(badge, label, p->data, sizeof(p->data)) : 0;
        if (n == SEL4_EVENT_RESUME) { /* an empty answer to a fault restarts the thread */
            seL4_Word none = 0;
            seL4_SendWithMRs(p->reply, seL4_MessageInfo_new(0, 0, 0, 0), &none, &none, &none,
                             &none);
        }
        if (n <= 0 || n == SEL4_EVENT_RESUME)
            return NOTHING;
        p->len = p->inl = (size_t)n;
        p->want = p->wlo = p->whi = 0;
        p->call = 0;
        p->badge = TASKMAN_PID;
        p->event = true;
        p->used = true;
        return MESSAGE;
    }
    if (SEL4_BADGE_CONN(badge) == 0) { /* a descriptor slot with no connection */
        p->event = false;
        answer(p, SEL4_REPLY_ERROR, EBADF, 0);
        return NOTHING;
    }
    size_t first = lng ? 3 : SEL4_MSG_HEADER_WORDS, len = seL4_MessageInfo_get_length(info);
    size_t room = len > first ? (len - first) * 8 : 0;
    size_t most = lng ? SEL4_MSG_MAX_LEN : SEL4_MSG_MAX_BYTES;
    p->len = lng ? (mr0 < most ? mr0 : most) : (mr0 < room ? mr0 : room);
    p->inl = p->len < room ? p->len : room;
    p->want = mr1 < most ? mr1 : most;
    p->call = lng ? mr2 : 0;
    p->wlo = p->whi = 0;
    p->badge = badge;
    p->event = false;
    p->used = true;
    memcpy(p->data, &b->msg[first], p->inl);
    return MESSAGE;
}

// n bytes of p's message from offset off into dst, bounded by its length: the inline part
// from data, the rest of a long one through taskman-L. The bytes read or a negated errno.
static long read_range(const struct pending *p, size_t off, void *dst, size_t n)
{
    if (off >= p->len)
        return 0;
    if (n > p->len - off)
        n = p->len - off;
    size_t k = off < p->inl ? (p->inl - off < n ? p->inl - off : n) : 0;
    memcpy(dst, (const char *)p->data + off, k);
    if (k == n)
        return (long)n;
    long r = __sel4_msg_read(p->badge, p->call, off + k, (char *)dst + k, n - k);
    return r < 0 ? r : (long)k + r;
}

// MsgReceive's copy of the message: as much as fits in msg, the part that did not come
// inline read through taskman-L.
static long receive_rest(const struct pending *p, void *msg, size_t bytes)
{
    if (p->call == 0 || bytes <= p->inl) {
        memcpy(msg, p->data, p->inl < bytes ? p->inl : bytes);
        return 0;
    }
    long r = read_range(p, 0, msg, bytes);
    return r < 0 ? r : 0;
}

int MsgReceive_r(int chid, void *msg, size_t bytes, struct _msg_info *info)
{
    if (chid < 1 || chid > SEL4_MAX_CHANNELS || !channels[chid].ep)
        return -ESRCH;
    const struct channel *ch = &channels[chid];
    for (;;) {
        struct _pulse pulse;
        if (__sel4_event_take(chid, &pulse)) {
            memcpy(msg, &pulse, sizeof(pulse) < bytes ? sizeof(pulse) : bytes);
            if (info)
                memset(info, 0, sizeof(*info));
            return 0;
        }
        unsigned me = __sel4_thread_index() & (SEL4_MAX_THREADS - 1);
        struct pending *p = NULL;
        int d = donor[me];
        bool fused = d && pending[d - 1].deferred;
        if (fused && pending[d - 1].chid != chid) {
            __sel4_deferred_send(); /* it goes with a receive on its own channel */
            continue;
        }
        if (fused)
            p = &pending[d - 1];
        for (int i = ch->first; i < ch->first + ch->n && !p; i++)
            if (!pending[i].used)
                p = &pending[i];
        if (!p)
            return -EAGAIN; /* every reply object holds a caller not yet answered */
        enum received r = receive_one(ch, p, fused);
        if (r == NOTHING && __sel4_signals_due() && __sel4_signals_take(NULL) > 0)
            return -EINTR; /* a handler ran: the receive ends, as on QNX */
        if (r == NOTHING)
            continue;
        if (r == PULSE) {
            size_t n = sizeof(struct _pulse) < bytes ? sizeof(struct _pulse) : bytes;
            memcpy(msg, p->data, n);
            if (info)
                memset(info, 0, sizeof(*info));
            return 0;
        }
        long err = receive_rest(p, msg, bytes);
        if (err < 0) {
            answer(p, SEL4_REPLY_ERROR, (seL4_Word)-err, 0); /* its message cannot be read */
            continue;
        }
        fill_info(p, info);
        if (info)
            info->msglen = (int32_t)(p->len < bytes ? p->len : bytes);
        return (int)(p - pending) + 1;
    }
}

int MsgReceive(int chid, void *msg, size_t bytes, struct _msg_info *info)
{
    return (int)set_errno(MsgReceive_r(chid, msg, bytes, info));
}

// Leaves n bytes from src at offset off of a short call's reply buffer (staged in p->out,
// which the reply carries; a gap between two writes there becomes zeros).
static void stage(struct pending *p, size_t off, const void *src, size_t n)
{
    if (n == 0)
        return;
    char *out = (char *)p->out;
    if (p->whi == 0) {
        p->wlo = off;
        p->whi = off + n;
    } else {
        if (off + n < p->wlo)
            memset(out + off + n, 0, p->wlo - off - n);
        if (off > p->whi)
            memset(out + p->whi, 0, off - p->whi);
        p->wlo = off < p->wlo ? off : p->wlo;
        p->whi = off + n > p->whi ? off + n : p->whi;
    }
    memcpy(out + off, src, n);
}

// Writes iov into the client's reply buffer from offset off, bounded by it: staged for a
// short call, through taskman-L for a long one. The bytes written or a negated errno.
static long write_iov(struct pending *p, size_t off, const iov_t *iov, int parts)
{
    size_t done = 0;
    for (int i = 0; i < parts && off < p->want; i++) {
        size_t n = iov[i].iov_len < p->want - off ? iov[i].iov_len : p->want - off;
        long r = n;
        if (p->call)
            r = __sel4_msg_write(p->badge, p->call, off, iov[i].iov_base, n);
        else
            stage(p, off, iov[i].iov_base, n);
        if (r < 0)
            return r;
        done += (size_t)r;
        off += (size_t)r;
        if ((size_t)r < iov[i].iov_len)
            break;
    }
    return (long)done;
}

// A short call's reply: riov into the IPC buffer, then what MsgWrite staged beyond it.
static int reply_short(struct pending *p, long status, const iov_t *riov, int rparts)
{
    char *data = (char *)&ipcbuf()->msg[SEL4_MSG_HEADER_WORDS];
    size_t n = 0;
    for (int i = 0; i < rparts && n < p->want; i++) {
        size_t k = riov[i].iov_len < p->want - n ? riov[i].iov_len : p->want - n;
        memcpy(data + n, riov[i].iov_base, k);
        n += k;
    }
    size_t from = p->wlo > n ? p->wlo : n, m = p->whi > from ? p->whi - from : 0;
    memcpy(data + n, (char *)p->out + from, m);
    answer_with(p, SEL4_REPLY_OK, (seL4_Word)status, SEL4_REPLY_WORD(n, m, from), n + m);
    return 0;
}

// A long call's reply: every byte through taskman-L, then the status. A client buffer that
// is not mapped fails the client's call with EFAULT, not the reply (as on Skimmer).
static int reply_long(struct pending *p, long status, const iov_t *riov, int rparts)
{
    long n = write_iov(p, 0, riov, rparts);
    if (n < 0) {
        answer(p, SEL4_REPLY_ERROR, (seL4_Word)-n, 0);
        return n == -EFAULT ? 0 : (int)n;
    }
    answer_with(p, SEL4_REPLY_OK, (seL4_Word)status, (seL4_Word)n, 0);
    return 0;
}

int MsgReplyv_r(int rcvid, long status, const iov_t *riov, int rparts)
{
    struct pending *p = pending_of(rcvid);
    if (!p)
        return -ESRCH;
    if (rparts < 0 || rparts > SEL4_MSG_MAX_PARTS)
        return -EOVERFLOW;
    return p->call ? reply_long(p, status, riov, rparts) : reply_short(p, status, riov, rparts);
}

int MsgReplyv(int rcvid, long status, const iov_t *riov, int rparts)
{
    return (int)set_errno(MsgReplyv_r(rcvid, status, riov, rparts));
}

int MsgReply_r(int rcvid, long status, const void *msg, size_t bytes)
{
    iov_t r = {(void *)msg, bytes};
    return MsgReplyv_r(rcvid, status, &r, msg ? 1 : 0);
}

int MsgReply(int rcvid, long status, const void *msg, size_t bytes)
{
    return (int)set_errno(MsgReply_r(rcvid, status, msg, bytes));
}

int MsgError_r(int rcvid, int error)
{
    struct pending *p = pending_of(rcvid);
    if (!p)
        return -ESRCH;
    if (error < 0 || error > 4095)
        return -EINVAL;
    answer(p, SEL4_REPLY_ERROR, (seL4_Word)error, 0);
    return 0;
}

int MsgError(int rcvid, int error)
{
    return (int)set_errno(MsgError_r(rcvid, error));
}

long MsgReadv_r(int rcvid, const iov_t *riov, int rparts, size_t offset)
{
    const struct pending *p = pending_of(rcvid);
    if (!p)
        return -ESRCH;
    if (rparts < 0 || rparts > SEL4_MSG_MAX_PARTS)
        return -EOVERFLOW;
    size_t done = 0;
    for (int i = 0; i < rparts; i++) {
        long r = read_range(p, offset + done, riov[i].iov_base, riov[i].iov_len);
        if (r < 0)
            return r;
        done += (size_t)r;
        if ((size_t)r < riov[i].iov_len)
            break;
    }
    return (long)done;
}

long MsgReadv(int rcvid, const iov_t *riov, int rparts, size_t offset)
{
    return set_errno(MsgReadv_r(rcvid, riov, rparts, offset));
}

long MsgRead_r(int rcvid, void *msg, size_t bytes, size_t offset)
{
    iov_t r = {msg, bytes};
    return MsgReadv_r(rcvid, &r, 1, offset);
}

long MsgWritev_r(int rcvid, const iov_t *iov, int parts, size_t offset)
{
    struct pending *p = pending_of(rcvid);
    if (!p)
        return -ESRCH;
    if (parts < 0 || parts > SEL4_MSG_MAX_PARTS)
        return -EOVERFLOW;
    return write_iov(p, offset, iov, parts);
}

long MsgWritev(int rcvid, const iov_t *iov, int parts, size_t offset)
{
    return set_errno(MsgWritev_r(rcvid, iov, parts, offset));
}

long MsgWrite_r(int rcvid, const void *msg, size_t bytes, size_t offset)
{
    iov_t w = {(void *)msg, bytes};
    return MsgWritev_r(rcvid, &w, 1, offset);
}

long MsgWrite(int rcvid, const void *msg, size_t bytes, size_t offset)
{
    return set_errno(MsgWrite_r(rcvid, msg, bytes, offset));
}

long MsgRead(int rcvid, void *msg, size_t bytes, size_t offset)
{
    return set_errno(MsgRead_r(rcvid, msg, bytes, offset));
}

int MsgInfo_r(int rcvid, struct _msg_info *info)
{
    const struct pending *p = pending_of(rcvid);
    if (!p)
        return -ESRCH;
    fill_info(p, info);
    return 0;
}

int MsgInfo(int rcvid, struct _msg_info *info)
{
    return (int)set_errno(MsgInfo_r(rcvid, info));
}

// A client is named by its connection's badge, whose low bits are the pid that made it;
// credentials are taskman's to keep on QSOE/L, so none are given here. Weak: taskman-L, which
// moves connections between processes, knows their owners and defines its own.
// The badge names the process that made the connection, which may since have given it to a
// child (ConnectMove keeps badges), so the holder is taskman-L's to tell.
__attribute__((weak)) int ConnectClientInfo_r(int scoid, struct _client_info *info, int ngroups)
{
    (void)ngroups;
    if (!info)
        return -EFAULT;
    long pid = sel4_taskman_request(SEL4_LABEL_CLIENT, (seL4_Word)(uint32_t)scoid, 0);
    if (pid < 0)
        return (int)pid;
    memset(info, 0, sizeof(*info));
    info->pid = (int32_t)pid;
    return 0;
}

__attribute__((weak)) int ConnectClientInfo(int scoid, struct _client_info *info, int ngroups)
{
    return (int)set_errno(ConnectClientInfo_r(scoid, info, ngroups));
}
