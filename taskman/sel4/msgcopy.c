/*
 * The copy engine of long messages on QSOE/L: a server reads a client's message beyond what
 * came inline, and writes its reply buffers, through taskman-L, which holds every process's
 * frame caps (include/abi/sel4.h, SEL4_LABEL_MSG_READ and SEL4_LABEL_MSG_WRITE). The client's
 * buffers are those it described in its own thread page, so a server cannot name others; the
 * call must be live (the descriptor's sequence number) and on a connection to a channel of the
 * asking server. Bytes move page by page through a one-page window in taskman-L.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <string.h>

#include "proc.h"

#define PAGE      4096ul
#define WINDOW_VA 0x1000201000ull /* the page after procmem.c's window */

// Copies n bytes between buf and offset off of the frame of q mapped at page va.
static int frame_copy(const struct lproc *q, uint64_t va, size_t off, void *buf, size_t n,
                      bool write)
{
    seL4_CPtr frame = proc_frame(q, va);
    if (frame == seL4_CapNull)
        return -EFAULT;
    seL4_CPtr copy = proc_cap_copy(q, frame);
    vspace_map(copy, WINDOW_VA, seL4_ReadWrite);
    if (write)
        memcpy((char *)WINDOW_VA + off, buf, n);
    else
        memcpy(buf, (char *)WINDOW_VA + off, n);
    seL4_RISCV_Page_Unmap(copy);
    slot_free(copy);
    return 0;
}

// Copies between buf and the n bytes at address va of q: 0, or -EFAULT where q has no page.
static int user_copy(const struct lproc *q, uint64_t va, void *buf, size_t n, bool write)
{
    char *b = buf;
    while (n > 0) {
        uint64_t page = va & ~(PAGE - 1);
        size_t off = va - page, k = PAGE - off < n ? PAGE - off : n;
        int err = frame_copy(q, page, off, b, k, write);
        if (err)
            return err;
        va += k;
        b += k;
        n -= k;
    }
    return 0;
}

// The process in call `call` on the connection scoid to a channel of process `server`, with
// that call's descriptor in *d; NULL when there is none (a stale or forged request).
static struct lproc *find_client(int server, seL4_Word scoid, seL4_Word call,
                                 struct sel4_msg_desc *d)
{
    unsigned tid = (unsigned)(call >> 32), seq = (unsigned)call;
    if (seq == 0 || tid >= PROC_THREADS || scoid == 0)
        return NULL;
    for (int i = 0; i < PROC_MAX; i++) {
        struct lproc *q = proc_at(i);
        for (unsigned slot = SEL4_SLOT_TASKMAN; q && !q->ended && slot < SEL4_SLOT_CHAN(1);
             slot++) {
            if (q->conn[slot] != scoid || q->conn_server[slot] >> 16 != (uint32_t)server)
                continue;
            uint64_t at = SEL4_THREAD_PAGE(tid) + SEL4_MSG_DESC_OFFSET;
            if (user_copy(q, at, d, sizeof(*d), false) == 0 && d->seq == seq && d->slot == slot &&
                d->sparts <= SEL4_MSG_MAX_PARTS && d->rparts <= SEL4_MSG_MAX_PARTS)
                return q;
        }
    }
    return NULL;
}

// Copies n bytes between buf and the client's message (read) or reply buffers (write) from
// offset on, as far as they go: the bytes copied or a negated errno.
static long msg_copy(int server, seL4_Word scoid, seL4_Word call, size_t offset, void *buf,
                     size_t n, bool write)
{
    struct sel4_msg_desc d;
    struct lproc *q = find_client(server, scoid, call, &d);
    if (!q)
        return -ESRCH;
    int first = write ? d.sparts : 0, end = write ? d.sparts + d.rparts : d.sparts;
    size_t done = 0;
    for (int i = first; i < end && done < n; i++) {
        size_t len = d.iov[i].len;
        if (offset >= len) {
            offset -= len;
            continue;
        }
        size_t k = len - offset < n - done ? len - offset : n - done;
        int err = user_copy(q, d.iov[i].base + offset, (char *)buf + done, k, write);
        if (err)
            return err;
        done += k;
        offset = 0;
    }
    return (long)done;
}

long msgcopy_request(struct lproc *server, unsigned long label, void *msg, unsigned long room)
{
    seL4_Word scoid = seL4_GetMR(0), call = seL4_GetMR(1), offset = seL4_GetMR(2);
    seL4_Word n = seL4_GetMR(3);
    if (label == SEL4_LABEL_MSG_READ)
        return msg_copy(server->pid, scoid, call, offset, msg, n < room ? n : room, false);
    uint64_t data[SEL4_MSG_WRITE_CHUNK / 8];
    if (n > sizeof(data))
        return -EINVAL;
    memcpy(data, &seL4_GetIPCBuffer()->msg[4], n); /* before any call reuses the IPC buffer */
    return msg_copy(server->pid, scoid, call, offset, data, n, true);
}

// taskman-L serves its own channel too: its long messages are copied directly.
long __sel4_msg_read(unsigned long scoid, unsigned long call, unsigned long offset, void *dst,
                     unsigned long n)
{
    return msg_copy(TASKMAN_PID, scoid, call, offset, dst, n, false);
}

long __sel4_msg_write(unsigned long scoid, unsigned long call, unsigned long offset,
                      const void *src, unsigned long n)
{
    return msg_copy(TASKMAN_PID, scoid, call, offset, (void *)src, n, true);
}

int msgcopy_callers(const struct lproc *server, seL4_CPtr tcbs[], int max)
{
    int n = 0;
    for (int i = 0; i < PROC_MAX; i++) {
        struct lproc *q = proc_at(i);
        for (int t = 0; q && !q->ended && t < q->nthreads && n < max; t++) {
            struct sel4_msg_desc d;
            uint64_t at = SEL4_THREAD_PAGE(t) + SEL4_MSG_DESC_OFFSET;
            if (user_copy(q, at, &d, sizeof(d), false) == 0 && d.seq != 0 &&
                d.slot < SEL4_SLOT_END && q->conn[d.slot] &&
                q->conn_server[d.slot] >> 16 == (uint32_t)server->pid)
                tcbs[n++] = q->threads[t].tcb;
        }
    }
    return n;
}
