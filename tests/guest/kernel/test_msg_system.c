/*
 * Message passing between processes and under load: buffers unmapped between messages, a
 * server killed in the middle of a call, a client killed while REPLY-blocked, a receive id used
 * by another process, and a two-hart stress of many senders, receivers, pulses and a mutex that
 * must account for every message.
 */
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

static int spawn_peer(const char *mode, int a, int b)
{
    char sa[16], sb[16];
    snprintf(sa, sizeof(sa), "%d", a);
    snprintf(sb, sizeof(sb), "%d", b);
    char *argv[] = {"test/ipc_peer", (char *)mode, sa, sb, NULL};
    return spawn_from_boot_image("test/ipc_peer", argv, 0);
}

static void test_killed_peers(void)
{
    int reg = ChannelCreate(0);
    int server = spawn_peer("server", 1, reg);
    struct _pulse p;
    MsgReceivePulse(reg, &p, sizeof(p), NULL);
    int coid = ConnectAttach(0, server, p.value.sival_int, 0, 0);
    CHECK("a connection to another process's channel is made", coid >= 0);
    struct _server_info si;
    CHECK("ConnectServerInfo names the server process and channel",
          ConnectServerInfo(0, coid, &si) == coid && si.pid == server &&
              si.chid == p.value.sival_int);
    uint64_t ns = 30000000;
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_REPLY, NULL, &ns, NULL);
    CHECK_ERR("a client whose server takes the message and never replies times out",
              MsgSend(coid, "hello", 5, NULL, 0), ETIMEDOUT);
    int status;
    ProcDestroy(server, 9);
    ProcWait(server, &status);
    CHECK_ERR("after the server is killed, sending on its connection gives EBADF",
              MsgSend(coid, "again", 5, NULL, 0), EBADF);
    ConnectDetach(coid);
    ChannelDestroy(reg);

    /* A client killed while REPLY-blocked: the reply then fails cleanly. */
    int chid = ChannelCreate(0);
    int client = spawn_peer("client", 1, chid);
    char buf[16];
    int rcvid = MsgReceive(chid, buf, sizeof(buf), NULL);
    CHECK("the client process's message arrives", rcvid > 0 && memcmp(buf, "waiting", 7) == 0);
    char rs[16];
    snprintf(rs, sizeof(rs), "%d", rcvid);
    char *argv[] = {"test/ipc_peer", "reply", rs, NULL};
    CHECK("another process cannot reply to, read or write our client (ESRCH)",
          spawn_and_wait("test/ipc_peer", argv, 0) == 0);
    ProcDestroy(client, 9);
    ProcWait(client, &status);
    CHECK_ERR("replying to a client that was killed gives ESRCH", MsgReply(rcvid, 0, "x", 1),
              ESRCH);
    ChannelDestroy(chid);
}

// Buffers unmapped between messages: the kernel keeps the translation of a peer's buffer
// page, which must go with the page. The server (test/ipc_peer remap) receives at REMAP_VA,
// where this test maps a fresh page after each message.
#define REMAP_VA 0x2000000000ul

static void test_remapped_buffers(void)
{
    int reg = ChannelCreate(0);
    int server = spawn_peer("remap", 1, reg);
    struct _pulse p;
    MsgReceivePulse(reg, &p, sizeof(p), NULL);
    int coid = ConnectAttach(0, server, p.value.sival_int, 0, 0);
    int ok = coid >= 0 && ProcMemMap(server, REMAP_VA, 4096, 3) == 0;
    for (int i = 0; ok && i < 3; i++) {
        char msg[16] = {0}, reply[16] = {0};
        snprintf(msg, sizeof(msg), "message %d", i);
        ok = MsgSend(coid, msg, 16, reply, 16) == 0 && memcmp(msg, reply, 16) == 0 &&
             ProcMemUnmap(server, REMAP_VA, 4096) == 0 &&
             ProcMemMap(server, REMAP_VA, 4096, 3) == 0;
    }
    CHECK("messages reach a server whose receive page is unmapped and mapped afresh each time", ok);
    char *mine = (char *)0x3f00000000ul; /* a page of our own, for the reply */
    CHECK("a reply lands in a reply page mapped just before",
          ProcMemMap(0, (uintptr_t)mine, 4096, 3) == 0 &&
              MsgSend(coid, "into a page....", 16, mine, 16) == 0 &&
              memcmp(mine, "into a page....", 16) == 0);
    ProcMemUnmap(0, (uintptr_t)mine, 4096);
    CHECK_ERR("a reply into a reply buffer unmapped since the last reply fails with EFAULT",
              MsgSend(coid, "page gone......", 16, mine, 16), EFAULT);
    ProcMemUnmap(server, REMAP_VA, 4096);
    CHECK_ERR("a message to a receive buffer unmapped since the last message gives ESRVRFAULT",
              MsgSend(coid, "lost", 5, NULL, 0), ESRVRFAULT);
    int status = -1;
    ProcWait(server, &status);
    CHECK("the server's receive into its unmapped page fails with EFAULT", status == 0);
    ConnectDetach(coid);
    ChannelDestroy(reg);
}

// Short messages, the fast path's, of every length up to 48 bytes from every source alignment:
// each comes back from a server in another process intact, and the bytes past it untouched.
static void test_short_copies(void)
{
    int reg = ChannelCreate(0);
    int server = spawn_peer("echo", getpid(), reg);
    struct _pulse p;
    int coid = server > 0 && MsgReceivePulse(reg, &p, sizeof(p), NULL) == 0
                   ? ConnectAttach(0, server, p.value.sival_int, 0, 0)
                   : -1;
    int bad = coid < 0;
    static unsigned char out[64], in[64];
    for (size_t n = 1; n <= 48 && !bad; n++) {
        for (size_t align = 0; align < 8 && !bad; align++) {
            for (size_t i = 0; i < sizeof(out); i++)
                out[i] = (unsigned char)(n * 31 + align * 7 + i);
            memset(in, 0xee, sizeof(in));
            bad = MsgSend(coid, out + align, n, in + (8 - align) % 8, n) != 0 ||
                  memcmp(in + (8 - align) % 8, out + align, n) != 0;
            for (size_t i = (8 - align) % 8 + n; i < sizeof(in) && !bad; i++)
                bad = in[i] != 0xee;
        }
    }
    CHECK("messages of 1 to 48 bytes at every alignment reach another process and come back "
          "intact, nothing past them written",
          !bad);
    int status;
    ProcDestroy(server, 9);
    ProcWait(server, &status);
    ConnectDetach(coid);
    ChannelDestroy(reg);
}

static int blocked_coid;

static void *send_and_report(void *arg)
{
    (void)arg;
    return MsgSend(blocked_coid, "x", 1, NULL, 0) == -1 ? (void *)(intptr_t)errno : NULL;
}

static void test_server_killed_mid_call(void)
{
    int reg = ChannelCreate(0);
    int server = spawn_peer("server", 1, reg);
    struct _pulse p;
    MsgReceivePulse(reg, &p, sizeof(p), NULL);
    blocked_coid = ConnectAttach(0, server, p.value.sival_int, 0, 0);
    int t1 = start_thread(send_and_report, NULL, 0, 0); /* served, REPLY-blocked */
    sleep_ns(10000000);
    int t2 = start_thread(send_and_report, NULL, 0, 0); /* not served: SEND-blocked */
    sleep_ns(10000000);
    ProcDestroy(server, 9);
    void *e1, *e2;
    ThreadJoin(t1, &e1);
    ThreadJoin(t2, &e2);
    CHECK("a REPLY-blocked client of a server that is killed fails with ESRCH",
          e1 == (void *)ESRCH);
    CHECK("a SEND-blocked client of a server that is killed fails with ESRCH", e2 == (void *)ESRCH);
    int status;
    ProcWait(server, &status);
    CHECK("the killed server's status is the one it was killed with", status == 9);
    ConnectDetach(blocked_coid);
    ChannelDestroy(reg);
}

/* The stress: clients on both harts send numbered messages to servers on both harts. */
#define CLIENTS 6
#define SERVERS 4
#define PER     400

static int stress_chid, stress_pulse_chid;
static pthread_mutex_t tally_lock = PTHREAD_MUTEX_INITIALIZER;
static long served_total, served_sum;
static volatile int stop_servers;
static int client_ok[CLIENTS];

static void *stress_server(void *arg)
{
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)(uintptr_t)(1u << ((uintptr_t)arg % 2)));
    uint32_t msg[2];
    for (;;) {
        int rcvid = MsgReceive(stress_chid, msg, sizeof(msg), NULL);
        if (rcvid <= 0)
            return NULL;
        if (msg[0] == 0xffffffff) {
            MsgReply(rcvid, 0, NULL, 0);
            return NULL;
        }
        pthread_mutex_lock(&tally_lock);
        served_total++;
        served_sum += msg[1];
        pthread_mutex_unlock(&tally_lock);
        uint32_t answer = msg[0] * 100000 + msg[1];
        MsgReply(rcvid, 0, &answer, sizeof(answer));
    }
}

static void *stress_client(void *arg)
{
    int id = (int)(uintptr_t)arg;
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)(uintptr_t)(1u << (id % 2)));
    int coid = ConnectAttach(0, 0, stress_chid, 0, 0);
    int pcoid = ConnectAttach(0, 0, stress_pulse_chid, 0, 0);
    int ok = 1;
    for (uint32_t i = 0; i < PER; i++) {
        uint32_t msg[2] = {(uint32_t)id, i}, answer = 0;
        if (MsgSend(coid, msg, sizeof(msg), &answer, sizeof(answer)) != 0 ||
            answer != (uint32_t)id * 100000 + i)
            ok = 0;
        if (i % 10 == 0)
            while (MsgSendPulse(pcoid, 10, 1, id) < 0)
                SchedYield();
    }
    client_ok[id] = ok;
    ConnectDetach(coid);
    ConnectDetach(pcoid);
    return NULL;
}

static volatile long pulses_seen;

static void *pulse_drain(void *arg)
{
    (void)arg;
    struct _pulse p;
    for (;;) {
        if (MsgReceivePulse(stress_pulse_chid, &p, sizeof(p), NULL) != 0)
            return NULL;
        if (p.code == 2)
            return NULL;
        pulses_seen++;
    }
}

static void test_stress(void)
{
    stress_chid = ChannelCreate(0);
    stress_pulse_chid = ChannelCreate(0);
    int servers[SERVERS], clients[CLIENTS];
    for (int i = 0; i < SERVERS; i++)
        servers[i] = start_thread(stress_server, (void *)(uintptr_t)i, 0, 0);
    int drain = start_thread(pulse_drain, NULL, 0, 0);
    uint64_t t0 = now_ns();
    for (int i = 0; i < CLIENTS; i++)
        clients[i] = start_thread(stress_client, (void *)(uintptr_t)i, 0, 0);
    for (int i = 0; i < CLIENTS; i++)
        ThreadJoin(clients[i], NULL);
    uint64_t took = now_ns() - t0;
    int coid = ConnectAttach(0, 0, stress_chid, 0, 0);
    uint32_t quit[2] = {0xffffffff, 0};
    for (int i = 0; i < SERVERS; i++)
        MsgSend(coid, quit, sizeof(quit), NULL, 0);
    for (int i = 0; i < SERVERS; i++)
        ThreadJoin(servers[i], NULL);
    int pcoid = ConnectAttach(0, 0, stress_pulse_chid, 0, 0);
    MsgSendPulse(pcoid, 1, 2, 0);
    ThreadJoin(drain, NULL);
    int all_ok = 1;
    for (int i = 0; i < CLIENTS; i++)
        all_ok &= client_ok[i];
    long expect_sum = (long)CLIENTS * PER * (PER - 1) / 2;
    char name[128];
    snprintf(name, sizeof(name),
             "stress: %d clients x %d messages to %d servers on both harts all answered right "
             "(%lu ms)",
             CLIENTS, PER, SERVERS, (unsigned long)(took / 1000000));
    CHECK(name, all_ok);
    CHECK("stress: every message was served exactly once",
          served_total == (long)CLIENTS * PER && served_sum == expect_sum);
    CHECK("stress: every pulse sent was received", pulses_seen == (long)CLIENTS * (PER / 10));
    ConnectDetach(coid);
    ConnectDetach(pcoid);
    ChannelDestroy(stress_chid);
    ChannelDestroy(stress_pulse_chid);
}

void test_msg_system(void)
{
    test_killed_peers();
    test_remapped_buffers();
    test_short_copies();
    test_server_killed_mid_call();
    test_stress();
}
