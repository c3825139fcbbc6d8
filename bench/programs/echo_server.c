/*
 * The server side of the message-passing benchmark: confines itself to the cpu named in
 * argv[3], creates a channel, tells the benchmark its chid with a pulse on the connection
 * argv[1]/argv[2] (pid/chid), then echoes every message back until the process is ended.
 */
#include <stdlib.h>
#include <sys/neutrino.h>

int main(int argc, char **argv)
{
    if (argc < 4)
        return 2;
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)(uintptr_t)(1u << atoi(argv[3])));
    int chid = ChannelCreate(0);
    int coid = ConnectAttach(0, atoi(argv[1]), atoi(argv[2]), 0, 0);
    if (chid < 0 || coid < 0 || MsgSendPulse(coid, 10, 1, chid) < 0)
        return 3;
    static char buf[4096];
    struct _msg_info info;
    for (;;) {
        int rcvid = MsgReceive(chid, buf, sizeof(buf), &info);
        if (rcvid > 0)
            MsgReply(rcvid, 0, buf, (size_t)info.msglen);
    }
}
