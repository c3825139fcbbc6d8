/*
 * Connections to taskman-L on seL4: each is a cap to taskman-L's endpoint in a slot of the
 * process's CNode, badged with the pid and slot that made it (its scoid, which it keeps when
 * ConnectMove gives it to another process). A slot with no connection holds a cap badged with
 * the pid alone, which libc's server side answers with EBADF.
 */
#include <errno.h>
#include <string.h>
#include <sys/neutrino.h>

#include "proc.h"

void conn_set(struct lproc *p, unsigned slot, seL4_Word badge)
{
    seL4_CNode_Delete(p->cnode, slot, SEL4_CNODE_BITS);
    seL4_Error err = seL4_CNode_Mint(p->cnode, slot, SEL4_CNODE_BITS, seL4_CapInitThreadCNode,
                                     proc_endpoint, seL4_WordBits, seL4_AllRights, badge);
    if (err != seL4_NoError)
        tm_fatal("CNode_Mint of a connection failed", err);
}

static bool conn_slot(unsigned long slot)
{
    return slot >= SEL4_SLOT_FD(0) && slot < SEL4_SLOT_END;
}

long conn_request(struct lproc *p, unsigned long label, void *msg, unsigned long room)
{
    unsigned long slot = seL4_GetMR(0);
    if (label == SEL4_LABEL_SCOID)
        return slot == SEL4_SLOT_TASKMAN || (conn_slot(slot) && p->conn[slot]) ? (long)p->conn[slot]
                                                                               : -EBADF;
    if (!conn_slot(slot))
        return -EINVAL;
    if (label == SEL4_LABEL_CONNECT) {
        if (p->conn[slot])
            return -EBUSY;
        p->conn[slot] = (seL4_Word)p->pid | slot << SEL4_BADGE_CONN_SHIFT;
        conn_set(p, slot, p->conn[slot]);
        return 0;
    }
    if (!p->conn[slot] || room < sizeof(struct _pulse))
        return -EBADF;
    struct _pulse pulse = {0};
    pulse.code = _PULSE_CODE_DISCONNECT;
    pulse.scoid = (int32_t)p->conn[slot];
    memcpy(msg, &pulse, sizeof(pulse));
    p->conn[slot] = 0;
    conn_set(p, (unsigned)slot, (seL4_Word)p->pid);
    return SEL4_EVENT_PULSE;
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
    seL4_Word badge = p->conn[src];
    q->conn[SEL4_SLOT_FD(index)] = badge;
    conn_set(q, SEL4_SLOT_FD(index), badge);
    p->conn[src] = 0;
    conn_set(p, src, (seL4_Word)p->pid);
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
