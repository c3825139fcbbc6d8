/*
 * Pulses: small fixed messages that never block their sender. A pulse goes straight to a
 * thread waiting in MsgReceive on the channel, or else waits in the channel's queue, highest
 * priority first. Queued pulses come from one pool for the whole system; when it is empty,
 * MsgSendPulse fails with EAGAIN and nothing is queued. Also MsgSendPulse and MsgDeliverEvent.
 */
#include <ipc.h>
#include <kercall.h>
#include <process.h>
#include <signal.h>

static struct pulse pool[PULSE_POOL];
static struct list free_pulses;
static struct spinlock pool_lock;
static bool pool_ready;

static struct pulse *pulse_alloc(void)
{
    spin_lock(&pool_lock);
    if (!pool_ready) {
        list_init(&free_pulses);
        for (int i = 0; i < PULSE_POOL; i++)
            list_push_back(&free_pulses, &pool[i].link);
        pool_ready = true;
    }
    struct list *n = list_pop_front(&free_pulses);
    spin_unlock(&pool_lock);
    return n ? container_of(n, struct pulse, link) : NULL;
}

static void pulse_free(struct pulse *p)
{
    spin_lock(&pool_lock);
    list_push_back(&free_pulses, &p->link);
    spin_unlock(&pool_lock);
}

// Hands a pulse to the first receiver whose buffer takes it; false if none could.
static bool give_to_receiver(struct channel *ch, const struct _pulse *p, int prio)
{
    struct list *n;
    while ((n = list_pop_front(&ch->receivers)) != NULL) {
        struct thread *r = container_of(n, struct thread, ipc_link);
        struct msg_buf src;
        msg_kernel_buf(&src, p, sizeof(*p));
        int fault;
        long got = msg_copy(r->proc, &r->rmsg, 0, NULL, &src, 0, &fault);
        if (!(ch->flags & _NTO_CHF_FIXED_PRIORITY) && prio > r->prio)
            r->prio = (uint8_t)prio;
        thread_wake(r, STATE_RECEIVE, got < 0 ? got : 0);
        if (got >= 0)
            return true;
    }
    return false;
}

// Sends a pulse on ch (lock not held). Returns 0, or -EAGAIN when the pool is empty, or
// -ESRCH when the channel is gone.
int pulse_send(struct channel *ch, int prio, int code, union sigval value, int scoid)
{
    struct _pulse p = {_PULSE_TYPE, _PULSE_SUBTYPE, (int8_t)code, {0}, value, scoid};
    spin_lock(&ch->lock);
    if (ch->dead) {
        spin_unlock(&ch->lock);
        return -ESRCH;
    }
    if (give_to_receiver(ch, &p, prio)) {
        spin_unlock(&ch->lock);
        return 0;
    }
    struct pulse *q = pulse_alloc();
    if (!q) {
        spin_unlock(&ch->lock);
        return -EAGAIN;
    }
    q->p = p;
    q->prio = prio;
    struct list *pos;
    list_for_each(pos, &ch->pulses)
    {
        if (container_of(pos, struct pulse, link)->prio < prio)
            break;
    }
    list_insert_before(pos, &q->link);
    spin_unlock(&ch->lock);
    return 0;
}

// Takes the first queued pulse of ch (lock held).
bool pulse_take(struct channel *ch, struct _pulse *out, int *prio)
{
    struct list *n = list_pop_front(&ch->pulses);
    if (!n)
        return false;
    struct pulse *q = container_of(n, struct pulse, link);
    *out = q->p;
    *prio = q->prio;
    pulse_free(q);
    return true;
}

void pulse_drop_all(struct channel *ch)
{
    struct list *n;
    while ((n = list_pop_front(&ch->pulses)) != NULL)
        pulse_free(container_of(n, struct pulse, link));
}

// The channel behind connection coid of p, referenced (channel_put when done), and the
// connection's scoid; NULL when coid names no live connection.
static struct channel *coid_channel(struct process *p, int coid, int *scoid)
{
    spin_lock(&p->lock);
    struct connection *c = connection_lookup(p, coid);
    struct channel *ch = c && !c->dead ? c->chan : NULL;
    *scoid = c ? c->scoid : 0;
    if (ch) {
        spin_lock(&ch->lock);
        ch->refs++;
        spin_unlock(&ch->lock);
    }
    spin_unlock(&p->lock);
    return ch;
}

static int pulse_priority(int prio)
{
    if (prio == -1)
        return current()->prio;
    return prio;
}

long kc_msg_send_pulse(const uint64_t *a)
{
    int coid = (int)a[0], prio = (int)a[1], code = (int)a[2];
    if (prio != -1 && (prio < PRIORITY_MIN || prio > PRIORITY_MAX))
        return -EINVAL;
    if (code < _PULSE_CODE_MINAVAIL || code > _PULSE_CODE_MAXAVAIL)
        return -EINVAL;
    int scoid;
    struct channel *ch = coid_channel(current()->proc, coid, &scoid);
    if (!ch)
        return -EBADF;
    int err =
        pulse_send(ch, pulse_priority(prio), code, (union sigval){.sival_int = (int)a[3]}, scoid);
    channel_put(ch);
    return err == -ESRCH ? -EBADF : err;
}

// Delivers ev in process p (the process whose connection ids the event names).
int event_deliver(struct process *p, const struct sigevent *ev, int tid)
{
    switch (ev->sigev_notify) {
    case SIGEV_NONE:
        return 0;
    case SIGEV_PULSE: {
        int scoid;
        struct channel *ch = coid_channel(p, ev->sigev_coid, &scoid);
        if (!ch)
            return -EBADF;
        int prio = ev->sigev_priority == -1 ? PRIORITY_DEFAULT : ev->sigev_priority;
        if (prio < PRIORITY_MIN || prio > PRIORITY_MAX)
            prio = PRIORITY_DEFAULT;
        int err = pulse_send(ch, prio, ev->sigev_code, ev->sigev_value, scoid);
        channel_put(ch);
        return err;
    }
    case SIGEV_SIGNAL:
    case SIGEV_SIGNAL_CODE:
    case SIGEV_SIGNAL_THREAD: {
        if (ev->sigev_signo < 1 || ev->sigev_signo > _SIG_MAX)
            return -EINVAL;
        struct _siginfo_k info = {0};
        info.si_code = ev->sigev_notify == SIGEV_SIGNAL ? _SI_QUEUE : ev->sigev_code;
        info.si_value = ev->sigev_value;
        int to = ev->sigev_notify == SIGEV_SIGNAL_THREAD ? tid : 0;
        return signal_send(p, to, ev->sigev_signo, &info);
    }
    default:
        return -EINVAL;
    }
}
