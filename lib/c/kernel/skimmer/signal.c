/*
 * libc's Skimmer layer for signals: the kernel calls, and the stub the kernel enters to run a
 * handler (sigstub.S).
 */
#include <errno.h>
#include <sys/neutrino.h>

#include "ecall.h"

_Static_assert(KER_SIGNAL_RETURN == 62, "sigstub.S names KER_SIGNAL_RETURN as 62");

int SignalKill_r(uint32_t nd, pid_t pid, int tid, int signo, int code, int value)
{
    if (nd != 0)
        return -EINVAL;
    return (int)K(KER_SIGNAL_KILL, pid, tid, signo, code, value);
}

int SignalKill(uint32_t nd, pid_t pid, int tid, int signo, int code, int value)
{
    return (int)set_errno(SignalKill_r(nd, pid, tid, signo, code, value));
}

int SignalAction_r(pid_t pid, void (*stub)(void), int signo, const void *act, void *oact)
{
    return (int)K(KER_SIGNAL_ACTION, pid, stub, signo, act, oact);
}

int SignalAction(pid_t pid, void (*stub)(void), int signo, const void *act, void *oact)
{
    return (int)set_errno(SignalAction_r(pid, stub, signo, act, oact));
}

int SignalProcmask_r(pid_t pid, int tid, int how, const uint64_t *set, uint64_t *oldset)
{
    return (int)K(KER_SIGNAL_PROCMASK, pid, tid, how, set, oldset);
}

int SignalProcmask(pid_t pid, int tid, int how, const uint64_t *set, uint64_t *oldset)
{
    return (int)set_errno(SignalProcmask_r(pid, tid, how, set, oldset));
}
