/*
 * The register side of the kernel-call ABI (docs/kernel-abi.md): a call keeps ra, sp, gp, tp and
 * s0-s11, and gives back t0-t6 and a1-a7 clobbered but holding no kernel value, both when it
 * returns straight away and when it blocks and is resumed after other threads ran.
 */
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

#define KERNEL_SPACE 0xffffffc000000000ul

// Makes kernel call num with a0-a4 from args, every other register but sp set to 0x5a00 + its
// number, and stores x0..x31 as they come back (x2 holds sp's change, expected 0) in out.
static void call_with_pattern(long num, const long args[5], uint64_t out[32])
{
    register uint64_t *o __asm__("a0") = out;
    register long n __asm__("a1") = num;
    register const long *in __asm__("a2") = args;
    __asm__ volatile(
        /* Keep what the C code around needs, and the arguments, on the stack. */
        "addi sp, sp, -512\n"
        ".irp r, 1, 3, 4, 8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27\n"
        "sd x\\r, 256+8*\\r(sp)\n"
        ".endr\n"
        "sd a0, 256(sp)\n"
        "sd sp, 256+16(sp)\n"
        "mv a7, a1\n"
        "mv t0, a2\n"
        "ld a0, 0(t0)\n"
        "ld a1, 8(t0)\n"
        "ld a2, 16(t0)\n"
        "ld a3, 24(t0)\n"
        "ld a4, 32(t0)\n"
        ".irp r, 1, 3, 4, 5, 6, 7, 8, 9, 15, 16, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, "
        "30, 31\n"
        "li x\\r, 0x5a00 + \\r\n"
        ".endr\n"
        "ecall\n"
        ".irp r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, "
        "24, 25, 26, 27, 28, 29, 30, 31\n"
        "sd x\\r, 8*\\r(sp)\n"
        ".endr\n"
        /* x2: how far sp moved (0 if it was kept). */
        "ld t0, 256+16(sp)\n"
        "sub t0, sp, t0\n"
        "sd t0, 16(sp)\n"
        ".irp r, 1, 3, 4, 8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27\n"
        "ld x\\r, 256+8*\\r(sp)\n"
        ".endr\n"
        "ld a0, 256(sp)\n"
        "li t0, 1\n"
        "1: slli t1, t0, 3\n"
        "add t2, sp, t1\n"
        "ld t2, 0(t2)\n"
        "add t1, a0, t1\n"
        "sd t2, 0(t1)\n"
        "addi t0, t0, 1\n"
        "li t1, 32\n"
        "bltu t0, t1, 1b\n"
        "addi sp, sp, 512\n"
        : "+r"(o), "+r"(n), "+r"(in)
        :
        : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a3", "a4", "a5", "a6", "a7", "memory");
    out[0] = 0;
}

// Whether the registers the ABI keeps came back as they were set.
static bool kept(const uint64_t r[32])
{
    static const int keep[] = {1, 3, 4, 8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27};
    for (unsigned i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
        if (r[keep[i]] != 0x5a00u + (unsigned)keep[i])
            return false;
    return r[2] == 0;
}

// Whether no register the ABI lets a call clobber holds a kernel address.
static bool no_kernel_values(const uint64_t r[32])
{
    static const int clobbered[] = {5, 6, 7, 11, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31};
    for (unsigned i = 0; i < sizeof(clobbered) / sizeof(clobbered[0]); i++)
        if (r[clobbered[i]] >= KERNEL_SPACE)
            return false;
    return true;
}

static bool all_zero(const uint64_t r[32], const int *which, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (r[which[i]] != 0)
            return false;
    return true;
}

static void *nap(void *arg)
{
    sleep_ns(2000000);
    return arg;
}

static int spawn_peer(const char *mode, int chid)
{
    char pid[16], ch[16];
    snprintf(pid, sizeof(pid), "%d", getpid());
    snprintf(ch, sizeof(ch), "%d", chid);
    char *argv[] = {"test/ipc_peer", (char *)mode, pid, ch, "0", NULL};
    return spawn_from_boot_image("test/ipc_peer", argv, 0);
}

static void end_peer(int pid)
{
    int status;
    ProcDestroy(pid, 9);
    ProcWait(pid, &status);
}

// The message calls on their fast paths, which the trap vector enters with the arguments in
// registers: a MsgSend to a server of another process waiting on the same cpu (it switches to
// the server, and back through the reply and the server's next receive), and a server's
// MsgReceive, MsgReply and next MsgReceive with a client of another process on the same cpu.
static void *message_regs(void *arg)
{
    (void)arg;
    static const int clobbered[] = {5, 6, 7, 11, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31};
    uint64_t r[32];
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)1);
    int reg = ChannelCreate(0);
    struct _pulse p;
    int echo = spawn_peer("echo", reg);
    int coid = echo > 0 && MsgReceivePulse(reg, &p, sizeof(p), NULL) == 0
                   ? ConnectAttach(0, echo, p.value.sival_int, 0, 0)
                   : -1;
    /* A timer tick at the wrong moment can send a call down the general path, which gives
       back the thread's earlier register values rather than zeros: a few tries, each of
       which must keep what the ABI keeps and leak nothing. */
    char out[16] = "fast path", in[16] = "";
    const long send[5] = {coid, (long)out, -16, (long)in, -16};
    bool ok = true, zeroed = false;
    for (int i = 0; i < 3 && ok && !zeroed; i++) {
        MsgSend(coid, out, sizeof(out), in, sizeof(in)); /* the server waits in MsgReceive now */
        memset(in, 0, sizeof(in));
        call_with_pattern(KER_MSG_SENDV, send, r);
        ok = coid >= 0 && r[10] == 0 && strcmp(in, "fast path") == 0 && kept(r) &&
             no_kernel_values(r);
        zeroed = all_zero(r, clobbered, sizeof(clobbered) / sizeof(clobbered[0]));
    }
    CHECK("MsgSend to a waiting server on this cpu returns the reply status in a0 and keeps ra, "
          "sp, gp, tp and s0-s11",
          ok);
    CHECK("MsgSend to a waiting server on this cpu returns t0-t6 and a1-a7 zeroed", zeroed);
    const long bad[5] = {coid + 1000, (long)out, -16, (long)in, -16};
    call_with_pattern(KER_MSG_SENDV, bad, r);
    CHECK("MsgSend on a bad connection fails past the fast path and keeps ra, sp, gp, tp and "
          "s0-s11",
          r[10] == (uint64_t)-EBADF && kept(r) &&
              all_zero(r, clobbered, sizeof(clobbered) / sizeof(clobbered[0])));
    end_peer(echo);

    int chid = ChannelCreate(0);
    int client = spawn_peer("sender", chid);
    struct _msg_info info;
    char buf[16] = "";
    const long receive[5] = {chid, (long)buf, -16, (long)&info, 0};
    call_with_pattern(KER_MSG_RECEIVEV, receive, r);
    int rcvid = (int)r[10];
    CHECK("MsgReceive of a client on this cpu returns its rcvid in a0",
          client > 0 && rcvid > 0 && strcmp(buf, "ping") == 0 && info.pid == client);
    CHECK("MsgReceive of a client on this cpu keeps ra, sp, gp, tp and s0-s11", kept(r));
    /* The reply and the next receive back to back: the receive then switches straight to the
       client the reply readied (no other kernel call may come between them). A few tries, as
       above. */
    uint64_t rr[32];
    const long reply[5] = {0, 0, (long)"pong", -5, 0};
    bool reply_ok = true, receive_ok = true;
    zeroed = false;
    for (int i = 0; i < 3 && reply_ok && receive_ok && !zeroed; i++) {
        long args[5] = {rcvid, reply[1], reply[2], reply[3], reply[4]};
        memset(buf, 0, sizeof(buf));
        call_with_pattern(KER_MSG_REPLYV, args, rr);
        call_with_pattern(KER_MSG_RECEIVEV, receive, r);
        reply_ok = rr[10] == 0 && kept(rr) &&
                   all_zero(rr, clobbered, sizeof(clobbered) / sizeof(clobbered[0]));
        rcvid = (int)r[10];
        receive_ok = rcvid > 0 && strcmp(buf, "pong") == 0 && kept(r) && no_kernel_values(r);
        zeroed = all_zero(r, clobbered, sizeof(clobbered) / sizeof(clobbered[0]));
    }
    CHECK("MsgReply to a client on this cpu returns 0 in a0, keeps ra, sp, gp, tp and s0-s11 "
          "and zeroes t0-t6 and a1-a7",
          reply_ok);
    CHECK("MsgReceive right after a reply to a client on this cpu gets its next message and "
          "keeps ra, sp, gp, tp and s0-s11",
          receive_ok);
    CHECK("MsgReceive right after a reply to a client on this cpu returns t0-t6 and a1-a7 zeroed",
          zeroed);
    const long forged[5] = {rcvid ^ 0x40000, 0, (long)"x", -1, 0};
    call_with_pattern(KER_MSG_REPLYV, forged, r);
    CHECK("MsgReply to a forged rcvid fails with ESRCH and keeps ra, sp, gp, tp and s0-s11",
          r[10] == (uint64_t)-ESRCH && kept(r));
    int status = -1;
    CHECK("the client on this cpu ends when told to", MsgReply(rcvid, 1, buf, sizeof(buf)) == 0 &&
                                                          ProcWait(client, &status) == client &&
                                                          status == 0);
    ChannelDestroy(chid);
    ChannelDestroy(reg);
    return NULL;
}

void test_regs(void)
{
    static const int clobbered[] = {5, 6, 7, 11, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31};
    uint64_t r[32];
    const long none[5] = {0};

    call_with_pattern(KER_NOP, none, r);
    CHECK("a kernel call returns its result in a0", r[10] == 0);
    CHECK("a kernel call keeps ra, sp, gp, tp and s0-s11", kept(r));
    CHECK("a kernel call returns t0-t6 and a1-a7 zeroed",
          all_zero(r, clobbered, sizeof(clobbered) / sizeof(clobbered[0])));

    call_with_pattern(KER_NCALLS, none, r);
    CHECK("a failing kernel call keeps ra, sp, gp, tp and s0-s11",
          r[10] == (uint64_t)-ENOSYS && kept(r));

    int tid = start_thread(nap, NULL, 0, 0);
    const long join[5] = {tid};
    call_with_pattern(KER_THREAD_JOIN, join, r);
    CHECK("a kernel call that blocks returns its result in a0", tid > 0 && r[10] == 0);
    CHECK("a kernel call that blocks keeps ra, sp, gp, tp and s0-s11", kept(r));
    CHECK("a kernel call that blocks returns no kernel value in t0-t6 and a1-a7",
          no_kernel_values(r));

    tid = start_thread(message_regs, NULL, 0, 0);
    ThreadJoin(tid, NULL);
}
