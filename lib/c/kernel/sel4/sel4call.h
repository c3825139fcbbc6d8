/*
 * What libc's seL4 layer shares inside lib/c/kernel/sel4: the calling thread's IPC buffer
 * (found from tp, include/abi/sel4.h) and the QSOE error convention. The layer uses only the
 * libsel4 system calls that pass message registers explicitly, never libsel4's thread-local
 * IPC-buffer pointer, so QSOE programs need no ELF TLS.
 */
#ifndef QSOE_LIBC_SEL4CALL_H
#define QSOE_LIBC_SEL4CALL_H

#include <abi/sel4.h>
#include <errno.h>
#include <stdbool.h>
#include <sys/neutrino.h>

#include <sel4/sel4.h>

static inline seL4_IPCBuffer *ipcbuf(void)
{
    return (seL4_IPCBuffer *)((uintptr_t)__tls() - SEL4_TLS_OFFSET);
}

// The calling thread's share of signal state with taskman-L (include/abi/sel4.h).
static inline struct sel4_sig_page *__sel4_sig_page(void)
{
    return (struct sel4_sig_page *)((uintptr_t)ipcbuf() + SEL4_SIG_OFFSET);
}

// Passive servers (server.c): per thread, whether an answer it gave waits to leave with its
// next receive (the caller lent the thread its scheduling context, which the answer gives
// back); __sel4_deferred_send sends it now, and the thread goes on running.
extern unsigned char __sel4_deferred[SEL4_MAX_THREADS];
void __sel4_deferred_send(void);

// Around every system call of the layer that can block: the thread is marked as inside a
// call, so taskman-L never stops it there (an seL4 thread stopped while it waits for a reply
// would send its message again when resumed); a signal that comes meanwhile waits for the
// call's end. If taskman-L is stopping the thread just now, it lets taskman-L finish first.
// A deferred answer leaves first: the thread is not to block while its caller waits for it.
static inline void sel4_call_begin(void)
{
    uint32_t *state = &__sel4_sig_page()->state;
    uint32_t user = SEL4_SIG_USER;
    while (!__atomic_compare_exchange_n(state, &user, SEL4_SIG_CALL, false, __ATOMIC_SEQ_CST,
                                        __ATOMIC_SEQ_CST)) {
        user = SEL4_SIG_USER;
        seL4_Yield();
    }
    if (__sel4_deferred[(__tls()->__tid - 1) & (SEL4_MAX_THREADS - 1)])
        __sel4_deferred_send();
}

// The end of a marked call, leaving the signals that came to the caller (a wait's caller
// reports them with EINTR).
static inline void sel4_call_end(void)
{
    __atomic_store_n(&__sel4_sig_page()->state, SEL4_SIG_USER, __ATOMIC_SEQ_CST);
}

// Runs the handlers of the signals that wait and are not blocked, one after another; the
// number run (signal.c). context is what a handler gets as its third argument.
int __sel4_signals_take(void *context);

// Whether a signal waits that the thread does not block.
static inline bool __sel4_signals_due(void)
{
    struct sel4_sig_page *s = __sel4_sig_page();
    return (__atomic_load_n(&s->pending, __ATOMIC_SEQ_CST) & ~s->blocked) != 0;
}

// The end of a marked call whose results the caller has in hand: the signals that came
// meanwhile run their handlers now, before the call returns (as raise() needs).
static inline void sel4_call_done(void)
{
    sel4_call_end();
    if (__sel4_signals_due())
        __sel4_signals_take(NULL);
}

// seL4_CallWithMRs as a marked call: every call to taskman-L or a server goes through it.
static inline seL4_MessageInfo_t sel4_call(seL4_CPtr dest, seL4_MessageInfo_t info,
                                           seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2,
                                           seL4_Word *mr3)
{
    sel4_call_begin();
    seL4_MessageInfo_t r = seL4_CallWithMRs(dest, info, mr0, mr1, mr2, mr3);
    sel4_call_done();
    return r;
}

// The plain form of a call: a negated errno becomes -1 with errno set.
static inline long set_errno(long r)
{
    if (r < 0 && r >= -4095) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

// A request to taskman-L on the process's own connection (a SEL4_LABEL_* with two words):
// its status, or a negated errno (msg.c).
long sel4_taskman_request(seL4_Word label, seL4_Word arg0, seL4_Word arg1);

// A call whose message (n bytes in siov) or reply buffers (want bytes in riov) are longer
// than the IPC buffer (msglong.c): the reply's status or a negated errno.
long sel4_send_long(seL4_CPtr cap, const iov_t *siov, int sparts, size_t n, const iov_t *riov,
                    int rparts, size_t want);
// The same with four words (MR0-MR3); up to outlen bytes of the answer's data go to out
// (zero-filled past what came) (taskman_call.c).
long sel4_taskman_call(seL4_Word label, const seL4_Word in[4], void *out, size_t outlen);

// CLOCK_REALTIME - CLOCK_MONOTONIC in nanoseconds, asked of taskman-L once (clock.c); weak:
// taskman-L, which keeps it, defines its own.
uint64_t __sel4_realtime_offset(void);
// The CNode slot of connection coid, or -1 when coid names none (msg.c).
int __sel4_coid_slot(int coid);

// The calling thread's index (its tid - 1): its notification is SEL4_SLOT_NTFN of it.
static inline unsigned __sel4_thread_index(void)
{
    return (unsigned)(__tls()->__tid - 1);
}

// Notifications bound to the thread (interrupt.c, pulse.c): __sel4_events_add notes a
// SEL4_BADGE_EVENT badge seL4 returned; __sel4_event_take gives the next pulse due on channel
// chid (an interrupt's, then a queued one), true if there was one.
void __sel4_events_add(seL4_Word badge);
bool __sel4_event_take(int chid, struct _pulse *out);
void __sel4_pulses_add(seL4_Word badge);
bool __sel4_irq_take(int chid, struct _pulse *out);

#endif
