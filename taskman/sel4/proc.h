/*
 * taskman-L's process table: what it built for each process (CNode, VSpace, frames, threads)
 * and how each ended. The privileged QNX calls of taskman (ProcCreate, ProcMemMap,
 * ThreadCreate for another process...) are implemented over it in proc*.c.
 */
#ifndef TASKMAN_L_PROC_H
#define TASKMAN_L_PROC_H

#include <abi/sched.h>
#include <abi/sel4.h>
#include <abi/signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "taskman_l.h"

#define PROC_MAX     16
#define PROC_PAGES   3072 /* frames a process may have mapped */
#define PROC_THREADS SEL4_MAX_THREADS
#define PROC_NAME    32
#define FIRST_PID    2 /* taskman is pid 1 (TASKMAN_PID) */

struct proc_page {
    uint64_t va;
    seL4_CPtr frame; /* a slot of the process's CNode */
};

/* A thread slot: built once (TCB, scheduling context, fault endpoint, Sync* notification,
   thread page) and used again for a later thread once its thread has ended and been joined
   or detached (threads.c). */
enum thread_state { THREAD_FREE, THREAD_LIVE, THREAD_ENDED };
struct proc_thread {
    seL4_CPtr tcb, sc, fault_ep, sync_ntfn;
    enum thread_state state;
    bool detached;
    int prio;
    int joiner;          /* the rcvid of a ThreadJoin held for it, or 0 */
    seL4_Word status;    /* what it ended with, for ThreadJoin */
    size_t stack_mapped; /* bytes of its default stack mapped below SEL4_STACK_TOP */
    bool passive;        /* its scheduling context is its notification's (passive.c) */
    bool fpu;            /* its FPU is on: it has used it (procthread.c) */
};

struct lproc {
    bool used, ended;
    int pid;
    int status; /* once ended: an exit code, or 0x10000 | the signal */
    char name[PROC_NAME];
    seL4_CPtr cnode, vspace;
    struct proc_page pages[PROC_PAGES];
    int npages;
    uint64_t slot_used[(1u << SEL4_CNODE_BITS) / 64]; /* its CNode's slots from SEL4_SLOT_END */
    seL4_Word conn[SEL4_SLOT_END];            /* the badge (scoid) of each connected slot, or 0 */
    uint32_t conn_server[SEL4_SLOT_END];      /* its server: pid << 16 | chid */
    seL4_CPtr chan_ep[SEL4_MAX_CHANNELS + 1]; /* taskman-L's caps of its channels' endpoints */
    uint32_t sig_ignored, sig_caught; /* bit n: signal n */
    uintptr_t sig_stub;               /* where libc takes signals (sigstop.c) */
    struct proc_thread threads[PROC_THREADS];
    int nthreads;
    seL4_CPtr sync_lock; /* the notification of libc's Sync* lock, once it has a 2nd thread */
    bool io;                                       /* may map devices and attach interrupts */
    seL4_CPtr ntfn[PROC_THREADS];                  /* taskman-L's cap of each thread's notification */
    seL4_CPtr chan_signal[SEL4_MAX_CHANNELS + 1];  /* badged caps that announce queued pulses */
    uint32_t chan_flags[SEL4_MAX_CHANNELS + 1];    /* ChannelCreate's flags */
    uint16_t irq[SEL4_MAX_IRQ_ATTACH + 1];         /* the interrupt of each attachment id, or 0 */
};

// The endpoint on which taskman-L hears its processes: messages, exits and faults.
extern seL4_CPtr proc_endpoint;
void proc_init(void);

// The live or ended (not yet waited for) process pid, or NULL.
struct lproc *proc_get(int pid);

// Entry i (below PROC_MAX) of the table if it holds a process, else NULL.
struct lproc *proc_at(int i);

// The slot of p's CNode holding the frame mapped at page `va`, or seL4_CapNull.
seL4_CPtr proc_frame(const struct lproc *p, uint64_t va);

// Signals (signals.c): the notification that tells taskman-L's receive loop of a process a
// signal ended; the next such pid (0: none), which a later notification announces if more.
void signals_init(void);
int signals_next_end(void);

// A cap to the notification bound to taskman-L's thread, with `badge` (SEL4_BADGE_NOTIFY and
// a bit saying who signals), so that a signal on it wakes taskman-L's MsgReceive.
seL4_CPtr notify_cap(seL4_Word badge);

// Time (timers.c): sleeps and process timers on the RTC (timer_device.c), which it sets up.
// timers_interrupt serves the RTC's alarm; a process that ends leaves no sleep or timer
// behind; a signal it catches ends its sleep early (EINTR). The time requests
// (SEL4_LABEL_TIME_FIRST to LAST): the answer for libc, or SEL4_EVENT_HOLD for a sleep.
void timers_init(void);
void timers_interrupt(void);
void timers_proc_gone(int pid);
void timers_signal(int pid);
long timers_request(struct lproc *p, unsigned long label, void *msg, unsigned long room);

// The RTC: mapped, its interrupt bound to taskman-L's notification (SEL4_BADGE_TIMER); its
// time in ns, a one-shot alarm at an RTC time, and the end of an interrupt.
void timer_device_init(void);
uint64_t timer_device_now(void);
void timer_device_alarm(uint64_t at);
void timer_device_ack(void);

// The signal requests of a process (SEL4_LABEL_SIGNAL, KILL, SIGRETURN): the status for
// libc's answer.
long signals_request(struct lproc *p, unsigned long label);

// Ends p with status (kernel form) as SignalKill does: its TM_DEATH follows.
void signals_end(struct lproc *p, int status);

// Signals to threads (sigstop.c). sigstop_post leaves signo waiting, with its sender's
// information, in the page of the first thread that does not block it (else thread 0), tells
// which, and whether that thread blocks it. sigstop_interrupt has thread n take it now: woken
// if it waits in a call, else stopped and sent through libc's stub (-EFAULT: no room on its
// stack for the frame). sigstop_return is SEL4_LABEL_SIGRETURN from thread n with its context.
bool sigstop_post(struct lproc *p, int signo, int code, int pid, int value, unsigned *thread);
int sigstop_interrupt(struct lproc *p, unsigned n);
// A new thread n's signal state: none waiting, not in a call, creator's mask (a thread page is
// reused after an ended thread, which may have ended inside a call).
void sigstop_thread_start(struct lproc *p, unsigned n, unsigned creator);
// Whether thread n of p is inside one of libc's marked calls (its signal state).
bool sigstop_in_call(const struct lproc *p, unsigned n);
long sigstop_return(struct lproc *p, seL4_Word context, seL4_Word n);

// Puts a connection cap to endpoint ep (taskman-L's, if seL4_CapNull) with `badge` in slot of
// p's CNode, replacing what was there (connections.c).
void conn_set(struct lproc *p, unsigned slot, seL4_CPtr ep, seL4_Word badge);

// A server is gone: its clients' connections to it become unconnected slots, so a caller
// blocked on one, which seL4 restarts when the endpoint goes, gets EBADF.
void conn_server_gone(const struct lproc *server);
// A server's end: conn_server_gone, and its channels' endpoints and reply objects deleted.
void conn_channels_end(struct lproc *server);
// Its connections to taskman-L's own channel closed for the path manager (an ended process).
void conn_release_own(struct lproc *p);

// The connection requests of a process (SEL4_LABEL_CONNECT, DETACH, SCOID, SERVER) and
// SEL4_LABEL_CHANNEL: the status for libc's answer, or SEL4_EVENT_PULSE with a disconnect
// pulse written to msg.
long conn_request(struct lproc *p, unsigned long label, void *msg, unsigned long room);

// Copies n bytes to offset off of the frame in slot `frame` of p's CNode, through a temporary
// mapping in taskman-L.
void window_write(const struct lproc *p, seL4_CPtr frame, size_t off, const void *src, size_t n);

// A copy in taskman-L's CSpace of the cap in slot `slot` of p's CNode; slot_free() it after.
seL4_CPtr proc_cap_copy(const struct lproc *p, seL4_CPtr slot);

// A server's request for a long message's bytes (SEL4_LABEL_MSG_READ, MSG_WRITE; msgcopy.c):
// the bytes copied (read ones into msg, at most room) or a negated errno.
long msgcopy_request(struct lproc *server, unsigned long label, void *msg, unsigned long room);

// Threads in a process (threads.c): the requests SEL4_LABEL_THREAD_FIRST to LAST, answered
// like conn_request's or held (a join); a process that ends answers the joins held for it.
long threads_request(struct lproc *p, unsigned long label, void *msg, unsigned long room);
void threads_proc_gone(struct lproc *p);

// Builds thread slot n of p (p->nthreads) and starts it with regs at priority prio on cpu
// `cpu` (procthread.c); a slot already built is started again. 0 or a negated errno.
int thread_slot_start(struct lproc *p, int n, seL4_UserContext *regs, int prio, unsigned cpu);

// Writes thread n's TLS block with its identity, as Skimmer's kernel does for a new thread.
void thread_write_tls(struct lproc *p, int n, void *arg, const struct _thread_attr *attr);

// Ends every thread of p and records status (kernel form); p stays until ProcWait.
void proc_end(struct lproc *p, int status);

// Moves a cap from taskman-L's slot `from` into a free slot of p's CNode (from SEL4_SLOT_END
// up) and returns that slot (procmem.c).
seL4_CPtr proc_keep(struct lproc *p, seL4_CPtr from);

// Devices, interrupts and pulses (device.c, irq.c, pulses.c): the requests with labels
// SEL4_LABEL_MAPPHYS to SEL4_LABEL_PULSE_TAKE, answered like conn_request's.
long dev_request(struct lproc *p, unsigned long label, void *msg, unsigned long room);
long irq_request(struct lproc *p, unsigned long label);
long pulse_request(struct lproc *p, unsigned long label, void *msg, unsigned long room);
// A timer's pulse on connection coid of process pid (only checked unless send).
long pulses_timer(int pid, int coid, int prio, int code, int value, bool send);

// Thread n's notification, made and bound to its TCB on first use (irq.c); 0 if no thread n.
seL4_CPtr thread_ntfn(struct lproc *p, unsigned n);

// Channel k of p was made by thread `thread` with `flags`: its pulses will announce themselves
// on that thread's notification (pulses.c).
void pulses_channel(struct lproc *p, int k, unsigned flags, unsigned thread);

// The connection in `slot` of client p goes: its server gets a disconnect pulse if its channel
// asked for them (_NTO_CHF_DISCONNECT).
void pulses_disconnect(struct lproc *p, unsigned slot);

// p is being reaped: its clients' servers hear of its connections, its queued pulses and
// notifications go.
void pulses_release(struct lproc *p);

// The event function of taskman-L's channel (include/abi/sel4.h): a process's fault or exit
// ends it and becomes a TM_DEATH message; connection requests go to conn_request.
long proc_event(unsigned long badge, unsigned long label, void *msg, unsigned long room);

// A thread's FPU is off until its first floating-point instruction faults (so seL4 does not
// switch the FPU state at every hand-over between threads that never use it): turns it on
// and says whether the thread may be resumed (false: it was on, the fault is real).
bool thread_fpu_on(struct lproc *p, unsigned n);

// Passive servers (passive.c). passive_begin: ChannelCreate of channel chid by p's thread n
// starts moving the thread's scheduling context to its notification (SEL4_CHAN_SWITCH, which
// libc answers by waiting on the channel), or keeps the thread active (0). passive_finish: the
// thread waits, the move ends. passive_moving: chid cannot be connected to yet.
// passive_reset: slot n gets a new thread, which starts with its own context again.
long passive_begin(struct lproc *p, unsigned n, int chid);
void passive_finish(void);
bool passive_moving(const struct lproc *p, int chid);
void passive_reset(struct lproc *p, unsigned n);

// The budget and period of a process thread's scheduling context (timeslice.c).
uint64_t proc_timeslice_us(void);

#endif
