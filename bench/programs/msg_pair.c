/*
 * The message-passing benchmark between two processes, written for QSOE/L (it uses only the
 * QNX calls, so it runs on QSOE/N too): run as `bench/l_msg`, it spawns itself as an echo
 * server (`bench/l_msg serve PID CHID`), which tells it its chid with a pulse, and then times
 * 16-byte MsgSend -> MsgReceive -> MsgReply round trips to it. bench/sel4_insns.py counts the
 * guest instructions of the first batch from an instruction trace, between the two marker
 * functions; this program prints the wall time per round trip of the fastest batch.
 */
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

#define BATCHES          20
#define ROUNDS           100 /* round trips in one batch (ROUNDS in bench/sel4_insns.py) */
#define BYTES            16
#define TICKS_PER_SECOND 10000000ull /* the time CSR on QEMU's virt machine */

/*
 * Empty marks around the first batch. They are aligned far apart from the start of the text
 * so that no code of taskman-L (linked at the same address as programs) lies at their
 * addresses: the trace script finds them by address alone, and checks that.
 */
__attribute__((noinline, aligned(0x40000))) void bench_batch_begin(void)
{
    __asm__ volatile("");
}

__attribute__((noinline)) void bench_batch_end(void)
{
    __asm__ volatile("");
}

// The echo server: a channel, its chid told to the client as a pulse, then every message
// back as its reply until the process is ended.
static int serve(pid_t client, int client_chid)
{
    int chid = ChannelCreate(0);
    int coid = ConnectAttach(0, client, client_chid, _NTO_SIDE_CHANNEL, 0);
    if (chid < 0 || coid < 0 || MsgSendPulse(coid, 10, 1, chid) < 0)
        return 3;
    static char buf[BYTES * 4];
    struct _msg_info info;
    for (;;) {
        int rcvid = MsgReceive(chid, buf, sizeof(buf), &info);
        if (rcvid > 0)
            MsgReply(rcvid, 0, buf, (size_t)info.msglen);
    }
}

// Starts the server and returns its pid and a connection to its channel (*coid).
static pid_t start_server(int *coid)
{
    int chid = ChannelCreate(0);
    char pid[16], ch[16];
    snprintf(pid, sizeof(pid), "%d", getpid());
    snprintf(ch, sizeof(ch), "%d", chid);
    char *argv[] = {"bench/l_msg", "serve", pid, ch, NULL};
    pid_t server;
    if (chid < 0 || posix_spawn(&server, "bench/l_msg", NULL, NULL, argv, NULL) != 0)
        return -1;
    struct _pulse pulse;
    if (MsgReceive(chid, &pulse, sizeof(pulse), NULL) != 0 || pulse.code != 1)
        return -1;
    *coid = ConnectAttach(0, server, pulse.value.sival_int, _NTO_SIDE_CHANNEL, 0);
    return *coid < 0 ? -1 : server;
}

// One batch of round trips, each checked: the echo must come back whole.
static int batch(int coid)
{
    char msg[BYTES], reply[BYTES];
    memset(msg, 'q', sizeof(msg));
    for (int r = 0; r < ROUNDS; r++)
        if (MsgSend(coid, msg, sizeof(msg), reply, sizeof(reply)) != 0)
            return -1;
    return memcmp(msg, reply, sizeof(msg)) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "serve") == 0)
        return serve(atoi(argv[2]), atoi(argv[3]));
    int coid;
    pid_t server = start_server(&coid);
    if (server < 0) {
        printf("bench: could not start the echo server\n");
        return 1;
    }
    uint64_t best = UINT64_MAX;
    for (int b = 0; b < BATCHES; b++) {
        if (b == 1)
            bench_batch_begin();
        uint64_t start = now_ticks();
        int err = batch(coid);
        uint64_t ticks = now_ticks() - start;
        if (b == 1)
            bench_batch_end();
        if (err) {
            printf("bench: a %d-byte round trip failed\n", BYTES);
            return 1;
        }
        best = ticks < best ? ticks : best;
    }
    printf("BENCH l_msgsend_%d_ns %lu\n", BYTES,
           (unsigned long)(best * 1000000000ull / TICKS_PER_SECOND / ROUNDS));
    int status;
    kill(server, SIGKILL);
    waitpid(server, &status, 0);
    return 0;
}
