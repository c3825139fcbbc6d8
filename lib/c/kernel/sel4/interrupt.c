/*
 * libc's seL4 layer: interrupts, kernel-direct. InterruptAttachEvent asks taskman-L once for
 * an IRQ handler cap in the process's CNode whose interrupts signal the thread's bound
 * notification with the attachment's badge bit; after that seL4 wakes the driver itself: the
 * badge comes back from its MsgReceive (or InterruptWait), and here becomes the sigevent given
 * at attach time. seL4 keeps the source masked until it is acknowledged, which is what
 * InterruptUnmask does once the attachment's mask count is back to 0, as QNX counts them.
 */
#include <string.h>

#include "sel4call.h"

struct attachment {
    bool used;
    int irq, chid;           /* chid: the own channel a SIGEV_PULSE goes to, else 0 */
    int32_t scoid;           /* the connection's scoid, for the pulse */
    struct sigevent event;
    int masks;               /* masked by an interrupt not yet unmasked, plus InterruptMask */
    bool held;               /* it signalled while masked: delivered again at the unmask */
};

static struct attachment attachments[SEL4_MAX_IRQ_ATTACH + 1];
static seL4_Word pulse_due;  /* bit id - 1: a SIGEV_PULSE interrupt not yet received */
static unsigned intr_due;    /* SIGEV_INTR interrupts not yet waited for */

// The channel of the own process that connection coid reaches, or 0 for another process's.
static int own_channel(int coid, int32_t *scoid)
{
    struct _server_info si;
    if (ConnectServerInfo_r(0, coid, &si) < 0)
        return -1;
    *scoid = si.scoid;
    return si.pid == __tls()->__pid ? si.chid : 0;
}

int InterruptAttachEvent_r(int intr, const struct sigevent *event, unsigned flags)
{
    (void)flags;
    if ((uintptr_t)event < 0x10000)
        return -EFAULT;
    if (event->sigev_notify != SIGEV_INTR && event->sigev_notify != SIGEV_PULSE)
        return -EINVAL;
    int32_t scoid = 0;
    int chid = 0;
    if (event->sigev_notify == SIGEV_PULSE && (chid = own_channel(event->sigev_coid, &scoid)) < 0)
        return -EBADF;
    if (intr <= 0)
        return -EINVAL;
    long id = sel4_taskman_request(SEL4_LABEL_IRQ_ATTACH, (seL4_Word)intr, __sel4_thread_index());
    if (id < 0)
        return (int)id;
    attachments[id] = (struct attachment){true, intr, chid, scoid, *event, 0, false};
    return (int)id;
}

int InterruptAttachEvent(int intr, const struct sigevent *event, unsigned flags)
{
    return (int)set_errno(InterruptAttachEvent_r(intr, event, flags));
}

static void deliver(int id);

static struct attachment *attachment(int id)
{
    return id >= 1 && id <= SEL4_MAX_IRQ_ATTACH && attachments[id].used ? &attachments[id] : NULL;
}

int InterruptDetach_r(int id)
{
    if (!attachment(id))
        return -EINVAL;
    long err = sel4_taskman_request(SEL4_LABEL_IRQ_DETACH, (seL4_Word)id, 0);
    if (err < 0)
        return (int)err;
    attachments[id].used = false;
    pulse_due &= ~(1ul << (id - 1));
    return 0;
}

int InterruptDetach(int id)
{
    return (int)set_errno(InterruptDetach_r(id));
}

// seL4 has no call to mask a source, so a masked one is not acknowledged, and what it signals
// meanwhile is held here until the last InterruptUnmask, as a masked line holds its request.
// (On QEMU's virt machine seL4 completes the PLIC claim at once, so a source may signal again
// before the acknowledgement: that too is held, and a driver may see an interrupt with
// nothing to do, which drivers of level-triggered devices expect anyway.)
int InterruptMask(int intr, int id)
{
    struct attachment *a = attachment(id);
    if (!a || a->irq != intr) {
        errno = EINVAL;
        return -1;
    }
    return ++a->masks;
}

int InterruptUnmask(int intr, int id)
{
    struct attachment *a = attachment(id);
    if (!a || a->irq != intr) {
        errno = EINVAL;
        return -1;
    }
    if (a->masks > 0 && --a->masks == 0) {
        seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
        sel4_call(SEL4_SLOT_IRQ(id), seL4_MessageInfo_new(IRQAckIRQ, 0, 0, 0), &mr0, &mr1,
                         &mr2, &mr3);
        if (a->held) {
            a->held = false;
            a->masks = 1;
            deliver(id);
        }
    }
    return a->masks;
}

void __sel4_events_add(seL4_Word badge)
{
    for (int id = 1; id <= SEL4_MAX_IRQ_ATTACH; id++) {
        struct attachment *a = attachment(id);
        if (!a || !(badge & 1ul << (id - 1)))
            continue;
        if (a->masks > 0) {
            a->held = true;
            continue;
        }
        a->masks = 1; /* masked until InterruptUnmask acknowledges it */
        deliver(id);
    }
    __sel4_pulses_add(badge);
}

// The attachment's sigevent: a pulse due on the own channel, a SIGEV_INTR for InterruptWait,
// or a pulse sent to another process's channel.
static void deliver(int id)
{
    const struct attachment *a = &attachments[id];
    if (a->event.sigev_notify == SIGEV_INTR)
        intr_due++;
    else if (a->chid)
        pulse_due |= 1ul << (id - 1);
    else
        MsgSendPulse_r(a->event.sigev_coid, a->event.sigev_priority, a->event.sigev_code,
                       a->event.sigev_value.sival_int);
}

bool __sel4_irq_take(int chid, struct _pulse *out)
{
    if (!pulse_due)
        return false; /* the common case, checked before the walk: every MsgReceive asks */
    for (int id = 1; id <= SEL4_MAX_IRQ_ATTACH; id++) {
        struct attachment *a = attachment(id);
        if (!a || !(pulse_due & 1ul << (id - 1)) || a->chid != chid)
            continue;
        pulse_due &= ~(1ul << (id - 1));
        memset(out, 0, sizeof(*out));
        out->type = _PULSE_TYPE;
        out->subtype = _PULSE_SUBTYPE;
        out->code = (int8_t)a->event.sigev_code;
        out->value = a->event.sigev_value;
        out->scoid = a->scoid;
        return true;
    }
    return false;
}

// Waits on the thread's own notification; a pulse or interrupt of another kind that comes
// meanwhile is kept for MsgReceive.
int InterruptWait_r(int flags, const uint64_t *timeout)
{
    if (flags != 0 || timeout != NULL)
        return -EINVAL; /* QNX reserves both; timeouts come from TimerTimeout */
    bool any = false;
    for (int id = 1; id <= SEL4_MAX_IRQ_ATTACH && !any; id++)
        any = attachment(id) && attachments[id].event.sigev_notify == SIGEV_INTR;
    if (!any && intr_due == 0)
        return -EINVAL; /* nothing could ever end the wait */
    while (intr_due == 0) {
        seL4_Word badge = 0, mr0, mr1, mr2, mr3;
        sel4_call_begin();
        seL4_WaitWithMRs(SEL4_SLOT_NTFN(__sel4_thread_index()), &badge, &mr0, &mr1, &mr2, &mr3);
        sel4_call_end();
        __sel4_events_add(badge);
        if (intr_due == 0 && __sel4_signals_due() && __sel4_signals_take(NULL) > 0)
            return -EINTR;
    }
    intr_due--;
    return 0;
}

int InterruptWait(int flags, const uint64_t *timeout)
{
    return (int)set_errno(InterruptWait_r(flags, timeout));
}
