/*
 * Passive servers on QSOE/L: a thread that receives on a _NTO_CHF_PASSIVE channel gives its
 * scheduling context to its notification and from then on runs on its callers' (each call
 * lends the caller's, the reply gives it back), which lets seL4 take its fastpath for the call
 * and for the reply fused with the next receive. Pulses and interrupts on the notification
 * run it on its own context again. libc's side (lib/c/kernel/sel4/server.c) keeps the reply
 * to the caller whose time it runs on until its next receive.
 */
#include "proc.h"

// SEL4_LABEL_PASSIVE from thread n of p, sent with the thread's first receive on a passive
// channel (seL4_NBSendRecv), so the thread is waiting on its endpoint now and may lose its
// context. A thread that asks while running only stops itself. Never answered.
long passive_request(struct lproc *p, seL4_Word n)
{
    if (n >= (seL4_Word)p->nthreads)
        return 0;
    seL4_CPtr ntfn = thread_ntfn(p, (unsigned)n);
    seL4_CPtr sc = p->threads[n].sc;
    if (seL4_SchedContext_Unbind(sc) != seL4_NoError)
        return 0;
    seL4_Error err = seL4_SchedContext_Bind(sc, ntfn);
    if (err != seL4_NoError) /* the notification has a context already: the thread keeps its */
        seL4_SchedContext_Bind(sc, p->threads[n].tcb);
    return 0;
}
