/*
 * libc's seL4 layer: the client side of a long call, one whose message or reply buffer is
 * longer than the IPC buffer. The thread describes its buffers in its own thread page, where
 * only it writes, sends the first part of the message inline and waits; the server reaches
 * the rest, and writes the whole reply, through taskman-L (include/abi/sel4.h), so this side
 * never touches its reply buffers. Short calls are msg.c's alone.
 */
#include <string.h>

#include "sel4call.h"

_Static_assert(sizeof(seL4_IPCBuffer) <= SEL4_MSG_DESC_OFFSET,
               "the descriptor hits the IPC buffer");
_Static_assert(SEL4_MSG_DESC_OFFSET + sizeof(struct sel4_msg_desc) <= SEL4_TLS_OFFSET,
               "the descriptor hits the TLS block");

// The calling thread's index: where its page lies among the thread pages.
static unsigned long my_tid(void)
{
    return ((uintptr_t)ipcbuf() - SEL4_THREAD_PAGES) / 4096;
}

// Writes the descriptor of the call about to be made (but not its seq: that marks it live).
static void describe(struct sel4_msg_desc *d, seL4_CPtr cap, const iov_t *siov, int sparts,
                     const iov_t *riov, int rparts)
{
    for (int i = 0; i < sparts; i++) {
        d->iov[i].base = (unsigned long)siov[i].iov_base;
        d->iov[i].len = siov[i].iov_len;
    }
    for (int i = 0; i < rparts; i++) {
        d->iov[sparts + i].base = (unsigned long)riov[i].iov_base;
        d->iov[sparts + i].len = riov[i].iov_len;
    }
    d->sparts = (unsigned short)sparts;
    d->rparts = (unsigned short)rparts;
    d->slot = (unsigned)cap;
}

long sel4_send_long(seL4_CPtr cap, const iov_t *siov, int sparts, size_t n, const iov_t *riov,
                    int rparts, size_t want)
{
    seL4_IPCBuffer *b = ipcbuf();
    struct sel4_msg_desc *d = (struct sel4_msg_desc *)((char *)b + SEL4_MSG_DESC_OFFSET);
    describe(d, cap, siov, sparts, riov, rparts);
    unsigned seq = d->last + 1 ? d->last + 1 : 1;
    d->last = seq;

    char *data = (char *)&b->msg[3];
    size_t at = 0;
    for (int i = 0; i < sparts && at < SEL4_MSG_LONG_INLINE; i++) {
        size_t k = siov[i].iov_len < SEL4_MSG_LONG_INLINE - at ? siov[i].iov_len
                                                               : SEL4_MSG_LONG_INLINE - at;
        memcpy(data + at, siov[i].iov_base, k);
        at += k;
    }
    __atomic_store_n(&d->seq, seq, __ATOMIC_RELEASE);
    seL4_Word mr0 = n, mr1 = want, mr2 = SEL4_MSG_CALL(my_tid(), seq), mr3 = b->msg[3];
    seL4_MessageInfo_t info =
        sel4_call(cap, seL4_MessageInfo_new(SEL4_LABEL_MSG_LONG, 0, 0, 3 + (at + 7) / 8),
                         &mr0, &mr1, &mr2, &mr3);
    __atomic_store_n(&d->seq, 0, __ATOMIC_RELEASE);
    if (seL4_MessageInfo_get_label(info) != SEL4_REPLY_OK)
        return -(long)(mr0 ? mr0 : EIO);
    return (long)mr0;
}
