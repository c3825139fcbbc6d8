/*
 * libc's seL4 layer: the QNX calls for channels, receiving, replying and the rest of message
 * passing, which QSOE/L does not implement yet (docs/qsoe-l.md). Each takes its arguments and fails
 * with ENOSYS, so every QSOE program links unchanged and learns at run time what is missing.
 */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#include "sel4call.h"

int ChannelCreate_r(unsigned flags)
{
    return -ENOSYS;
}

int ChannelCreate(unsigned flags)
{
    return (int)set_errno(ChannelCreate_r(flags));
}

int ChannelDestroy_r(int chid)
{
    return -ENOSYS;
}

int ChannelDestroy(int chid)
{
    return (int)set_errno(ChannelDestroy_r(chid));
}

int ConnectFlags_r(pid_t pid, int coid, unsigned mask, unsigned bits)
{
    return -ENOSYS;
}

int ConnectFlags(pid_t pid, int coid, unsigned mask, unsigned bits)
{
    return (int)set_errno(ConnectFlags_r(pid, coid, mask, bits));
}

int ConnectClientInfo_r(int scoid, struct _client_info *info, int ngroups)
{
    return -ENOSYS;
}

int ConnectClientInfo(int scoid, struct _client_info *info, int ngroups)
{
    return (int)set_errno(ConnectClientInfo_r(scoid, info, ngroups));
}

int ConnectServerInfo_r(pid_t pid, int coid, struct _server_info *info)
{
    return -ENOSYS;
}

int ConnectServerInfo(pid_t pid, int coid, struct _server_info *info)
{
    return (int)set_errno(ConnectServerInfo_r(pid, coid, info));
}

int ConnectMove_r(pid_t from, int coid, pid_t to, unsigned index)
{
    return -ENOSYS;
}

int ConnectMove(pid_t from, int coid, pid_t to, unsigned index)
{
    return (int)set_errno(ConnectMove_r(from, coid, to, index));
}

int MsgReceive_r(int chid, void *msg, size_t bytes, struct _msg_info *info)
{
    return -ENOSYS;
}

int MsgReceive(int chid, void *msg, size_t bytes, struct _msg_info *info)
{
    return (int)set_errno(MsgReceive_r(chid, msg, bytes, info));
}

int MsgReceivev_r(int chid, const iov_t *riov, int rparts, struct _msg_info *info)
{
    return -ENOSYS;
}

int MsgReceivev(int chid, const iov_t *riov, int rparts, struct _msg_info *info)
{
    return (int)set_errno(MsgReceivev_r(chid, riov, rparts, info));
}

int MsgReceivePulse_r(int chid, void *pulse, size_t bytes, struct _msg_info *info)
{
    return -ENOSYS;
}

int MsgReceivePulse(int chid, void *pulse, size_t bytes, struct _msg_info *info)
{
    return (int)set_errno(MsgReceivePulse_r(chid, pulse, bytes, info));
}

int MsgReceivePulsev_r(int chid, const iov_t *riov, int rparts, struct _msg_info *info)
{
    return -ENOSYS;
}

int MsgReceivePulsev(int chid, const iov_t *riov, int rparts, struct _msg_info *info)
{
    return (int)set_errno(MsgReceivePulsev_r(chid, riov, rparts, info));
}

int MsgReply_r(int rcvid, long status, const void *msg, size_t bytes)
{
    return -ENOSYS;
}

int MsgReply(int rcvid, long status, const void *msg, size_t bytes)
{
    return (int)set_errno(MsgReply_r(rcvid, status, msg, bytes));
}

int MsgReplyv_r(int rcvid, long status, const iov_t *riov, int rparts)
{
    return -ENOSYS;
}

int MsgReplyv(int rcvid, long status, const iov_t *riov, int rparts)
{
    return (int)set_errno(MsgReplyv_r(rcvid, status, riov, rparts));
}

int MsgError_r(int rcvid, int error)
{
    return -ENOSYS;
}

int MsgError(int rcvid, int error)
{
    return (int)set_errno(MsgError_r(rcvid, error));
}

long MsgRead_r(int rcvid, void *msg, size_t bytes, size_t offset)
{
    return -ENOSYS;
}

long MsgRead(int rcvid, void *msg, size_t bytes, size_t offset)
{
    return (long)set_errno(MsgRead_r(rcvid, msg, bytes, offset));
}

long MsgReadv_r(int rcvid, const iov_t *riov, int rparts, size_t offset)
{
    return -ENOSYS;
}

long MsgReadv(int rcvid, const iov_t *riov, int rparts, size_t offset)
{
    return (long)set_errno(MsgReadv_r(rcvid, riov, rparts, offset));
}

long MsgWrite_r(int rcvid, const void *msg, size_t bytes, size_t offset)
{
    return -ENOSYS;
}

long MsgWrite(int rcvid, const void *msg, size_t bytes, size_t offset)
{
    return (long)set_errno(MsgWrite_r(rcvid, msg, bytes, offset));
}

long MsgWritev_r(int rcvid, const iov_t *iov, int parts, size_t offset)
{
    return -ENOSYS;
}

long MsgWritev(int rcvid, const iov_t *iov, int parts, size_t offset)
{
    return (long)set_errno(MsgWritev_r(rcvid, iov, parts, offset));
}

int MsgInfo_r(int rcvid, struct _msg_info *info)
{
    return -ENOSYS;
}

int MsgInfo(int rcvid, struct _msg_info *info)
{
    return (int)set_errno(MsgInfo_r(rcvid, info));
}

int MsgSendPulse_r(int coid, int priority, int code, int value)
{
    return -ENOSYS;
}

int MsgSendPulse(int coid, int priority, int code, int value)
{
    return (int)set_errno(MsgSendPulse_r(coid, priority, code, value));
}

int MsgDeliverEvent_r(int rcvid, const struct sigevent *event)
{
    return -ENOSYS;
}

int MsgDeliverEvent(int rcvid, const struct sigevent *event)
{
    return (int)set_errno(MsgDeliverEvent_r(rcvid, event));
}
