/*
 * The first IPC of QSOE/L: a second thread calls taskman-L's main thread, which replies; then
 * that thread becomes a passive server (no scheduling context of its own, it runs on its
 * callers') and the main thread times raw seL4_Call + seL4_ReplyRecv round trips with it.
 */
#include "taskman_l.h"

#define BATCHES      20
#define ROUNDS       100
#define BENCH_BUDGET 1000000 // microseconds: no budget expiry (timer interrupt) within a batch

static seL4_CPtr ep, ready, main_reply, peer_reply;

// The time CSR, CONFIG_TIMER_FREQUENCY ticks a second (OpenSBI lets U-mode read it). Wall
// time, not instructions: this seL4 cannot boot under QEMU's -icount (docs/qsoe-l.md).
static inline uint64_t rdtime(void)
{
    uint64_t v;
    __asm__ volatile("rdtime %0" : "=r"(v));
    return v;
}

// Empty marks around the first timed batch: bench/sel4_insns.py counts the instructions the
// measuring hart executes between them in a QEMU instruction trace.
__attribute__((noinline)) void bench_batch_begin(void)
{
    __asm__ volatile("");
}

__attribute__((noinline)) void bench_batch_end(void)
{
    __asm__ volatile("");
}

// The second thread: one call to the main thread, then an echo server on `ep` for ever.
static void peer_main(uintptr_t arg)
{
    (void)arg;
    seL4_SetMR(0, 41);
    seL4_MessageInfo_t info = seL4_Call(ep, seL4_MessageInfo_new(0, 0, 0, 1));
    tm_printf("taskman: IPC round trip: a second thread sent 41 and got %lu back (%lu word)\n",
              (unsigned long)seL4_GetMR(0), (unsigned long)seL4_MessageInfo_get_length(info));

    // Signal `ready` and wait on `ep` in one step, so the main thread sees this thread
    // blocked on the endpoint when it takes the scheduling context away.
    seL4_Word badge;
    info = seL4_NBSendRecv(ready, seL4_MessageInfo_new(0, 0, 0, 0), ep, &badge, peer_reply);
    for (;;)
        info = seL4_ReplyRecv(ep, info, &badge, peer_reply);
}

// The main thread's side of the first round trip: receive, add one, reply.
static void serve_one(void)
{
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge, main_reply);
    if (seL4_MessageInfo_get_length(info) != 1)
        tm_fatal("the second thread's message has the wrong length",
                 (long)seL4_MessageInfo_get_length(info));
    seL4_SetMR(0, seL4_GetMR(0) + 1);
    seL4_Send(main_reply, seL4_MessageInfo_new(0, 0, 0, 1));
}

// Nanoseconds per round trip in the fastest of BATCHES batches of ROUNDS calls: a batch that
// a timer interrupt, a budget refill or the host lands in takes longer.
static uint64_t time_round_trips(void)
{
    uint64_t best = UINT64_MAX;
    seL4_MessageInfo_t info = seL4_MessageInfo_new(0, 0, 0, 0);
    for (int b = 0; b < BATCHES; b++) {
        if (b == 0)
            bench_batch_begin();
        uint64_t start = rdtime();
        for (int r = 0; r < ROUNDS; r++)
            seL4_Call(ep, info);
        uint64_t ticks = rdtime() - start;
        if (b == 0)
            bench_batch_end();
        best = ticks < best ? ticks : best;
    }
    return best * 1000000000ull / CONFIG_TIMER_FREQUENCY / ROUNDS;
}

void ipc_selftest(void)
{
    ep = object_alloc(seL4_EndpointObject, 0);
    ready = object_alloc(seL4_NotificationObject, 0);
    main_reply = object_alloc(seL4_ReplyObject, 0);
    peer_reply = object_alloc(seL4_ReplyObject, 0);

    struct tm_thread peer;
    thread_start(&peer, peer_main, 0, TASKMAN_PRIO);
    serve_one();
    seL4_Wait(ready, NULL);

    seL4_Error err = seL4_SchedContext_Unbind(peer.sc);
    if (err != seL4_NoError)
        tm_fatal("SchedContext_Unbind failed", err);
    err = seL4_SchedControl_ConfigureFlags(tm_bootinfo->schedcontrol.start, seL4_CapInitThreadSC,
                                           BENCH_BUDGET, BENCH_BUDGET, 0, 0, 0);
    if (err != seL4_NoError)
        tm_fatal("SchedControl_ConfigureFlags of the root task failed", err);
    tm_printf("BENCH sel4_raw_call_replyrecv_ns %lu\n", (unsigned long)time_round_trips());
}
