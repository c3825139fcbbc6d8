/*
 * Memory of the processes taskman-L builds (ProcMemMap, ProcMemUnmap, ProcMemWrite): frames
 * retyped from untyped memory (so they start zeroed) and mapped into the process's VSpace;
 * taskman-L writes into them through a one-page window in its own address space.
 */
#include <errno.h>
#include <string.h>
#include <sys/neutrino.h>

#include "proc.h"

#define PAGE      4096ul
#define WINDOW_VA 0x1000200000ull

static seL4_CPtr window_slot;

seL4_CPtr proc_frame(const struct lproc *p, uint64_t va)
{
    for (int i = 0; i < p->npages; i++)
        if (p->pages[i].va == va)
            return p->pages[i].frame;
    return seL4_CapNull;
}

// A frame cap maps once, so the window maps a copy of it, which goes again afterwards.
void window_write(seL4_CPtr frame, size_t off, const void *src, size_t n)
{
    if (!window_slot)
        window_slot = slot_alloc();
    seL4_Error err = seL4_CNode_Copy(seL4_CapInitThreadCNode, window_slot, seL4_WordBits,
                                     seL4_CapInitThreadCNode, frame, seL4_WordBits, seL4_AllRights);
    if (err != seL4_NoError)
        tm_fatal("CNode_Copy of a frame for the window failed", err);
    vspace_map(window_slot, WINDOW_VA, seL4_ReadWrite);
    memcpy((char *)WINDOW_VA + off, src, n);
    seL4_RISCV_Page_Unmap(window_slot);
    seL4_CNode_Delete(seL4_CapInitThreadCNode, window_slot, seL4_WordBits);
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
        if (p->npts + n > PROC_PTS)
            tm_fatal("a process has more page tables than PROC_PTS", p->pid);
        for (int i = 0; i < n; i++)
            p->pts[p->npts++] = added[i];
        p->pages[p->npages++] = (struct proc_page){va, frame};
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
            slot_free(p->pages[i].frame);
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
        window_write(frame, off, from, n);
        from += n;
        vaddr += n;
        len -= n;
    }
    return 0;
}
