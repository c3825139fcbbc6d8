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
#include <thread.h>

// How a thread that blocked through ipc_block returns from its MsgSend or MsgReceive: exactly
// what the frames it dropped (thread_block_to, msg_send or msg_receive, kercall_dispatch and
// user_trap) would have done after the wake. Runs from the top of its kernel stack.
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
    if (c->need_resched || __atomic_load_n(&t->killed, __ATOMIC_SEQ_CST) ||
        __atomic_load_n(&t->sig_attention, __ATOMIC_SEQ_CST))
        kernel_exit_hook();
    arch_return_to_user(t->frame);
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
