/*
 * Pulses on seL4, kept by taskman-L: MsgSendPulse and MsgDeliverEvent are requests to it (a
 * seL4_Call it answers at once, so the sender never waits for the receiver), which queues the
 * pulse and signals the receiving thread's notification with the channel's bit; the
 * receiver's MsgReceive then takes its queued pulses, highest priority first, oldest first
 * among equals. One pool of PULSE_POOL pulses serves the whole system: when it is empty a
 * pulse is refused with EAGAIN and nothing is queued, as on Skimmer. Pulses pass through
 * taskman-L because a sender has no cap to a receiver's memory or notification; interrupts do
 * not (irq.c). Also the disconnect pulse (_NTO_CHF_DISCONNECT) of a connection that goes.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <string.h>
#include <sys/neutrino.h>

#include "proc.h"

#define PULSE_POOL 256
#define SIG_MAX    31

struct queued {
    bool used;
    int pid, chid, prio;
    unsigned long seq;
    struct _pulse pulse;
};

static struct queued pool[PULSE_POOL];
static unsigned long next_seq;

void pulses_channel(struct lproc *p, int k, unsigned flags, unsigned thread)
{
    p->chan_flags[k] = flags;
    seL4_CPtr ntfn = thread_ntfn(p, thread < (unsigned)p->nthreads ? thread : 0);
    if (!ntfn)
        return;
    p->chan_signal[k] = slot_alloc();
    seL4_Error err = seL4_CNode_Mint(seL4_CapInitThreadCNode, p->chan_signal[k], seL4_WordBits,
                                     seL4_CapInitThreadCNode, ntfn, seL4_WordBits, seL4_AllRights,
                                     SEL4_BADGE_EVENT | SEL4_EVENT_CHAN_BIT(k));
    if (err != seL4_NoError)
        tm_fatal("CNode_Mint of a channel's notification failed", err);
}

// Queues a pulse on channel chid of server s and tells its thread. 0, -EAGAIN when the pool
// is empty, -EBADF when the channel is gone.
static long queue(struct lproc *s, int chid, int prio, int code, int value, int32_t scoid)
{
    if (!s || s->ended || chid < 1 || chid > SEL4_MAX_CHANNELS || !s->chan_signal[chid])
        return -EBADF;
    struct queued *q = NULL;
    for (int i = 0; i < PULSE_POOL && !q; i++)
        if (!pool[i].used)
            q = &pool[i];
    if (!q)
        return -EAGAIN;
    *q = (struct queued){true, s->pid, chid, prio, next_seq++, {0}};
    q->pulse.type = _PULSE_TYPE;
    q->pulse.subtype = _PULSE_SUBTYPE;
    q->pulse.code = (int8_t)code;
    q->pulse.value.sival_int = value;
    q->pulse.scoid = scoid;
    seL4_Signal(s->chan_signal[chid]);
    return 0;
}

// A pulse on the connection in slot of p, from p: to taskman-L's own channel it is handed to
// its server loop at once (SEL4_EVENT_PULSE with the pulse in msg).
static long send_on(struct lproc *p, unsigned slot, seL4_Word w, void *msg, unsigned long room)
{
    bool connected = slot == SEL4_SLOT_TASKMAN || (slot >= SEL4_SLOT_FD(0) &&
                                                   slot < SEL4_SLOT_CHAN(1) && p->conn[slot]);
    if (!connected)
        return -EBADF;
    uint32_t server = p->conn_server[slot];
    if (server >> 16 == TASKMAN_PID) {
        if (room < sizeof(struct _pulse))
            return -EAGAIN;
        struct _pulse pulse = {_PULSE_TYPE, _PULSE_SUBTYPE, SEL4_PULSE_CODE(w), {0}, {0}, 0};
        pulse.value.sival_int = SEL4_PULSE_VALUE(w);
        pulse.scoid = (int32_t)p->conn[slot];
        memcpy(msg, &pulse, sizeof(pulse));
        return SEL4_EVENT_PULSE;
    }
    return queue(proc_get((int)(server >> 16)), (int)(server & 0xffff), SEL4_PULSE_PRIO(w),
                 SEL4_PULSE_CODE(w), SEL4_PULSE_VALUE(w), (int32_t)p->conn[slot]);
}

// SEL4_LABEL_DELIVER: p answers a client named by its scoid, which must be a live connection
// to one of p's channels (what a rcvid proves on Skimmer).
static long deliver(struct lproc *p, seL4_Word scoid, seL4_Word w, void *msg, unsigned long room)
{
    struct lproc *c = proc_get((int)(scoid & SEL4_BADGE_PID_MASK));
    unsigned slot = SEL4_BADGE_CONN(scoid);
    if (!c || c->ended || slot >= SEL4_SLOT_END || c->conn[slot] != scoid ||
        c->conn_server[slot] >> 16 != (uint32_t)p->pid)
        return -ESRCH;
    if (w & SEL4_DELIVER_SIGNAL) {
        int sig = (int)(w & 0xff);
        if (sig < 1 || sig > SIG_MAX)
            return -EINVAL;
        return SignalKill(0, c->pid, 0, sig, 0, 0) < 0 ? -errno : 0;
    }
    return send_on(c, SEL4_PULSE_SLOT(w), w, msg, room);
}

// SEL4_LABEL_PULSE_TAKE: the best queued pulse of p's channel chid into msg; 1 if more wait.
static long take(struct lproc *p, seL4_Word chid, void *msg, unsigned long room)
{
    struct queued *best = NULL;
    int n = 0;
    for (int i = 0; i < PULSE_POOL; i++) {
        struct queued *q = &pool[i];
        if (!q->used || q->pid != p->pid || (seL4_Word)q->chid != chid)
            continue;
        n++;
        if (!best || q->prio > best->prio || (q->prio == best->prio && q->seq < best->seq))
            best = q;
    }
    if (!best || room < sizeof(struct _pulse))
        return -EAGAIN;
    memcpy(msg, &best->pulse, sizeof(best->pulse));
    best->used = false;
    return n > 1;
}

// A timer's pulse (timers.c) on connection coid of process pid: queued as MsgSendPulse from
// that process would queue it; only checked when send is false. A timer cannot pulse
// taskman-L's own channel (its loop has no use for one): EINVAL.
long pulses_timer(int pid, int coid, int prio, int code, int value, bool send)
{
    struct lproc *p = proc_get(pid);
    unsigned slot = coid == _NTO_SIDE_CHANNEL                   ? SEL4_SLOT_TASKMAN
                    : coid >= 0 && coid < SEL4_MAX_FDS           ? SEL4_SLOT_FD(coid)
                    : coid > _NTO_SIDE_CHANNEL && coid - _NTO_SIDE_CHANNEL < SEL4_MAX_SIDE
                        ? SEL4_SLOT_SIDE(coid - _NTO_SIDE_CHANNEL)
                        : 0;
    if (!p || p->ended || !slot || slot == SEL4_SLOT_TASKMAN || !p->conn[slot])
        return -EBADF;
    uint32_t server = p->conn_server[slot];
    if (server >> 16 == TASKMAN_PID)
        return -EINVAL;
    if (!send)
        return 0;
    return queue(proc_get((int)(server >> 16)), (int)(server & 0xffff), prio, code, value,
                 (int32_t)p->conn[slot]);
}

long pulse_request(struct lproc *p, unsigned long label, void *msg, unsigned long room)
{
    seL4_Word a = seL4_GetMR(0), b = seL4_GetMR(1);
    switch (label) {
    case SEL4_LABEL_PULSE:
        return send_on(p, (unsigned)(a < SEL4_SLOT_END ? a : 0), b, msg, room);
    case SEL4_LABEL_DELIVER:
        return deliver(p, a, b, msg, room);
    default:
        return take(p, a, msg, room);
    }
}

void pulses_disconnect(struct lproc *p, unsigned slot)
{
    uint32_t server = p->conn_server[slot];
    struct lproc *s = proc_get((int)(server >> 16));
    int chid = (int)(server & 0xffff);
    if (!p->conn[slot] || server >> 16 == TASKMAN_PID || !s || chid < 1 ||
        chid > SEL4_MAX_CHANNELS || !(s->chan_flags[chid] & _NTO_CHF_DISCONNECT))
        return;
    if (queue(s, chid, 255, _PULSE_CODE_DISCONNECT, 0, (int32_t)p->conn[slot]) == -EAGAIN)
        tm_printf("taskman: no room for a disconnect pulse to process %d; dropped\n", s->pid);
}

void pulses_release(struct lproc *p)
{
    for (unsigned slot = SEL4_SLOT_FD(0); slot < SEL4_SLOT_CHAN(1); slot++)
        pulses_disconnect(p, slot);
    for (int i = 0; i < PULSE_POOL; i++)
        if (pool[i].used && pool[i].pid == p->pid)
            pool[i].used = false;
    for (int k = 1; k <= SEL4_MAX_CHANNELS; k++)
        if (p->chan_signal[k])
            slot_free(p->chan_signal[k]);
    for (int n = 0; n < PROC_THREADS; n++)
        if (p->ntfn[n])
            slot_free(p->ntfn[n]);
}
