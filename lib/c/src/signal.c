/*
 * Signal dispositions and masks over the QNX kernel calls SignalAction, SignalProcmask and
 * SignalKill, and the functions built on them (signal, raise, abort, psignal). libc keeps a
 * copy of which signals are ignored, so that posix_spawn can pass that on to a child.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <unistd.h>

uint64_t __sig_ignored; /* bit n: signal n is ignored (SIG_IGN) */

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old)
{
    if (SignalAction(0, __signal_stub, sig, act, old) < 0)
        return -1;
    if (act && act->sa_handler == SIG_IGN)
        __sig_ignored |= 1ull << sig;
    else if (act)
        __sig_ignored &= ~(1ull << sig);
    return 0;
}

void (*signal(int sig, void (*handler)(int)))(int)
{
    struct sigaction act = {0}, old;
    act.sa_handler = handler;
    if (sigaction(sig, &act, &old) < 0)
        return SIG_ERR;
    return old.sa_handler;
}

int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
    int err = -SignalProcmask_r(0, 0, how, set ? &set->__bits : NULL, old ? &old->__bits : NULL);
    return err > 0 ? err : 0;
}

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
    int err = pthread_sigmask(how, set, old);
    if (err) {
        errno = err;
        return -1;
    }
    return 0;
}

int raise(int sig)
{
    return SignalKill(0, 0, __tls()->__tid, sig, SI_USER, 0) < 0 ? -1 : 0;
}

// abort: SIGABRT, which a handler may catch; if it returns, the signal's default ends the
// process all the same.
void abort(void)
{
    sigset_t set = {1ull << SIGABRT};
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGABRT);
    signal(SIGABRT, SIG_DFL);
    raise(SIGABRT);
    _Exit(127);
}

static const char *const names[NSIG] = {
    [SIGHUP] = "Hangup",
    [SIGINT] = "Interrupt",
    [SIGQUIT] = "Quit",
    [SIGILL] = "Illegal instruction",
    [SIGTRAP] = "Trace/breakpoint trap",
    [SIGABRT] = "Aborted",
    [SIGEMT] = "Emulation trap",
    [SIGFPE] = "Floating point exception",
    [SIGKILL] = "Killed",
    [SIGBUS] = "Bus error",
    [SIGSEGV] = "Segmentation fault",
    [SIGSYS] = "Bad system call",
    [SIGPIPE] = "Broken pipe",
    [SIGALRM] = "Alarm clock",
    [SIGTERM] = "Terminated",
    [SIGUSR1] = "User defined signal 1",
    [SIGUSR2] = "User defined signal 2",
    [SIGCHLD] = "Child exited",
    [SIGPWR] = "Power failure",
    [SIGWINCH] = "Window changed",
    [SIGURG] = "Urgent I/O condition",
    [SIGPOLL] = "I/O possible",
    [SIGSTOP] = "Stopped (signal)",
    [SIGTSTP] = "Stopped",
    [SIGCONT] = "Continued",
    [SIGTTIN] = "Stopped (tty input)",
    [SIGTTOU] = "Stopped (tty output)",
    [SIGVTALRM] = "Virtual timer expired",
    [SIGPROF] = "Profiling timer expired",
    [SIGXCPU] = "CPU time limit exceeded",
    [SIGXFSZ] = "File size limit exceeded",
};

char *strsignal(int sig)
{
    static char unknown[32];
    if (sig > 0 && sig < NSIG && names[sig])
        return (char *)names[sig];
    snprintf(unknown, sizeof(unknown), "Unknown signal %d", sig);
    return unknown;
}

void psignal(int sig, const char *s)
{
    if (s && *s)
        fprintf(stderr, "%s: %s\n", s, strsignal(sig));
    else
        fprintf(stderr, "%s\n", strsignal(sig));
}
