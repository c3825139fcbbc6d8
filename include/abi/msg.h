/*
 * Message-passing structures and flags as QNX Neutrino defines them: channel and connection
 * flags, the pulse, the message information a receiver gets, and the iov.
 */
#ifndef QSOE_ABI_MSG_H
#define QSOE_ABI_MSG_H

#include <stddef.h>
#include <stdint.h>

#include <abi/sigevent.h>

#define _NTO_CHF_FIXED_PRIORITY  0x0001u
#define _NTO_CHF_UNBLOCK         0x0002u
#define _NTO_CHF_THREAD_DEATH    0x0004u
#define _NTO_CHF_DISCONNECT      0x0008u
#define _NTO_CHF_SENDER_LEN      0x0020u
#define _NTO_CHF_COID_DISCONNECT 0x0040u
#define _NTO_CHF_REPLY_LEN       0x0080u
#define _NTO_CHF_PRIVATE         0x1000u

#define _NTO_COF_CLOEXEC 0x0001
#define _NTO_COF_DEAD    0x0002

#define _NTO_SIDE_CHANNEL     0x40000000
#define _NTO_CONNECTION_SCOID 0x00010000
#define ND_LOCAL_NODE         0

#define _PULSE_TYPE             0
#define _PULSE_SUBTYPE          0
#define _PULSE_CODE_UNBLOCK     (-32)
#define _PULSE_CODE_DISCONNECT  (-33)
#define _PULSE_CODE_THREADDEATH (-34)
#define _PULSE_CODE_COIDDEATH   (-35)
#define _PULSE_CODE_MINAVAIL    0
#define _PULSE_CODE_MAXAVAIL    127

#define _NTO_MI_UNBLOCK_REQ 0x100

/* Messages with more parts than this are refused with EOVERFLOW. */
#define _NTO_MSG_MAX_PARTS 16

typedef struct iovec {
    void *iov_base;
    size_t iov_len;
} iov_t;

struct _pulse {
    uint16_t type;
    uint16_t subtype;
    int8_t code;
    uint8_t zero[3];
    union sigval value;
    int32_t scoid;
};

struct _msg_info {
    uint32_t nd;
    uint32_t srcnd;
    int32_t pid;
    int32_t tid;
    int32_t chid;
    int32_t scoid;
    int32_t coid;
    int32_t msglen;    /* bytes copied into the receive buffer */
    int32_t srcmsglen; /* bytes the sender sent */
    int32_t dstmsglen; /* bytes the sender's reply buffer holds */
    int16_t priority;
    int16_t flags;
    uint32_t reserved;
};

struct _client_info {
    uint32_t nd;
    int32_t pid;
    int32_t sid;
    uint32_t flags;
    struct {
        int32_t ruid, euid, suid, rgid, egid, sgid;
        int32_t ngroups;
        int32_t grouplist[8];
    } cred;
};

struct _server_info {
    uint32_t nd;
    int32_t pid;
    int32_t chid;
    int32_t scoid;
    int32_t coid;
};

#endif
