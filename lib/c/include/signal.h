/*
 * Signals: numbers (QNX's), sets, dispositions and masks (lib/c/src/signal.c, sigset.c), and
 * kill (spawn.c). A handler runs in the thread the signal went to, on its own stack, and a
 * blocking call it interrupted fails with EINTR (calls are not restarted).
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <abi/signal.h>
#include <stdint.h>
#include <sys/types.h>

#define SIGHUP    1
#define SIGINT    2
#define SIGQUIT   3
#define SIGILL    4
#define SIGTRAP   5
#define SIGABRT   6
#define SIGIOT    SIGABRT
#define SIGEMT    7
#define SIGFPE    8
#define SIGKILL   9
#define SIGBUS    10
#define SIGSEGV   11
#define SIGSYS    12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGUSR1   16
#define SIGUSR2   17
#define SIGCHLD   18
#define SIGPWR    19
#define SIGWINCH  20
#define SIGURG    21
#define SIGPOLL   22
#define SIGSTOP   23
#define SIGTSTP   24
#define SIGCONT   25
#define SIGTTIN   26
#define SIGTTOU   27
#define SIGVTALRM 28
#define SIGPROF   29
#define SIGXCPU   30
#define SIGXFSZ   31
#define NSIG      32 /* signals are 1..NSIG-1 */

typedef struct {
    uint64_t __bits;
} sigset_t;

typedef int sig_atomic_t;
typedef struct _siginfo_k siginfo_t;

#define SIG_DFL ((void (*)(int))_SIG_DFL)
#define SIG_IGN ((void (*)(int))_SIG_IGN)
#define SIG_ERR ((void (*)(int)) - 1)

#define SA_NOCLDSTOP _SA_NOCLDSTOP
#define SA_SIGINFO   _SA_SIGINFO
#define SA_RESETHAND _SA_RESETHAND
#define SA_NODEFER   _SA_NODEFER
#define SA_RESTART   _SA_RESTART

#define SIG_BLOCK   _SIG_BLOCK
#define SIG_UNBLOCK _SIG_UNBLOCK
#define SIG_SETMASK _SIG_SETMASK

#define SI_USER  _SI_USER
#define SI_QUEUE _SI_QUEUE

/* Laid out as the kernel's struct _sigaction_k. */
struct sigaction {
    union {
        void (*sa_handler)(int);
        void (*sa_sigaction)(int, siginfo_t *, void *);
    };
    sigset_t sa_mask;
    int sa_flags;
    int __zero;
};

int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int raise(int sig);
void (*signal(int sig, void (*handler)(int)))(int);
int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old);
int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old);
int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict old);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
void psignal(int sig, const char *s);

#endif
