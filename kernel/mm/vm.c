/*
 * User address spaces: mapping fresh anonymous pages, unmapping, writing into another
 * process's memory (taskman loading a program), and the checked copies between the kernel and
 * the calling thread's user memory.
 */
#include <ipc.h>
#include <mm.h>
#include <process.h>

int vm_init(struct addrspace *as)
{
    as->lock.locked = 0;
    as->gen = 1;
    return arch_pt_create(&as->root);
}

// Frees the address space's tables and pages; the caller holds as->lock once others may see it.
void vm_destroy(struct addrspace *as)
{
    if (as->root)
        arch_pt_destroy(as->root);
    as->root = 0;
    as->gen++;
}

static bool range_ok(uintptr_t va, size_t len)
{
    return (va % PAGE_SIZE) == 0 && (len % PAGE_SIZE) == 0 && len != 0 && va >= USER_LOW &&
           va + len > va && va + len <= USER_TOP;
}

static void unmap_locked(struct addrspace *as, uintptr_t va, size_t len)
{
    as->gen++;
    for (uintptr_t a = va; a < va + len; a += PAGE_SIZE) {
        uintptr_t pa;
        unsigned flags;
        if (arch_pt_lookup(as->root, a, &pa, &flags) < 0)
            continue;
        arch_pt_unmap(as->root, a, NULL);
        if (!(flags & VM_SHARED)) {
            page_free(pa_to_kva(ALIGN_DOWN(pa, PAGE_SIZE)), 1);
            as->pages--;
        }
    }
}

// Maps zeroed pages at [va, va+len). Fails with -EEXIST if any page there is mapped already,
// and then leaves the address space as it was.
int vm_map_anon(struct addrspace *as, uintptr_t va, size_t len, unsigned flags)
{
    if (!range_ok(va, len) || (flags & ~(VM_R | VM_W | VM_X)))
        return -EINVAL;
    spin_lock(&as->lock);
    if (!as->root) {
        spin_unlock(&as->lock);
        return -ESRCH;
    }
    for (uintptr_t a = va; a < va + len; a += PAGE_SIZE) {
        if (arch_pt_lookup(as->root, a, NULL, NULL) == 0) {
            spin_unlock(&as->lock);
            return -EEXIST;
        }
    }
    for (uintptr_t a = va; a < va + len; a += PAGE_SIZE) {
        void *page = page_alloc_zeroed(1);
        int err = page ? arch_pt_map(as->root, a, kva_to_pa(page), flags | VM_U) : -ENOMEM;
        if (err) {
            if (page)
                page_free(page, 1);
            unmap_locked(as, va, a - va);
            spin_unlock(&as->lock);
            return err;
        }
        as->pages++;
    }
    spin_unlock(&as->lock);
    return 0;
}

int vm_unmap(struct addrspace *as, uintptr_t va, size_t len)
{
    if (!range_ok(va, len))
        return -EINVAL;
    spin_lock(&as->lock);
    if (as->root)
        unmap_locked(as, va, len);
    spin_unlock(&as->lock);
    arch_tlb_flush_all();
    return 0;
}

// Copies len bytes into as at va, whatever the pages' protection: how a program is loaded.
// src is a kernel address, or the calling thread's user address when src_is_user.
int vm_write(struct addrspace *as, uintptr_t va, const void *src, size_t len, bool src_is_user)
{
    if (!user_range_ok(va, len))
        return -EFAULT;
    const char *s = src;
    while (len) {
        uintptr_t pa;
        spin_lock(&as->lock);
        int err = as->root ? arch_pt_lookup(as->root, va, &pa, NULL) : -ESRCH;
        spin_unlock(&as->lock);
        if (err)
            return -EFAULT;
        size_t chunk = PAGE_SIZE - (va % PAGE_SIZE);
        if (chunk > len)
            chunk = len;
        if (src_is_user) {
            if (copy_from_user(pa_to_kva(pa), s, chunk) < 0)
                return -EFAULT;
        } else {
            memcpy(pa_to_kva(pa), s, chunk);
        }
        va += chunk;
        s += chunk;
        len -= chunk;
    }
    return 0;
}

int copy_from_user(void *dst, const void *usrc, size_t len)
{
    if (!user_range_ok((uintptr_t)usrc, len))
        return -EFAULT;
    return (int)arch_copy_user(dst, usrc, len);
}

int copy_to_user(void *udst, const void *src, size_t len)
{
    if (!user_range_ok((uintptr_t)udst, len))
        return -EFAULT;
    return (int)arch_copy_user(udst, src, len);
}

// Copies kernel bytes into p's user memory at va, which must be mapped user-writable.
int vm_copy_out(struct process *p, uintptr_t va, const void *src, size_t len)
{
    if (!user_range_ok(va, len))
        return -EFAULT;
    struct msg_buf from, to;
    msg_kernel_buf(&from, src, len);
    to.iov[0].base = va;
    to.iov[0].len = len;
    to.parts = 1;
    to.len = len;
    int fault;
    return msg_copy(p, &to, 0, NULL, &from, 0, &fault) < 0 ? -EFAULT : 0;
}
