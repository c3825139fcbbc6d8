/*
 * Thread life cycle: allocation with a kernel stack and a user stack slot, first entry to user
 * mode, blocking with an optional timeout, exit and reaping, and being killed from another
 * thread or hart.
 */
#include <kercall.h>
#include <mm.h>
#include <process.h>
#include <signal.h>
#include <sync.h>
#include <thread.h>

static KOBJ_CACHE(thread_cache, struct thread);

/* Every thread has a receive id: slot in rcvid_table in the low bits, a generation above them
   (thread_by_rcvid, thread.h). */
static struct spinlock rcvid_lock;
struct thread *rcvid_table[RCVID_SLOTS];
static uint32_t rcvid_gen[RCVID_SLOTS];

static int rcvid_alloc(struct thread *t)
{
    spin_lock(&rcvid_lock);
    for (int i = 1; i < RCVID_SLOTS; i++) {
        if (!rcvid_table[i]) {
            rcvid_table[i] = t;
            rcvid_gen[i] = (rcvid_gen[i] + 1) & 0x3ffff; /* ids stay below the sync specials */
            spin_unlock(&rcvid_lock);
            return (int)(rcvid_gen[i] << RCVID_SLOT_BITS) | i;
        }
    }
    spin_unlock(&rcvid_lock);
    return -EAGAIN;
}

static void rcvid_free(int rcvid)
{
    spin_lock(&rcvid_lock);
    rcvid_table[rcvid & (RCVID_SLOTS - 1)] = NULL;
    spin_unlock(&rcvid_lock);
}

// The value a mutex word holds while t owns it: its receive id, unique among live threads.
uint32_t thread_owner_id(struct thread *t)
{
    return (uint32_t)t->rcvid;
}

// Allocates a thread in p with the lowest free tid. Called with p->lock held.
struct thread *thread_alloc(struct process *p)
{
    int slot = -1;
    for (int i = 0; i < MAX_THREADS; i++) {
        if (!p->threads[i]) {
            slot = i;
            break;
        }
    }
    if (slot < 0)
        return NULL;
    struct thread *t = kobj_alloc(&thread_cache);
    if (!t)
        return NULL;
    t->kstack = page_alloc(KSTACK_SIZE / PAGE_SIZE);
    t->rcvid = rcvid_alloc(t);
    if (!t->kstack || t->rcvid < 0) {
        if (t->kstack)
            page_free(t->kstack, KSTACK_SIZE / PAGE_SIZE);
        if (t->rcvid > 0)
            rcvid_free(t->rcvid);
        kobj_free(&thread_cache, t);
        return NULL;
    }
    list_init(&t->ipc_link);
    t->frame = (struct trapframe *)((char *)t->kstack + KSTACK_SIZE) - 1;
    t->proc = p;
    t->tid = slot + 1;
    t->state = STATE_STOPPED;
    struct thread *creator = current();
    t->sig_mask = creator && creator->proc == p ? creator->sig_mask : 0; /* as pthread_create */
    t->sig_pending = 0;
    t->sig_attention = false;
    list_init(&t->rq_link);
    list_init(&t->timeout_link);
    p->threads[slot] = t;
    p->refs++;
    return t;
}

// Frees a thread that never ran, has been joined, or was detached and has died. Takes and
// drops p->lock itself; the thread's reference on its process goes with it.
void thread_free(struct thread *t)
{
    struct process *p = t->proc;
    spin_lock(&p->lock);
    if (p->threads[t->tid - 1] == t)
        p->threads[t->tid - 1] = NULL;
    spin_unlock(&p->lock);
    if (t->kstack)
        page_free(t->kstack, KSTACK_SIZE / PAGE_SIZE);
    rcvid_free(t->rcvid);
    t->rcvid = 0;
    kobj_free(&thread_cache, t);
    process_put(p);
}

// Called on another thread's stack once a dead thread is switched out: its kernel stack goes,
// and the whole thread too if nobody will join it.
void thread_reap(struct thread *t)
{
    struct process *p = t->proc;
    arch_fp_forget(t);
    page_free(t->kstack, KSTACK_SIZE / PAGE_SIZE);
    spin_lock(&p->lock);
    t->kstack = NULL;
    bool free_now = t->detached || p->zombie;
    struct thread *joiner = t->joiner;
    spin_unlock(&p->lock);
    if (joiner)
        thread_wake(joiner, STATE_JOIN, 0);
    if (free_now)
        thread_free(t);
}

// First kernel code a new thread runs, on its own stack, before it enters user mode.
void thread_first_run(void)
{
    sched_finish_switch(this_cpu());
    kernel_exit_hook();
    arch_return_to_user(current()->frame);
}

// Blocks the current thread in the state it has set (under the lock of what it waits on) until
// thread_wake, an armed timeout or a kill ends the state; returns the waker's result.
long thread_block(void)
{
    return thread_block_to(NULL, 0);
}

// thread_block, but with a thread to hand the hart to (see sched_handoff): next, claimed,
// gets next_result as the return value of its own blocking call.
long thread_block_to(struct thread *next, long next_result)
{
    struct thread *t = current();
    int state = t->state;
    if (t->timeout_states && !t->timeout_queued) {
        /* The timeout runs from the first block of the call; it ends the wait only in the
           states it names (timeout_expire, and the server side of message passing). */
        if (t->timeout_deadline <= arch_time_now())
            t->timeout_fired = true;
        else
            timeout_start(t, t->timeout_deadline);
    }
    if (t->timeout_fired && (t->timeout_states & (1u << state)))
        thread_wake(t, state, state == STATE_NANOSLEEP ? 0 : -ETIMEDOUT);
    if (__atomic_load_n(&t->killed, __ATOMIC_SEQ_CST))
        thread_wake(t, state, -EINTR);
    if (next)
        sched_handoff(next, next_result);
    else
        sched();
    timeout_cancel(t);
    return t->wait_result;
}

// Ends the current thread. A joinable thread stays as a zombie holding status until joined;
// the last thread of a process ends the process.
void thread_exit(void *status)
{
    struct thread *t = current();
    struct process *p = t->proc;
    timeout_cancel(t);
    ipc_thread_gone(t);
    sync_thread_gone(t);
    irq_thread_gone(t);
    if (t->ustack_base) {
        vm_unmap(&p->as, t->ustack_base, t->ustack_size);
        t->ustack_base = 0;
    }
    spin_lock(&p->lock);
    t->exit_status = status;
    __atomic_store_n(&t->state, STATE_DEAD, __ATOMIC_SEQ_CST);
    bool last = --p->nlive == 0;
    spin_unlock(&p->lock);
    if (last)
        process_thread_gone(p);
    this_cpu()->reap = t;
    sched();
    panic("dead thread %d rescheduled", t->tid);
}

// Makes t end at its next return towards user mode, waking it if it is blocked.
void thread_kill(struct thread *t, void *status)
{
    t->kill_status = status;
    __atomic_store_n(&t->killed, true, __ATOMIC_SEQ_CST);
    if (!thread_wake(t, -1, -EINTR) && t->cpu != this_cpu() &&
        __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == STATE_RUNNING)
        sched_ipi(t->cpu);
}

// Runs on every return to user mode: honours a kill, a signal and a pending reschedule.
void kernel_exit_hook(void)
{
    struct cpu *c = this_cpu();
    for (;;) {
        if (__atomic_load_n(&current()->killed, __ATOMIC_SEQ_CST))
            thread_exit(current()->kill_status);
        if (__atomic_load_n(&current()->sig_attention, __ATOMIC_SEQ_CST))
            signal_deliver();
        if (!c->need_resched)
            return;
        sched();
    }
}
