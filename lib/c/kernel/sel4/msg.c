/*
 * libc's seL4 layer: connections and MsgSend. A connection is a badged endpoint cap in the
 * process's CNode; MsgSend is one seL4_Call with the message in the IPC buffer after two
 * header words (include/abi/sel4.h), and the reply comes back the same way. Messages longer
 * than the IPC buffer need the shared window QSOE/L does not have yet: they fail with
 * EMSGSIZE. So far the one connection is the one to taskman-L (pid 1, channel 1).
 */
#include <proto/taskman.h>
#include <string.h>

#include "sel4call.h"

#define TASKMAN_COID _NTO_SIDE_CHANNEL

static int coid_cap(int coid)
{
    return coid == TASKMAN_COID ? SEL4_SLOT_TASKMAN : -1;
}

int ConnectAttach_r(uint32_t nd, pid_t pid, int chid, unsigned index, int flags)
{
    (void)index, (void)flags;
    if (nd == 0 && pid == TASKMAN_PID && chid == TASKMAN_CHID)
        return TASKMAN_COID;
    return -ENOSYS;
}

int ConnectAttach(uint32_t nd, pid_t pid, int chid, unsigned index, int flags)
{
    return (int)set_errno(ConnectAttach_r(nd, pid, chid, index, flags));
}

// Every ConnectAttach to taskman gives the same connection, which stays.
int ConnectDetach_r(int coid)
{
    return coid_cap(coid) < 0 ? -EINVAL : 0;
}

int ConnectDetach(int coid)
{
    return (int)set_errno(ConnectDetach_r(coid));
}

// Sends n bytes of data after the header words; returns the reply's status or a negated
// errno, with the reply's data in the IPC buffer after its header words, *got bytes of it.
static long sel4_exchange(seL4_CPtr cap, size_t n, size_t want, size_t *got)
{
    seL4_IPCBuffer *b = ipcbuf();
    seL4_Word mr0 = n, mr1 = want, mr2 = b->msg[2], mr3 = b->msg[3];
    seL4_Word words = SEL4_MSG_HEADER_WORDS + (n + 7) / 8;
    seL4_MessageInfo_t info = seL4_CallWithMRs(
        cap, seL4_MessageInfo_new(SEL4_LABEL_MSG, 0, 0, words), &mr0, &mr1, &mr2, &mr3);
    b->msg[2] = mr2;
    b->msg[3] = mr3;
    if (seL4_MessageInfo_get_label(info) != SEL4_REPLY_OK)
        return -(long)(mr0 ? mr0 : EIO);
    size_t len = seL4_MessageInfo_get_length(info);
    size_t room = len > SEL4_MSG_HEADER_WORDS ? (len - SEL4_MSG_HEADER_WORDS) * 8 : 0;
    *got = mr1 < room ? mr1 : room;
    return (long)mr0;
}

// Gathers siov into the IPC buffer, calls, and scatters the reply into riov.
static long sendv(int coid, const iov_t *siov, int sparts, const iov_t *riov, int rparts)
{
    int cap = coid_cap(coid);
    if (cap < 0)
        return -EBADF;
    if (sparts < 0 || rparts < 0)
        return -EINVAL;
    char *data = (char *)&ipcbuf()->msg[SEL4_MSG_HEADER_WORDS];
    size_t n = 0, want = 0;
    for (int i = 0; i < sparts; i++) {
        if (siov[i].iov_len > SEL4_MSG_MAX_BYTES - n)
            return -EMSGSIZE;
        memcpy(data + n, siov[i].iov_base, siov[i].iov_len);
        n += siov[i].iov_len;
    }
    for (int i = 0; i < rparts; i++)
        want += riov[i].iov_len;
    size_t got = 0;
    long status = sel4_exchange((seL4_CPtr)cap, n, want, &got);
    if (status < 0)
        return status;
    for (int i = 0; i < rparts && got > 0; i++) {
        size_t k = riov[i].iov_len < got ? riov[i].iov_len : got;
        memcpy(riov[i].iov_base, data, k);
        data += k;
        got -= k;
    }
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
