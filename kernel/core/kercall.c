/*
 * The kernel-call table. Every number of the QNX set has a slot; a call not yet implemented
 * answers ENOSYS, as does any number past the table. A timeout armed by TimerTimeout covers
 * only the caller's next kernel call, so it is dropped after every other call.
 */
#include <kercall.h>
#include <thread.h>

static const kercall_fn table[KER_NCALLS] = {
    [KER_NOP] = kc_nop,
    [KER_CONSOLE_WRITE] = kc_console_write,
    [KER_THREAD_CREATE] = kc_thread_create,
    [KER_THREAD_DESTROY] = kc_thread_destroy,
    [KER_THREAD_JOIN] = kc_thread_join,
    [KER_THREAD_DETACH] = kc_thread_detach,
    [KER_THREAD_CTL] = kc_thread_ctl,
    [KER_SCHED_GET] = kc_sched_get,
    [KER_SCHED_SET] = kc_sched_set,
    [KER_SCHED_YIELD] = kc_sched_yield,
    [KER_SCHED_GET_CPUNUM] = kc_sched_get_cpunum,
    [KER_CLOCK_TIME] = kc_clock_time,
    [KER_TIMER_TIMEOUT] = kc_timer_timeout,
    [KER_TIMER_CREATE] = kc_timer_create,
    [KER_TIMER_DESTROY] = kc_timer_destroy,
    [KER_TIMER_SETTIME] = kc_timer_settime,
    [KER_TIMER_INFO] = kc_timer_info,
    [KER_CLOCK_PERIOD] = kc_clock_period,
    [KER_CHANNEL_CREATE] = kc_channel_create,
    [KER_CHANNEL_DESTROY] = kc_channel_destroy,
    [KER_CONNECT_ATTACH] = kc_connect_attach,
    [KER_CONNECT_DETACH] = kc_connect_detach,
    [KER_CONNECT_FLAGS] = kc_connect_flags,
    [KER_CONNECT_CLIENT_INFO] = kc_connect_client_info,
    [KER_CONNECT_SERVER_INFO] = kc_connect_server_info,
    [KER_CONNECT_MOVE] = kc_connect_move,
    [KER_MSG_SENDV] = kc_msg_sendv,
    [KER_MSG_SENDVNC] = kc_msg_sendv,
    [KER_MSG_RECEIVEV] = kc_msg_receivev,
    [KER_MSG_RECEIVEPULSEV] = kc_msg_receivepulsev,
    [KER_MSG_REPLYV] = kc_msg_replyv,
    [KER_MSG_ERROR] = kc_msg_error,
    [KER_MSG_READV] = kc_msg_readv,
    [KER_MSG_WRITEV] = kc_msg_writev,
    [KER_MSG_INFO] = kc_msg_info,
    [KER_MSG_SEND_PULSE] = kc_msg_send_pulse,
    [KER_MSG_DELIVER_EVENT] = kc_msg_deliver_event,
    [KER_SYNC_TYPE_CREATE] = kc_sync_type_create,
    [KER_SYNC_DESTROY] = kc_sync_destroy,
    [KER_SYNC_MUTEX_LOCK] = kc_sync_mutex_lock,
    [KER_SYNC_MUTEX_UNLOCK] = kc_sync_mutex_unlock,
    [KER_SYNC_MUTEX_REVIVE] = kc_sync_mutex_revive,
    [KER_SYNC_CONDVAR_WAIT] = kc_sync_condvar_wait,
    [KER_SYNC_CONDVAR_SIGNAL] = kc_sync_condvar_signal,
    [KER_SYNC_SEM_POST] = kc_sync_sem_post,
    [KER_SYNC_SEM_WAIT] = kc_sync_sem_wait,
    [KER_INTERRUPT_ATTACH_EVENT] = kc_interrupt_attach_event,
    [KER_INTERRUPT_DETACH] = kc_interrupt_detach,
    [KER_INTERRUPT_MASK] = kc_interrupt_mask,
    [KER_INTERRUPT_UNMASK] = kc_interrupt_unmask,
    [KER_INTERRUPT_WAIT] = kc_interrupt_wait,
    [KER_PROC_MEM_MAP_PHYS] = kc_proc_mem_map_phys,
    [KER_PROC_CREATE] = kc_proc_create,
    [KER_PROC_DESTROY] = kc_proc_destroy,
    [KER_PROC_MEM_MAP] = kc_proc_mem_map,
    [KER_PROC_MEM_UNMAP] = kc_proc_mem_unmap,
    [KER_PROC_MEM_WRITE] = kc_proc_mem_write,
    [KER_PROC_WAIT] = kc_proc_wait,
    [KER_SYS_POWER] = kc_sys_power,
    [KER_SIGNAL_KILL] = kc_signal_kill,
    [KER_SIGNAL_ACTION] = kc_signal_action,
    [KER_SIGNAL_PROCMASK] = kc_signal_procmask,
    [KER_SIGNAL_RETURN] = kc_signal_return,
    [KER_PROC_INFO] = kc_proc_info,
    [KER_SYS_INFO] = kc_sys_info,
};

// A kernel call from user mode, its frame saved and its return address already past the
// ecall (after the message fast paths, when the trap vector has tried one): dispatch by the number
// in a7 with the arguments from a0, put the result in a0, and do what every return to user mode
// checks.
void kercall_entry(struct trapframe *f)
{
    uint64_t num = arch_frame_call_num(f);
    /* A thread the last MsgReply left off the run queue is queued now (the MsgReceive fast
       path, which may switch straight to it, has run already). */
    sched_settle(this_cpu());
    long r = num < KER_NCALLS && table[num] ? table[num](arch_frame_call_args(f)) : -ENOSYS;
    struct cpu *c = this_cpu();
    kercall_finish(c, c->cur, f, r, num == KER_TIMER_TIMEOUT);
}

long kc_nop(const uint64_t *a)
{
    (void)a;
    return 0;
}
