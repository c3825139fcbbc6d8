/*
 * The copy engine of message passing. Message buffers are iovs checked once on entry
 * (msg_load); msg_copy then moves bytes from one iov list to another, page by page, through
 * the kernel's direct map of the pages behind them, so that neither side's address space has to
 * be the current one.
 */
#include <ipc.h>
#include <mm.h>
#include <process.h>

// Checks a user iov (or, with parts < 0, one buffer of -parts bytes) and keeps it in mb.
int msg_load(struct msg_buf *mb, uintptr_t uiov, long parts)
{
    if (parts < 0) {
        size_t len = (size_t)-parts;
        if (!user_range_ok(uiov, len))
            return -EFAULT;
        mb->iov[0].base = uiov;
        mb->iov[0].len = len;
        mb->parts = 1;
        mb->len = len;
        return 0;
    }
    if (parts > _NTO_MSG_MAX_PARTS)
        return -EOVERFLOW;
    if (parts && copy_from_user(mb->iov, (const void *)uiov, (size_t)parts * sizeof(struct iovk)))
        return -EFAULT;
    size_t total = 0;
    for (long i = 0; i < parts; i++) {
        if (!user_range_ok(mb->iov[i].base, mb->iov[i].len))
            return -EFAULT;
        total += mb->iov[i].len;
        if (total > 0x7fffffff)
            return -EOVERFLOW;
    }
    mb->parts = (int)parts;
    mb->len = total;
    return 0;
}

void msg_kernel_buf(struct msg_buf *mb, const void *p, size_t len)
{
    mb->iov[0].base = (uintptr_t)p;
    mb->iov[0].len = len;
    mb->parts = 1;
    mb->len = len;
}

struct cursor {
    const struct msg_buf *mb;
    int part;
    size_t off; /* within iov[part] */
};

// Moves the cursor to byte offset skip of the message; false if the message is shorter.
static bool cursor_seek(struct cursor *c, size_t skip)
{
    c->part = 0;
    c->off = 0;
    while (c->part < c->mb->parts) {
        size_t len = c->mb->iov[c->part].len;
        if (skip < len) {
            c->off = skip;
            return true;
        }
        skip -= len;
        c->part++;
    }
    return skip == 0;
}

static void cursor_skip_empty(struct cursor *c)
{
    while (c->part < c->mb->parts && c->off == c->mb->iov[c->part].len) {
        c->part++;
        c->off = 0;
    }
}

// Finds the kernel address of user byte va in p with the access needed; NULL if not there.
static char *user_byte(struct process *p, uintptr_t va, bool write, size_t *room)
{
    uintptr_t pa;
    unsigned flags;
    if (!p->as.root || arch_pt_lookup(p->as.root, va, &pa, &flags) < 0)
        return NULL;
    if (!(flags & VM_U) || !(flags & (write ? VM_W : VM_R)))
        return NULL;
    *room = PAGE_SIZE - (va % PAGE_SIZE);
    return pa_to_kva(pa);
}

// Copies min(bytes of src after soff, room of dst after doff) bytes. A NULL process means the
// iov holds kernel addresses. The calling thread's own process is reached through its user
// addresses (a fault there is caught by arch_copy_user); another process through the direct
// map, its address space locked so no page can go meanwhile. Returns the count, or -EFAULT
// with *fault saying which side.
long msg_copy(struct process *dst_proc, const struct msg_buf *dst, size_t doff,
              struct process *src_proc, const struct msg_buf *src, size_t soff, int *fault)
{
    struct cursor s = {src, 0, 0}, d = {dst, 0, 0};
    *fault = 0;
    if (!cursor_seek(&s, soff) || !cursor_seek(&d, doff))
        return 0;
    struct process *self = current()->proc;
    struct process *locked = NULL;
    if (src_proc && src_proc != self)
        locked = src_proc;
    else if (dst_proc && dst_proc != self)
        locked = dst_proc;
    if (src_proc && dst_proc && src_proc != self && dst_proc != self)
        return -EFAULT; /* never needed: one side is always the caller or the kernel */
    if (locked)
        spin_lock(&locked->as.lock);
    long copied = 0;
    for (;;) {
        cursor_skip_empty(&s);
        cursor_skip_empty(&d);
        if (s.part >= src->parts || d.part >= dst->parts)
            break;
        uintptr_t sva = src->iov[s.part].base + s.off;
        uintptr_t dva = dst->iov[d.part].base + d.off;
        size_t n = src->iov[s.part].len - s.off;
        if (dst->iov[d.part].len - d.off < n)
            n = dst->iov[d.part].len - d.off;
        const char *from = (const char *)sva;
        char *to = (char *)dva;
        size_t room;
        if (src_proc == locked && locked) {
            if (!(from = user_byte(src_proc, sva, false, &room))) {
                *fault = FAULT_SRC;
                break;
            }
            if (room < n)
                n = room;
        }
        if (dst_proc == locked && locked) {
            if (!(to = user_byte(dst_proc, dva, true, &room))) {
                *fault = FAULT_DST;
                break;
            }
            if (room < n)
                n = room;
        }
        if (src_proc == self || dst_proc == self) {
            if (arch_copy_user(to, from, n) < 0) {
                size_t room;
                bool src_bad = src_proc == self && (dst_proc != self ||
                                                    !user_byte(self, sva, false, &room));
                *fault = src_bad ? FAULT_SRC : FAULT_DST;
                break;
            }
        } else {
            memcpy(to, from, n);
        }
        copied += (long)n;
        s.off += n;
        d.off += n;
    }
    if (locked)
        spin_unlock(&locked->as.lock);
    return *fault ? -EFAULT : copied;
}
