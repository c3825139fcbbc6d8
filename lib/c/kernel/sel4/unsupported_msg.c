/*
 * libc's seL4 layer: the QNX calls for channels, receiving, replying and the rest of message
 * passing, which QSOE/L does not implement yet (docs/qsoe-l.md). Each takes its arguments and fails
 * with ENOSYS, so every QSOE program links unchanged and learns at run time what is missing.
 */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#include "sel4call.h"

int ChannelDestroy_r(int chid)
{
    return -ENOSYS;
}

int ChannelDestroy(int chid)
{
    return (int)set_errno(ChannelDestroy_r(chid));
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
