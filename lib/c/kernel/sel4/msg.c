/*
 * libc's seL4 layer: connections and MsgSend. A connection is a badged endpoint cap in the
 * process's CNode; MsgSend is one seL4_Call with the message in the IPC buffer after two
 * header words (include/abi/sel4.h), and the reply comes back the same way. A message or
 * reply buffer longer than the IPC buffer makes it a long call (msglong.c). taskman-L makes
 * and ends connections on request, to its own channel (pid 1, channel 1) or to a server's.
 */
#include <proto/taskman.h>
#include <string.h>

#include "sel4call.h"

#define TASKMAN_COID _NTO_SIDE_CHANNEL

// Side-channel connections in use besides TASKMAN_COID (descriptors are tracked by taskman-L
// only: every descriptor slot holds a cap, connected or not).
static uint8_t side_used[SEL4_MAX_SIDE];

static uint8_t coid_flags[SEL4_MAX_FDS + SEL4_MAX_SIDE]; /* _NTO_COF_CLOEXEC per coid */

int __sel4_coid_slot(int coid)
{
    if (coid == TASKMAN_COID)
        return SEL4_SLOT_TASKMAN;
    if (coid >= 0 && coid < SEL4_MAX_FDS)
        return SEL4_SLOT_FD(coid);
    int k = coid - _NTO_SIDE_CHANNEL;
    return k > 0 && k < SEL4_MAX_SIDE && side_used[k] ? SEL4_SLOT_SIDE(k) : -1;
}

long sel4_taskman_request(seL4_Word label, seL4_Word arg0, seL4_Word arg1)
{
    seL4_Word mr0 = arg0, mr1 = arg1, none = 0;
    seL4_MessageInfo_t info = sel4_call(
        SEL4_SLOT_TASKMAN, seL4_MessageInfo_new(label, 0, 0, 2), &mr0, &mr1, &none, &none);
    return seL4_MessageInfo_get_label(info) == SEL4_REPLY_OK ? (long)mr0 : -(long)(mr0 ? mr0 : EIO);
}

static int taskman_slot_call(seL4_Word label, int slot)
{
    long r = sel4_taskman_request(label, (seL4_Word)slot, 0);
    return r < 0 ? (int)r : 0;
}

// Descriptor connections take the lowest free coid from index up, as on Skimmer; taskman-L
// knows which are free, so it is asked for each candidate in turn.
int ConnectAttach_r(uint32_t nd, pid_t pid, int chid, unsigned index, int flags)
{
    if (nd != 0)
        return -ENOSYS;
    if (pid == 0)
        pid = __tls()->__pid; /* pid 0: the calling process itself, as QNX has it */
    if (__tls()->__pid == TASKMAN_PID)
        return -ESRCH; /* taskman-L has no connection to make its requests on */
    if (pid <= 0 || chid <= 0 || chid > 0xffff)
        return -ESRCH;
    seL4_Word server = (seL4_Word)pid << 16 | (seL4_Word)chid;
    if (index & _NTO_SIDE_CHANNEL) {
        for (int k = 1; k < SEL4_MAX_SIDE; k++) {
            if (side_used[k])
                continue;
            long err = sel4_taskman_request(SEL4_LABEL_CONNECT, SEL4_SLOT_SIDE(k), server);
            if (err == -EBUSY)
                continue;
            if (err < 0)
                return (int)err;
            side_used[k] = 1;
            coid_flags[SEL4_MAX_FDS + k] = (uint8_t)(flags & _NTO_COF_CLOEXEC);
            return _NTO_SIDE_CHANNEL + k;
        }
        return -EAGAIN;
    }
    for (unsigned n = index; n < SEL4_MAX_FDS; n++) {
        long err = sel4_taskman_request(SEL4_LABEL_CONNECT, SEL4_SLOT_FD(n), server);
        if (err == 0) {
            coid_flags[n] = (uint8_t)(flags & _NTO_COF_CLOEXEC);
            return (int)n;
        }
        if (err != -EBUSY)
            return (int)err;
    }
    return -EMFILE;
}

int ConnectAttach(uint32_t nd, pid_t pid, int chid, unsigned index, int flags)
{
    return (int)set_errno(ConnectAttach_r(nd, pid, chid, index, flags));
}

// The connection every process starts with stays.
int ConnectDetach_r(int coid)
{
    int slot = __sel4_coid_slot(coid);
    if (slot < 0)
        return -EINVAL;
    if (coid == TASKMAN_COID)
        return 0;
    int err = taskman_slot_call(SEL4_LABEL_DETACH, slot);
    if (!err && coid >= _NTO_SIDE_CHANNEL)
        side_used[coid - _NTO_SIDE_CHANNEL] = 0;
    return err;
}

int ConnectDetach(int coid)
{
    return (int)set_errno(ConnectDetach_r(coid));
}

// The connection flags (only _NTO_COF_CLOEXEC) are the process's own business on QSOE/L:
// they are read by its posix_spawn, never by taskman-L, so libc keeps them. An inherited
// connection starts without the flag (one that had it was not inherited).
int ConnectFlags_r(pid_t pid, int coid, unsigned mask, unsigned bits)
{
    if (pid != 0 && pid != __tls()->__pid)
        return -ESRCH;
    int slot = __sel4_coid_slot(coid);
    if (slot < 0 || coid == TASKMAN_COID ||
        sel4_taskman_request(SEL4_LABEL_SCOID, (seL4_Word)slot, 0) < 0)
        return -EBADF;
    uint8_t *f = &coid_flags[coid < SEL4_MAX_FDS ? coid : SEL4_MAX_FDS + coid - _NTO_SIDE_CHANNEL];
    int old = *f;
    *f = (uint8_t)((old & ~mask) | (bits & mask & _NTO_COF_CLOEXEC));
    return old;
}

int ConnectFlags(pid_t pid, int coid, unsigned mask, unsigned bits)
{
    return (int)set_errno(ConnectFlags_r(pid, coid, mask, bits));
}

// taskman-L knows a connection's scoid and server, or that there is no such connection.
// As QNX has it, a descriptor coid with no connection gives the next one that has one
// (which is how a process walks its descriptors), a side-channel coid only itself.
int ConnectServerInfo_r(pid_t pid, int coid, struct _server_info *info)
{
    (void)pid;
    int slot = __sel4_coid_slot(coid);
    if (slot < 0)
        return -EINVAL;
    if (coid >= 0 && coid < SEL4_MAX_FDS) {
        long next = sel4_taskman_request(SEL4_LABEL_NEXT_FD, (seL4_Word)slot, 0);
        if (next < 0)
            return (int)next;
        slot = (int)next;
        coid = slot - SEL4_SLOT_FD(0);
    }
    long scoid = sel4_taskman_request(SEL4_LABEL_SCOID, (seL4_Word)slot, 0);
    if (scoid < 0)
        return (int)scoid;
    long server = sel4_taskman_request(SEL4_LABEL_SERVER, (seL4_Word)slot, 0);
    if (server < 0)
        return (int)server;
    if (info) {
        memset(info, 0, sizeof(*info));
        info->pid = (int32_t)(server >> 16);
        info->chid = (int32_t)(server & 0xffff);
        info->scoid = (int32_t)scoid;
        info->coid = coid;
    }
    return coid;
}

int ConnectServerInfo(pid_t pid, int coid, struct _server_info *info)
{
    return (int)set_errno(ConnectServerInfo_r(pid, coid, info));
}

// Sends n bytes of data after the header words; returns the reply's status or a negated
// errno, with the reply's data in the IPC buffer after its header words, *got bytes of it,
// (include/abi/sel4.h: *got bytes for offset 0, then *more for offset *skip).
static long sel4_exchange(seL4_CPtr cap, size_t n, size_t want, size_t *got, size_t *more,
                          size_t *skip)
{
    seL4_IPCBuffer *b = ipcbuf();
    seL4_Word mr0 = n, mr1 = want, mr2 = b->msg[2], mr3 = b->msg[3];
    seL4_Word words = SEL4_MSG_HEADER_WORDS + (n + 7) / 8;
    seL4_MessageInfo_t info = sel4_call(
        cap, seL4_MessageInfo_new(SEL4_LABEL_MSG, 0, 0, words), &mr0, &mr1, &mr2, &mr3);
    b->msg[2] = mr2;
    b->msg[3] = mr3;
    if (seL4_MessageInfo_get_label(info) != SEL4_REPLY_OK)
        return -(long)(mr0 ? mr0 : EIO);
    size_t len = seL4_MessageInfo_get_length(info);
    size_t room = len > SEL4_MSG_HEADER_WORDS ? (len - SEL4_MSG_HEADER_WORDS) * 8 : 0;
    size_t first = SEL4_REPLY_FIRST(mr1), second = SEL4_REPLY_SECOND(mr1);
    *got = first < room ? first : room;
    *more = second < room - *got ? second : room - *got;
    *skip = SEL4_REPLY_SKIP(mr1);
    return (long)mr0;
}

// The total length of an iov, or -EOVERFLOW when it has too many parts or bytes.
static long iov_total(const iov_t *iov, int parts)
{
    if (parts > SEL4_MSG_MAX_PARTS)
        return -EOVERFLOW;
    size_t n = 0;
    for (int i = 0; i < parts; i++) {
        if (iov[i].iov_len > SEL4_MSG_MAX_LEN - n)
            return -EOVERFLOW;
        n += iov[i].iov_len;
    }
    return (long)n;
}

// Copies n bytes from data to offset off of riov, as far as it goes.
static void scatter(const iov_t *riov, int rparts, size_t off, const char *data, size_t n)
{
    for (int i = 0; i < rparts && n > 0; i++) {
        size_t len = riov[i].iov_len;
        if (off >= len) {
            off -= len;
            continue;
        }
        size_t k = len - off < n ? len - off : n;
        memcpy((char *)riov[i].iov_base + off, data, k);
        off = 0;
        data += k;
        n -= k;
    }
}

// Gathers siov into the IPC buffer, calls, and scatters the reply into riov (with what the
// server's MsgWrite put further on); a longer message or reply buffer makes a long call.
static long sendv(int coid, const iov_t *siov, int sparts, const iov_t *riov, int rparts)
{
    int cap = __sel4_coid_slot(coid);
    if (cap < 0)
        return -EBADF;
    if (sparts < 0 || rparts < 0)
        return -EINVAL;
    long n = iov_total(siov, sparts), want = iov_total(riov, rparts);
    if (n < 0 || want < 0)
        return -EOVERFLOW;
    if (n > SEL4_MSG_MAX_BYTES || want > SEL4_MSG_MAX_BYTES)
        return sel4_send_long((seL4_CPtr)cap, siov, sparts, (size_t)n, riov, rparts, (size_t)want);
    char *data = (char *)&ipcbuf()->msg[SEL4_MSG_HEADER_WORDS];
    for (int i = 0, at = 0; i < sparts; i++) {
        memcpy(data + at, siov[i].iov_base, siov[i].iov_len);
        at += (int)siov[i].iov_len;
    }
    size_t got = 0, more = 0, skip = 0;
    long status = sel4_exchange((seL4_CPtr)cap, (size_t)n, (size_t)want, &got, &more, &skip);
    if (status < 0)
        return status;
    scatter(riov, rparts, 0, data, got);
    if (more)
        scatter(riov, rparts, skip, data + got, more);
    return status;
}

long MsgSendv_r(int coid, const iov_t *siov, int sparts, const iov_t *riov, int rparts)
{
    return sendv(coid, siov, sparts, riov, rparts);
}

long MsgSendv(int coid, const iov_t *siov, int sparts, const iov_t *riov, int rparts)
{
    return set_errno(sendv(coid, siov, sparts, riov, rparts));
}

long MsgSend_r(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
    iov_t s = {(void *)smsg, sbytes}, r = {rmsg, rbytes};
    return sendv(coid, &s, 1, &r, 1);
}

long MsgSend(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
    return set_errno(MsgSend_r(coid, smsg, sbytes, rmsg, rbytes));
}

long MsgSendnc_r(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
    return MsgSend_r(coid, smsg, sbytes, rmsg, rbytes);
}

long MsgSendnc(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
    return set_errno(MsgSend_r(coid, smsg, sbytes, rmsg, rbytes));
}

long MsgSendsv_r(int coid, const void *smsg, size_t sbytes, const iov_t *riov, int rparts)
{
    iov_t s = {(void *)smsg, sbytes};
    return sendv(coid, &s, 1, riov, rparts);
}

long MsgSendsv(int coid, const void *smsg, size_t sbytes, const iov_t *riov, int rparts)
{
    return set_errno(MsgSendsv_r(coid, smsg, sbytes, riov, rparts));
}

long MsgSendvs_r(int coid, const iov_t *siov, int sparts, void *rmsg, size_t rbytes)
{
    iov_t r = {rmsg, rbytes};
    return sendv(coid, siov, sparts, &r, 1);
}

long MsgSendvs(int coid, const iov_t *siov, int sparts, void *rmsg, size_t rbytes)
{
    return set_errno(MsgSendvs_r(coid, siov, sparts, rmsg, rbytes));
}
