/*
 * The first IPC of QSOE/L: a second thread calls taskman-L's main thread, which replies; then
 * that thread becomes a passive server (no scheduling context of its own, it runs on its
 * callers') and the main thread times raw seL4_Call + seL4_ReplyRecv round trips with it.
 */
#include "taskman_l.h"

#define BATCHES 20
#define ROUNDS  100

static seL4_CPtr ep, ready, main_reply, peer_reply;

// Guest instructions retired so far; exact under QEMU's -icount (OpenSBI lets U-mode read it).
static inline uint64_t instret(void)
{
    uint64_t v;
    __asm__ volatile("rdinstret %0" : "=r"(v));
    return v;
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

// Fewest instructions per round trip over BATCHES batches of ROUNDS calls: a batch that a
// timer interrupt or a budget refill lands in counts more, the least disturbed one is kept.
static uint64_t time_round_trips(void)
{
    uint64_t best = UINT64_MAX;
    seL4_MessageInfo_t info = seL4_MessageInfo_new(0, 0, 0, 0);
    for (int b = 0; b < BATCHES; b++) {
        uint64_t start = instret();
        for (int r = 0; r < ROUNDS; r++)
            seL4_Call(ep, info);
        uint64_t per = (instret() - start) / ROUNDS;
        best = per < best ? per : best;
    }
    return best;
}

void ipc_selftest(void)
{
    ep = object_alloc(seL4_EndpointObject, 0);
    ready = object_alloc(seL4_NotificationObject, 0);
    main_reply = object_alloc(seL4_ReplyObject, 0);
    peer_reply = object_alloc(seL4_ReplyObject, 0);

    struct tm_thread peer;
    thread_start(&peer, peer_main, 0, TASKMAN_PRIO - 1);
    serve_one();
    seL4_Wait(ready, NULL);

    seL4_Error err = seL4_SchedContext_Unbind(peer.sc);
    if (err != seL4_NoError)
        tm_fatal("SchedContext_Unbind failed", err);
    tm_printf("BENCH sel4_raw_call_replyrecv %lu\n", (unsigned long)time_round_trips());
}
