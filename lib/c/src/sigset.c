/* Signal sets: one bit a signal, for signals 1 to NSIG-1. */
#include <errno.h>
#include <signal.h>

static int bad(int sig)
{
    if (sig > 0 && sig < NSIG)
        return 0;
    errno = EINVAL;
    return -1;
}

int sigemptyset(sigset_t *set)
{
    set->__bits = 0;
    return 0;
}

int sigfillset(sigset_t *set)
{
    set->__bits = ((1ull << NSIG) - 1) & ~1ull;
    return 0;
}

int sigaddset(sigset_t *set, int sig)
{
    if (bad(sig))
        return -1;
    set->__bits |= 1ull << sig;
    return 0;
}

int sigdelset(sigset_t *set, int sig)
{
    if (bad(sig))
        return -1;
    set->__bits &= ~(1ull << sig);
    return 0;
}

int sigismember(const sigset_t *set, int sig)
{
    if (bad(sig))
        return -1;
    return (set->__bits >> sig) & 1;
}
