/*
 * The other process of the cross-process message tests. Modes (argv[1]):
 *   server PID CHID  - make a channel, report its chid by a pulse to PID/CHID, receive one
 *                      message and never reply (the test then kills this process);
 *   client PID CHID  - send one message to PID/CHID and wait for a reply that never comes;
 *   reply RCVID      - try to answer someone else's client: exits 0 if every call is refused;
 *   remap PID CHID   - make a channel, report it, then echo 16-byte messages received at
 *                      REMAP_VA, where the test maps and unmaps pages: exits 0 once a receive
 *                      fails with EFAULT (no page there when the message came);
 *   echo PID CHID [CPU] - (on cpu CPU only) make a channel, report it, then echo messages
 *                      of up to 64 bytes until the process is ended;
 *   sender PID CHID CPU - on cpu CPU only: send 16-byte messages to PID/CHID until a reply
 *                      status is not 0, then exit 0.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>

#define REMAP_VA 0x2000000000ul

static int echo_remapped(int coid)
{
    int chid = ChannelCreate(0);
    MsgSendPulse(coid, 10, 1, chid);
    for (;;) {
        int rcvid = MsgReceive(chid, (void *)REMAP_VA, 16, NULL);
        if (rcvid == -1)
            return errno == EFAULT ? 0 : 7;
        MsgReply(rcvid, 0, (void *)REMAP_VA, 16);
    }
}

static void __attribute__((noreturn)) echo(int coid)
{
    int chid = ChannelCreate(0);
    MsgSendPulse(coid, 10, 1, chid);
    char buf[64];
    struct _msg_info info;
    for (;;) {
        int rcvid = MsgReceive(chid, buf, sizeof(buf), &info);
        if (rcvid > 0)
            MsgReply(rcvid, 0, buf, (size_t)info.msglen);
    }
}

static int send_until_told(int coid)
{
    char buf[16] = "ping";
    long status;
    while ((status = MsgSend(coid, buf, sizeof(buf), buf, sizeof(buf))) == 0)
        ;
    return status == 1 ? 0 : 5;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    if (strcmp(argv[1], "reply") == 0) {
        int rcvid = atoi(argv[2]);
        char buf[8];
        int bad = 0;
        bad += !(MsgReply(rcvid, 0, "x", 1) == -1 && errno == ESRCH);
        bad += !(MsgError(rcvid, EIO) == -1 && errno == ESRCH);
        bad += !(MsgRead(rcvid, buf, sizeof(buf), 0) == -1 && errno == ESRCH);
        bad += !(MsgWrite(rcvid, "x", 1, 0) == -1 && errno == ESRCH);
        return bad;
    }
    if (argc < 4)
        return 2;
    int coid = ConnectAttach(0, atoi(argv[2]), atoi(argv[3]), 0, 0);
    if (coid < 0)
        return 3;
    if (strcmp(argv[1], "remap") == 0)
        return echo_remapped(coid);
    if (argc > 4)
        ThreadCtl(_NTO_TCTL_RUNMASK, (void *)(uintptr_t)(1u << atoi(argv[4])));
    if (strcmp(argv[1], "echo") == 0)
        echo(coid);
    if (strcmp(argv[1], "sender") == 0)
        return send_until_told(coid);
    if (strcmp(argv[1], "client") == 0) {
        MsgSend(coid, "waiting", 7, NULL, 0);
        return 4; /* never reached: the test kills this process first */
    }
    int chid = ChannelCreate(0);
    MsgSendPulse(coid, 10, 1, chid);
    char buf[16];
    MsgReceive(chid, buf, sizeof(buf), NULL);
    for (;;) {
        uint64_t hour = 3600000000000ull;
        TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &hour, NULL);
    }
}
