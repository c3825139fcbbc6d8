/*
 * Getting a signal to a thread of a process (docs/qsoe-l.md, "Signals"): taskman-L writes it
 * into the thread's page (include/abi/sel4.h, struct sel4_sig_page), and the thread takes it
 * itself at a safe point. One inside a system call of libc's seL4 layer takes it when the call
 * ends (woken through its notification if it waits there); one running its own code is
 * stopped, and resumed at libc's stub with its registers in a frame on its stack, the stub
 * runs the handlers and SIGRETURN brings the registers back. Not for the decision what a
 * signal does (signals.c).
 */
#include <abi/signal.h>
#include <errno.h>
#include <string.h>

#include "proc.h"

#define PAGE       4096ul
#define PAGE_WIN   0x1000202000ull /* a thread's page; after msgcopy.c's window */
#define USER_WIN   0x1000203000ull /* a page of a thread's stack */
#define UCTX_WORDS (sizeof(seL4_UserContext) / sizeof(seL4_Word))

// Maps the page of p holding va at window win; its cap goes with unmap().
static void *map(const struct lproc *p, uint64_t va, uint64_t win, seL4_CPtr *copy)
{
    seL4_CPtr frame = proc_frame(p, va & ~(PAGE - 1));
    if (frame == seL4_CapNull)
        return NULL;
    *copy = proc_cap_copy(p, frame);
    vspace_map(*copy, win, seL4_ReadWrite);
    return (char *)win + (va & (PAGE - 1));
}

static void unmap(seL4_CPtr copy)
{
    seL4_RISCV_Page_Unmap(copy);
    slot_free(copy);
}

// n bytes between taskman-L and p's memory at va, page by page: 0, or -EFAULT where p has
// no page.
static int copy_user(const struct lproc *p, uint64_t va, void *buf, size_t n, bool to_user)
{
    while (n > 0) {
        size_t k = PAGE - (va & (PAGE - 1));
        k = k < n ? k : n;
        seL4_CPtr copy;
        char *at = va < seL4_UserTop ? map(p, va, USER_WIN, &copy) : NULL;
        if (!at)
            return -EFAULT;
        if (to_user)
            memcpy(at, buf, k);
        else
            memcpy(buf, at, k);
        unmap(copy);
        va += k, buf = (char *)buf + k, n -= k;
    }
    return 0;
}

static struct sel4_sig_page *sig_page(const struct lproc *p, unsigned n, seL4_CPtr *copy)
{
    struct sel4_sig_page *s = map(p, (uint64_t)SEL4_SIG_PAGE(n), PAGE_WIN, copy);
    if (!s)
        tm_fatal("a thread has no thread page", p->pid);
    return s;
}

bool sigstop_post(struct lproc *p, int signo, int code, int pid, int value, unsigned *thread)
{
    uint64_t bit = 1ull << signo;
    unsigned n = 0;
    seL4_CPtr copy;
    for (int i = 0; i < p->nthreads; i++) {
        if (p->threads[i].state == THREAD_ENDED || p->threads[i].state == THREAD_FREE)
            continue;
        struct sel4_sig_page *s = sig_page(p, (unsigned)i, &copy);
        bool blocks = __atomic_load_n(&s->blocked, __ATOMIC_SEQ_CST) & bit;
        unmap(copy);
        if (!blocks) {
            n = (unsigned)i;
            break;
        }
    }
    struct sel4_sig_page *s = sig_page(p, n, &copy);
    s->info[signo].code = code;
    s->info[signo].pid = pid;
    s->info[signo].value = value;
    __atomic_fetch_or(&s->pending, bit, __ATOMIC_SEQ_CST);
    // Read after the pending bit is set: a thread that unblocks the signal later sees it.
    bool blocked = __atomic_load_n(&s->blocked, __ATOMIC_SEQ_CST) & bit;
    unmap(copy);
    *thread = n;
    return blocked;
}

bool sigstop_in_call(const struct lproc *p, unsigned n)
{
    seL4_CPtr copy;
    struct sel4_sig_page *s = sig_page(p, n, &copy);
    bool in_call = __atomic_load_n(&s->state, __ATOMIC_SEQ_CST) == SEL4_SIG_CALL;
    unmap(copy);
    return in_call;
}

void sigstop_thread_start(struct lproc *p, unsigned n, unsigned creator)
{
    seL4_CPtr copy;
    struct sel4_sig_page *c = sig_page(p, creator, &copy);
    uint64_t mask = __atomic_load_n(&c->blocked, __ATOMIC_SEQ_CST);
    unmap(copy);
    struct sel4_sig_page *s = sig_page(p, n, &copy);
    memset(s, 0, sizeof(*s));
    s->state = SEL4_SIG_USER;
    s->blocked = mask;
    unmap(copy);
}

// Wakes thread n of p from a wait on its notification (MsgReceive, InterruptWait), which
// then ends with EINTR.
static void wake(struct lproc *p, unsigned n)
{
    seL4_CPtr cap = slot_alloc();
    seL4_Error err = seL4_CNode_Mint(seL4_CapInitThreadCNode, cap, seL4_WordBits,
                                     seL4_CapInitThreadCNode, thread_ntfn(p, n), seL4_WordBits,
                                     seL4_AllRights, SEL4_BADGE_EVENT | SEL4_EVENT_SIGNAL);
    if (err != seL4_NoError)
        tm_fatal("cannot mint a cap to a thread's notification", err);
    seL4_Signal(cap);
    slot_free(cap);
}

// The stopped thread's registers into a frame below its stack, and the thread resumed at the
// stub with sp and a0 at that frame. 0, or -EFAULT when the stack has no room.
static int enter_stub(struct lproc *p, seL4_CPtr tcb)
{
    seL4_UserContext r;
    seL4_Error err = seL4_TCB_ReadRegisters(tcb, 0, 0, UCTX_WORDS, &r);
    if (err != seL4_NoError)
        tm_fatal("TCB_ReadRegisters failed", err);
    struct _sigframe_k f;
    memset(&f, 0, sizeof(f));
    uint64_t *x = f.context.regs;
    f.context.pc = r.pc;
    x[1] = r.ra, x[2] = r.sp, x[3] = r.gp, x[4] = r.tp;
    x[5] = r.t0, x[6] = r.t1, x[7] = r.t2, x[8] = r.s0, x[9] = r.s1;
    x[10] = r.a0, x[11] = r.a1, x[12] = r.a2, x[13] = r.a3;
    x[14] = r.a4, x[15] = r.a5, x[16] = r.a6, x[17] = r.a7;
    x[18] = r.s2, x[19] = r.s3, x[20] = r.s4, x[21] = r.s5, x[22] = r.s6;
    x[23] = r.s7, x[24] = r.s8, x[25] = r.s9, x[26] = r.s10, x[27] = r.s11;
    x[28] = r.t3, x[29] = r.t4, x[30] = r.t5, x[31] = r.t6;
    f.context.fp_used = 1; /* the stub keeps them */
    uint64_t sp = (r.sp - sizeof(f)) & ~15ull;
    if (sp >= r.sp || copy_user(p, sp, &f, sizeof(f), true) < 0)
        return -EFAULT;
    r.pc = p->sig_stub;
    r.sp = sp;
    r.a0 = sp;
    err = seL4_TCB_WriteRegisters(tcb, 0, 0, UCTX_WORDS, &r);
    if (err != seL4_NoError)
        tm_fatal("TCB_WriteRegisters failed", err);
    return 0;
}

int sigstop_interrupt(struct lproc *p, unsigned n)
{
    seL4_CPtr copy;
    struct sel4_sig_page *s = sig_page(p, n, &copy);
    uint32_t user = SEL4_SIG_USER;
    if (!__atomic_compare_exchange_n(&s->state, &user, SEL4_SIG_STOPPED, false, __ATOMIC_SEQ_CST,
                                     __ATOMIC_SEQ_CST)) {
        unmap(copy); /* inside a call: taken at its end */
        wake(p, n);
        return 0;
    }
    // From here the thread makes no system call until state is back to SEL4_SIG_USER, so it
    // stops in its own code (or in libc's wait for that), where it may be resumed elsewhere.
    seL4_CPtr tcb = p->threads[n].tcb;
    seL4_Error err = seL4_TCB_Suspend(tcb);
    if (err != seL4_NoError)
        tm_fatal("TCB_Suspend failed", err);
    int r = p->sig_stub ? enter_stub(p, tcb) : 0;
    __atomic_store_n(&s->state, SEL4_SIG_USER, __ATOMIC_SEQ_CST);
    unmap(copy);
    if (r < 0) {
        tm_printf("taskman: process %d (%s) thread %u: no room for a signal frame; process "
                  "terminated\n",
                  p->pid, p->name, n + 1);
        return r;
    }
    err = seL4_TCB_Resume(tcb);
    if (err != seL4_NoError)
        tm_fatal("TCB_Resume failed", err);
    return 0;
}

long sigstop_return(struct lproc *p, seL4_Word context, seL4_Word n)
{
    struct _sigcontext_k c;
    if (n >= (seL4_Word)p->nthreads || (context & 7) ||
        copy_user(p, context, &c, sizeof(c), false) < 0) {
        tm_printf("taskman: process %d (%s): bad signal context 0x%lx; process terminated\n",
                  p->pid, p->name, (unsigned long)context);
        signals_end(p, 0x10000 | 11);
        return -EFAULT;
    }
    const uint64_t *x = c.regs;
    seL4_UserContext r = {
        .pc = c.pc,
        .ra = x[1],
        .sp = x[2],
        .gp = x[3],
        .tp = x[4],
        .t0 = x[5],
        .t1 = x[6],
        .t2 = x[7],
        .s0 = x[8],
        .s1 = x[9],
        .a0 = x[10],
        .a1 = x[11],
        .a2 = x[12],
        .a3 = x[13],
        .a4 = x[14],
        .a5 = x[15],
        .a6 = x[16],
        .a7 = x[17],
        .s2 = x[18],
        .s3 = x[19],
        .s4 = x[20],
        .s5 = x[21],
        .s6 = x[22],
        .s7 = x[23],
        .s8 = x[24],
        .s9 = x[25],
        .s10 = x[26],
        .s11 = x[27],
        .t3 = x[28],
        .t4 = x[29],
        .t5 = x[30],
        .t6 = x[31],
    };
    seL4_CPtr copy;
    struct sel4_sig_page *s = sig_page(p, (unsigned)n, &copy);
    __atomic_store_n(&s->state, SEL4_SIG_USER, __ATOMIC_SEQ_CST); /* as when it was stopped */
    unmap(copy);
    // The thread waits for this request's answer; resuming it elsewhere cancels that wait,
    // and the answer libc then sends goes nowhere.
    seL4_Error err = seL4_TCB_WriteRegisters(p->threads[n].tcb, 1, 0, UCTX_WORDS, &r);
    if (err != seL4_NoError)
        tm_fatal("TCB_WriteRegisters failed", err);
    return 0;
}
