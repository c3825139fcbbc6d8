/*
 * Signals at the kernel-call boundary: dispositions (SignalAction), masks (SignalProcmask), the
 * information a handler gets, and the frame the kernel builds on the user stack to run one
 * (docs/kernel-abi.md, "Signals"). Signal numbers are QNX's (SVR4's), 1 to _SIG_MAX.
 */
#ifndef QSOE_ABI_SIGNAL_H
#define QSOE_ABI_SIGNAL_H

#include <abi/sigevent.h>
#include <stdint.h>

#define _SIG_MAX 31

#define _SIG_DFL 0ul /* handler values with a meaning of their own */
#define _SIG_IGN 1ul

/* struct _sigaction_k.flags */
#define _SA_NOCLDSTOP 0x0001
#define _SA_SIGINFO   0x0002
#define _SA_RESETHAND 0x0004
#define _SA_NODEFER   0x0008
#define _SA_RESTART   0x0010 /* accepted; calls a signal interrupts fail with EINTR all the same */

/* SignalProcmask's how */
#define _SIG_BLOCK   0
#define _SIG_UNBLOCK 1
#define _SIG_SETMASK 2

/* si_code values */
#define _SI_USER   0 /* kill */
#define _SI_QUEUE  -1
#define _SI_KERNEL 128

struct _sigaction_k {
    uintptr_t handler; /* _SIG_DFL, _SIG_IGN or a function of the process */
    uint64_t mask;     /* bit n: signal n, blocked while the handler runs */
    uint32_t flags;
    uint32_t zero;
};

struct _siginfo_k {
    int32_t si_signo;
    int32_t si_code;
    int32_t si_errno;
    int32_t si_pid; /* the sender, for kill */
    uint32_t si_uid;
    int32_t si_status;
    union sigval si_value;
};

/* The state a handler interrupted, restored by SignalReturn: the program counter and the
   general registers (regs[0] unused), the floating-point registers if the thread had used them,
   and the signal mask to go back to. */
struct _sigcontext_k {
    uint64_t pc;
    uint64_t regs[32];
    uint64_t fregs[32];
    uint64_t fcsr;
    uint64_t fp_used;
    uint64_t mask;
};

/* What the kernel puts on the user stack to run a handler: the stub SignalAction named is
   entered with a0 = signal number, a1 = &info, a2 = &context, a3 = the handler, and sp at the
   frame; it calls the handler, then SignalReturn(&context). */
struct _sigframe_k {
    struct _siginfo_k info;
    struct _sigcontext_k context;
};

#endif
