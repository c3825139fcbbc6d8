/*
 * Memory of the processes taskman-L builds (ProcMemMap, ProcMemUnmap, ProcMemWrite): frames
 * retyped from untyped memory (so they start zeroed) and mapped into the process's VSpace;
 * their caps, and those of the page tables under them, are kept in the process's own CNode,
 * so they cost taskman-L no slots and go with the process. taskman-L writes into the frames
 * through a one-page window in its own address space.
 */
#include <errno.h>
#include <string.h>
#include <sys/neutrino.h>

#include "proc.h"

#define PAGE      4096ul
#define WINDOW_VA 0x1000200000ull

seL4_CPtr proc_frame(const struct lproc *p, uint64_t va)
{
    for (int i = 0; i < p->npages; i++)
        if (p->pages[i].va == va)
            return p->pages[i].frame;
    return seL4_CapNull;
}

seL4_CPtr proc_cap_copy(const struct lproc *p, seL4_CPtr slot)
{
    seL4_CPtr copy = slot_alloc();
    seL4_Error err = seL4_CNode_Copy(seL4_CapInitThreadCNode, copy, seL4_WordBits, p->cnode, slot,
                                     SEL4_CNODE_BITS, seL4_AllRights);
    if (err != seL4_NoError)
        tm_fatal("CNode_Copy out of a process's CNode failed", err);
    return copy;
}

// A frame cap maps once, so the window maps a copy of it, which goes again afterwards.
void window_write(const struct lproc *p, seL4_CPtr frame, size_t off, const void *src, size_t n)
{
    seL4_CPtr copy = proc_cap_copy(p, frame);
    vspace_map(copy, WINDOW_VA, seL4_ReadWrite);
    memcpy((char *)WINDOW_VA + off, src, n);
    seL4_RISCV_Page_Unmap(copy);
    slot_free(copy);
}

// The cap lives as long as the process, with its CNode.
seL4_CPtr proc_keep(struct lproc *p, seL4_CPtr from)
{
    for (unsigned slot = SEL4_SLOT_END; slot < 1u << SEL4_CNODE_BITS; slot++) {
        if (p->slot_used[slot / 64] & 1ull << (slot % 64))
            continue;
        seL4_Error err = seL4_CNode_Move(p->cnode, slot, SEL4_CNODE_BITS, seL4_CapInitThreadCNode,
                                         from, seL4_WordBits);
        if (err != seL4_NoError)
            tm_fatal("CNode_Move into a process's CNode failed", err);
        slot_free(from);
        p->slot_used[slot / 64] |= 1ull << (slot % 64);
        return slot;
    }
    tm_fatal("a process's CNode is full", p->pid);
}

static struct lproc *writable_proc(pid_t pid)
{
    struct lproc *p = pid > 0 ? proc_get(pid) : NULL;
    if (!p || p->ended) {
        errno = pid > 0 ? ESRCH : ENOSYS;
        return NULL;
    }
    return p;
}

int ProcMemMap(pid_t pid, uintptr_t vaddr, size_t len, int prot)
{
    struct lproc *p = writable_proc(pid);
    if (!p)
        return -1;
    if ((vaddr | len) & (PAGE - 1) || len == 0 || vaddr + len > seL4_UserTop ||
        vaddr + len < vaddr) {
        errno = EINVAL;
        return -1;
    }
    for (uintptr_t va = vaddr; va < vaddr + len; va += PAGE)
        if (proc_frame(p, va) != seL4_CapNull) {
            errno = EEXIST;
            return -1;
        }
    if (p->npages + len / PAGE > PROC_PAGES) {
        errno = ENOMEM;
        return -1;
    }
    seL4_CapRights_t rights = (prot & PROT_WRITE) ? seL4_ReadWrite : seL4_CanRead;
    seL4_Word attrs =
        (prot & PROT_EXEC) ? seL4_RISCV_Default_VMAttributes : seL4_RISCV_ExecuteNever;
    for (uintptr_t va = vaddr; va < vaddr + len; va += PAGE) {
        seL4_CPtr frame = object_alloc(seL4_RISCV_4K_Page, 0);
        seL4_CPtr added[2];
        int n = vspace_map_in(p->vspace, frame, va, rights, attrs, added);
        for (int i = 0; i < n; i++)
            proc_keep(p, added[i]);
        p->pages[p->npages++] = (struct proc_page){va, proc_keep(p, frame)};
    }
    return 0;
}

int ProcMemUnmap(pid_t pid, uintptr_t vaddr, size_t len)
{
    struct lproc *p = writable_proc(pid);
    if (!p)
        return -1;
    for (int i = 0; i < p->npages;) {
        if (p->pages[i].va >= vaddr && p->pages[i].va - vaddr < len) {
            seL4_CPtr slot = p->pages[i].frame;
            seL4_CNode_Delete(p->cnode, slot, SEL4_CNODE_BITS);
            p->slot_used[slot / 64] &= ~(1ull << (slot % 64));
            p->pages[i] = p->pages[--p->npages];
        } else {
            i++;
        }
    }
    return 0;
}

int ProcMemWrite(pid_t pid, uintptr_t vaddr, const void *src, size_t len)
{
    struct lproc *p = writable_proc(pid);
    if (!p)
        return -1;
    const char *from = src;
    while (len > 0) {
        uintptr_t page = vaddr & ~(PAGE - 1);
        size_t off = vaddr - page, n = PAGE - off < len ? PAGE - off : len;
        seL4_CPtr frame = proc_frame(p, page);
        if (frame == seL4_CapNull) {
            errno = EFAULT;
            return -1;
        }
        window_write(p, frame, off, from, n);
        from += n;
        vaddr += n;
        len -= n;
    }
    return 0;
}
