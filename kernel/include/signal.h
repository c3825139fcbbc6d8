/*
 * Signals in the kernel (kernel/core/signal.c): per-process dispositions and pending sets,
 * per-thread masks, delivery on the way back to user mode by a frame on the user stack
 * (the arch part), and the kernel calls SignalKill, SignalAction, SignalProcmask and
 * SignalReturn. What a signal does by default (end the process, or nothing) is decided here;
 * who may signal whom is taskman's business.
 */
#ifndef SKIMMER_SIGNAL_H
#define SKIMMER_SIGNAL_H

#include <abi/signal.h>
#include <kernel.h>

struct process;
struct thread;

struct proc_signals {
    struct _sigaction_k actions[_SIG_MAX + 1];
    struct _siginfo_k info[_SIG_MAX + 1]; /* of each pending signal */
    uint64_t pending;                     /* for the process as a whole */
    uintptr_t stub;                       /* the libc code that runs a handler */
};

int signal_init_process(struct process *p);
void signal_free_process(struct process *p);

// Sends signal signo to p (to its thread tid, or with tid 0 to whichever thread does not block
// it), with the given information. Ends p if that is what the signal does. Returns 0 or a
// negated errno.
int signal_send(struct process *p, int tid, int signo, const struct _siginfo_k *info);

// Runs on the way back to user mode of the current thread when t->sig_attention is set:
// builds the frame of the first deliverable signal's handler, or ends the process.
void signal_deliver(void);

/* arch: the frame a handler runs on; 0 or -EFAULT. */
int arch_signal_push(struct thread *t, uintptr_t stub, uintptr_t handler,
                     const struct _siginfo_k *info, uint64_t mask);
int arch_signal_pop(struct thread *t, uintptr_t context, uint64_t *mask);

#endif
