/*
 * Connections and channels on seL4. A channel is an endpoint: its server holds an unbadged cap
 * to receive on and reply objects for its callers (include/abi/sel4.h), taskman-L keeps the
 * original cap. A connection is a cap to the channel's endpoint (taskman-L's own for its
 * channel) in a slot of the client's CNode, badged with the pid and slot that made it: its
 * scoid, which it keeps when ConnectMove gives it to another process. A slot with no
 * connection holds a cap to taskman-L's endpoint badged with the pid alone, which libc's
 * server side answers with EBADF.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <string.h>
#include <sys/neutrino.h>

#include "proc.h"
#include <taskman/nodes.h>

#define TASKMAN_SERVER ((uint32_t)TASKMAN_PID << 16 | TASKMAN_CHID)

void conn_set(struct lproc *p, unsigned slot, seL4_CPtr ep, seL4_Word badge)
{
    seL4_CapRights_t client = seL4_CapRights_new(1, 0, 0, 1); /* call, nothing else */
    seL4_CNode_Delete(p->cnode, slot, SEL4_CNODE_BITS);
    seL4_Error err = seL4_CNode_Mint(p->cnode, slot, SEL4_CNODE_BITS, seL4_CapInitThreadCNode,
                                     ep ? ep : proc_endpoint, seL4_WordBits, client, badge);
    if (err != seL4_NoError)
        tm_fatal("CNode_Mint of a connection failed", err);
}

static bool conn_slot(unsigned long slot)
{
    return slot >= SEL4_SLOT_FD(0) && slot < SEL4_SLOT_CHAN(1);
}

// SEL4_LABEL_CHANNEL: a new endpoint, a receive cap and reply objects in the server's CNode.
static long channel_create(struct lproc *p)
{
    int k = 1;
    while (k <= SEL4_MAX_CHANNELS && p->chan_ep[k])
        k++;
    if (k > SEL4_MAX_CHANNELS)
        return -EAGAIN;
    seL4_CPtr ep = object_alloc(seL4_EndpointObject, 0);
    seL4_Error err = seL4_CNode_Copy(p->cnode, SEL4_SLOT_CHAN(k), SEL4_CNODE_BITS,
                                     seL4_CapInitThreadCNode, ep, seL4_WordBits, seL4_AllRights);
    for (int i = 0; err == seL4_NoError && i < SEL4_CHAN_REPLIES; i++) {
        seL4_CPtr reply = object_alloc(seL4_ReplyObject, 0);
        err = seL4_CNode_Move(p->cnode, SEL4_SLOT_CHAN(k) + 1 + i, SEL4_CNODE_BITS,
                              seL4_CapInitThreadCNode, reply, seL4_WordBits);
        slot_free(reply);
    }
    if (err != seL4_NoError)
        tm_fatal("cannot give a server its channel", err);
    p->chan_ep[k] = ep;
    unsigned thread = (unsigned)seL4_GetMR(1);
    pulses_channel(p, k, (unsigned)seL4_GetMR(0), thread);
    return k | passive_begin(p, thread, k);
}

// Whether a live connection anywhere carries badge: one that ConnectMove gave to a child keeps
// the badge of the slot it came from, so that slot may not connect again (its scoid would be
// the child's) until the child's connection is gone.
static bool badge_in_use(seL4_Word badge)
{
    for (int i = 0; i < PROC_MAX; i++) {
        const struct lproc *q = proc_at(i);
        for (unsigned slot = SEL4_SLOT_FD(0); q && slot < SEL4_SLOT_CHAN(1); slot++)
            if (q->conn[slot] == badge)
                return true;
    }
    return false;
}

// SEL4_LABEL_CONNECT: slot of p to channel chid of process pid (taskman-L's is pid 1, chid 1).
static long connect(struct lproc *p, unsigned slot, seL4_Word server)
{
    int pid = (int)(server >> 16), chid = (int)(server & 0xffff);
    seL4_CPtr ep = seL4_CapNull;
    if (server != TASKMAN_SERVER) {
        struct lproc *s = proc_get(pid);
        if (!s || s->ended)
            return -ESRCH;
        if (chid < 1 || chid > SEL4_MAX_CHANNELS || !s->chan_ep[chid] || passive_moving(s, chid))
            return -ENOENT;
        ep = s->chan_ep[chid];
    }
    seL4_Word badge = (seL4_Word)p->pid | (seL4_Word)slot << SEL4_BADGE_CONN_SHIFT;
    if (p->conn[slot] || badge_in_use(badge))
        return -EBUSY;
    p->conn[slot] = badge;
    p->conn_server[slot] = (uint32_t)server;
    conn_set(p, slot, ep, p->conn[slot]);
    return 0;
}

// SEL4_LABEL_DETACH: taskman-L's own server loop gets the disconnect pulse at once, another
// server one queued if its channel asked for them (pulses.c).
static long detach(struct lproc *p, unsigned slot, void *msg, unsigned long room)
{
    if (!p->conn[slot] || room < sizeof(struct _pulse))
        return -EBADF;
    bool own = p->conn_server[slot] == TASKMAN_SERVER;
    struct _pulse pulse = {0};
    pulse.code = _PULSE_CODE_DISCONNECT;
    pulse.scoid = (int32_t)p->conn[slot];
    if (own)
        memcpy(msg, &pulse, sizeof(pulse));
    else
        pulses_disconnect(p, slot);
    p->conn[slot] = 0;
    p->conn_server[slot] = 0;
    conn_set(p, slot, seL4_CapNull, (seL4_Word)p->pid);
    return own ? SEL4_EVENT_PULSE : 0;
}

long conn_request(struct lproc *p, unsigned long label, void *msg, unsigned long room)
{
    unsigned long slot = seL4_GetMR(0);
    bool named = slot == SEL4_SLOT_TASKMAN || (conn_slot(slot) && p->conn[slot]);
    switch (label) {
    case SEL4_LABEL_CHANNEL:
        return channel_create(p);
    case SEL4_LABEL_SCOID:
        return named ? (long)p->conn[slot] : -EBADF;
    case SEL4_LABEL_SERVER:
        return named ? (long)p->conn_server[slot] : -EBADF;
    case SEL4_LABEL_CONNECT:
        return conn_slot(slot) ? connect(p, (unsigned)slot, seL4_GetMR(1)) : -EINVAL;
    case SEL4_LABEL_DETACH:
        return conn_slot(slot) ? detach(p, (unsigned)slot, msg, room) : -EINVAL;
    case SEL4_LABEL_CLIENT: {
        struct _client_info ci;
        return ConnectClientInfo((int)slot, &ci, 0) < 0 ? -ESRCH : ci.pid;
    }
    case SEL4_LABEL_NEXT_FD:
        for (; slot >= SEL4_SLOT_FD(0) && slot < SEL4_SLOT_FD(SEL4_MAX_FDS); slot++)
            if (p->conn[slot])
                return (long)slot;
        return -EBADF;
    default:
        return -ENOSYS;
    }
}

// A process that ends closes its connections to taskman-L's own channel (its early console,
// its boot-image files) as Skimmer's disconnect pulses would: the shared path manager forgets
// their open files, or the scoid, which a later connection of the process that made it
// (ConnectMove keeps badges) would reuse, would find them still open.
void conn_release_own(struct lproc *p)
{
    for (unsigned slot = SEL4_SLOT_FD(0); slot < SEL4_SLOT_CHAN(1); slot++)
        if (p->conn[slot] && p->conn_server[slot] == TASKMAN_SERVER)
            nodes_disconnect((int)p->conn[slot]);
}

// A server's end leaves its clients' connections as descriptors that answer EBADF (their caps
// lead to taskman-L's endpoint without a connection's badge) until they are closed, as on
// Skimmer: the slot keeps its scoid, with no server (conn_server 0).
// Ends the seL4_Call that thread t of q makes on a connection to a server that just ended,
// as Skimmer ends it: ESRCH. Only a thread inside one of libc's marked calls (its signal state,
// include/abi/sel4.h) whose saved registers show the Call on such a slot (seL4 writes them only
// when an answer comes) is touched: its registers get an error answer, and it resumes after
// the ecall instruction. seL4 would leave a caller whose reply object went with the server
// inactive for good, and would restart one still queued on the endpoint into the dead
// descriptor (EBADF).
static void fail_call(const struct lproc *q, int t, const uint8_t *to_server)
{
    seL4_UserContext regs;
    const seL4_Word count = sizeof(regs) / sizeof(seL4_Word);
    if (q->threads[t].state != THREAD_LIVE || !sigstop_in_call(q, (unsigned)t) ||
        seL4_TCB_ReadRegisters(q->threads[t].tcb, false, 0, count, &regs) != seL4_NoError ||
        regs.a7 != (seL4_Word)seL4_SysCall || regs.a0 < SEL4_SLOT_FD(0) ||
        regs.a0 >= SEL4_SLOT_CHAN(1) || !(to_server[regs.a0 / 8] >> (regs.a0 % 8) & 1))
        return;
    regs.pc += 4; /* past the ecall: seL4 reports the pc of the system call itself */
    regs.a0 = 0;  /* the badge of an answer */
    regs.a1 = seL4_MessageInfo_new(SEL4_REPLY_ERROR, 0, 0, SEL4_MSG_HEADER_WORDS).words[0];
    regs.a2 = ESRCH;
    seL4_TCB_WriteRegisters(q->threads[t].tcb, true, 0, count, &regs);
}

// Its channels end with the server, not when it is reaped: its clients' connections become
// dead descriptors (EBADF, as on Skimmer), and every cap of each endpoint (the server's copy and
// the clients' minted caps, by revoking taskman-L's, then that one) and the reply objects are
// deleted; a client inside a call to it gets ESRCH (fail_call), as a server's death unblocks
// its clients on Skimmer.
void conn_channels_end(struct lproc *server)
{
    static uint8_t to_server[PROC_MAX][SEL4_SLOT_END / 8];
    memset(to_server, 0, sizeof(to_server));
    for (int i = 0; i < PROC_MAX; i++) {
        const struct lproc *q = proc_at(i);
        for (unsigned slot = SEL4_SLOT_FD(0); q && slot < SEL4_SLOT_CHAN(1); slot++)
            if (q->conn[slot] && q->conn_server[slot] >> 16 == (uint32_t)server->pid)
                to_server[i][slot / 8] |= (uint8_t)(1u << (slot % 8));
    }
    conn_server_gone(server);
    for (int k = 1; k <= SEL4_MAX_CHANNELS; k++) {
        if (!server->chan_ep[k])
            continue;
        for (int i = 0; i < SEL4_CHAN_REPLIES; i++)
            seL4_CNode_Delete(server->cnode, SEL4_SLOT_CHAN(k) + 1 + i, SEL4_CNODE_BITS);
        seL4_CNode_Revoke(seL4_CapInitThreadCNode, server->chan_ep[k], seL4_WordBits);
        slot_free(server->chan_ep[k]);
        server->chan_ep[k] = 0;
    }
    for (int i = 0; i < PROC_MAX; i++) {
        const struct lproc *q = proc_at(i);
        for (int t = 0; q && !q->ended && t < q->nthreads; t++)
            fail_call(q, t, to_server[i]);
    }
}

void conn_server_gone(const struct lproc *server)
{
    for (int i = 0; i < PROC_MAX; i++) {
        struct lproc *q = proc_at(i);
        for (unsigned slot = SEL4_SLOT_FD(0); q && slot < SEL4_SLOT_CHAN(1); slot++) {
            if (q->conn[slot] && q->conn_server[slot] >> 16 == (uint32_t)server->pid) {
                q->conn_server[slot] = 0; /* still a descriptor, until closed: see above */
                conn_set(q, slot, seL4_CapNull, (seL4_Word)q->pid);
            }
        }
    }
}

// The slot of coid as libc's seL4 layer places it, or 0.
static unsigned coid_slot(int coid)
{
    if (coid >= 0 && coid < SEL4_MAX_FDS)
        return SEL4_SLOT_FD(coid);
    int k = coid - _NTO_SIDE_CHANNEL;
    return k > 0 && k < SEL4_MAX_SIDE ? SEL4_SLOT_SIDE(k) : 0;
}

int ConnectMove(pid_t from, int coid, pid_t to, unsigned index)
{
    struct lproc *p = proc_get(from), *q = proc_get(to);
    unsigned src = coid_slot(coid);
    if (!p || !q || q->ended) {
        errno = ESRCH;
        return -1;
    }
    if (!src || !p->conn[src] || index >= SEL4_MAX_FDS || q->conn[SEL4_SLOT_FD(index)]) {
        errno = src && p->conn[src] ? EBUSY : EBADF;
        return -1;
    }
    unsigned dst = SEL4_SLOT_FD(index);
    seL4_Error err = seL4_CNode_Delete(q->cnode, dst, SEL4_CNODE_BITS);
    if (err == seL4_NoError)
        err = seL4_CNode_Move(q->cnode, dst, SEL4_CNODE_BITS, p->cnode, src, SEL4_CNODE_BITS);
    if (err != seL4_NoError)
        tm_fatal("CNode_Move of a connection failed", err);
    q->conn[dst] = p->conn[src];
    q->conn_server[dst] = p->conn_server[src];
    p->conn[src] = 0;
    p->conn_server[src] = 0;
    conn_set(p, src, seL4_CapNull, (seL4_Word)p->pid);
    return 0;
}

// The owner of a connection is the process that holds it now, which after a ConnectMove is
// not the one its badge names.
int ConnectClientInfo(int scoid, struct _client_info *info, int ngroups)
{
    (void)ngroups;
    for (int i = 0; info && i < PROC_MAX; i++) {
        struct lproc *p = proc_at(i);
        for (unsigned slot = 0; p && slot < SEL4_SLOT_END; slot++) {
            if (p->conn[slot] == (seL4_Word)(uint32_t)scoid) {
                memset(info, 0, sizeof(*info));
                info->pid = p->pid;
                return 0;
            }
        }
    }
    errno = info ? ESRCH : EFAULT;
    return -1;
}
