/*
 * libc's seL4 layer: signals as far as QSOE/L has them. The process keeps its dispositions
 * and mask here and tells taskman-L which signals it takes by default, ignores or catches,
 * and which it blocks; taskman-L applies a signal's default action (the end of the process)
 * or drops it. Handlers are recorded but not run yet (docs/qsoe-l.md).
 */
#include <abi/signal.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>

#include "sel4call.h"

#define LOWEST_USER 0x10000ul /* nothing is ever mapped below the program */
#define UNBLOCKABLE ((1ull << SIGKILL) | (1ull << SIGSTOP))

static struct _sigaction_k actions[_SIG_MAX + 1];
static uint64_t blocked;

static bool own(pid_t pid)
{
    return pid == 0 || pid == __tls()->__pid;
}

int SignalAction_r(pid_t pid, void (*stub)(void), int signo, const void *act, void *oact)
{
    (void)stub;
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
        seL4_Word kind = a->handler == _SIG_DFL ? 0 : a->handler == _SIG_IGN ? 1 : 2;
        long err = sel4_taskman_request(SEL4_LABEL_SIGNAL, (seL4_Word)signo, kind);
        if (err < 0)
            return (int)err;
        actions[signo] = *a;
    }
    if (oact)
        memcpy(oact, &old, sizeof(old));
    return 0;
}

int SignalAction(pid_t pid, void (*stub)(void), int signo, const void *act, void *oact)
{
    return (int)set_errno(SignalAction_r(pid, stub, signo, act, oact));
}

int SignalProcmask_r(pid_t pid, int tid, int how, const uint64_t *set, uint64_t *oldset)
{
    (void)tid;
    if (!own(pid))
        return -EPERM;
    uint64_t mask = blocked;
    if (set) {
        if (how == _SIG_BLOCK)
            mask |= *set;
        else if (how == _SIG_UNBLOCK)
            mask &= ~*set;
        else if (how == _SIG_SETMASK)
            mask = *set;
        else
            return -EINVAL;
        mask &= ~UNBLOCKABLE & ~1ull;
    }
    if (oldset)
        *oldset = blocked;
    if (mask != blocked) {
        long err = sel4_taskman_request(SEL4_LABEL_SIGMASK, mask, 0);
        if (err < 0)
            return (int)err;
        blocked = mask;
    }
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
    (void)nd, (void)tid, (void)code, (void)value;
    if (!own(pid))
        return -EPERM;
    long r = sel4_taskman_request(SEL4_LABEL_KILL, (seL4_Word)signo, 0);
    return r < 0 ? (int)r : 0;
}

__attribute__((weak)) int SignalKill(uint32_t nd, pid_t pid, int tid, int signo, int code,
                                     int value)
{
    return (int)set_errno(SignalKill_r(nd, pid, tid, signo, code, value));
}

// The trampoline libc gives SignalAction. QSOE/L runs no handler yet, so nothing enters it;
// were it entered, the process would end as if killed by an unknown signal.
void __signal_stub(void)
{
    ThreadDestroy(-1, -1, (void *)(intptr_t)255);
}
