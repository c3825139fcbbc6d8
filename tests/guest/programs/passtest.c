/*
 * What a server may do between MsgReceive and its next one, on both variants: on QSOE/L a
 * server thread runs on its caller's scheduling context (a passive server) and its answer
 * waits for its next receive, so every way an answer can be followed must still get it to
 * the caller at once: a receive on another channel, a blocking wait, a reply from another
 * thread, MsgError, answers out of order, a server that exits right after answering; and
 * pulses and signals must still reach a server that waits with no context of its own. The
 * program serves a channel and starts itself as the client. Prints a PASS or FAIL line per
 * check and "passtest: N failures", and exits with N.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/wait.h>
#include <unistd.h>

enum op {
    OP_ECHO,      /* reply with the 16 bytes sent, each plus one */
    OP_OTHERCHAN, /* reply, then wait on the third channel for OP_ECHO */
    OP_SEMWAIT,   /* reply, then wait for the poster thread's semaphore */
    OP_HANDOFF,   /* the replier thread replies, the server goes back to its receive */
    OP_ERROR,     /* MsgError EDOM */
    OP_HOLD,      /* held until OP_RELEASE, answered after it */
    OP_RELEASE,   /* answered, then the held call */
    OP_COUNTS,    /* reply pulses and signals seen, as two ints */
    OP_HELD,      /* reply 1 while a call is held */
    OP_TWICE,     /* reply, then reply and read again: the server checks ESRCH */
    OP_FLOAT,     /* reply the double in b times 1.5 */
    OP_QUIT,
};

struct req {
    uint32_t op, a;
    uint64_t b;
};

#define PULSE_CODE 7
#define ROUNDS     1000

static int failures;
static int chid2, chid3; /* the poster thread's channel, the server's second one */
static sem_t posted, poke, give;
static int handoff_rcvid;
static volatile int pulses, signals;

static void check(int ok, const char *what)
{
    printf("%s passtest: %s\n", ok ? "PASS" : "FAIL", what);
    if (!ok)
        failures++;
}

static void on_usr1(int sig)
{
    (void)sig;
    signals++;
}

// The poster thread: serves a channel of its own, posting the semaphore poke for each message.
static void *poster(void *arg)
{
    (void)arg;
    chid2 = ChannelCreate(0);
    sem_post(&posted);
    for (;;) {
        struct req r;
        int rcvid = MsgReceive(chid2, &r, sizeof(r), NULL);
        if (rcvid > 0) {
            MsgReply(rcvid, 0, NULL, 0);
            sem_post(&poke);
        }
    }
    return NULL;
}

// The replier thread: answers the calls the server hands it, while the server receives.
static void *replier(void *arg)
{
    (void)arg;
    for (;;) {
        sem_wait(&give);
        MsgReply(handoff_rcvid, 42, NULL, 0);
    }
    return NULL;
}

// One message on chid: false once the client says OP_QUIT.
static int serve_one(int chid)
{
    static int held;
    struct req r;
    int rcvid = MsgReceive(chid, &r, sizeof(r), NULL);
    if (rcvid == 0) {
        pulses++;
        return 1;
    }
    if (rcvid < 0)
        return 1; /* EINTR: a signal's handler ran */
    switch (r.op) {
    case OP_ECHO: {
        uint8_t out[16];
        memcpy(out, &r, sizeof(out));
        for (int i = 0; i < 16; i++)
            out[i]++;
        MsgReply(rcvid, 0, out, sizeof(out));
        break;
    }
    case OP_OTHERCHAN: {
        MsgReply(rcvid, 1, NULL, 0);
        int other = MsgReceive(chid3, &r, sizeof(r), NULL);
        MsgReply(other, 2, NULL, 0);
        break;
    }
    case OP_SEMWAIT:
        MsgReply(rcvid, 3, NULL, 0);
        sem_wait(&poke);
        break;
    case OP_HANDOFF:
        handoff_rcvid = rcvid;
        sem_post(&give);
        break;
    case OP_ERROR:
        MsgError(rcvid, EDOM);
        break;
    case OP_HOLD:
        held = rcvid;
        break;
    case OP_RELEASE:
        MsgReply(rcvid, 5, NULL, 0);
        MsgReply(held, 4, NULL, 0);
        held = 0;
        break;
    case OP_FLOAT: {
        double d;
        memcpy(&d, &r.b, sizeof(d));
        d *= 1.5;
        MsgReply(rcvid, 0, &d, sizeof(d));
        break;
    }
    case OP_HELD:
        MsgReply(rcvid, held != 0, NULL, 0);
        break;
    case OP_COUNTS: {
        int c[2] = {pulses, signals};
        MsgReply(rcvid, 0, c, sizeof(c));
        break;
    }
    case OP_TWICE: {
        MsgReply(rcvid, 6, NULL, 0);
        int again = MsgReply(rcvid, 7, NULL, 0), e1 = errno;
        long read = MsgRead(rcvid, &r, sizeof(r), 0);
        int e2 = errno;
        check(again == -1 && e1 == ESRCH && read == -1 && e2 == ESRCH,
              "a second MsgReply and a MsgRead of an answered call give ESRCH");
        break;
    }
    case OP_QUIT:
        MsgReply(rcvid, 0, NULL, 0);
        return 0;
    default:
        MsgError(rcvid, ENOSYS);
    }
    return 1;
}

static int coid, coid2, coid3;

static long call(uint32_t op, void *reply, size_t n)
{
    struct req r = {op, 0, 0};
    return MsgSend(coid, &r, sizeof(r), reply, n);
}

static void *hold_caller(void *arg)
{
    *(long *)arg = call(OP_HOLD, NULL, 0);
    return NULL;
}

// The counts the server saw, once they reach pulses p and signals s (or a second passed).
static int counts_reach(int p, int s)
{
    for (int i = 0; i < 1000; i++) {
        int c[2] = {0, 0};
        if (call(OP_COUNTS, c, sizeof(c)) == 0 && c[0] >= p && c[1] >= s)
            return c[0] == p && c[1] == s;
        usleep(1000);
    }
    return 0;
}

// A server that answers one call and exits at once.
static int oneshot(void)
{
    int chid = ChannelCreate(0);
    struct req r;
    int rcvid = MsgReceive(chid, &r, sizeof(r), NULL);
    MsgReply(rcvid, 9, "goodbye", 8);
    exit(7);
}

static void check_oneshot(const char *self)
{
    char *args[] = {(char *)self, "oneshot", NULL};
    pid_t pid;
    int err = posix_spawn(&pid, self, NULL, NULL, args, NULL);
    int c = -1;
    for (int i = 0; err == 0 && c < 0 && i < 1000; i++) {
        c = ConnectAttach(0, pid, 1, _NTO_SIDE_CHANNEL, 0);
        if (c < 0)
            usleep(1000);
    }
    char buf[8] = "";
    struct req r = {OP_ECHO, 0, 0};
    long st = c >= 0 ? MsgSend(c, &r, sizeof(r), buf, sizeof(buf)) : -1;
    int status = 0;
    check(st == 9 && strcmp(buf, "goodbye") == 0,
          "a server that exits right after MsgReply: its answer arrives");
    check(err == 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
              WEXITSTATUS(status) == 7,
          "... and it ends with its exit status");
}

static int client(int pid, int chid, int chid_2, int chid_3)
{
    if (write(1, "", 0) < 0) { /* QSOE/L: descriptors inherited from the first process are dead */
        int fd = open("/dev/console", O_WRONLY);
        if (fd >= 0 && fd != 1) {
            dup2(fd, 1);
            close(fd);
        }
    }
    coid = ConnectAttach(0, pid, chid, _NTO_SIDE_CHANNEL, 0);
    coid2 = ConnectAttach(0, pid, chid_2, _NTO_SIDE_CHANNEL, 0);
    coid3 = ConnectAttach(0, pid, chid_3, _NTO_SIDE_CHANNEL, 0);
    check(coid >= 0 && coid2 >= 0 && coid3 >= 0, "the client connects to the three channels");

    int ok = 1;
    for (int i = 0; i < ROUNDS && ok; i++) {
        uint8_t in[16], out[16];
        for (int k = 0; k < 16; k++)
            in[k] = (uint8_t)(i * 3 + k);
        in[0] = OP_ECHO, in[1] = in[2] = in[3] = 0;
        ok = MsgSend(coid, in, sizeof(in), out, sizeof(out)) == 0;
        for (int k = 4; k < 16 && ok; k++)
            ok = out[k] == (uint8_t)(in[k] + 1);
    }
    check(ok, "1000 16-byte round trips, each answer exact");

    check(call(OP_OTHERCHAN, NULL, 0) == 1,
          "an answer followed by a receive on another channel arrives");
    struct req r = {OP_ECHO, 0, 0};
    check(MsgSend(coid3, &r, sizeof(r), NULL, 0) == 2, "... and that channel is served");

    check(call(OP_SEMWAIT, NULL, 0) == 3, "an answer followed by a semaphore wait arrives");
    check(MsgSend(coid2, &r, sizeof(r), NULL, 0) == 0 && call(OP_ECHO, NULL, 0) == 0,
          "... and the server goes on once the semaphore is posted");

    check(call(OP_HANDOFF, NULL, 0) == 42,
          "a call answered by another thread of the server arrives");
    check(call(OP_ERROR, NULL, 0) == -1 && errno == EDOM, "MsgError reaches the caller");

    long held = -1;
    pthread_t t;
    int started = pthread_create(&t, NULL, hold_caller, &held) == 0;
    for (int i = 0; i < 1000 && call(OP_HELD, NULL, 0) != 1; i++)
        usleep(1000); /* the held call reaches the server first */
    long released = call(OP_RELEASE, NULL, 0);
    check(started && pthread_join(t, NULL) == 0 && released == 5 && held == 4,
          "two callers answered in the other order both get their answers");

    check(call(OP_TWICE, NULL, 0) == 6, "the first answer of a call arrives");

    volatile double mine = 0.25, back = 0;
    struct req f = {OP_FLOAT, 0, 0};
    double three = 2.0 + mine * 4;
    memcpy(&f.b, &three, sizeof(three));
    ok = MsgSend(coid, &f, sizeof(f), (void *)&back, sizeof(back)) == 0;
    check(ok && back == 4.5 && mine * 2 == 0.5,
          "floating point in client and server, kept across their calls");

    ok = 1;
    for (int i = 0; i < 3 && ok; i++)
        ok = MsgSendPulse(coid, -1, PULSE_CODE, i) == 0;
    check(ok && counts_reach(3, 0), "pulses reach the server between calls");
    check(kill(pid, SIGUSR1) == 0 && counts_reach(3, 1),
          "a signal reaches the server waiting in MsgReceive, its handler runs once");
    call(OP_QUIT, NULL, 0);
    return failures;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 2 && strcmp(argv[1], "oneshot") == 0)
        return oneshot();
    if (argc == 6 && strcmp(argv[1], "client") == 0)
        return client(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]), atoi(argv[5]));
    signal(SIGUSR1, on_usr1);
    sem_init(&posted, 0, 0);
    sem_init(&poke, 0, 0);
    sem_init(&give, 0, 0);
    int chid = ChannelCreate(0);
    chid3 = ChannelCreate(0);
    pthread_t t1, t2;
    check(chid > 0 && chid3 > 0 && pthread_create(&t1, NULL, poster, NULL) == 0 &&
              sem_wait(&posted) == 0 && chid2 > 0 && pthread_create(&t2, NULL, replier, NULL) == 0,
          "the server makes three channels, one in a second thread, and a third thread");
    char pid[16], ch[16], ch2[16], ch3[16];
    snprintf(pid, sizeof(pid), "%d", getpid());
    snprintf(ch, sizeof(ch), "%d", chid);
    snprintf(ch2, sizeof(ch2), "%d", chid2);
    snprintf(ch3, sizeof(ch3), "%d", chid3);
    char *args[] = {argv[0], "client", pid, ch, ch2, ch3, NULL};
    pid_t child;
    int err = posix_spawn(&child, argv[0], NULL, NULL, args, NULL);
    check(err == 0, "the server starts the client");
    while (err == 0 && serve_one(chid))
        ;
    int status = 0;
    check(err == 0 && waitpid(child, &status, 0) == child && WIFEXITED(status),
          "the client ends normally");
    failures += WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    check_oneshot(argv[0]);
    printf("passtest: %d failures\n", failures);
    return failures;
}
