/*
 * QNX message passing in the kernel: channels a server receives on, connections a client
 * sends through, the pulses queued on a channel, and the copy engine that moves message
 * bytes straight between two address spaces.
 */
#ifndef SKIMMER_IPC_H
#define SKIMMER_IPC_H

#include <kernel.h>
#include <list.h>
#include <spinlock.h>

#include <abi/msg.h>

#define MAX_CHANNELS   64  /* per process: chid 1..64 */
#define MAX_COIDS      256 /* per process: coid 0..255 */
#define MAX_SIDE_COIDS 128 /* per process: coid _NTO_SIDE_CHANNEL | 0..127 */
#define PULSE_POOL     1024

struct process;
struct thread;

/* One direction of a message: an iov checked and copied into the kernel. */
struct iovk {
    uintptr_t base;
    size_t len;
};

struct msg_buf {
    struct iovk iov[_NTO_MSG_MAX_PARTS];
    int parts;
    size_t len;
};

/* One user page of a thread's process as the kernel reaches it for writing, valid while the
   address space's gen is unchanged: a message into that thread skips the page-table walk. */
struct xlate {
    uintptr_t upage;
    char *kpage;
    uint64_t gen;
};

struct channel {
    int chid;
    unsigned flags;
    struct process *owner;
    struct spinlock lock;
    struct list senders;   /* SEND-blocked clients, highest priority first */
    struct list receivers; /* RECEIVE-blocked server threads, first come first served */
    struct list repliers;  /* REPLY-blocked clients being served */
    struct list pulses;    /* queued pulses, highest priority first */
    struct list conns;     /* connections attached to this channel */
    bool dead;
    int refs;
};

struct connection {
    int coid;
    int scoid;
    unsigned flags;
    struct process *client;
    struct channel *chan;
    struct list chan_link;
    bool dead;
};

struct pulse {
    struct list link;
    int prio;
    struct _pulse p;
};

struct proc_ipc {
    struct channel *chans[MAX_CHANNELS];
    struct connection *coids[MAX_COIDS];
    struct connection *side[MAX_SIDE_COIDS];
};

/* msg_copy.c */
int msg_load_iov(struct msg_buf *mb, uintptr_t uiov, long parts);

// Checks a user iov (or, with parts < 0, one buffer of -parts bytes) and keeps it in mb. The
// single buffer, the usual case, is checked inline.
static inline int msg_load(struct msg_buf *mb, uintptr_t uiov, long parts)
{
    if (__builtin_expect(parts < 0, 1)) {
        size_t len = (size_t)-parts;
        if (uiov + len < uiov || uiov + len > USER_TOP)
            return -EFAULT;
        mb->iov[0].base = uiov;
        mb->iov[0].len = len;
        mb->parts = 1;
        mb->len = len;
        return 0;
    }
    return msg_load_iov(mb, uiov, parts);
}
void msg_kernel_buf(struct msg_buf *mb, const void *p, size_t len);
long msg_copy_general(struct process *dst_proc, const struct msg_buf *dst, size_t doff,
                      struct process *src_proc, const struct msg_buf *src, size_t soff, int *fault);
long msg_copy_simple(struct process *dst_proc, struct iovk dst, struct process *src_proc,
                     struct iovk src, int *fault);

// Copies min(bytes of src after soff, room of dst after doff) bytes between two messages (a
// NULL process: kernel memory). Returns the count, or -EFAULT with *fault saying which side.
static inline long msg_copy(struct process *dst_proc, const struct msg_buf *dst, size_t doff,
                            struct process *src_proc, const struct msg_buf *src, size_t soff,
                            int *fault)
{
    if (src->parts == 1 && dst->parts == 1 && soff == 0 && doff == 0)
        return msg_copy_simple(dst_proc, dst->iov[0], src_proc, src->iov[0], fault);
    return msg_copy_general(dst_proc, dst, doff, src_proc, src, soff, fault);
}
#define FAULT_SRC 1
#define FAULT_DST 2
char *msg_peer_kva_miss(struct thread *t, uintptr_t va);
long msg_copy_to_thread(struct thread *t, const struct msg_buf *dst, const struct msg_buf *src,
                        int *fault);

/* channel.c */
int ipc_init_process(struct process *p);
void ipc_exit_process(struct process *p);
void ipc_free_process(struct process *p);
void channel_put(struct channel *ch);

/* msg.c */
void ipc_thread_gone(struct thread *t);
void ipc_leave_channel(struct thread *t);
void ipc_fill_info(struct _msg_info *mi, struct thread *c, struct channel *ch, long msglen);

/* fastpath.c */
long ipc_block(struct thread *next, long next_result);
/* Called by the trap vector with a kernel call's arguments (docs/kernel-abi.md). */
void ipc_fast_send(uint64_t coid, uint64_t smsg, uint64_t sparts, uint64_t rmsg, uint64_t rparts);
void ipc_fast_receive(uint64_t chid, uint64_t rmsg, uint64_t rparts, uint64_t info);
bool ipc_fast_reply(uint64_t rcvid, uint64_t status, uint64_t smsg, uint64_t sparts);
bool ipc_timeout(struct thread *t);

/* pulse.c */
int pulse_send(struct channel *ch, int prio, int code, union sigval value, int scoid);
bool pulse_take(struct channel *ch, struct _pulse *out, int *prio);
void pulse_drop_all(struct channel *ch);
// Delivers ev in p; a SIGEV_SIGNAL_THREAD signal goes to thread tid (the one that armed it).
int event_deliver(struct process *p, const struct sigevent *ev, int tid);

#endif
