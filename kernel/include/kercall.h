/*
 * Kernel-call dispatch and the handlers behind it. Each handler decodes and checks all of its
 * arguments before it changes anything, and returns a value >= 0 or a negated errno.
 */
#ifndef SKIMMER_KERCALL_H
#define SKIMMER_KERCALL_H

#include <stdint.h>

struct thread;
struct process;
struct trapframe;

#include <abi/kercall.h>

typedef long (*kercall_fn)(const uint64_t *args);

void kercall_entry(struct trapframe *f);
void irq_dispatch(uint32_t irq);
void irq_thread_gone(struct thread *t);

/* The process a pid argument names: 0 or one's own, or another with the taskman privilege. */
struct process *kc_target_process(int pid, long *err);

long kc_nop(const uint64_t *a);
long kc_signal_kill(const uint64_t *a);
long kc_signal_action(const uint64_t *a);
long kc_signal_procmask(const uint64_t *a);
long kc_signal_return(const uint64_t *a);
long kc_proc_info(const uint64_t *a);
long kc_sys_info(const uint64_t *a);
long kc_console_write(const uint64_t *a);
long kc_thread_create(const uint64_t *a);
long kc_thread_destroy(const uint64_t *a);
long kc_thread_join(const uint64_t *a);
long kc_thread_detach(const uint64_t *a);
long kc_thread_ctl(const uint64_t *a);
long kc_sched_get(const uint64_t *a);
long kc_sched_set(const uint64_t *a);
long kc_sched_yield(const uint64_t *a);
long kc_sched_get_cpunum(const uint64_t *a);
long kc_clock_time(const uint64_t *a);
long kc_timer_timeout(const uint64_t *a);
long kc_timer_create(const uint64_t *a);
long kc_timer_destroy(const uint64_t *a);
long kc_timer_settime(const uint64_t *a);
long kc_timer_info(const uint64_t *a);
long kc_clock_period(const uint64_t *a);
long kc_channel_create(const uint64_t *a);
long kc_channel_destroy(const uint64_t *a);
long kc_connect_attach(const uint64_t *a);
long kc_connect_detach(const uint64_t *a);
long kc_connect_flags(const uint64_t *a);
long kc_connect_client_info(const uint64_t *a);
long kc_connect_server_info(const uint64_t *a);
long kc_connect_move(const uint64_t *a);
long kc_msg_sendv(const uint64_t *a);
long kc_msg_receivev(const uint64_t *a);
long kc_msg_receivepulsev(const uint64_t *a);
long kc_msg_replyv(const uint64_t *a);
long kc_msg_error(const uint64_t *a);
long kc_msg_readv(const uint64_t *a);
long kc_msg_writev(const uint64_t *a);
long kc_msg_info(const uint64_t *a);
long kc_msg_send_pulse(const uint64_t *a);
long kc_msg_deliver_event(const uint64_t *a);
long kc_sync_type_create(const uint64_t *a);
long kc_sync_destroy(const uint64_t *a);
long kc_sync_mutex_lock(const uint64_t *a);
long kc_sync_mutex_unlock(const uint64_t *a);
long kc_sync_mutex_revive(const uint64_t *a);
long kc_sync_condvar_wait(const uint64_t *a);
long kc_sync_condvar_signal(const uint64_t *a);
long kc_sync_sem_post(const uint64_t *a);
long kc_sync_sem_wait(const uint64_t *a);
long kc_interrupt_attach_event(const uint64_t *a);
long kc_interrupt_detach(const uint64_t *a);
long kc_interrupt_mask(const uint64_t *a);
long kc_interrupt_unmask(const uint64_t *a);
long kc_interrupt_wait(const uint64_t *a);
long kc_proc_mem_map_phys(const uint64_t *a);
long kc_proc_create(const uint64_t *a);
long kc_proc_destroy(const uint64_t *a);
long kc_proc_mem_map(const uint64_t *a);
long kc_proc_mem_unmap(const uint64_t *a);
long kc_proc_mem_write(const uint64_t *a);
long kc_proc_wait(const uint64_t *a);
long kc_sys_power(const uint64_t *a);

#endif
