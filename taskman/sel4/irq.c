/*
 * Interrupts on seL4, the part taskman-L does once per attachment: an IRQ handler cap from
 * BootInfo's IRQ control cap, put into the process's own CNode (so the driver acknowledges,
 * which unmasks, without taskman-L), and pointed at the attaching thread's notification with
 * a badge bit of its own. From then on seL4 signals the driver directly; taskman-L is not on
 * the wake path. Also each thread's notification, which pulses share (pulses.c).
 */
#include <errno.h>

#include "proc.h"

#define IRQ_LIMIT 1024 /* seL4 checks the platform's own limit; this keeps the word sane */

static void check(seL4_Error err, const char *what)
{
    if (err != seL4_NoError)
        tm_fatal(what, err);
}

// The notification is bound to the thread's TCB, so seL4 hands its badge to the thread's
// MsgReceive on any endpoint; the process's CNode gets a cap to wait on it (InterruptWait).
seL4_CPtr thread_ntfn(struct lproc *p, unsigned n)
{
    if (n >= (unsigned)p->nthreads)
        return seL4_CapNull;
    if (p->ntfn[n])
        return p->ntfn[n];
    seL4_CPtr ntfn = object_alloc(seL4_NotificationObject, 0);
    check(seL4_CNode_Copy(p->cnode, SEL4_SLOT_NTFN(n), SEL4_CNODE_BITS, seL4_CapInitThreadCNode,
                          ntfn, seL4_WordBits, seL4_CanRead),
          "cannot give a thread its notification");
    check(seL4_TCB_BindNotification(p->threads[n].tcb, ntfn),
          "cannot bind a notification to a thread");
    p->ntfn[n] = ntfn;
    return ntfn;
}

// SEL4_LABEL_IRQ_ATTACH: interrupt irq for thread n of p; the attachment id.
static long attach(struct lproc *p, seL4_Word irq, seL4_Word n)
{
    if (!p->io)
        return -EPERM;
    if (irq == 0 || irq >= IRQ_LIMIT || n >= (seL4_Word)p->nthreads)
        return -EINVAL;
    int id = 1;
    while (id <= SEL4_MAX_IRQ_ATTACH && p->irq[id])
        id++;
    if (id > SEL4_MAX_IRQ_ATTACH)
        return -EAGAIN;
    seL4_Error err = seL4_IRQControl_Get(seL4_CapIRQControl, irq, p->cnode, SEL4_SLOT_IRQ(id),
                                         SEL4_CNODE_BITS);
    if (err == seL4_RevokeFirst)
        return -EBUSY; /* another process has it: seL4 gives one handler per source */
    if (err != seL4_NoError)
        return -EINVAL; /* beyond the platform's interrupts */
    seL4_CPtr badged = slot_alloc();
    check(seL4_CNode_Mint(seL4_CapInitThreadCNode, badged, seL4_WordBits, seL4_CapInitThreadCNode,
                          thread_ntfn(p, (unsigned)n), seL4_WordBits, seL4_AllRights,
                          SEL4_BADGE_EVENT | 1ul << (id - 1)),
          "CNode_Mint of an interrupt's notification failed");
    seL4_CPtr handler = proc_cap_copy(p, SEL4_SLOT_IRQ(id));
    check(seL4_IRQHandler_SetNotification(handler, badged), "IRQHandler_SetNotification failed");
    slot_free(handler);
    slot_free(badged);
    p->irq[id] = (uint16_t)irq;
    return id;
}

// SEL4_LABEL_IRQ_DETACH: deleting the last handler cap releases the source, masked.
static long detach(struct lproc *p, seL4_Word id)
{
    if (id < 1 || id > SEL4_MAX_IRQ_ATTACH || !p->irq[id])
        return -EINVAL;
    check(seL4_CNode_Delete(p->cnode, SEL4_SLOT_IRQ(id), SEL4_CNODE_BITS),
          "CNode_Delete of an IRQ handler failed");
    p->irq[id] = 0;
    return 0;
}

long irq_request(struct lproc *p, unsigned long label)
{
    seL4_Word a = seL4_GetMR(0), b = seL4_GetMR(1);
    return label == SEL4_LABEL_IRQ_ATTACH ? attach(p, a, b) : detach(p, a);
}
