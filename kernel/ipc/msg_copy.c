/*
 * The copy engine of message passing. Message buffers are iovs checked once on entry
 * (msg_load); msg_copy then moves bytes from one iov list to another, page by page, through
 * the kernel's direct map of the pages behind them, so that neither side's address space has to
 * be the current one.
 */
#include <ipc.h>
#include <mm.h>
#include <process.h>

// Checks and keeps a user iov of parts parts (msg_load handles the single buffers).
int msg_load_iov(struct msg_buf *mb, uintptr_t uiov, long parts)
{
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
    *room = PAGE_SIZE - (va % PAGE_SIZE);
    return p->as.root ? arch_user_kva(p->as.root, va, write) : NULL;
}

// One page-bounded piece of a copy between a user range of the calling process (reached by its
// own addresses), another process (through the direct map, its address space locked by the
// caller) and the kernel (proc NULL). Returns the bytes copied or -EFAULT and the side.
static long copy_piece(struct process *self, struct process *dst_proc, uintptr_t dva,
                       struct process *src_proc, uintptr_t sva, size_t n, int *fault)
{
    const char *from = (const char *)sva;
    char *to = (char *)dva;
    size_t room;
    if (src_proc && src_proc != self) {
        if (!(from = user_byte(src_proc, sva, false, &room))) {
            *fault = FAULT_SRC;
            return -EFAULT;
        }
        n = n < room ? n : room;
    }
    if (dst_proc && dst_proc != self) {
        if (!(to = user_byte(dst_proc, dva, true, &room))) {
            *fault = FAULT_DST;
            return -EFAULT;
        }
        n = n < room ? n : room;
    }
    if (src_proc != self && dst_proc != self) {
        memcpy(to, from, n);
        return (long)n;
    }
    if (arch_copy_user(to, from, n) == 0)
        return (long)n;
    bool src_bad = src_proc == self && (dst_proc != self || !user_byte(self, sva, false, &room));
    *fault = src_bad ? FAULT_SRC : FAULT_DST;
    return -EFAULT;
}

// The process of a copy that is not the caller's (its address space gets locked), or NULL.
// One side is always the caller or the kernel; *bad is set if neither is.
static struct process *other_side(struct process *self, struct process *a, struct process *b,
                                  bool *bad)
{
    *bad = a && b && a != self && b != self;
    return a && a != self ? a : b && b != self ? b : NULL;
}

// msg_copy_simple page by page, with locked (if any) the other process.
static long msg_copy_pieces(struct process *self, struct process *locked, struct process *dst_proc,
                            struct iovk dst, struct process *src_proc, struct iovk src, size_t n,
                            int *fault)
{
    if (locked)
        spin_lock(&locked->as.lock);
    long done = 0;
    while ((size_t)done < n) {
        long got = copy_piece(self, dst_proc, dst.base + (size_t)done, src_proc,
                              src.base + (size_t)done, n - (size_t)done, fault);
        if (got < 0) {
            done = got;
            break;
        }
        done += got;
    }
    if (locked)
        spin_unlock(&locked->as.lock);
    return done;
}

// Copies min(bytes of src after soff, room of dst after doff) bytes. A NULL process means the
// iov holds kernel addresses. The calling thread's own process is reached through its user
// addresses (a fault there is caught by arch_copy_user); another process through the direct
// map, its address space locked so no page can go meanwhile. Returns the count, or -EFAULT
// with *fault saying which side.
long msg_copy_general(struct process *dst_proc, const struct msg_buf *dst, size_t doff,
                      struct process *src_proc, const struct msg_buf *src, size_t soff, int *fault)
{
    *fault = 0;
    struct cursor s = {src, 0, 0}, d = {dst, 0, 0};
    if (!cursor_seek(&s, soff) || !cursor_seek(&d, doff))
        return 0;
    struct process *self = current()->proc;
    bool bad;
    struct process *locked = other_side(self, src_proc, dst_proc, &bad);
    if (bad)
        return -EFAULT;
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
        long got = copy_piece(self, dst_proc, dva, src_proc, sva, n, fault);
        if (got < 0)
            break;
        n = (size_t)got;
        copied += (long)n;
        s.off += n;
        d.off += n;
    }
    if (locked)
        spin_unlock(&locked->as.lock);
    return *fault ? -EFAULT : copied;
}

// A copy between the caller's own memory and one page of another process, the usual shape of
// a short message; longer or page-crossing copies go piece by piece (copy_piece). Same
// result and fault sides as copy_piece.
static long copy_one_page(struct process *self, struct process *dst_proc, struct iovk dst,
                          struct process *src_proc, struct iovk src, size_t n, int *fault)
{
    bool to_other = dst_proc != self;
    struct process *other = to_other ? dst_proc : src_proc;
    uintptr_t va = to_other ? dst.base : src.base;
    if ((va % PAGE_SIZE) + n > PAGE_SIZE)
        return msg_copy_pieces(self, other, dst_proc, dst, src_proc, src, n, fault);
    spin_lock(&other->as.lock);
    size_t room;
    char *k = user_byte(other, va, to_other, &room);
    long done = (long)n;
    if (!k) {
        *fault = to_other ? FAULT_DST : FAULT_SRC;
        done = -EFAULT;
    } else if (arch_copy_user(to_other ? k : (char *)dst.base,
                              to_other ? (const char *)src.base : k, n) != 0) {
        *fault = to_other ? FAULT_SRC : FAULT_DST;
        done = -EFAULT;
    }
    spin_unlock(&other->as.lock);
    return done;
}

// The common case of msg_copy: one buffer on each side, from their starts.
long msg_copy_simple(struct process *dst_proc, struct iovk dst, struct process *src_proc,
                     struct iovk src, int *fault)
{
    *fault = 0;
    size_t n = src.len < dst.len ? src.len : dst.len;
    if (n == 0)
        return 0;
    struct process *self = current()->proc;
    bool bad;
    struct process *locked = other_side(self, src_proc, dst_proc, &bad);
    if (bad)
        return -EFAULT;
    if (locked && src_proc && dst_proc)
        return copy_one_page(self, dst_proc, dst, src_proc, src, n, fault);
    return msg_copy_pieces(self, locked, dst_proc, dst, src_proc, src, n, fault);
}

// msg_peer_kva's page-table walk, on a miss: the translation replaces t's older entry.
char *msg_peer_kva_miss(struct thread *t, uintptr_t va)
{
    struct addrspace *as = &t->proc->as;
    uintptr_t page = va & ~(PAGE_SIZE - 1);
    char *k = as->root ? arch_user_kva(as->root, page, true) : NULL;
    if (!k)
        return NULL;
    struct xlate *x = &t->xl[t->xl_victim];
    t->xl_victim ^= 1;
    x->upage = page;
    x->kpage = k;
    x->gen = as->gen;
    return k + (va - page);
}

// msg_copy of the caller's message src into the buffers dst of thread t of another process.
// The usual short message, one buffer each side and within one page of t's, goes through t's
// cached translation (msg_peer_kva); anything else through msg_copy.
long msg_copy_to_thread(struct thread *t, const struct msg_buf *dst, const struct msg_buf *src,
                        int *fault)
{
    struct process *self = current()->proc;
    size_t n = src->len < dst->len ? src->len : dst->len;
    uintptr_t dva = dst->iov[0].base;
    if (src->parts != 1 || dst->parts != 1 || t->proc == self || (dva % PAGE_SIZE) + n > PAGE_SIZE)
        return msg_copy(t->proc, dst, 0, self, src, 0, fault);
    *fault = 0;
    if (n == 0)
        return 0;
    struct addrspace *as = &t->proc->as;
    spin_lock(&as->lock);
    char *k = msg_peer_kva(t, dva);
    long done = (long)n;
    if (!k) {
        *fault = FAULT_DST;
        done = -EFAULT;
    } else if (arch_copy_user(k, (const void *)src->iov[0].base, n) != 0) {
        *fault = FAULT_SRC;
        done = -EFAULT;
    }
    spin_unlock(&as->lock);
    return done;
}
