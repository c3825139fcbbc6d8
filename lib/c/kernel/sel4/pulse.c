/*
 * libc's seL4 layer: pulses. MsgSendPulse and MsgDeliverEvent ask taskman-L, which answers at
 * once (the sender never waits for the receiver), queues the pulse and signals the receiving
 * thread's notification with the channel's bit (taskman/sel4/pulses.c). MsgReceive, seeing
 * that bit, takes the queued pulses from taskman-L one by one, best priority first, after the
 * interrupts due on the channel (interrupt.c), which never pass through taskman-L.
 */
#include <string.h>

#include "sel4call.h"

#define PRIO_DEFAULT 10
#define PRIO_MAX     255

static seL4_Word chan_due; /* SEL4_EVENT_CHAN_BIT(k): taskman-L holds pulses for channel k */

static int own_priority(void)
{
    return PRIO_DEFAULT; /* QSOE/L threads run at their creation priority, by default this */
}

int MsgSendPulse_r(int coid, int priority, int code, int value)
{
    if (priority != -1 && (priority < 0 || priority > PRIO_MAX))
        return -EINVAL;
    if (code < _PULSE_CODE_MINAVAIL || code > _PULSE_CODE_MAXAVAIL)
        return -EINVAL;
    int slot = __sel4_coid_slot(coid);
    if (slot < 0)
        return -EBADF;
    int prio = priority == -1 ? own_priority() : priority;
    long r = sel4_taskman_request(SEL4_LABEL_PULSE, (seL4_Word)slot,
                                  SEL4_PULSE_WORD(0, prio, code, value));
    return r < 0 ? (int)r : 0;
}

int MsgSendPulse(int coid, int priority, int code, int value)
{
    return (int)set_errno(MsgSendPulse_r(coid, priority, code, value));
}

// The event names a connection of the client (SIGEV_PULSE) or a signal for it; taskman-L
// checks that the client's scoid is a connection to this process.
int MsgDeliverEvent_r(int rcvid, const struct sigevent *event)
{
    struct _msg_info info;
    if (MsgInfo_r(rcvid, &info) < 0)
        return -ESRCH;
    if ((uintptr_t)event < 0x10000)
        return -EFAULT;
    seL4_Word w;
    switch (event->sigev_notify) {
    case SIGEV_NONE:
        return 0;
    case SIGEV_PULSE: {
        int prio = event->sigev_priority;
        if (prio < 0 || prio > PRIO_MAX)
            prio = PRIO_DEFAULT;
        int coid = event->sigev_coid, slot;
        if (coid == _NTO_SIDE_CHANNEL)
            slot = SEL4_SLOT_TASKMAN;
        else if (coid >= 0 && coid < SEL4_MAX_FDS)
            slot = SEL4_SLOT_FD(coid);
        else if (coid > _NTO_SIDE_CHANNEL && coid < _NTO_SIDE_CHANNEL + SEL4_MAX_SIDE)
            slot = SEL4_SLOT_SIDE(coid - _NTO_SIDE_CHANNEL);
        else
            return -EBADF;
        w = SEL4_PULSE_WORD(slot, prio, event->sigev_code, event->sigev_value.sival_int);
        break;
    }
    case SIGEV_SIGNAL:
    case SIGEV_SIGNAL_CODE:
    case SIGEV_SIGNAL_THREAD:
        w = SEL4_DELIVER_SIGNAL | (seL4_Word)(event->sigev_signo & 0xff);
        if (event->sigev_signo < 1 || event->sigev_signo > 31)
            return -EINVAL;
        break;
    default:
        return -EINVAL;
    }
    long r = sel4_taskman_request(SEL4_LABEL_DELIVER, (seL4_Word)(uint32_t)info.scoid, w);
    return r < 0 ? (int)r : 0;
}

int MsgDeliverEvent(int rcvid, const struct sigevent *event)
{
    return (int)set_errno(MsgDeliverEvent_r(rcvid, event));
}

void __sel4_pulses_add(seL4_Word badge)
{
    for (int k = 1; k <= SEL4_MAX_CHANNELS; k++)
        chan_due |= badge & SEL4_EVENT_CHAN_BIT(k);
}

// The next queued pulse of channel chid from taskman-L: the reply carries it after the two
// header words, and a status of 1 when more are queued.
static bool take_queued(int chid, struct _pulse *out)
{
    seL4_Word mr0 = (seL4_Word)chid, mr1 = 0, mr2 = 0, mr3 = 0;
    seL4_MessageInfo_t info = sel4_call(
        SEL4_SLOT_TASKMAN, seL4_MessageInfo_new(SEL4_LABEL_PULSE_TAKE, 0, 0, 2), &mr0, &mr1,
        &mr2, &mr3);
    if (seL4_MessageInfo_get_label(info) != SEL4_REPLY_OK) {
        chan_due &= ~SEL4_EVENT_CHAN_BIT(chid);
        return false;
    }
    uint64_t words[3] = {mr2, mr3, ipcbuf()->msg[4]};
    memcpy(out, words, sizeof(*out));
    if (mr0 == 0)
        chan_due &= ~SEL4_EVENT_CHAN_BIT(chid);
    return true;
}

bool __sel4_event_take(int chid, struct _pulse *out)
{
    if (__sel4_irq_take(chid, out))
        return true;
    return (chan_due & SEL4_EVENT_CHAN_BIT(chid)) && take_queued(chid, out);
}
