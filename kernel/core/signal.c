/*
 * Signals (see signal.h). A signal sent to a process goes to a thread that does not block it,
 * or waits in the process's pending set until one unblocks it; a thread it goes to is woken
 * from any blocking call, which then fails with EINTR (or, REPLY-blocked on a channel with
 * _NTO_CHF_UNBLOCK, the server is asked with an unblock pulse), and on its way back to user
 * mode runs the handler on a frame the arch code builds. A signal whose disposition is the
 * default either ends the process (status PROCESS_STATUS_SIGNALED | signo) or is dropped; the
 * stop signals are dropped too, as there is no job-control stopping.
 */
#include <errno.h>
#include <ipc.h>
#include <kercall.h>
#include <mm.h>
#include <process.h>
#include <signal.h>
#include <thread.h>

#define BIT(sig) (1ull << (sig))
#define SIGKILL  9
#define SIGSTOP  23
/* Signals whose default is to be dropped: SIGCHLD, SIGPWR, SIGWINCH, SIGURG, and SIGSTOP,
   SIGTSTP, SIGCONT, SIGTTIN, SIGTTOU (no stopping). */
#define DEFAULT_IGNORED                                                                            \
    (BIT(18) | BIT(19) | BIT(20) | BIT(21) | BIT(23) | BIT(24) | BIT(25) | BIT(26) | BIT(27))
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))
#define ALL_SIGNALS (((1ull << (_SIG_MAX + 1)) - 1) & ~1ull)

static KOBJ_CACHE(signals_cache, struct proc_signals);

int signal_init_process(struct process *p)
{
    p->sig = kobj_alloc(&signals_cache);
    return p->sig ? 0 : -ENOMEM;
}

void signal_free_process(struct process *p)
{
    if (p->sig)
        kobj_free(&signals_cache, p->sig);
    p->sig = NULL;
}

// What signo does to p now: 1 run a handler, 0 nothing, -1 end the process. p->lock held.
static int effect(struct process *p, int signo)
{
    uintptr_t h = p->sig->actions[signo].handler;
    if (signo == SIGKILL)
        return -1;
    if (h == _SIG_IGN)
        return 0;
    if (h == _SIG_DFL)
        return (DEFAULT_IGNORED & BIT(signo)) ? 0 : -1;
    return 1;
}

// Makes t notice a signal: woken from a blocking call, or made to pass through the kernel.
static void alert(struct thread *t)
{
    __atomic_store_n(&t->sig_attention, true, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == STATE_REPLY) {
        struct channel *ch = __atomic_load_n(&t->ipc_chan, __ATOMIC_ACQUIRE);
        if (ch && ch->owner == current()->proc)
            return; /* the sender is serving t (taskman relaying t's own kill): its reply comes
                       first, then the signal */
        if (ipc_timeout(t))
            return; /* the server was asked to unblock it */
    }
    if (!thread_wake(t, -1, -EINTR) && t->cpu != this_cpu() &&
        __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == STATE_RUNNING)
        sched_ipi(t->cpu);
}

int signal_send(struct process *p, int tid, int signo, const struct _siginfo_k *info)
{
    if (signo < 0 || signo > _SIG_MAX)
        return -EINVAL;
    struct thread *self = current();
    spin_lock(&p->lock);
    struct thread *target = NULL;
    if (tid) {
        target = tid <= MAX_THREADS ? p->threads[tid - 1] : NULL;
        if (!target || target->state == STATE_DEAD) {
            spin_unlock(&p->lock);
            return -ESRCH;
        }
    }
    int what = signo && !p->exiting ? effect(p, signo) : 0;
    if (what == 0) {
        spin_unlock(&p->lock);
        return 0;
    }
    p->sig->info[signo] = *info;
    p->sig->info[signo].si_signo = signo;
    if (target && (target->sig_mask & BIT(signo)) && signo != SIGKILL)
        target = NULL; /* blocked by the thread named: pending there until it unblocks */
    for (int i = 0; !target && !tid && i < MAX_THREADS; i++) {
        struct thread *t = p->threads[i];
        if (t && t->state != STATE_DEAD && (!(t->sig_mask & BIT(signo)) || signo == SIGKILL))
            target = t;
    }
    if (what < 0 && target && target->proc != self->proc) {
        spin_unlock(&p->lock);
        process_terminate(p, PROCESS_STATUS_SIGNALED | signo);
        return 0;
    }
    if (what < 0 && target)
        target = self; /* the caller's own process ends on the caller's way out */
    if (target)
        target->sig_pending |= BIT(signo);
    else if (tid)
        p->threads[tid - 1]->sig_pending |= BIT(signo);
    else
        p->sig->pending |= BIT(signo);
    spin_unlock(&p->lock);
    if (target == self)
        __atomic_store_n(&self->sig_attention, true, __ATOMIC_SEQ_CST);
    else if (target)
        alert(target);
    return 0;
}

// Takes the first signal t may take now off its pending sets; 0 if none. p->lock held.
static int take_signal(struct thread *t, struct process *p)
{
    uint64_t ready = (t->sig_pending | p->sig->pending) & ~t->sig_mask;
    if (!ready)
        return 0;
    int signo = __builtin_ctzll(ready);
    t->sig_pending &= ~BIT(signo);
    p->sig->pending &= ~BIT(signo);
    return signo;
}

void signal_deliver(void)
{
    struct thread *t = current();
    struct process *p = t->proc;
    __atomic_store_n(&t->sig_attention, false, __ATOMIC_SEQ_CST);
    for (;;) {
        spin_lock(&p->lock);
        int signo = take_signal(t, p);
        if (!signo) {
            spin_unlock(&p->lock);
            return;
        }
        int what = effect(p, signo);
        if (what < 0) {
            spin_unlock(&p->lock);
            process_terminate(p, PROCESS_STATUS_SIGNALED | signo); /* does not return */
        }
        if (what == 0) {
            spin_unlock(&p->lock);
            continue;
        }
        struct _sigaction_k act = p->sig->actions[signo];
        struct _siginfo_k info = p->sig->info[signo];
        uintptr_t stub = p->sig->stub;
        uint64_t old = t->sig_mask;
        t->sig_mask |= (act.mask | ((act.flags & _SA_NODEFER) ? 0 : BIT(signo))) & ~UNBLOCKABLE;
        if (act.flags & _SA_RESETHAND)
            p->sig->actions[signo] = (struct _sigaction_k){0};
        spin_unlock(&p->lock);
        if (arch_signal_push(t, stub, act.handler, &info, old) < 0) {
            kprintf("skimmer: process %d (%s) thread %d: no room for a signal %d frame; process "
                    "terminated\n",
                    p->pid, p->name, t->tid, signo);
            process_terminate(p, PROCESS_STATUS_FAULT);
        }
        return; /* one handler at a time: the next waits for this one's SignalReturn */
    }
}

// Moves what the process has pending and t no longer blocks to t. p->lock held.
static void claim_pending(struct thread *t, struct process *p)
{
    if ((t->sig_pending | p->sig->pending) & ~t->sig_mask)
        __atomic_store_n(&t->sig_attention, true, __ATOMIC_SEQ_CST);
}

// SignalKill(pid, tid, signo, code, value): pid 0 is the caller's own process, whose threads
// anyone may signal; another process only with the taskman privilege (taskman checks who may
// signal whom, and passes the sender's pid as the value).
long kc_signal_kill(const uint64_t *a)
{
    long err = 0;
    struct process *p = kc_target_process((int)a[0], &err);
    if (!p)
        return err;
    struct process *self = current()->proc;
    struct _siginfo_k info = {0};
    info.si_code = (int32_t)a[3];
    info.si_pid = p == self ? self->pid : (int32_t)a[4];
    info.si_value.sival_ptr = (void *)a[4];
    err = signal_send(p, (int)a[1], (int)a[2], &info);
    process_put(p);
    return err;
}

// SignalAction(pid, stub, signo, act, oact): the caller's own dispositions, or another
// process's with the taskman privilege. SIGKILL and SIGSTOP cannot be caught or ignored.
long kc_signal_action(const uint64_t *a)
{
    int signo = (int)a[2];
    struct _sigaction_k act;
    if (signo < 1 || signo > _SIG_MAX)
        return -EINVAL;
    if (a[3] && copy_from_user(&act, (const void *)a[3], sizeof(act)) < 0)
        return -EFAULT;
    if (a[3] && ((BIT(signo) & UNBLOCKABLE) || act.handler >= USER_TOP))
        return -EINVAL;
    if (a[1] >= USER_TOP)
        return -EFAULT;
    long err = 0;
    struct process *p = kc_target_process((int)a[0], &err);
    if (!p)
        return err;
    spin_lock(&p->lock);
    struct _sigaction_k old = p->sig->actions[signo];
    if (a[3]) {
        act.mask &= ALL_SIGNALS & ~UNBLOCKABLE;
        act.zero = 0;
        p->sig->actions[signo] = act;
        if (a[1])
            p->sig->stub = a[1];
        if (effect(p, signo) == 0) { /* now ignored: pending ones go (POSIX) */
            p->sig->pending &= ~BIT(signo);
            for (int i = 0; i < MAX_THREADS; i++)
                if (p->threads[i])
                    p->threads[i]->sig_pending &= ~BIT(signo);
        }
    }
    spin_unlock(&p->lock);
    process_put(p);
    if (a[4] && copy_to_user((void *)a[4], &old, sizeof(old)) < 0)
        return -EFAULT;
    return 0;
}

// SignalProcmask(pid, tid, how, set, oldset): a thread's mask (pid 0, tid 0: the caller).
long kc_signal_procmask(const uint64_t *a)
{
    uint64_t set = 0;
    int how = (int)a[2];
    if (a[3] && copy_from_user(&set, (const void *)a[3], sizeof(set)) < 0)
        return -EFAULT;
    if (a[3] && how != _SIG_BLOCK && how != _SIG_UNBLOCK && how != _SIG_SETMASK)
        return -EINVAL;
    long err = 0;
    struct process *p = kc_target_process((int)a[0], &err);
    if (!p)
        return err;
    spin_lock(&p->lock);
    int tid = (int)a[1];
    struct thread *t = tid == 0 && p == current()->proc ? current()
                       : tid > 0 && tid <= MAX_THREADS  ? p->threads[tid - 1]
                                                        : NULL;
    uint64_t old = t ? t->sig_mask : 0;
    if (t && a[3]) {
        set &= ALL_SIGNALS & ~UNBLOCKABLE;
        t->sig_mask = how == _SIG_BLOCK ? old | set : how == _SIG_UNBLOCK ? old & ~set : set;
        claim_pending(t, p);
    }
    spin_unlock(&p->lock);
    process_put(p);
    if (!t)
        return -ESRCH;
    if (a[4] && copy_to_user((void *)a[4], &old, sizeof(old)) < 0)
        return -EFAULT;
    return 0;
}

// SignalReturn(context): back from a handler to what it interrupted, with the mask it had.
// Returns the interrupted a0, so that the register comes back as it was.
long kc_signal_return(const uint64_t *a)
{
    struct thread *t = current();
    uint64_t mask;
    if (arch_signal_pop(t, a[0], &mask) < 0) {
        kprintf("skimmer: process %d (%s) thread %d: bad signal context; process terminated\n",
                t->proc->pid, t->proc->name, t->tid);
        process_terminate(t->proc, PROCESS_STATUS_FAULT);
    }
    struct process *p = t->proc;
    spin_lock(&p->lock);
    t->sig_mask = mask & ALL_SIGNALS & ~UNBLOCKABLE;
    claim_pending(t, p);
    spin_unlock(&p->lock);
    return (long)arch_frame_arg(t->frame, 0);
}
