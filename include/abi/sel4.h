/*
 * How a QSOE/L process meets seL4: the slots of its CNode, where its threads' IPC buffers and
 * TLS blocks are, and the message labels and badges between libc's seL4 layer and taskman-L.
 * Shared by taskman/sel4 and lib/c/kernel/sel4 only; nothing above the seam uses it.
 */
#ifndef QSOE_ABI_SEL4_H
#define QSOE_ABI_SEL4_H

#include <stdint.h>

/* Every process has one CNode of 2^SEL4_CNODE_BITS slots; its threads see it with a guard
   that makes a cap pointer the slot number itself. Slots from SEL4_SLOT_END up hold the
   frames and page tables taskman-L made for it, so they go with the CNode. */
#define SEL4_CNODE_BITS   12
#define SEL4_SLOT_TASKMAN 1 /* the side-channel connection to taskman-L every process has */

/* Connection coid n (a descriptor, below SEL4_MAX_FDS) lives in slot SEL4_SLOT_FD(n), side
   channel _NTO_SIDE_CHANNEL + k (0 < k < SEL4_MAX_SIDE) in SEL4_SLOT_SIDE(k). A slot with no
   connection holds an endpoint cap to taskman-L whose badge has no connection part, so a
   message on it comes back as EBADF rather than faulting. */
#define SEL4_MAX_FDS      256
#define SEL4_MAX_SIDE     64
#define SEL4_SLOT_FD(n)   (16 + (n))
#define SEL4_SLOT_SIDE(k) (16 + SEL4_MAX_FDS + (k))

/* Channel k (0 < k <= SEL4_MAX_CHANNELS) of a server: its endpoint in SEL4_SLOT_CHAN(k), the
   SEL4_CHAN_REPLIES reply objects its callers wait in right after it. */
#define SEL4_MAX_CHANNELS 4
#define SEL4_CHAN_REPLIES 16
#define SEL4_SLOT_CHAN(k) (SEL4_SLOT_SIDE(SEL4_MAX_SIDE) + ((k)-1) * (1 + SEL4_CHAN_REPLIES))
#define SEL4_SLOT_END     SEL4_SLOT_CHAN(SEL4_MAX_CHANNELS + 1)

/* Thread n of a process (n from 0) owns the page SEL4_THREAD_PAGE(n): its IPC buffer at the
   start, its TLS block (include/abi/tls.h) at SEL4_TLS_OFFSET, where tp points. */
#define SEL4_THREAD_PAGES   0x2f00000000ul
#define SEL4_THREAD_PAGE(n) (SEL4_THREAD_PAGES + (unsigned long)(n)*4096)
#define SEL4_TLS_OFFSET     2048

/* Labels of the messages a process sends taskman-L on SEL4_SLOT_TASKMAN. */
#define SEL4_LABEL_MSG     0 /* a QNX message: MR0 bytes sent, MR1 wanted, data from MR2 */
#define SEL4_LABEL_EXIT    1 /* the process ends: MR0 is its exit status; never answered */
#define SEL4_LABEL_CONNECT 2 /* connect slot MR0 to channel MR1 & 0xffff of process MR1 >> 16 */
#define SEL4_LABEL_DETACH  3 /* end the connection in slot MR0 */
#define SEL4_LABEL_SCOID   4 /* the server's name (scoid) of the connection in slot MR0 */
#define SEL4_LABEL_SIGNAL                                                                          \
    5 /* signal MR0 is now taken by default (MR1 0), ignored (1), caught (2; MR2 the stub) */
#define SEL4_LABEL_KILL    7 /* signal MR0 to the calling process, code MR1, value MR2 */
#define SEL4_LABEL_CHANNEL 8 /* make a channel (flags MR0): its chid */
#define SEL4_LABEL_SERVER  9 /* the server of the connection in slot MR0: pid << 16 | chid */
#define SEL4_LABEL_NEXT_FD 10 /* the first descriptor slot from MR0 on with a connection */
#define SEL4_LABEL_CLIENT  11 /* the process that holds the connection with scoid MR0 now */

/* Messages beyond the IPC buffer (docs/qsoe-l.md, "Long messages"). A client whose message or
   reply buffer is longer than SEL4_MSG_MAX_BYTES sends SEL4_LABEL_MSG_LONG: MR0 and MR1 as for
   SEL4_LABEL_MSG, MR2 its call word (SEL4_MSG_CALL), the first SEL4_MSG_LONG_INLINE bytes from
   MR3; its whole send and reply iovs are in its thread page at SEL4_MSG_DESC_OFFSET, where only
   it writes. The server reaches the rest through taskman-L with SEL4_LABEL_MSG_READ and
   SEL4_LABEL_MSG_WRITE (MR0 the scoid, MR1 the call word, MR2 the offset, MR3 the bytes): the
   reply to READ has the bytes read in MR0 and the data from MR2; WRITE carries its data from
   MR4 and is answered with the bytes written. Every reply byte of a long message goes through
   taskman-L, so the client never touches its reply buffers: a bad one is EFAULT, not a fault. */
#define SEL4_LABEL_MSG_LONG     16
#define SEL4_LABEL_MSG_READ     17
#define SEL4_LABEL_MSG_WRITE    18
#define SEL4_MSG_LONG_INLINE    ((120 - 3) * 8)
#define SEL4_MSG_READ_CHUNK     ((120 - 2) * 8)
#define SEL4_MSG_WRITE_CHUNK    ((120 - 4) * 8)
#define SEL4_MSG_CALL(tid, seq) ((unsigned long)(tid) << 32 | (seq))
#define SEL4_MSG_DESC_OFFSET    1024
#define SEL4_MSG_MAX_PARTS      16 /* each way, as Skimmer's _NTO_MSG_MAX_PARTS */
#define SEL4_MSG_MAX_LEN        0x7ffffffful

/* The descriptor of a long call in the caller's thread page: seq is the call's sequence number
   while the thread is in that call and 0 otherwise; slot is the connection's CNode slot;
   iov[0 .. sparts) the send buffers, iov[sparts .. sparts + rparts) the reply buffers. */
struct sel4_msg_desc {
    unsigned int seq, last;
    unsigned int slot;
    unsigned short sparts, rparts;
    struct {
        unsigned long base, len;
    } iov[2 * SEL4_MSG_MAX_PARTS];
};

/* Time requests (taskman/sel4/timers.c). SLEEP is answered when the time comes: SEL4_REPLY_OK
   with MR0 0, or EINTR and the time left (MR2) when a signal ends it early. TIMER_SETTIME
   answers with the old struct _itimer, TIMER_INFO with the struct _timer_info, from MR2. */
#define SEL4_LABEL_SLEEP         32 /* until CLOCK_MONOTONIC reaches MR0 (ns) */
#define SEL4_LABEL_REALTIME      33 /* CLOCK_REALTIME - CLOCK_MONOTONIC (ns) */
#define SEL4_LABEL_TIMER_CREATE  34 /* clock MR0, struct sigevent in MR1-MR3: the timer id */
#define SEL4_LABEL_TIMER_DESTROY 35 /* timer MR0 */
#define SEL4_LABEL_TIMER_SETTIME 36 /* timer MR0, flags MR1, struct _itimer in MR2-MR3 */
#define SEL4_LABEL_TIMER_INFO    37 /* timer MR1 of process MR0 (0: the caller) */
#define SEL4_LABEL_TIME_FIRST    SEL4_LABEL_SLEEP
#define SEL4_LABEL_TIME_LAST     39

/* Threads in a process (taskman/sel4/threads.c, lib/c/kernel/sel4/thread.c). Each request
   names the calling thread's index in MR0, which taskman-L trusts: a thread may end, join or
   reprioritise any thread of its own process anyway. CREATE: MR1 the entry, MR2 its argument,
   MR3 the caller's gp, the struct _thread_attr from MR4; the tid. DESTROY: MR1 the tid (the
   caller's own never gets an answer, unless it is the last: 1, and it ends the process), MR2
   the status. JOIN: MR1 the tid; held until it ends, its status (8 bytes) as reply data.
   DETACH: MR1 the tid. SCHED: MR1 the tid, MR2 a priority to set or SEL4_SCHED_QUERY; the
   priority. RUNMASK: MR1 a mask of cpus for the caller. */
#define SEL4_LABEL_THREAD_CREATE  40
#define SEL4_LABEL_THREAD_DESTROY 41
#define SEL4_LABEL_THREAD_JOIN    42
#define SEL4_LABEL_THREAD_DETACH  43
#define SEL4_LABEL_SCHED          44
#define SEL4_LABEL_RUNMASK        45
#define SEL4_LABEL_THREAD_FIRST   SEL4_LABEL_THREAD_CREATE
#define SEL4_LABEL_THREAD_LAST    47
#define SEL4_SCHED_QUERY          (~0ul)
#define SEL4_MAX_THREADS          8 /* threads a process has at once */

/* The stack taskman-L maps for thread tid when the caller gives none, as Skimmer places it:
   the top at SEL4_STACK_TOP(tid), at most SEL4_STACK_MAX bytes (a guard page below). */
#define SEL4_STACK_TOP(tid)   (0x3000000000ul + (unsigned long)(tid) * (1ul << 20))
#define SEL4_STACK_DEFAULT    (64ul << 10)
#define SEL4_STACK_MAX        ((1ul << 20) - 4096)

/* Labels of a reply to SEL4_LABEL_MSG: MR0 the status (or the errno), MR1 what the data from
   MR2 is: SEL4_REPLY_FIRST bytes for the start of the reply buffer, then SEL4_REPLY_SECOND
   bytes for offset SEL4_REPLY_SKIP (what the server's MsgWrite put there; 0 without). To a
   long call, MR1 is the bytes replied (all through taskman-L) and there is no data. */
#define SEL4_REPLY_FIRST(w)  ((w)&0xffff)
#define SEL4_REPLY_SECOND(w) (((w) >> 16) & 0xffff)
#define SEL4_REPLY_SKIP(w)   ((w) >> 32)
#define SEL4_REPLY_WORD(n, m, skip)                                                                \
    ((unsigned long)(n) | (unsigned long)(m) << 16 | (unsigned long)(skip) << 32)
#define SEL4_REPLY_OK    0
#define SEL4_REPLY_ERROR 1

/* Message words before the data, and the most data bytes a message carries. */
#define SEL4_MSG_HEADER_WORDS 2
#define SEL4_MSG_MAX_BYTES    ((120 - SEL4_MSG_HEADER_WORDS) * 8)

/* Badges taskman-L gives out: the pid in the low bits; a connection's also carries its slot
   (SEL4_BADGE_CONN, 0 for "no connection"), and is the server's scoid; a thread's fault
   endpoint carries SEL4_BADGE_FAULT and the thread's index instead. */
#define SEL4_BADGE_PID_MASK   0xffffful
#define SEL4_BADGE_CONN_SHIFT 20
#define SEL4_BADGE_CONN(b)    (((b) >> SEL4_BADGE_CONN_SHIFT) & 0x3ff)
#define SEL4_BADGE_TID_SHIFT  20
#define SEL4_BADGE_FAULT      (1ul << 40)
#define SEL4_BADGE_NOTIFY     (1ul << 41) /* taskman-L's note to itself (a bound notification) */
#define SEL4_BADGE_TIMER      (1ul << 46) /* with SEL4_BADGE_NOTIFY: the timer device's interrupt */

/* What libc's seL4 layer offers taskman-L: its endpoint becomes a channel served with
   MsgReceive/MsgReply, each pending caller parked in one of the nreplies reply objects.
   What is not a message goes to event(): for a fault (a SEL4_BADGE_FAULT badge), an exit or a
   notification (SEL4_BADGE_NOTIFY),
   event() may write a message of its own to msg (at most room bytes) and return its length,
   delivered as from pid 1, or return 0; for the labels SEL4_LABEL_CONNECT to SERVER and
   SEL4_LABEL_MAPPHYS to DEV_LAST, libc
   answers the caller with the status event() returns, or the error -status when that is
   negative; SEL4_EVENT_PULSE answers 0 and delivers the struct _pulse event() wrote to msg.
   The time requests (SEL4_LABEL_TIME_FIRST to LAST) are answered the same way, and also by
   SEL4_EVENT_DATA | n: status 0 and the n bytes event() wrote to msg; or SEL4_EVENT_HOLD:
   the caller stays parked until MsgReply or MsgError on __sel4_request_rcvid(), which names
   it while event() runs. Returns the chid. */
#define SEL4_EVENT_PULSE (1L << 62)
#define SEL4_EVENT_DATA  (1L << 61)
#define SEL4_EVENT_HOLD  (1L << 60)
/* From event() for a thread's fault: resume the thread at the faulting instruction (a
   floating-point instruction of a thread whose FPU was off, which is now on). */
#define SEL4_EVENT_RESUME (1L << 59)
int __sel4_request_rcvid(void);
/* How many callers of process pid wait for the caller's reply (libc's server side): what
   taskman-L knows of who is blocked on it. */
int __sel4_parked_callers(int pid);
typedef long (*sel4_event_fn)(unsigned long badge, unsigned long label, void *msg,
                              unsigned long room);
int __sel4_channel_attach(unsigned long endpoint, const unsigned long *replies, int nreplies,
                          sel4_event_fn event);

/* A server's access to a long message's client (lib/c/kernel/sel4/msgcopy.c; taskman-L's own
   versions copy directly): n bytes at offset of the message of the call `call` on connection
   scoid, or of its reply buffers. The bytes copied (fewer at the end of the client's
   buffers), or a negated errno: ESRCH when no client of the caller's is in that call, EFAULT
   for a client buffer that is not mapped. */
long __sel4_msg_read(unsigned long scoid, unsigned long call, unsigned long offset, void *dst,
                     unsigned long n);
long __sel4_msg_write(unsigned long scoid, unsigned long call, unsigned long offset,
                      const void *src, unsigned long n);
/* Devices, interrupts and pulses (lib/c/kernel/sel4/interrupt.c, pulse.c; taskman/sel4/
   device.c, irq.c, pulses.c). The top slots of a process's CNode, which taskman-L never uses
   for frames: thread n's notification (bound to its TCB; waited on by InterruptWait) and the
   IRQ handler cap of interrupt attachment id (1 to SEL4_MAX_IRQ_ATTACH). */
#define SEL4_MAX_IRQ_ATTACH  32
#define SEL4_SLOT_DEV_FIRST  ((1u << SEL4_CNODE_BITS) - 64)
#define SEL4_SLOT_NTFN(n)    (SEL4_SLOT_DEV_FIRST + (n))
#define SEL4_SLOT_IRQ(id)    (SEL4_SLOT_DEV_FIRST + 32 + (id)-1)
/* Thread n's notification for Sync* waits, never bound: libc waits on it and any thread of the
   process signals it to wake the waiter (lib/c/kernel/sel4/syncq.c). */
#define SEL4_SLOT_SYNC(n)    (SEL4_SLOT_DEV_FIRST + 16 + (n))
/* The notification under libc's lock of the process's Sync* wait queues, made with the
   process's second thread. */
#define SEL4_SLOT_SYNC_LOCK  (SEL4_SLOT_DEV_FIRST + 16 + SEL4_MAX_THREADS)
/* Passive servers (docs/qsoe-l.md, "Passive servers"): thread n's cap to signal its own bound
   notification with SEL4_EVENT_WAKE (so it can go on running after it gave back a caller's
   scheduling context), and, only while ChannelCreate moves a thread's scheduling context to its
   notification, the process's cap to tell taskman-L that the thread waits on the new channel. */
#define SEL4_SLOT_WAKE(n)      (SEL4_SLOT_DEV_FIRST + 8 + (n))
#define SEL4_SLOT_PASSIVE_REQ  (SEL4_SLOT_SYNC_LOCK + 1)
#define SEL4_EVENT_WAKE        (1ul << 49) /* in a thread's notification badge: see above */
#define SEL4_CHAN_SWITCH       (1l << 8)   /* in ChannelCreate's answer: make the thread passive */
#define SEL4_BADGE_PASSIVE     (1ul << 47) /* with SEL4_BADGE_NOTIFY: the thread is waiting */

/* Labels 24-31: device memory, interrupts and pulses, requests to taskman-L. */
#define SEL4_LABEL_MAPPHYS    24 /* map the device page MR1 at MR0 & ~0xfff; MR0 & 7: prot */
#define SEL4_LABEL_IRQ_ATTACH 25 /* attach interrupt MR0 for thread index MR1: the id */
#define SEL4_LABEL_IRQ_DETACH 26 /* release attachment MR0 */
#define SEL4_LABEL_PULSE      27 /* a pulse (MR1, SEL4_PULSE_WORD) on the connection in slot MR0 */
#define SEL4_LABEL_DELIVER    28 /* MsgDeliverEvent: MR0 the client's scoid, MR1 as for PULSE
                                    with the client's slot, or a signal (SEL4_DELIVER_SIGNAL) */
#define SEL4_LABEL_PULSE_TAKE 29 /* the next queued pulse of channel MR0: a struct _pulse as
                                    reply data; the status is 1 if more are queued */
#define SEL4_LABEL_DEV_LAST   31

/* A pulse in one word: the value's 32 bits, the code, the priority and (for DELIVER) the
   client's connection slot. */
#define SEL4_PULSE_WORD(slot, prio, code, value)                                                   \
    ((unsigned long)(uint32_t)(value) | (unsigned long)(uint8_t)(code) << 32 |                     \
     (unsigned long)(uint8_t)(prio) << 40 | (unsigned long)(slot) << 48)
#define SEL4_PULSE_VALUE(w)     ((int32_t)(uint32_t)(w))
#define SEL4_PULSE_CODE(w)      ((int8_t)((w) >> 32))
#define SEL4_PULSE_PRIO(w)      ((int)(((w) >> 40) & 0xff))
#define SEL4_PULSE_SLOT(w)      ((unsigned)((w) >> 48) & 0x7fff)
#define SEL4_DELIVER_SIGNAL     (1ul << 63) /* MR1 & 0xff is then the signal */

/* The badge of a process's notification: SEL4_BADGE_EVENT, which no endpoint badge carries,
   so a MsgReceive knows it from a message; bit id - 1 for interrupt attachment id, bit
   SEL4_EVENT_CHAN_BIT(k) for pulses queued on channel k. */
#define SEL4_BADGE_EVENT       (1ul << 60)
#define SEL4_EVENT_IRQ_BITS    0xfffffffful
#define SEL4_EVENT_CHAN_BIT(k) (1ul << (32 + (k)))

/* Signals (docs/qsoe-l.md, "Signals"). Thread n's page holds at SEL4_SIG_OFFSET what it and
   taskman-L share about signals. taskman-L sets a bit of pending (and the sender's info) for a
   signal it sends to the thread; the thread takes it at its next safe point. state says
   whether taskman-L may stop the thread to take it at once: only in SEL4_SIG_USER, and only
   by moving it to SEL4_SIG_STOPPED atomically, after which the thread makes no system call
   until taskman-L has made it enter the stub and set state back to SEL4_SIG_USER. */
#define SEL4_SIG_OFFSET  1600
#define SEL4_SIG_USER    0 /* running its own code */
#define SEL4_SIG_CALL    1 /* inside a system call libc's seL4 layer makes */
#define SEL4_SIG_STOPPED 2 /* taskman-L is stopping it */
struct sel4_sig_page {
    uint32_t state;
    uint32_t zero;
    uint64_t pending; /* bit n: signal n waits; set by taskman-L, taken by the thread */
    uint64_t blocked; /* the thread's signal mask; written by the thread alone */
    struct {
        int32_t code, pid, value;
    } info[32]; /* the latest sender of each signal */
};
#define SEL4_SIG_PAGE(n) ((struct sel4_sig_page *)(SEL4_THREAD_PAGE(n) + SEL4_SIG_OFFSET))

/* Labels 48-55: signals. SIGRETURN ends a handler run that taskman-L started: MR0 is the
   struct _sigcontext_k to go back to, which taskman-L puts into the thread's registers
   (never answered but by that). A thread's notification carries SEL4_EVENT_SIGNAL when a
   signal waits for it, which ends a MsgReceive or InterruptWait with EINTR. */
#define SEL4_LABEL_SIGRETURN  48
#define SEL4_LABEL_SIG_FIRST  48
#define SEL4_LABEL_SIG_LAST   55
#define SEL4_EVENT_SIGNAL     (1ul << 48)

#endif
