/*
 * libc's kernel layer for Skimmer: channels, connections and messages. Each QNX call is one
 * kernel call; a single-buffer form passes its buffer as a negative part count (-bytes), the
 * way QNX folds MsgSend, MsgSendsv, MsgSendvs and MsgSendv into one call.
 */
#include <errno.h>
#include <sys/neutrino.h>

#include "ecall.h"

int ChannelCreate_r(unsigned flags)
{
    return (int)K(KER_CHANNEL_CREATE, flags, 0, 0, 0, 0);
}

int ChannelCreate(unsigned flags)
{
    return (int)set_errno(ChannelCreate_r(flags));
}

int ChannelDestroy_r(int chid)
{
    return (int)K(KER_CHANNEL_DESTROY, chid, 0, 0, 0, 0);
}

int ChannelDestroy(int chid)
{
    return (int)set_errno(ChannelDestroy_r(chid));
}

int ConnectAttach_r(uint32_t nd, pid_t pid, int chid, unsigned index, int flags)
{
    return (int)K(KER_CONNECT_ATTACH, nd, pid, chid, index, flags);
}

int ConnectAttach(uint32_t nd, pid_t pid, int chid, unsigned index, int flags)
{
    return (int)set_errno(ConnectAttach_r(nd, pid, chid, index, flags));
}

int ConnectDetach_r(int coid)
{
    return (int)K(KER_CONNECT_DETACH, coid, 0, 0, 0, 0);
}

int ConnectDetach(int coid)
{
    return (int)set_errno(ConnectDetach_r(coid));
}

int ConnectFlags_r(pid_t pid, int coid, unsigned mask, unsigned bits)
{
    return (int)K(KER_CONNECT_FLAGS, pid, coid, mask, bits, 0);
}

int ConnectFlags(pid_t pid, int coid, unsigned mask, unsigned bits)
{
    return (int)set_errno(ConnectFlags_r(pid, coid, mask, bits));
}

int ConnectClientInfo_r(int scoid, struct _client_info *info, int ngroups)
{
    return (int)K(KER_CONNECT_CLIENT_INFO, scoid, info, ngroups, 0, 0);
}

int ConnectClientInfo(int scoid, struct _client_info *info, int ngroups)
{
    return (int)set_errno(ConnectClientInfo_r(scoid, info, ngroups));
}

int ConnectServerInfo_r(pid_t pid, int coid, struct _server_info *info)
{
    return (int)K(KER_CONNECT_SERVER_INFO, pid, coid, info, 0, 0);
}

int ConnectServerInfo(pid_t pid, int coid, struct _server_info *info)
{
    return (int)set_errno(ConnectServerInfo_r(pid, coid, info));
}

int ConnectMove_r(pid_t from, int coid, pid_t to, unsigned index)
{
    return (int)K(KER_CONNECT_MOVE, from, coid, to, index, 0);
}

int ConnectMove(pid_t from, int coid, pid_t to, unsigned index)
{
    return (int)set_errno(ConnectMove_r(from, coid, to, index));
}

long MsgSend_r(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
    return (long)K(KER_MSG_SENDV, coid, smsg, -(long)sbytes, rmsg, -(long)rbytes);
}

long MsgSend(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
    return (long)set_errno(MsgSend_r(coid, smsg, sbytes, rmsg, rbytes));
}

long MsgSendnc_r(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
    return (long)K(KER_MSG_SENDVNC, coid, smsg, -(long)sbytes, rmsg, -(long)rbytes);
}

long MsgSendnc(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
    return (long)set_errno(MsgSendnc_r(coid, smsg, sbytes, rmsg, rbytes));
}

long MsgSendv_r(int coid, const iov_t *siov, int sparts, const iov_t *riov, int rparts)
{
    return (long)K(KER_MSG_SENDV, coid, siov, sparts, riov, rparts);
}

long MsgSendv(int coid, const iov_t *siov, int sparts, const iov_t *riov, int rparts)
{
    return (long)set_errno(MsgSendv_r(coid, siov, sparts, riov, rparts));
}

long MsgSendsv_r(int coid, const void *smsg, size_t sbytes, const iov_t *riov, int rparts)
{
    return (long)K(KER_MSG_SENDV, coid, smsg, -(long)sbytes, riov, rparts);
}

long MsgSendsv(int coid, const void *smsg, size_t sbytes, const iov_t *riov, int rparts)
{
    return (long)set_errno(MsgSendsv_r(coid, smsg, sbytes, riov, rparts));
}

long MsgSendvs_r(int coid, const iov_t *siov, int sparts, void *rmsg, size_t rbytes)
{
    return (long)K(KER_MSG_SENDV, coid, siov, sparts, rmsg, -(long)rbytes);
}

long MsgSendvs(int coid, const iov_t *siov, int sparts, void *rmsg, size_t rbytes)
{
    return (long)set_errno(MsgSendvs_r(coid, siov, sparts, rmsg, rbytes));
}

int MsgReceive_r(int chid, void *msg, size_t bytes, struct _msg_info *info)
{
    return (int)K(KER_MSG_RECEIVEV, chid, msg, -(long)bytes, info, 0);
}

int MsgReceive(int chid, void *msg, size_t bytes, struct _msg_info *info)
{
    return (int)set_errno(MsgReceive_r(chid, msg, bytes, info));
}

int MsgReceivev_r(int chid, const iov_t *riov, int rparts, struct _msg_info *info)
{
    return (int)K(KER_MSG_RECEIVEV, chid, riov, rparts, info, 0);
}

int MsgReceivev(int chid, const iov_t *riov, int rparts, struct _msg_info *info)
{
    return (int)set_errno(MsgReceivev_r(chid, riov, rparts, info));
}

int MsgReceivePulse_r(int chid, void *pulse, size_t bytes, struct _msg_info *info)
{
    return (int)K(KER_MSG_RECEIVEPULSEV, chid, pulse, -(long)bytes, info, 0);
}

int MsgReceivePulse(int chid, void *pulse, size_t bytes, struct _msg_info *info)
{
    return (int)set_errno(MsgReceivePulse_r(chid, pulse, bytes, info));
}

int MsgReceivePulsev_r(int chid, const iov_t *riov, int rparts, struct _msg_info *info)
{
    return (int)K(KER_MSG_RECEIVEPULSEV, chid, riov, rparts, info, 0);
}

int MsgReceivePulsev(int chid, const iov_t *riov, int rparts, struct _msg_info *info)
{
    return (int)set_errno(MsgReceivePulsev_r(chid, riov, rparts, info));
}

int MsgReply_r(int rcvid, long status, const void *msg, size_t bytes)
{
    return (int)K(KER_MSG_REPLYV, rcvid, status, msg, -(long)bytes, 0);
}

int MsgReply(int rcvid, long status, const void *msg, size_t bytes)
{
    return (int)set_errno(MsgReply_r(rcvid, status, msg, bytes));
}

int MsgReplyv_r(int rcvid, long status, const iov_t *riov, int rparts)
{
    return (int)K(KER_MSG_REPLYV, rcvid, status, riov, rparts, 0);
}

int MsgReplyv(int rcvid, long status, const iov_t *riov, int rparts)
{
    return (int)set_errno(MsgReplyv_r(rcvid, status, riov, rparts));
}

int MsgError_r(int rcvid, int error)
{
    return (int)K(KER_MSG_ERROR, rcvid, error, 0, 0, 0);
}

int MsgError(int rcvid, int error)
{
    return (int)set_errno(MsgError_r(rcvid, error));
}

long MsgRead_r(int rcvid, void *msg, size_t bytes, size_t offset)
{
    return (long)K(KER_MSG_READV, rcvid, msg, -(long)bytes, offset, 0);
}

long MsgRead(int rcvid, void *msg, size_t bytes, size_t offset)
{
    return (long)set_errno(MsgRead_r(rcvid, msg, bytes, offset));
}

long MsgReadv_r(int rcvid, const iov_t *riov, int rparts, size_t offset)
{
    return (long)K(KER_MSG_READV, rcvid, riov, rparts, offset, 0);
}

long MsgReadv(int rcvid, const iov_t *riov, int rparts, size_t offset)
{
    return (long)set_errno(MsgReadv_r(rcvid, riov, rparts, offset));
}

long MsgWrite_r(int rcvid, const void *msg, size_t bytes, size_t offset)
{
    return (long)K(KER_MSG_WRITEV, rcvid, msg, -(long)bytes, offset, 0);
}

long MsgWrite(int rcvid, const void *msg, size_t bytes, size_t offset)
{
    return (long)set_errno(MsgWrite_r(rcvid, msg, bytes, offset));
}

long MsgWritev_r(int rcvid, const iov_t *iov, int parts, size_t offset)
{
    return (long)K(KER_MSG_WRITEV, rcvid, iov, parts, offset, 0);
}

long MsgWritev(int rcvid, const iov_t *iov, int parts, size_t offset)
{
    return (long)set_errno(MsgWritev_r(rcvid, iov, parts, offset));
}

int MsgInfo_r(int rcvid, struct _msg_info *info)
{
    return (int)K(KER_MSG_INFO, rcvid, info, 0, 0, 0);
}

int MsgInfo(int rcvid, struct _msg_info *info)
{
    return (int)set_errno(MsgInfo_r(rcvid, info));
}

int MsgSendPulse_r(int coid, int priority, int code, int value)
{
    return (int)K(KER_MSG_SEND_PULSE, coid, priority, code, value, 0);
}

int MsgSendPulse(int coid, int priority, int code, int value)
{
    return (int)set_errno(MsgSendPulse_r(coid, priority, code, value));
}

int MsgDeliverEvent_r(int rcvid, const struct sigevent *event)
{
    return (int)K(KER_MSG_DELIVER_EVENT, rcvid, event, 0, 0, 0);
}

int MsgDeliverEvent(int rcvid, const struct sigevent *event)
{
    return (int)set_errno(MsgDeliverEvent_r(rcvid, event));
}
