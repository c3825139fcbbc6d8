/*
 * Passive servers on seL4 (docs/qsoe-l.md, "Passive servers"): a thread that makes a channel
 * gives up its own scheduling context while it waits in a receive, so that a caller's call
 * lends it the caller's (and seL4's fastpath can serve the call and the answer). The context
 * moves to the thread's notification, which lends it back for pulses, interrupts and signals.
 * The move is done while the thread is known to wait on a channel nobody can call yet: at
 * ChannelCreate, taskman-L unbinds the thread's notification; the thread then signals
 * taskman-L and waits on the new endpoint in one system call; on that signal taskman-L moves
 * the context, binds the notification again and signals it with what it held, which wakes
 * the thread. One move at a time: a second ChannelCreate meanwhile keeps its thread active.
 */
#include <abi/sel4.h>
#include <qsoe/cmdline.h>
#include <string.h>

#include "proc.h"

static struct {
    struct lproc *p; /* the process whose thread is being moved, or NULL */
    int pid, chid;
    unsigned n;
} moving;

static seL4_CPtr request; // taskman-L's notification, badged SEL4_BADGE_PASSIVE, to copy from

static void check(seL4_Error err, const char *what)
{
    if (err != seL4_NoError)
        tm_fatal(what, err);
}

// Whether the command line keeps every thread active (`passive=0`).
static bool disabled(void)
{
    static int off = -1;
    if (off < 0) {
        char buf[8];
        off = strcmp(cmdline_value(bootargs(), "passive", buf, sizeof(buf), "1"), "0") == 0;
    }
    return off;
}

// Whether a move that began has no thread to finish any more (it or its process ended).
static bool stale(void)
{
    struct lproc *p = moving.p;
    return p &&
           (proc_get(moving.pid) != p || p->ended || p->threads[moving.n].state != THREAD_LIVE);
}

bool passive_moving(const struct lproc *p, int chid)
{
    return moving.p == p && moving.chid == chid && !stale();
}

long passive_begin(struct lproc *p, unsigned n, int chid)
{
    if (stale())
        moving.p = NULL;
    if (disabled() || moving.p || n >= (unsigned)p->nthreads || p->threads[n].passive ||
        p->threads[n].state != THREAD_LIVE)
        return 0;
    if (!request)
        request = notify_cap(SEL4_BADGE_NOTIFY | SEL4_BADGE_PASSIVE);
    thread_ntfn(p, n);
    check(seL4_TCB_UnbindNotification(p->threads[n].tcb), "cannot unbind a notification");
    seL4_CNode_Delete(p->cnode, SEL4_SLOT_PASSIVE_REQ, SEL4_CNODE_BITS);
    check(seL4_CNode_Copy(p->cnode, SEL4_SLOT_PASSIVE_REQ, SEL4_CNODE_BITS, seL4_CapInitThreadCNode,
                          request, seL4_WordBits, seL4_CapRights_new(0, 0, 0, 1)),
          "cannot give a process its passive request cap");
    moving.p = p;
    moving.pid = p->pid;
    moving.chid = chid;
    moving.n = n;
    return SEL4_CHAN_SWITCH;
}

// Signals p's thread n's notification with badge (through a cap minted for it).
static void signal_with(seL4_CPtr ntfn, seL4_Word badge)
{
    seL4_CPtr cap = slot_alloc();
    check(seL4_CNode_Mint(seL4_CapInitThreadCNode, cap, seL4_WordBits, seL4_CapInitThreadCNode,
                          ntfn, seL4_WordBits, seL4_CapRights_new(0, 0, 0, 1), badge),
          "cannot mint a cap to a thread's notification");
    seL4_Signal(cap);
    slot_free(cap);
}

void passive_finish(void)
{
    if (!moving.p)
        return;
    bool gone = stale();
    struct lproc *p = moving.p;
    unsigned n = moving.n;
    moving.p = NULL;
    if (gone)
        return;
    struct proc_thread *t = &p->threads[n];
    seL4_CPtr ntfn = p->ntfn[n];
    seL4_CNode_Delete(p->cnode, SEL4_SLOT_PASSIVE_REQ, SEL4_CNODE_BITS);
    check(seL4_SchedContext_Unbind(t->sc), "cannot take a thread's scheduling context");
    check(seL4_SchedContext_Bind(t->sc, ntfn), "cannot give a notification a scheduling context");
    seL4_Word held = 0;
    seL4_Poll(ntfn, &held); /* what came while it was unbound (the thread cannot take it now) */
    check(seL4_TCB_BindNotification(t->tcb, ntfn), "cannot bind a notification again");
    seL4_CNode_Delete(p->cnode, SEL4_SLOT_WAKE(n), SEL4_CNODE_BITS);
    check(seL4_CNode_Mint(p->cnode, SEL4_SLOT_WAKE(n), SEL4_CNODE_BITS, seL4_CapInitThreadCNode,
                          ntfn, seL4_WordBits, seL4_CapRights_new(0, 0, 0, 1),
                          SEL4_BADGE_EVENT | SEL4_EVENT_WAKE),
          "cannot give a thread its wake cap");
    t->passive = true;
    signal_with(ntfn, held | SEL4_BADGE_EVENT | SEL4_EVENT_WAKE);
}

void passive_reset(struct lproc *p, unsigned n)
{
    struct proc_thread *t = &p->threads[n];
    if (!t->passive)
        return;
    check(seL4_SchedContext_Unbind(t->sc), "cannot take back a notification's scheduling context");
    t->passive = false;
}
