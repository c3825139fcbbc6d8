/*
 * Threads in taskman-L's own address space. Each gets a stack and an IPC-buffer page (which
 * holds its TLS block too) from static pools inside the image (so the page's frame cap is one
 * seL4 already gave the root task), and a TCB and a scheduling context made from untyped
 * memory.
 */
#include "taskman_l.h"

#define MAX_THREADS   2
#define STACK_SIZE    16384
#define THREAD_BUDGET 5000 // microseconds, the same as the period: a round-robin time slice

union ipc_page {
    seL4_IPCBuffer buffer;
    char page[1u << seL4_PageBits];
};

static union ipc_page ipc_pages[MAX_THREADS] __attribute__((aligned(1u << seL4_PageBits)));
static char stacks[MAX_THREADS][STACK_SIZE] __attribute__((aligned(16)));
static unsigned nthreads;

extern char __global_pointer$[];

// First code of every new thread: a0-a3 as thread_start wrote them. Records the IPC buffer
// for libsel4, runs the body and, if it returns, stops the thread.
static void thread_entry(void (*entry)(uintptr_t), uintptr_t arg, seL4_IPCBuffer *ipc,
                         seL4_CPtr tcb)
{
    __sel4_ipc_buffer = ipc;
    entry(arg);
    seL4_TCB_Suspend(tcb);
}

void thread_start(struct tm_thread *t, void (*entry)(uintptr_t), uintptr_t arg, unsigned prio)
{
    if (nthreads == MAX_THREADS)
        tm_fatal("no room for another thread (MAX_THREADS)", MAX_THREADS);
    unsigned n = nthreads++;

    t->tcb = object_alloc(seL4_TCBObject, 0);
    t->sc = object_alloc(seL4_SchedContextObject, seL4_MinSchedContextBits);
    seL4_Error err = seL4_SchedControl_ConfigureFlags(tm_bootinfo->schedcontrol.start, t->sc,
                                                      THREAD_BUDGET, THREAD_BUDGET, 0, 0, 0);
    if (err != seL4_NoError)
        tm_fatal("SchedControl_ConfigureFlags failed", err);
    err = seL4_TCB_Configure(t->tcb, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0,
                             (seL4_Word)&ipc_pages[n], image_frame(&ipc_pages[n]));
    if (err != seL4_NoError)
        tm_fatal("TCB_Configure failed", err);
    err = seL4_TCB_SetSchedParams(t->tcb, seL4_CapInitThreadTCB, prio, prio, t->sc, seL4_CapNull);
    if (err != seL4_NoError)
        tm_fatal("TCB_SetSchedParams failed", err);

    seL4_UserContext regs = {
        .pc = (seL4_Word)thread_entry,
        .sp = (seL4_Word)(stacks[n] + STACK_SIZE),
        .gp = (seL4_Word)__global_pointer$,
        .tp = tls_init(&ipc_pages[n].buffer, (int)n + 2),
        .a0 = (seL4_Word)entry,
        .a1 = arg,
        .a2 = (seL4_Word)&ipc_pages[n],
        .a3 = t->tcb,
    };
    err = seL4_TCB_WriteRegisters(t->tcb, 1, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
    if (err != seL4_NoError)
        tm_fatal("TCB_WriteRegisters failed", err);
}
