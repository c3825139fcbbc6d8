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
