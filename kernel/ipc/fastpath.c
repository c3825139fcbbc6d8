/*
 * The message-passing fast path: blocking in MsgSend or MsgReceive without keeping a kernel
 * stack, in the manner of Mach's continuations and seL4's fastpath. Once such a call has put
 * its thread in its blocked state, all that is left for it is the same few steps whoever wakes
 * it, so instead of saving its kernel frames the thread is given ipc_resume as its
 * continuation and the hart goes straight to the next thread. It is a pure optimisation of
 * thread_block_to: whenever a condition below does not hold, that slow path runs instead.
 * Not for other blocking calls, whose frames have work left after the wake.
 */
#include <ipc.h>
#include <process.h>
#include <sched_fast.h>
#include <thread.h>

// How a thread that blocked through ipc_block returns from its MsgSend or MsgReceive: exactly
// what the frames it dropped (thread_block_to, msg_send or msg_receive and kercall_entry) would
// have done after the wake. Runs from the top of its kernel stack.
static void __attribute__((noreturn)) ipc_resume(void)
{
    struct cpu *c = this_cpu();
    struct thread *t = c->cur;
    if (c->reap || c->migrate)
        sched_finish_switch(c);
    if (t->timeout_queued)
        timeout_cancel(t);
    if (t->ipc_chan)
        ipc_leave_channel(t);
    t->timeout_states = 0;
    t->timeout_fired = false;
    arch_frame_set_arg(t->frame, 0, (uint64_t)t->wait_result);
    if (c->need_resched || __atomic_load_n(&t->killed, __ATOMIC_ACQUIRE) ||
        __atomic_load_n(&t->sig_attention, __ATOMIC_ACQUIRE))
        kernel_exit_hook();
    arch_return_to_user(t->frame);
}

// Hands the hart to next (claimed, or taken from the lazy slot) and continues it; the current
// thread, already blocked, continues at ipc_resume when it wakes. When next blocked the same
// way, what ipc_resume would check is known here: the switch cleared need_resched, the fast
// paths cleared next's channel, and next had no timeout when it blocked. Unless a kill or a
// signal has come for it since, it goes straight back to user mode with its result, the
// registers its call clobbers zeroed.
static inline __attribute__((always_inline, noreturn)) void ipc_switch_to(struct thread *next)
{
    sched_handoff_switch(next, ipc_resume);
    if (arch_context_is_fresh(&next->ctx, ipc_resume) &&
        !__atomic_load_n(&next->killed, __ATOMIC_ACQUIRE) &&
        !__atomic_load_n(&next->sig_attention, __ATOMIC_ACQUIRE)) {
        arch_frame_set_arg(next->frame, 0, (uint64_t)next->wait_result);
        arch_return_from_call(next->frame);
    }
    sched_resume(next, ipc_resume);
}

// Blocks the current thread, which has set its SEND, REPLY or RECEIVE state under the channel
// lock, and hands the hart to next (claimed, to get next_result) or, with next NULL, to
// whatever the scheduler picks. Returns the wake-up result only on the slow path; the caller
// then leaves the channel itself.
long ipc_block(struct thread *next, long next_result)
{
    struct thread *t = current();
    /* A timeout armed by TimerTimeout is started and checked by thread_block_to. */
    if (t->timeout_states || t->timeout_fired)
        return thread_block_to(next, next_result);
    /* A kill must end the wait before the thread gives up the hart; thread_block_to does it. */
    if (__atomic_load_n(&t->killed, __ATOMIC_SEQ_CST))
        return thread_block_to(next, next_result);
    sched_block_discard(next, next_result, ipc_resume);
}

// The channel of connection coid of the current process, locked, or NULL.
static struct channel *fast_channel(struct process *p, int coid, int *scoid)
{
    spin_lock(&p->lock);
    struct connection *cn = connection_lookup(p, coid);
    if (!cn || cn->dead) {
        spin_unlock(&p->lock);
        return NULL;
    }
    struct channel *ch = cn->chan;
    *scoid = cn->scoid;
    spin_lock(&ch->lock);
    spin_unlock(&p->lock);
    return ch;
}

// MsgSend of one buffer (or none) to a channel whose first receiver waits in MsgReceive on this
// hart in another process, with no timeout, kill or more urgent thread in the way: look up, copy
// the message and its _msg_info through the receiver's cached page translations, queue the caller
// REPLY-blocked and switch straight to the receiver, in one pass. Returns, having changed
// nothing the slow path (msg_send) would not redo, whenever anything is unusual.
void ipc_fast_send(uint64_t coid, uint64_t smsg, uint64_t sparts, uint64_t rmsg, uint64_t rparts)
{
    struct cpu *c = this_cpu();
    struct thread *t = c->cur;
    sched_settle(c);
    /* One buffer each way (a negated length), or none (0 parts). */
    if ((long)sparts > 0 || (long)rparts > 0 || (t->timeout_states | t->timeout_fired) ||
        __atomic_load_n(&t->killed, __ATOMIC_SEQ_CST))
        return;
    if (msg_load(&t->smsg, smsg, (long)sparts) || msg_load(&t->rmsg, rmsg, (long)rparts))
        return;
    struct process *p = t->proc;
    int scoid;
    struct channel *ch = fast_channel(p, (int)coid, &scoid);
    if (!ch)
        return;
    if (ch->dead || list_empty(&ch->receivers))
        goto slow;
    struct thread *r = container_of(ch->receivers.next, struct thread, ipc_link);
    int prio = r->prio;
    if (!(ch->flags & _NTO_CHF_FIXED_PRIORITY) && t->prio > prio)
        prio = t->prio;
    size_t n = t->smsg.len < r->rmsg.len ? t->smsg.len : r->rmsg.len;
    uintptr_t dva = r->rmsg.iov[0].base, uinfo = r->ipc_info;
    if (r->ipc_pulse_only || r->cpu != c || r->proc == p ||
        (n && (r->rmsg.parts != 1 || (dva % PAGE_SIZE) + n > PAGE_SIZE)) ||
        (uinfo % PAGE_SIZE) > PAGE_SIZE - sizeof(struct _msg_info) || !sched_may_handoff(c, prio))
        goto slow;
    t->ipc_coid = (int)coid;
    t->ipc_scoid = scoid;
    t->unblock_requested = false;
    /* r cannot run meanwhile (it is at home on this hart), so its memory is written before
       it is claimed: if the claim fails, it is leaving its receive with an error anyway. */
    struct addrspace *as = &r->proc->as;
    spin_lock(&as->lock);
    char *to = n ? msg_peer_kva(r, dva) : NULL;
    struct _msg_info *mi = uinfo ? (struct _msg_info *)msg_peer_kva(r, uinfo) : NULL;
    bool ok = (!n || (to && arch_copy_user(to, (const void *)t->smsg.iov[0].base, n) == 0)) &&
              (!uinfo || mi);
    if (ok && mi)
        ipc_fill_info(mi, t, ch, (long)n);
    spin_unlock(&as->lock);
    if (!ok || !thread_claim(r, STATE_RECEIVE))
        goto slow;
    list_remove(&r->ipc_link);
    r->ipc_chan = NULL;
    r->prio = (uint8_t)prio; /* claimed, so on no run queue */
    r->wait_result = t->rcvid;
    t->ipc_chan = ch;
    t->state = STATE_REPLY;
    list_push_back(&ch->repliers, &t->ipc_link);
    spin_unlock(&ch->lock);
    ipc_switch_to(r);
slow:
    spin_unlock(&ch->lock);
}

// MsgReply of one buffer (or none) to a client of another process, within one page of its reply
// buffer: the checks of lock_client, the copy through the client's cached page translation
// and the wake-up, in one pass. False, with nothing changed that msg_reply would not redo,
// whenever anything is unusual; true when the call is finished (MsgReply returns 0).
bool ipc_fast_reply(uint64_t rcvid_arg, uint64_t status, uint64_t smsg, uint64_t sparts)
{
    struct cpu *c = this_cpu();
    struct thread *t = c->cur;
    sched_settle(c);
    if ((long)sparts > 0 || msg_load(&t->smsg, smsg, (long)sparts))
        return false;
    int rcvid = (int)rcvid_arg;
    struct thread *cl = thread_by_rcvid(rcvid);
    struct channel *ch = cl ? __atomic_load_n(&cl->ipc_chan, __ATOMIC_ACQUIRE) : NULL;
    if (!ch)
        return false;
    spin_lock(&ch->lock);
    size_t n = t->smsg.len < cl->rmsg.len ? t->smsg.len : cl->rmsg.len;
    uintptr_t dva = cl->rmsg.iov[0].base;
    if (cl->rcvid != rcvid || cl->ipc_chan != ch || ch->owner != t->proc ||
        __atomic_load_n(&cl->state, __ATOMIC_ACQUIRE) != STATE_REPLY || cl->proc == t->proc ||
        (n && (cl->rmsg.parts != 1 || (dva % PAGE_SIZE) + n > PAGE_SIZE)))
        goto slow;
    if (n) {
        struct addrspace *as = &cl->proc->as;
        spin_lock(&as->lock);
        char *to = msg_peer_kva(cl, dva);
        bool ok = to && arch_copy_user(to, (const void *)t->smsg.iov[0].base, n) == 0;
        spin_unlock(&as->lock);
        if (!ok)
            goto slow;
    }
    if (!thread_claim(cl, STATE_REPLY))
        goto slow;
    list_remove(&cl->ipc_link);
    cl->ipc_chan = NULL;
    spin_unlock(&ch->lock);
    if (t->prio != t->base_prio)
        sched_set_priority(t, t->base_prio);
    if (!sched_ready_lazy(cl, (long)(int)status))
        thread_release(cl, (long)(int)status);
    kercall_finish(c, t, t->frame, 0, false);
    return true;
slow:
    spin_unlock(&ch->lock);
    return false;
}

// MsgReceive of one buffer on a channel with nothing queued, by a thread that has just replied
// to a client it left off the run queue (sched_ready_lazy): wait RECEIVE-blocked and switch
// straight to that client, which needs no run-queue push and pop. Returns, having changed
// nothing, whenever anything is unusual; msg_receive then runs.
void ipc_fast_receive(uint64_t chid, uint64_t rmsg, uint64_t rparts, uint64_t uinfo)
{
    struct cpu *c = this_cpu();
    struct thread *t = c->cur, *next = c->lazy;
    if (!next || (long)rparts > 0 || (t->timeout_states | t->timeout_fired) ||
        t->prio != t->base_prio || __atomic_load_n(&t->killed, __ATOMIC_SEQ_CST) ||
        (uinfo && ((uinfo % sizeof(int32_t)) || !user_range_ok(uinfo, sizeof(struct _msg_info)))))
        return;
    if (msg_load(&t->rmsg, rmsg, (long)rparts) || !sched_may_handoff(c, next->prio))
        return;
    struct process *p = t->proc;
    spin_lock(&p->lock);
    struct channel *ch = channel_lookup(p, (int)chid);
    if (!ch) {
        spin_unlock(&p->lock);
        return;
    }
    spin_lock(&ch->lock);
    spin_unlock(&p->lock);
    if (!list_empty(&ch->pulses) || !list_empty(&ch->senders)) {
        spin_unlock(&ch->lock);
        return;
    }
    t->state = STATE_RECEIVE;
    t->ipc_pulse_only = false;
    t->ipc_chan = ch;
    t->ipc_info = uinfo;
    list_push_back(&ch->receivers, &t->ipc_link);
    spin_unlock(&ch->lock);
    c->lazy = NULL;
    ipc_switch_to(next);
}
