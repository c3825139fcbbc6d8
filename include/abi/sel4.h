/*
 * How a QSOE/L process meets seL4: the slots of its CNode, where its threads' IPC buffers and
 * TLS blocks are, and the message labels and badges between libc's seL4 layer and taskman-L.
 * Shared by taskman/sel4 and lib/c/kernel/sel4 only; nothing above the seam uses it.
 */
#ifndef QSOE_ABI_SEL4_H
#define QSOE_ABI_SEL4_H

/* Every process has one CNode of 2^SEL4_CNODE_BITS slots; its threads see it with a guard
   that makes a cap pointer the slot number itself. */
#define SEL4_CNODE_BITS   10
#define SEL4_SLOT_TASKMAN 1 /* endpoint to taskman-L, badged with the pid */

/* Thread n of a process (n from 0) owns the page SEL4_THREAD_PAGE(n): its IPC buffer at the
   start, its TLS block (include/abi/tls.h) at SEL4_TLS_OFFSET, where tp points. */
#define SEL4_THREAD_PAGES   0x2f00000000ul
#define SEL4_THREAD_PAGE(n) (SEL4_THREAD_PAGES + (unsigned long)(n)*4096)
#define SEL4_TLS_OFFSET     2048

/* Labels of the messages a process sends taskman-L on SEL4_SLOT_TASKMAN. */
#define SEL4_LABEL_MSG  0 /* a QNX message: MR0 bytes sent, MR1 bytes wanted, data from MR2 */
#define SEL4_LABEL_EXIT 1 /* the process ends: MR0 is its exit status; never answered */

/* Labels of a reply to SEL4_LABEL_MSG: MR0 the status (or the errno), MR1 the bytes replied,
   data from MR2. */
#define SEL4_REPLY_OK    0
#define SEL4_REPLY_ERROR 1

/* Message words before the data, and the most data bytes a message carries. */
#define SEL4_MSG_HEADER_WORDS 2
#define SEL4_MSG_MAX_BYTES    ((120 - SEL4_MSG_HEADER_WORDS) * 8)

/* Badges taskman-L gives out: the pid in the low bits; a thread's fault endpoint also carries
   SEL4_BADGE_FAULT and the thread's index. */
#define SEL4_BADGE_PID_MASK  0xffffful
#define SEL4_BADGE_TID_SHIFT 20
#define SEL4_BADGE_FAULT     (1ul << 40)

/* What libc's seL4 layer offers taskman-L: its endpoint becomes a channel served with
   MsgReceive/MsgReply, each pending caller parked in one of the nreplies reply objects.
   A fault (a SEL4_BADGE_FAULT badge) or an exit message on it goes to event(), which writes
   a message of its own to msg (at most room bytes) and returns its length, delivered as from
   pid 1, or 0 to drop it. Returns the chid. */
typedef int (*sel4_event_fn)(unsigned long badge, unsigned long label, void *msg,
                             unsigned long room);
int __sel4_channel_attach(unsigned long endpoint, const unsigned long *replies, int nreplies,
                          sel4_event_fn event);

#endif
