/*
 * Signals in taskman-L. A process tells taskman-L which signals it ignores and catches (lib/c/
 * kernel/sel4/signal.c); each thread's mask is in its page. SignalKill drops an ignored signal
 * (by the process or by default, as Skimmer drops them), keeps a blocked one waiting in the
 * page of a thread (sigstop.c), ends the process by one it neither catches nor blocks, and
 * has a caught one taken at once: a sleep ends with EINTR (timers.c), a wait on the thread's
 * notification is woken, and a thread running its own code is stopped and made to run its
 * handlers (docs/qsoe-l.md, "Signals"). Ends are queued and a notification bound to
 * taskman-L's thread makes its next MsgReceive turn each into a TM_DEATH message (events.c).
 * Others signal that notification too, each with a badge bit of its own (notify_cap: the
 * RTC's interrupt).
 */
#include <errno.h>
#include <sys/neutrino.h>

#include "proc.h"

#define BIT(sig)      (1u << (sig))
#define SIG_MAX       31
#define SIGKILL       9
#define SIGSTOP       23
#define STATUS_SIGNAL 0x10000
#define LOWEST_USER   0x10000ul
/* SIGCHLD, SIGPWR, SIGWINCH, SIGURG, and SIGSTOP, SIGTSTP, SIGCONT, SIGTTIN, SIGTTOU. */
#define DEFAULT_IGNORED                                                                            \
    (BIT(18) | BIT(19) | BIT(20) | BIT(21) | BIT(23) | BIT(24) | BIT(25) | BIT(26) | BIT(27))

static seL4_CPtr ntfn; // the notification bound to taskman-L's main thread
static seL4_CPtr note; // a cap to it badged SEL4_BADGE_NOTIFY
static int ended[PROC_MAX];
static int nended;

void signals_init(void)
{
    ntfn = object_alloc(seL4_NotificationObject, 0);
    seL4_Error err = seL4_TCB_BindNotification(seL4_CapInitThreadTCB, ntfn);
    if (err != seL4_NoError)
        tm_fatal("cannot set up the notification for signal deaths", err);
    note = notify_cap(SEL4_BADGE_NOTIFY);
}

seL4_CPtr notify_cap(seL4_Word badge)
{
    seL4_CPtr cap = slot_alloc();
    seL4_Error err =
        seL4_CNode_Mint(seL4_CapInitThreadCNode, cap, seL4_WordBits, seL4_CapInitThreadCNode, ntfn,
                        seL4_WordBits, seL4_AllRights, badge);
    if (err != seL4_NoError)
        tm_fatal("cannot mint a cap to taskman-L's notification", err);
    return cap;
}

void signals_end(struct lproc *p, int status)
{
    proc_end(p, status);
    ended[nended++] = p->pid;
    seL4_Signal(note);
}

// What signo does to p: -1 ends it, 0 nothing, 1 runs a handler.
static int effect(const struct lproc *p, int signo)
{
    if (signo == SIGKILL)
        return -1;
    if (BIT(signo) & p->sig_caught)
        return 1;
    if (BIT(signo) & (p->sig_ignored | DEFAULT_IGNORED))
        return 0;
    return -1;
}

int SignalKill(uint32_t nd, pid_t pid, int tid, int signo, int code, int value)
{
    (void)nd, (void)tid;
    struct lproc *p = proc_get(pid);
    if (signo < 0 || signo > SIG_MAX) {
        errno = EINVAL;
        return -1;
    }
    if (!p || p->ended) {
        errno = ESRCH;
        return -1;
    }
    int what = signo == 0 ? 0 : effect(p, signo);
    if (what == 0)
        return 0;
    unsigned n = 0;
    bool blocked = signo != SIGKILL && p->nthreads > 0 &&
                   sigstop_post(p, signo, code, code == _SI_USER ? value : 0, value, &n);
    if (blocked)
        return 0; /* it waits in thread n's page until the thread unblocks it */
    if (what < 0) {
        signals_end(p, STATUS_SIGNAL | signo);
        return 0;
    }
    timers_signal(pid); /* a caught signal ends a sleep early */
    if (sigstop_interrupt(p, n) < 0)
        signals_end(p, STATUS_SIGNAL | 11); /* no room for the handler's frame: SIGSEGV */
    return 0;
}

int signals_next_end(void)
{
    if (nended == 0)
        return 0;
    int pid = ended[0];
    for (int i = 1; i < nended; i++)
        ended[i - 1] = ended[i];
    if (--nended > 0)
        seL4_Signal(note);
    return pid;
}

long signals_request(struct lproc *p, unsigned long label)
{
    seL4_Word a = seL4_GetMR(0), b = seL4_GetMR(1), c = seL4_GetMR(2);
    if (label == SEL4_LABEL_SIGRETURN)
        return sigstop_return(p, a, b);
    if (label == SEL4_LABEL_KILL)
        return SignalKill(0, p->pid, 0, (int)a, (int)b, (int)c) < 0 ? -errno : 0;
    if (label != SEL4_LABEL_SIGNAL)
        return -ENOSYS;
    if (a < 1 || a > SIG_MAX || b > 2 || a == SIGKILL || a == SIGSTOP)
        return -EINVAL;
    if (b == 2 && (c < LOWEST_USER || c >= seL4_UserTop))
        return -EINVAL;
    if (b == 2)
        p->sig_stub = c;
    p->sig_ignored = (p->sig_ignored & ~BIT(a)) | (b == 1 ? BIT(a) : 0);
    p->sig_caught = (p->sig_caught & ~BIT(a)) | (b == 2 ? BIT(a) : 0);
    return 0;
}
