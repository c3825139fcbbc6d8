/*
 * libc's seL4 layer: signals. The process keeps its dispositions here and tells taskman-L
 * which signals it takes by default, ignores or catches; each thread keeps its mask in its
 * page, where taskman-L reads it. A signal taskman-L sends waits in the thread's page until
 * the thread takes it here: after a call returns, when a wait ends with EINTR, when the mask
 * lets it through, or in the stub taskman-L makes a running thread enter (sigstub.S, with
 * SignalReturn back through taskman-L). How and why: docs/qsoe-l.md, "Signals".
 */
#include <abi/signal.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "sel4call.h"

#define LOWEST_USER 0x10000ul /* nothing is ever mapped below the program */
#define UNBLOCKABLE ((1ull << SIGKILL) | (1ull << SIGSTOP))
#define ALL_SIGNALS (((1ull << (_SIG_MAX + 1)) - 1) & ~1ull)
/* SIGCHLD, SIGPWR, SIGWINCH, SIGURG, and the stop signals: dropped by default, as on Skimmer */
#define DEFAULT_IGNORED                                                                            \
    (1ull << 18 | 1ull << 19 | 1ull << 20 | 1ull << 21 | 1ull << 23 | 1ull << 24 | 1ull << 25 |    \
     1ull << 26 | 1ull << 27)

_Static_assert(SEL4_MSG_DESC_OFFSET + sizeof(struct sel4_msg_desc) <= SEL4_SIG_OFFSET,
               "a long call's descriptor overlaps the signal state");
_Static_assert(SEL4_SIG_OFFSET + sizeof(struct sel4_sig_page) <= SEL4_TLS_OFFSET,
               "the signal state overlaps the TLS block");

static struct _sigaction_k actions[_SIG_MAX + 1];

void __sel4_sigstub(void);

static bool own(pid_t pid)
{
    return pid == 0 || pid == __tls()->__pid;
}

// Tells taskman-L what signo does now: 0 default, 1 ignored, 2 caught (by the stub).
static long tell(int signo, uintptr_t handler)
{
    seL4_Word kind = handler == _SIG_DFL ? 0 : handler == _SIG_IGN ? 1 : 2;
    seL4_Word in[4] = {(seL4_Word)signo, kind, (seL4_Word)__sel4_sigstub, 0};
    return sel4_taskman_call(SEL4_LABEL_SIGNAL, in, NULL, 0);
}

int SignalAction_r(pid_t pid, void (*stub)(void), int signo, const void *act, void *oact)
{
    (void)stub; /* handlers run from the layer's own stub */
    const struct _sigaction_k *a = act;
    if (!own(pid))
        return -EPERM;
    if (signo < 1 || signo > _SIG_MAX)
        return -EINVAL;
    if ((act && (uintptr_t)act < LOWEST_USER) || (oact && (uintptr_t)oact < LOWEST_USER))
        return -EFAULT;
    if (a && (((1ull << signo) & UNBLOCKABLE) || a->handler >= seL4_UserTop))
        return -EINVAL;
    struct _sigaction_k old = actions[signo];
    if (a) {
        long err = tell(signo, a->handler);
        if (err < 0)
            return (int)err;
        actions[signo] = *a;
        actions[signo].mask &= ALL_SIGNALS & ~UNBLOCKABLE;
        bool ignored = a->handler == _SIG_IGN ||
                       (a->handler == _SIG_DFL && ((1ull << signo) & DEFAULT_IGNORED));
        if (ignored) /* a waiting one goes (POSIX) */
            __atomic_fetch_and(&__sel4_sig_page()->pending, ~(1ull << signo), __ATOMIC_SEQ_CST);
    }
    if (oact)
        memcpy(oact, &old, sizeof(old));
    return 0;
}

int SignalAction(pid_t pid, void (*stub)(void), int signo, const void *act, void *oact)
{
    return (int)set_errno(SignalAction_r(pid, stub, signo, act, oact));
}

// The calling thread's mask becomes mask; what it lets through runs its handlers now.
static void set_mask(uint64_t mask)
{
    __atomic_store_n(&__sel4_sig_page()->blocked, mask, __ATOMIC_SEQ_CST);
    if (__sel4_signals_due())
        __sel4_signals_take(NULL);
}

int SignalProcmask_r(pid_t pid, int tid, int how, const uint64_t *set, uint64_t *oldset)
{
    if (!own(pid))
        return -EPERM;
    if (tid != 0 && tid != __tls()->__tid)
        return -ESRCH; /* another thread's mask is its own business */
    if ((set && (uintptr_t)set < LOWEST_USER) || (oldset && (uintptr_t)oldset < LOWEST_USER))
        return -EFAULT;
    uint64_t was = __sel4_sig_page()->blocked, mask = was;
    if (set) {
        if (how == _SIG_BLOCK)
            mask |= *set;
        else if (how == _SIG_UNBLOCK)
            mask &= ~*set;
        else if (how == _SIG_SETMASK)
            mask = *set;
        else
            return -EINVAL;
        mask &= ALL_SIGNALS & ~UNBLOCKABLE;
    }
    if (oldset)
        *oldset = was;
    if (set)
        set_mask(mask);
    return 0;
}

int SignalProcmask(pid_t pid, int tid, int how, const uint64_t *set, uint64_t *oldset)
{
    return (int)set_errno(SignalProcmask_r(pid, tid, how, set, oldset));
}

// A process signals only itself directly; other processes through taskman's TM_KILL, which
// checks the credentials. Weak: taskman-L defines its own.
__attribute__((weak)) int SignalKill_r(uint32_t nd, pid_t pid, int tid, int signo, int code,
                                       int value)
{
    (void)nd, (void)tid;
    if (!own(pid))
        return -EPERM;
    seL4_Word in[4] = {(seL4_Word)signo, (seL4_Word)code,
                       (seL4_Word)(code == _SI_USER ? __tls()->__pid : value), 0};
    long r = sel4_taskman_call(SEL4_LABEL_KILL, in, NULL, 0);
    return r < 0 ? (int)r : 0;
}

__attribute__((weak)) int SignalKill(uint32_t nd, pid_t pid, int tid, int signo, int code,
                                     int value)
{
    return (int)set_errno(SignalKill_r(nd, pid, tid, signo, code, value));
}

// What signo does now that it is taken: runs its handler (true), or nothing (false); a
// default that ends the process has taskman-L end it, now that nothing blocks it.
static bool run_one(int signo, void *context)
{
    struct sel4_sig_page *s = __sel4_sig_page();
    struct _sigaction_k act = actions[signo];
    uint64_t bit = 1ull << signo;
    if (act.handler == _SIG_IGN || (act.handler == _SIG_DFL && (bit & DEFAULT_IGNORED)))
        return false;
    if (act.handler == _SIG_DFL) {
        seL4_Word in[4] = {(seL4_Word)signo, _SI_KERNEL, 0, 0};
        sel4_taskman_call(SEL4_LABEL_KILL, in, NULL, 0);
        return false;
    }
    struct _siginfo_k info = {0};
    info.si_signo = signo;
    info.si_code = s->info[signo].code;
    info.si_pid = s->info[signo].pid;
    info.si_value.sival_int = s->info[signo].value;
    uint64_t was = s->blocked;
    uint64_t during = was | ((act.mask | ((act.flags & _SA_NODEFER) ? 0 : bit)) & ~UNBLOCKABLE);
    __atomic_store_n(&s->blocked, during, __ATOMIC_SEQ_CST);
    if (act.flags & _SA_RESETHAND) {
        actions[signo] = (struct _sigaction_k){0};
        tell(signo, _SIG_DFL);
    }
    ((void (*)(int, siginfo_t *, void *))act.handler)(signo, &info, context);
    __atomic_store_n(&s->blocked, was, __ATOMIC_SEQ_CST);
    return true;
}

int __sel4_signals_take(void *context)
{
    struct sel4_sig_page *s = __sel4_sig_page();
    // A handler makes calls of its own: what the interrupted code had in the IPC buffer and
    // in a long call's descriptor comes back afterwards.
    uint64_t saved[SEL4_SIG_OFFSET / 8];
    memcpy(saved, ipcbuf(), sizeof(saved));
    int ran = 0;
    for (;;) {
        uint64_t ready = __atomic_load_n(&s->pending, __ATOMIC_SEQ_CST) & ~s->blocked;
        if (!ready)
            break;
        int signo = __builtin_ctzll(ready);
        __atomic_fetch_and(&s->pending, ~(1ull << signo), __ATOMIC_SEQ_CST);
        ran += run_one(signo, context);
    }
    memcpy(ipcbuf(), saved, sizeof(saved));
    return ran;
}

// The stub's last step (sigstub.S): back to what taskman-L stopped, with the mask it had.
// The registers come back through taskman-L, which is why the call is never answered.
_Noreturn void __sel4_sigreturn(struct _sigcontext_k *context)
{
    seL4_Word mr0 = (seL4_Word)context, mr1 = __sel4_thread_index(), none = 0;
    sel4_call_begin();
    seL4_CallWithMRs(SEL4_SLOT_TASKMAN, seL4_MessageInfo_new(SEL4_LABEL_SIGRETURN, 0, 0, 2), &mr0,
                     &mr1, &none, &none);
    ThreadDestroy(-1, -1, (void *)(intptr_t)255); /* taskman-L refused the context */
    for (;;)
        ;
}

// libc's shared trampoline: on QSOE/L handlers start from __sel4_sigstub instead.
void __signal_stub(void)
{
    ThreadDestroy(-1, -1, (void *)(intptr_t)255);
}

_Static_assert(offsetof(struct _sigframe_k, context) == 32, "sigstub.S: CONTEXT");
_Static_assert(offsetof(struct _sigframe_k, context.fregs) == 296, "sigstub.S: FREGS");
_Static_assert(offsetof(struct _sigframe_k, context.fcsr) == 552, "sigstub.S: FCSR");
