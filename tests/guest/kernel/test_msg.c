/*
 * Channels, connections, messages and pulses within one process: the documented behaviour of
 * each call, its bad input, timeouts, priority inheritance and the kernel's pulses.
 */
#include <string.h>

#include "harness.h"

struct start {
    void *(*fn)(void *);
    void *arg;
    int cpu;
};

static void *trampoline(void *p)
{
    struct start s = *(struct start *)p;
    if (s.cpu >= 0)
        ThreadCtl(_NTO_TCTL_RUNMASK, (void *)(uintptr_t)(1u << s.cpu));
    return s.fn(s.arg);
}

// Starts a joinable thread with the given scheduling, confined to cpu (or anywhere if < 0).
static int exit_joinable(void *(*fn)(void *), void *arg, int policy, int prio, int cpu)
{
    static struct start starts[64];
    static int next;
    struct start *s = &starts[next++ % 64];
    *s = (struct start){fn, arg, cpu};
    return start_thread(trampoline, s, policy, prio);
}

/* An echo server: replies with the message upper-cased and the length as status, until it
   gets a message starting with "quit". It records the priority it served each message at. */
static volatile int served_priority;

static void *echo_server(void *arg)
{
    int chid = (int)(uintptr_t)arg;
    char buf[256];
    struct _msg_info info;
    for (;;) {
        int rcvid = MsgReceive(chid, buf, sizeof(buf), &info);
        if (rcvid < 0)
            return (void *)(intptr_t)errno;
        if (rcvid == 0)
            continue;
        struct sched_param p;
        SchedGet(0, 0, &p);
        served_priority = p.sched_curpriority;
        if (info.msglen >= 4 && memcmp(buf, "quit", 4) == 0) {
            MsgReply(rcvid, 0, NULL, 0);
            return NULL;
        }
        for (int i = 0; i < info.msglen; i++)
            if (buf[i] >= 'a' && buf[i] <= 'z')
                buf[i] -= 32;
        MsgReply(rcvid, info.msglen, buf, (size_t)info.msglen);
    }
}

static void stop_server(int coid, int tid)
{
    MsgSend(coid, "quit", 4, NULL, 0);
    ThreadJoin(tid, NULL);
}

static void test_basic(void)
{
    int chid = ChannelCreate(0);
    CHECK("ChannelCreate returns a channel id", chid > 0);
    int coid = ConnectAttach(0, 0, chid, 0, 0);
    CHECK("ConnectAttach returns a connection id", coid >= 0);
    int side = ConnectAttach(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
    CHECK("a side-channel connection id has _NTO_SIDE_CHANNEL set",
          side > 0 && (side & _NTO_SIDE_CHANNEL));
    int high = ConnectAttach(0, 0, chid, 100, 0);
    CHECK("ConnectAttach honours the lowest index asked for", high == 100);
    ConnectDetach(high);
    int srv = exit_joinable(echo_server, (void *)(uintptr_t)chid, 0, 0, -1);

    char reply[64] = {0};
    long st = MsgSend(coid, "hello, server", 13, reply, sizeof(reply));
    CHECK("MsgSend returns the server's reply status", st == 13);
    CHECK("MsgSend receives the reply data", memcmp(reply, "HELLO, SERVER", 13) == 0);
    st = MsgSend(side, "side", 4, reply, sizeof(reply));
    CHECK("a side-channel connection carries messages", st == 4 && memcmp(reply, "SIDE", 4) == 0);

    iov_t siov[3] = {{"ab", 2}, {"cd", 2}, {"ef", 2}};
    char r1[3] = {0}, r2[3] = {0};
    iov_t riov[2] = {{r1, 3}, {r2, 3}};
    st = MsgSendv(coid, siov, 3, riov, 2);
    CHECK("MsgSendv gathers three parts and scatters the reply into two",
          st == 6 && memcmp(r1, "ABC", 3) == 0 && memcmp(r2, "DEF", 3) == 0);
    st = MsgSend(coid, "0123456789", 10, reply, 4);
    CHECK("a reply longer than the reply buffer is cut to fit",
          st == 10 && memcmp(reply, "0123", 4) == 0);
    st = MsgSend(coid, "", 0, NULL, 0);
    CHECK("an empty message is delivered", st == 0);

    for (int i = 0; i < 2; i++) {
        char big[200];
        memset(big, 'a', sizeof(big));
        st = MsgSend(coid, big, sizeof(big), big, sizeof(big));
        CHECK(i ? "a 200-byte message crosses again" : "a 200-byte message crosses",
              st == 200 && big[0] == 'A' && big[199] == 'A');
    }

    CHECK_ERR("MsgSend from a kernel address gives EFAULT", MsgSend(coid, KERNEL_ADDR, 8, NULL, 0),
              EFAULT);
    CHECK_ERR("MsgSend from an unmapped address gives EFAULT",
              MsgSend(coid, UNMAPPED_ADDR, 8, NULL, 0), EFAULT);
    CHECK_ERR("MsgSend of a wrapping buffer gives EFAULT", MsgSend(coid, WRAP_ADDR, 64, NULL, 0),
              EFAULT);
    CHECK_ERR("MsgSend into a kernel-address reply buffer gives EFAULT",
              MsgSend(coid, "x", 1, KERNEL_ADDR, 8), EFAULT);
    CHECK_ERR("MsgSendv with a kernel-address iov array gives EFAULT",
              MsgSendv(coid, KERNEL_ADDR, 2, NULL, 0), EFAULT);
    iov_t bad_iov[1] = {{UNMAPPED_ADDR, 16}};
    CHECK_ERR("MsgSendv with an iov naming unmapped memory gives EFAULT",
              MsgSendv(coid, bad_iov, 1, NULL, 0), EFAULT);
    iov_t many[17];
    for (int i = 0; i < 17; i++)
        many[i] = (iov_t){"x", 1};
    CHECK_ERR("MsgSendv with 17 parts gives EOVERFLOW", MsgSendv(coid, many, 17, NULL, 0),
              EOVERFLOW);
    CHECK("MsgSendv with 16 parts is delivered", MsgSendv(coid, many, 16, NULL, 0) == 16);
    CHECK_ERR("MsgSend on a connection id never made gives EBADF", MsgSend(77, "x", 1, NULL, 0),
              EBADF);
    CHECK_ERR("MsgSend on a negative connection id gives EBADF", MsgSend(-5, "x", 1, NULL, 0),
              EBADF);
    CHECK("the server is still serving after the bad sends",
          MsgSend(coid, "ok", 2, reply, sizeof(reply)) == 2);

    stop_server(coid, srv);
    CHECK("ConnectDetach ends a connection", ConnectDetach(side) == 0);
    CHECK_ERR("MsgSend on a detached connection gives EBADF", MsgSend(side, "x", 1, NULL, 0),
              EBADF);
    CHECK_ERR("ConnectDetach twice gives EINVAL", ConnectDetach(side), EINVAL);
    CHECK("ChannelDestroy ends a channel", ChannelDestroy(chid) == 0);
    CHECK_ERR("MsgSend to a destroyed channel gives EBADF", MsgSend(coid, "x", 1, NULL, 0), EBADF);
    CHECK_ERR("ChannelDestroy twice gives EINVAL", ChannelDestroy(chid), EINVAL);
    ConnectDetach(coid);

    CHECK_ERR("ChannelCreate with unknown flags gives EINVAL", ChannelCreate(0x80000000u), EINVAL);
    CHECK_ERR("ConnectAttach to a process that does not exist gives ESRCH",
              ConnectAttach(0, 99999, 1, 0, 0), ESRCH);
    CHECK_ERR("ConnectAttach to a channel that does not exist gives ESRCH",
              ConnectAttach(0, 0, 60, 0, 0), ESRCH);
    CHECK_ERR("ConnectAttach to another node gives EINVAL", ConnectAttach(5, 0, 1, 0, 0), EINVAL);
    char buf[8];
    CHECK_ERR("MsgReceive on a channel that does not exist gives ESRCH",
              MsgReceive(61, buf, sizeof(buf), NULL), ESRCH);
    CHECK_ERR("MsgReply with a made-up rcvid gives ESRCH", MsgReply(12345, 0, NULL, 0), ESRCH);
    CHECK_ERR("MsgReply with rcvid 0 gives ESRCH", MsgReply(0, 0, NULL, 0), ESRCH);
    CHECK_ERR("MsgError with a made-up rcvid gives ESRCH", MsgError(777777, EIO), ESRCH);
    CHECK_ERR("MsgRead with a made-up rcvid gives ESRCH", MsgRead(4242, buf, 4, 0), ESRCH);
}

/* A server that serves one message by hand, to test MsgRead, MsgWrite, MsgInfo, MsgError and
   replying twice. */
static volatile int step_results[16];

static void *manual_server(void *arg)
{
    int chid = (int)(uintptr_t)arg;
    char small[8];
    struct _msg_info info;
    int rcvid = MsgReceive(chid, small, sizeof(small), &info);
    step_results[0] = rcvid > 0;
    step_results[1] = info.msglen == 8 && info.srcmsglen == 26 && info.dstmsglen == 32;
    step_results[2] = info.pid == 1 && info.tid == 1 && info.chid == chid;
    char rest[32] = {0};
    step_results[3] =
        MsgRead(rcvid, rest, sizeof(rest), 8) == 18 && memcmp(rest, "ijklmnopqrstuvwxyz", 18) == 0;
    step_results[4] = MsgRead(rcvid, rest, sizeof(rest), 100) == 0;
    struct _msg_info again;
    step_results[5] = MsgInfo(rcvid, &again) == 0 && again.srcmsglen == 26;
    step_results[6] = MsgWrite(rcvid, "XYZ", 3, 5) == 3;
    step_results[7] = MsgReply(rcvid, 99, "ab", 2) == 0;
    step_results[8] = MsgReply(rcvid, 1, NULL, 0) == -1 && errno == ESRCH;
    rcvid = MsgReceive(chid, small, sizeof(small), NULL);
    step_results[9] = MsgError(rcvid, EACCES) == 0;
    rcvid = MsgReceive(chid, small, sizeof(small), KERNEL_ADDR);
    step_results[10] = rcvid == -1 && errno == EFAULT;
    rcvid = MsgReceive(chid, KERNEL_ADDR, 8, NULL);
    step_results[11] = rcvid == -1 && errno == EFAULT;
    rcvid = MsgReceive(chid, small, sizeof(small), (struct _msg_info *)((char *)&info + 1));
    step_results[12] = rcvid == -1 && errno == EFAULT;
    rcvid = MsgReceive(chid, small, sizeof(small), NULL);
    step_results[13] = MsgReply(rcvid, 0, KERNEL_ADDR, 4) == -1 && errno == EFAULT;
    step_results[14] = MsgReply(rcvid, 5, NULL, 0) == 0;
    return NULL;
}

static void test_manual(void)
{
    int chid = ChannelCreate(0);
    int coid = ConnectAttach(0, 0, chid, 0, 0);
    int srv = exit_joinable(manual_server, (void *)(uintptr_t)chid, 0, 0, -1);
    char reply[32];
    memset(reply, '.', sizeof(reply));
    long st = MsgSend(coid, "abcdefghijklmnopqrstuvwxyz", 26, reply, sizeof(reply));
    errno = 0;
    long st_error = MsgSend(coid, "e", 1, NULL, 0);
    int err_error = errno;
    /* The next three receives fail on the server's side; this one send is served by the last. */
    long st_last = MsgSend(coid, "f", 1, NULL, 0);
    ThreadJoin(srv, NULL); /* the server's own results are complete only now */
    CHECK("MsgReceive returns a positive rcvid", step_results[0]);
    CHECK("_msg_info gives msglen, srcmsglen and dstmsglen", step_results[1]);
    CHECK("_msg_info names the sender's process, thread and the channel", step_results[2]);
    CHECK("MsgRead fetches the rest of a message past the receive buffer", step_results[3]);
    CHECK("MsgRead past the end of the message reads nothing", step_results[4]);
    CHECK("MsgInfo describes the message again", step_results[5]);
    CHECK("MsgWrite puts bytes at an offset of the reply buffer", step_results[6]);
    CHECK("MsgReply ends the exchange", step_results[7] && st == 99);
    CHECK("the client sees MsgWrite's bytes and MsgReply's", memcmp(reply, "ab...XYZ..", 10) == 0);
    CHECK("replying twice gives ESRCH", step_results[8]);
    CHECK("MsgError makes MsgSend fail with that error",
          step_results[9] && st_error == -1 && err_error == EACCES);
    CHECK("a receive with a kernel-address info gives EFAULT", step_results[10]);
    CHECK("a receive into a kernel-address buffer gives EFAULT", step_results[11]);
    CHECK("a receive with a misaligned info gives EFAULT", step_results[12]);
    CHECK("a reply from a kernel-address buffer gives EFAULT and the client waits on",
          step_results[13] && step_results[14] && st_last == 5);
    ChannelDestroy(chid);
    ConnectDetach(coid);
}

static void test_pulses(void)
{
    int chid = ChannelCreate(0);
    int coid = ConnectAttach(0, 0, chid, 0, 0);
    struct _pulse p;
    CHECK("MsgSendPulse to a channel nobody receives on does not block",
          MsgSendPulse(coid, 10, 5, 1234) == 0);
    CHECK("MsgReceive returns 0 for a pulse", MsgReceive(chid, &p, sizeof(p), NULL) == 0);
    CHECK("the pulse carries its code and value", p.code == 5 && p.value.sival_int == 1234);
    MsgSendPulse(coid, 10, 1, 1);
    MsgSendPulse(coid, 30, 2, 2);
    MsgSendPulse(coid, 20, 3, 3);
    int order = 0;
    for (int i = 0; i < 3; i++) {
        MsgReceivePulse(chid, &p, sizeof(p), NULL);
        order = order * 10 + p.code;
    }
    CHECK("queued pulses come out highest priority first", order == 231);
    CHECK_ERR("a pulse code above 127 gives EINVAL", MsgSendPulse(coid, 10, 128, 0), EINVAL);
    CHECK_ERR("a negative pulse code is the kernel's: EINVAL", MsgSendPulse(coid, 10, -3, 0),
              EINVAL);
    CHECK_ERR("a pulse priority of 256 gives EINVAL", MsgSendPulse(coid, 256, 1, 0), EINVAL);
    CHECK_ERR("MsgSendPulse on a bad connection gives EBADF", MsgSendPulse(999, 10, 1, 0), EBADF);

    int sent = 0;
    while (MsgSendPulse(coid, 10, 7, sent) == 0 && sent < 5000)
        sent++;
    CHECK("the pulse pool is bounded: sending fails with EAGAIN when it is empty",
          sent > 0 && sent <= 1024 && errno == EAGAIN);
    int got = 0, in_order = 1;
    uint64_t ns = 1000000;
    for (;;) {
        TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, NULL, &ns, NULL);
        if (MsgReceive(chid, &p, sizeof(p), NULL) != 0)
            break;
        in_order &= p.value.sival_int == got;
        got++;
    }
    CHECK("every queued pulse is received, in order, and none more", got == sent && in_order);
    CHECK("after the pool drains, pulses can be sent again", MsgSendPulse(coid, 10, 1, 0) == 0);
    MsgReceive(chid, &p, sizeof(p), NULL);
    ConnectDetach(coid);
    ChannelDestroy(chid);
}

static void *never_reply_server(void *arg)
{
    int chid = (int)(uintptr_t)arg;
    struct _pulse p;
    int rcvid = MsgReceive(chid, &p, sizeof(p), NULL);
    int pulse_rcvid = MsgReceive(chid, &p, sizeof(p), NULL);
    if (pulse_rcvid == 0 && p.code == _PULSE_CODE_UNBLOCK && p.value.sival_int == rcvid)
        MsgError(rcvid, ETIMEDOUT);
    return (void *)(intptr_t)pulse_rcvid;
}

static void *receive_forever(void *arg)
{
    char buf[16];
    int rcvid = MsgReceive((int)(uintptr_t)arg, buf, sizeof(buf), NULL);
    uint64_t ns = 200000000;
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
    return (void *)(intptr_t)rcvid;
}

static void test_timeouts(void)
{
    int chid = ChannelCreate(0);
    int coid = ConnectAttach(0, 0, chid, 0, 0);
    uint64_t ns = 5000000;
    char buf[16];
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, NULL, &ns, NULL);
    CHECK_ERR("MsgReceive with a RECEIVE timeout gives ETIMEDOUT",
              MsgReceive(chid, buf, sizeof(buf), NULL), ETIMEDOUT);
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND, NULL, &ns, NULL);
    CHECK_ERR("MsgSend with a SEND timeout and no receiver gives ETIMEDOUT",
              MsgSend(coid, "x", 1, NULL, 0), ETIMEDOUT);
    int srv = exit_joinable(receive_forever, (void *)(uintptr_t)chid, 0, 0, -1);
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_REPLY, NULL, &ns, NULL);
    CHECK_ERR("MsgSend with a REPLY timeout and a server that never replies gives ETIMEDOUT",
              MsgSend(coid, "x", 1, NULL, 0), ETIMEDOUT);
    void *rcvid;
    ThreadJoin(srv, &rcvid);
    CHECK_ERR("replying to a client that timed out gives ESRCH",
              MsgReply((int)(intptr_t)rcvid, 0, NULL, 0), ESRCH);
    ConnectDetach(coid);
    ChannelDestroy(chid);

    chid = ChannelCreate(_NTO_CHF_UNBLOCK);
    coid = ConnectAttach(0, 0, chid, 0, 0);
    srv = exit_joinable(never_reply_server, (void *)(uintptr_t)chid, 0, 0, -1);
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_REPLY, NULL, &ns, NULL);
    CHECK_ERR("with _NTO_CHF_UNBLOCK a REPLY timeout becomes an unblock pulse the server answers",
              MsgSend(coid, "x", 1, NULL, 0), ETIMEDOUT);
    void *pulse_rcvid;
    ThreadJoin(srv, &pulse_rcvid);
    CHECK("the server got the unblock pulse", pulse_rcvid == NULL);
    ConnectDetach(coid);
    ChannelDestroy(chid);
}

static void *blocked_sender(void *arg)
{
    return (void *)MsgSend((int)(uintptr_t)arg, "x", 1, NULL, 0) == (void *)-1
               ? (void *)(intptr_t)errno
               : NULL;
}

static void *blocked_receiver(void *arg)
{
    char b[8];
    return MsgReceive((int)(uintptr_t)arg, b, sizeof(b), NULL) == -1 ? (void *)(intptr_t)errno
                                                                     : NULL;
}

static void test_destroy_and_kernel_pulses(void)
{
    int chid = ChannelCreate(0);
    int coid = ConnectAttach(0, 0, chid, 0, 0);
    int sender = exit_joinable(blocked_sender, (void *)(uintptr_t)coid, 0, 0, -1);
    int receiver2chid = ChannelCreate(0);
    int receiver = exit_joinable(blocked_receiver, (void *)(uintptr_t)receiver2chid, 0, 0, -1);
    sleep_ns(10000000);
    ChannelDestroy(chid);
    ChannelDestroy(receiver2chid);
    void *err;
    ThreadJoin(sender, &err);
    CHECK("a SEND-blocked client of a destroyed channel fails with ESRCH", err == (void *)ESRCH);
    ThreadJoin(receiver, &err);
    CHECK("a receiver on a destroyed channel fails with EBADF", err == (void *)EBADF);
    ConnectDetach(coid);

    int events =
        ChannelCreate(_NTO_CHF_DISCONNECT | _NTO_CHF_THREAD_DEATH | _NTO_CHF_COID_DISCONNECT);
    int target = ChannelCreate(0);
    int c1 = ConnectAttach(0, 0, events, 0, 0);
    int c2 = ConnectAttach(0, 0, target, 0, 0);
    struct _pulse p;
    ConnectDetach(c1);
    CHECK("detaching a connection sends a disconnect pulse",
          MsgReceivePulse(events, &p, sizeof(p), NULL) == 0 && p.code == _PULSE_CODE_DISCONNECT);
    ChannelDestroy(target);
    CHECK("destroying a channel sends a coid-death pulse with the connection id",
          MsgReceivePulse(events, &p, sizeof(p), NULL) == 0 && p.code == _PULSE_CODE_COIDDEATH &&
              p.value.sival_int == c2);
    CHECK_ERR("the dead connection gives EBADF", MsgSend(c2, "x", 1, NULL, 0), EBADF);
    ConnectDetach(c2);
    int tid = exit_joinable(blocked_receiver, (void *)(uintptr_t)999, 0, 0, -1);
    ThreadJoin(tid, NULL);
    CHECK("a thread's death sends a thread-death pulse with its tid",
          MsgReceivePulse(events, &p, sizeof(p), NULL) == 0 && p.code == _PULSE_CODE_THREADDEATH &&
              p.value.sival_int == tid);
    ChannelDestroy(events);
}

static void *deliver_server(void *arg)
{
    int chid = (int)(uintptr_t)arg;
    struct sigevent ev;
    int rcvid = MsgReceive(chid, &ev, sizeof(ev), NULL);
    MsgReply(rcvid, 0, NULL, 0);
    sleep_ns(2000000);
    return (void *)(intptr_t)MsgDeliverEvent(rcvid, &ev);
}

static void test_deliver_event(void)
{
    int own = ChannelCreate(0);
    int self = ConnectAttach(0, 0, own, 0, 0);
    int chid = ChannelCreate(0);
    int coid = ConnectAttach(0, 0, chid, 0, 0);
    int srv = exit_joinable(deliver_server, (void *)(uintptr_t)chid, 0, 0, -1);
    struct sigevent ev = {0};
    ev.sigev_notify = SIGEV_PULSE;
    ev.sigev_coid = self;
    ev.sigev_priority = 10;
    ev.sigev_code = 9;
    ev.sigev_value.sival_int = 4321;
    MsgSend(coid, &ev, sizeof(ev), NULL, 0);
    struct _pulse p;
    CHECK("MsgDeliverEvent delivers the client's pulse event after the reply",
          MsgReceivePulse(own, &p, sizeof(p), NULL) == 0 && p.code == 9 &&
              p.value.sival_int == 4321);
    void *r;
    ThreadJoin(srv, &r);
    CHECK("MsgDeliverEvent returns 0", r == NULL);
    CHECK_ERR("MsgDeliverEvent with a made-up rcvid gives ESRCH", MsgDeliverEvent(55555, &ev),
              ESRCH);
    CHECK_ERR("MsgDeliverEvent from a kernel-address event gives EFAULT",
              MsgDeliverEvent(55555, KERNEL_ADDR), EFAULT);
    ConnectDetach(coid);
    ChannelDestroy(chid);
    ConnectDetach(self);
    ChannelDestroy(own);
}

static void test_priority_inheritance(void)
{
    for (int fixed = 0; fixed < 2; fixed++) {
        int chid = ChannelCreate(fixed ? _NTO_CHF_FIXED_PRIORITY : 0);
        int coid = ConnectAttach(0, 0, chid, 0, 0);
        int srv = exit_joinable(echo_server, (void *)(uintptr_t)chid, SCHED_FIFO, 5, 1);
        struct sched_param p = {0}, old;
        SchedGet(0, 0, &old);
        p.sched_priority = 20;
        SchedSet(0, 0, SCHED_NOCHANGE, &p);
        MsgSend(coid, "pri", 3, NULL, 0);
        SchedSet(0, 0, SCHED_NOCHANGE, &old);
        if (!fixed)
            CHECK("a server serves a priority-20 client at priority 20 (inheritance)",
                  served_priority == 20);
        else
            CHECK("with _NTO_CHF_FIXED_PRIORITY the server keeps its own priority 5",
                  served_priority == 5);
        struct sched_param sp;
        SchedGet(0, srv, &sp);
        if (!fixed)
            CHECK("after replying the server is back at its own priority",
                  sp.sched_curpriority == 5);
        stop_server(coid, srv);
        ConnectDetach(coid);
        ChannelDestroy(chid);
    }
}

// ConnectMove (taskman's call for handing descriptors to a child), within this process: the
// suite runs with the taskman privilege; tests/guest/programs/unprivileged.c checks EPERM.
static void test_connect_move(void)
{
    int chid = ChannelCreate(0);
    int a = ConnectAttach(0, 0, chid, 10, 0);
    int b = ConnectAttach(0, 0, chid, 10, 0);
    struct _server_info si, moved;
    ConnectServerInfo(0, a, &si);
    CHECK_ERR("ConnectMove to a connection id that is taken gives EBUSY", ConnectMove(0, a, 0, b),
              EBUSY);
    CHECK_ERR("ConnectMove to a process that does not exist gives ESRCH",
              ConnectMove(0, a, 99999, 40), ESRCH);
    CHECK_ERR("ConnectMove from a process that does not exist gives ESRCH",
              ConnectMove(99999, a, 0, 40), ESRCH);
    CHECK_ERR("ConnectMove to a connection id out of range gives EINVAL", ConnectMove(0, a, 0, 256),
              EINVAL);
    CHECK_ERR("ConnectMove of a side channel gives EINVAL",
              ConnectMove(0, a | _NTO_SIDE_CHANNEL, 0, 40), EINVAL);
    CHECK_ERR("ConnectMove of a connection id with no connection gives EBADF",
              ConnectMove(0, 41, 0, 40), EBADF);
    CHECK("ConnectMove puts the connection at exactly the index asked for, with its scoid",
          ConnectMove(0, a, 0, 40) == 0 && ConnectServerInfo(0, 40, &moved) == 40 &&
              moved.scoid == si.scoid && moved.chid == chid);
    CHECK("and the old connection id is free", ConnectServerInfo(0, a, &si) != a);
    ConnectDetach(40);
    ConnectDetach(b);
    ChannelDestroy(chid);
}

void test_msg(void)
{
    test_basic();
    test_manual();
    test_pulses();
    test_timeouts();
    test_destroy_and_kernel_pulses();
    test_deliver_event();
    test_priority_inheritance();
    test_connect_move();
}
