/*
 * Signals in taskman-L. A process tells taskman-L which signals it ignores, catches and blocks
 * (lib/c/kernel/sel4/signal.c); SignalKill then drops a signal that is ignored (by the
 * process or by default, as Skimmer drops them), blocked or caught (QSOE/L runs no handlers
 * yet, but a caught signal ends a sleep early, timers.c), and otherwise ends the process by
 * it. The end is queued and a notification bound to taskman-L's thread makes its next
 * MsgReceive turn it into a TM_DEATH message (events.c). Others signal that notification too,
 * each with a badge bit of its own (notify_cap: the RTC's interrupt).
 */
#include <errno.h>
#include <sys/neutrino.h>

#include "proc.h"

#define BIT(sig)      (1u << (sig))
#define SIG_MAX       31
#define SIGKILL       9
#define STATUS_SIGNAL 0x10000
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

int SignalKill(uint32_t nd, pid_t pid, int tid, int signo, int code, int value)
{
    (void)nd, (void)tid, (void)code, (void)value;
    struct lproc *p = proc_get(pid);
    if (signo < 0 || signo > SIG_MAX) {
        errno = EINVAL;
        return -1;
    }
    if (!p || p->ended) {
        errno = ESRCH;
        return -1;
    }
    uint32_t dropped = DEFAULT_IGNORED | p->sig_ignored | p->sig_caught | p->sig_blocked;
    if (signo == 0 || (signo != SIGKILL && (BIT(signo) & dropped))) {
        if (signo != 0 && (BIT(signo) & p->sig_caught & ~p->sig_blocked))
            timers_signal(pid); /* a caught signal ends a sleep early, as a handler would */
        return 0;
    }
    proc_end(p, STATUS_SIGNAL | signo);
    ended[nended++] = pid;
    seL4_Signal(note);
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
    seL4_Word a = seL4_GetMR(0), b = seL4_GetMR(1);
    if (label == SEL4_LABEL_SIGMASK) {
        p->sig_blocked = (uint32_t)a;
        return 0;
    }
    if (label == SEL4_LABEL_KILL)
        return SignalKill(0, p->pid, 0, (int)a, 0, 0) < 0 ? -errno : 0;
    if (a < 1 || a > SIG_MAX || b > 2)
        return -EINVAL;
    p->sig_ignored = (p->sig_ignored & ~BIT(a)) | (b == 1 ? BIT(a) : 0);
    p->sig_caught = (p->sig_caught & ~BIT(a)) | (b == 2 ? BIT(a) : 0);
    return 0;
}
