/*
 * libc's seL4 layer, the server side of messages: MsgReceive on a channel's endpoint, each
 * caller parked in an MCS reply object of its own so replies may come in any order, its
 * message copied out of the IPC buffer (so MsgRead works until the reply), and MsgReply or
 * MsgError through that reply object. A server's channels come from taskman-L (ChannelCreate:
 * an endpoint and reply objects in the server's CNode); taskman-L's own is attached with
 * __sel4_channel_attach.
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
    uint64_t data[SEL4_MSG_MAX_BYTES / 8];
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
    long chid = sel4_taskman_request(SEL4_LABEL_CHANNEL, flags, __sel4_thread_index());
    if (chid < 0)
        return (int)chid;
    unsigned long replies[SEL4_CHAN_REPLIES];
    for (int i = 0; i < SEL4_CHAN_REPLIES; i++)
        replies[i] = SEL4_SLOT_CHAN(chid) + 1 + (unsigned long)i;
    return add_channel((int)chid, SEL4_SLOT_CHAN(chid), replies, SEL4_CHAN_REPLIES, NULL);
}

int ChannelCreate(unsigned flags)
{
    return (int)set_errno(ChannelCreate_r(flags));
}

static struct pending *pending_of(int rcvid)
{
    return rcvid >= 1 && rcvid <= npending && pending[rcvid - 1].used ? &pending[rcvid - 1] : NULL;
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

// Answers the caller parked for p (an event has none) and frees p.
static void answer(struct pending *p, seL4_Word label, seL4_Word status, size_t n)
{
    p->used = false;
    if (p->event)
        return;
    seL4_IPCBuffer *b = ipcbuf();
    seL4_Word mr0 = status, mr1 = n, mr2 = b->msg[2], mr3 = b->msg[3];
    seL4_Word words = SEL4_MSG_HEADER_WORDS + (n + 7) / 8;
    seL4_SendWithMRs(p->reply, seL4_MessageInfo_new(label, 0, 0, words), &mr0, &mr1, &mr2, &mr3);
}

// A request to taskman-L (about connections, devices or pulses): event() decides, the caller
// gets its answer at once; a taken pulse goes back as reply data.
static bool connection_request(const struct channel *ch, struct pending *p, seL4_Word badge,
                               seL4_Word label)
{
    long r = ch->event ? ch->event(badge, label, p->data, sizeof(p->data)) : -ENOSYS;
    size_t n = label == SEL4_LABEL_PULSE_TAKE && r >= 0 ? sizeof(struct _pulse) : 0;
    memcpy(&ipcbuf()->msg[SEL4_MSG_HEADER_WORDS], p->data, n);
    p->event = false;
    if (r < 0)
        answer(p, SEL4_REPLY_ERROR, (seL4_Word)-r, 0);
    else
        answer(p, SEL4_REPLY_OK, r == SEL4_EVENT_PULSE ? 0 : (seL4_Word)r, n);
    return r == SEL4_EVENT_PULSE;
}

static bool is_request(seL4_Word label)
{
    return (label >= SEL4_LABEL_CONNECT && label <= SEL4_LABEL_SERVER) ||
           (label >= SEL4_LABEL_MAPPHYS && label <= SEL4_LABEL_DEV_LAST);
}

enum received { NOTHING, PULSE, MESSAGE };

// (A notification bound to the thread, SEL4_BADGE_EVENT, is noted for __sel4_event_take.)

// One receive into p: a message, an event turned into one, or a pulse in p->data.
static enum received receive_one(const struct channel *ch, struct pending *p)
{
    seL4_IPCBuffer *b = ipcbuf();
    seL4_Word badge, mr0, mr1, mr2, mr3;
    seL4_MessageInfo_t info = seL4_RecvWithMRs(ch->ep, &badge, p->reply, &mr0, &mr1, &mr2, &mr3);
    b->msg[0] = mr0, b->msg[1] = mr1, b->msg[2] = mr2, b->msg[3] = mr3;
    seL4_Word label = seL4_MessageInfo_get_label(info);
    if (badge & SEL4_BADGE_EVENT) {
        __sel4_events_add(badge);
        return NOTHING;
    }
    bool kernel = badge & (SEL4_BADGE_FAULT | SEL4_BADGE_NOTIFY);
    if (!kernel && is_request(label))
        return connection_request(ch, p, badge, label) ? PULSE : NOTHING;
    if (kernel || label != SEL4_LABEL_MSG) {
        long n = ch->event ? ch->event(badge, label, p->data, sizeof(p->data)) : 0;
        if (n <= 0)
            return NOTHING;
        p->len = (size_t)n;
        p->want = 0;
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
    size_t len = seL4_MessageInfo_get_length(info);
    size_t room = len > SEL4_MSG_HEADER_WORDS ? (len - SEL4_MSG_HEADER_WORDS) * 8 : 0;
    p->len = mr0 < room ? mr0 : room;
    p->want = mr1;
    p->badge = badge;
    p->event = false;
    p->used = true;
    memcpy(p->data, &b->msg[SEL4_MSG_HEADER_WORDS], p->len);
    return MESSAGE;
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
        struct pending *p = NULL;
        for (int i = ch->first; i < ch->first + ch->n && !p; i++)
            if (!pending[i].used)
                p = &pending[i];
        if (!p)
            return -EAGAIN; /* every reply object holds a caller not yet answered */
        enum received r = receive_one(ch, p);
        if (r == NOTHING)
            continue;
        if (r == PULSE) {
            size_t n = sizeof(struct _pulse) < bytes ? sizeof(struct _pulse) : bytes;
            memcpy(msg, p->data, n);
            if (info)
                memset(info, 0, sizeof(*info));
            return 0;
        }
        memcpy(msg, p->data, p->len < bytes ? p->len : bytes);
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

int MsgReplyv_r(int rcvid, long status, const iov_t *riov, int rparts)
{
    struct pending *p = pending_of(rcvid);
    if (!p)
        return -ESRCH;
    char *data = (char *)&ipcbuf()->msg[SEL4_MSG_HEADER_WORDS];
    size_t n = 0;
    for (int i = 0; i < rparts && n < p->want; i++) {
        size_t k = riov[i].iov_len < p->want - n ? riov[i].iov_len : p->want - n;
        if (k > SEL4_MSG_MAX_BYTES - n) {
            answer(p, SEL4_REPLY_ERROR, EMSGSIZE, 0);
            return -EMSGSIZE;
        }
        memcpy(data + n, riov[i].iov_base, k);
        n += k;
    }
    answer(p, SEL4_REPLY_OK, (seL4_Word)status, n);
    return 0;
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
    answer(p, SEL4_REPLY_ERROR, (seL4_Word)error, 0);
    return 0;
}

int MsgError(int rcvid, int error)
{
    return (int)set_errno(MsgError_r(rcvid, error));
}

long MsgRead_r(int rcvid, void *msg, size_t bytes, size_t offset)
{
    const struct pending *p = pending_of(rcvid);
    if (!p)
        return -ESRCH;
    if (offset >= p->len)
        return 0;
    size_t n = p->len - offset < bytes ? p->len - offset : bytes;
    memcpy(msg, (const char *)p->data + offset, n);
    return (long)n;
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
__attribute__((weak)) int ConnectClientInfo_r(int scoid, struct _client_info *info, int ngroups)
{
    (void)ngroups;
    if (!info)
        return -EFAULT;
    memset(info, 0, sizeof(*info));
    info->pid = (int32_t)((seL4_Word)scoid & SEL4_BADGE_PID_MASK);
    return 0;
}

__attribute__((weak)) int ConnectClientInfo(int scoid, struct _client_info *info, int ngroups)
{
    return (int)set_errno(ConnectClientInfo_r(scoid, info, ngroups));
}
