/*
 * Sv39 page tables. The kernel half (root entries 256-511) is one set of 1 GiB mappings of
 * physical memory, shared by every address space; the user half is built page by page. User
 * leaf pages belong to their address space and are freed with it, unless mapped VM_SHARED.
 */
#include <kernel.h>
#include <mm.h>

#include "riscv.h"

#define PTE_V      (1ul << 0)
#define PTE_R      (1ul << 1)
#define PTE_W      (1ul << 2)
#define PTE_X      (1ul << 3)
#define PTE_U      (1ul << 4)
#define PTE_G      (1ul << 5)
#define PTE_A      (1ul << 6)
#define PTE_D      (1ul << 7)
#define PTE_SHARED (1ul << 8) /* software bit: the page is not owned by this address space */

#define PTE_PA(pte)       (((pte) >> 10) << 12)
#define PA_PTE(pa)        (((pa) >> 12) << 10)
#define VPN(va, level)    (((va) >> (12 + 9 * (level))) & 0x1ff)
#define KERNEL_ROOT_FIRST 256

extern uint64_t boot_pagetable[512];
static uintptr_t kernel_root;

// Builds the kernel's own root table (kernel half only) and switches this hart to it.
void arch_mmu_init(void)
{
    uint64_t *root = page_alloc_zeroed(1);
    ASSERT(root);
    for (int i = KERNEL_ROOT_FIRST; i < 512; i++)
        root[i] = boot_pagetable[i];
    kernel_root = kva_to_pa(root);
    arch_pt_activate(kernel_root);
}

void arch_mmu_init_secondary(void)
{
    arch_pt_activate(kernel_root);
}

int arch_pt_create(uintptr_t *rootp)
{
    uint64_t *root = page_alloc_zeroed(1);
    if (!root)
        return -ENOMEM;
    uint64_t *kroot = pa_to_kva(kernel_root);
    for (int i = KERNEL_ROOT_FIRST; i < 512; i++)
        root[i] = kroot[i];
    *rootp = kva_to_pa(root);
    return 0;
}

// Returns the level-0 entry for va, creating intermediate tables when asked.
static uint64_t *walk(uintptr_t root, uintptr_t va, bool create)
{
    uint64_t *table = pa_to_kva(root);
    for (int level = 2; level > 0; level--) {
        uint64_t *pte = &table[VPN(va, level)];
        if (!(*pte & PTE_V)) {
            if (!create)
                return NULL;
            uint64_t *next = page_alloc_zeroed(1);
            if (!next)
                return NULL;
            *pte = PA_PTE(kva_to_pa(next)) | PTE_V;
        }
        table = pa_to_kva(PTE_PA(*pte));
    }
    return &table[VPN(va, 0)];
}

int arch_pt_map(uintptr_t root, uintptr_t va, uintptr_t pa, unsigned flags)
{
    if (va >= USER_TOP)
        return -EINVAL;
    uint64_t *pte = walk(root, va, true);
    if (!pte)
        return -ENOMEM;
    if (*pte & PTE_V)
        return -EEXIST;
    uint64_t bits = PTE_V | PTE_A | PTE_D;
    bits |= (flags & VM_R) ? PTE_R : 0;
    bits |= (flags & VM_W) ? PTE_W | PTE_R : 0;
    bits |= (flags & VM_X) ? PTE_X : 0;
    bits |= (flags & VM_U) ? PTE_U : 0;
    bits |= (flags & VM_SHARED) ? PTE_SHARED : 0;
    *pte = PA_PTE(pa) | bits;
    return 0;
}

int arch_pt_lookup(uintptr_t root, uintptr_t va, uintptr_t *pa, unsigned *flags)
{
    if (va >= USER_TOP)
        return -EFAULT;
    uint64_t *pte = walk(root, va, false);
    if (!pte || !(*pte & PTE_V))
        return -EFAULT;
    if (pa)
        *pa = PTE_PA(*pte) | (va & (PAGE_SIZE - 1));
    if (flags)
        *flags = ((*pte & PTE_R) ? VM_R : 0) | ((*pte & PTE_W) ? VM_W : 0) |
                 ((*pte & PTE_X) ? VM_X : 0) | ((*pte & PTE_U) ? VM_U : 0) |
                 ((*pte & PTE_SHARED) ? VM_SHARED : 0);
    return 0;
}

// The kernel address of user byte va in the address space root, if it is mapped for user
// access of the kind asked (write or read); NULL otherwise. The copy engine's page lookup.
void *arch_user_kva(uintptr_t root, uintptr_t va, bool write)
{
    if (va >= USER_TOP)
        return NULL;
    uint64_t pte = ((uint64_t *)pa_to_kva(root))[VPN(va, 2)];
    if (!(pte & PTE_V))
        return NULL;
    pte = ((uint64_t *)pa_to_kva(PTE_PA(pte)))[VPN(va, 1)];
    if (!(pte & PTE_V))
        return NULL;
    pte = ((uint64_t *)pa_to_kva(PTE_PA(pte)))[VPN(va, 0)];
    uint64_t need = PTE_V | PTE_U | (write ? PTE_W : PTE_R);
    if ((pte & need) != need)
        return NULL;
    return (char *)pa_to_kva(PTE_PA(pte)) + (va & (PAGE_SIZE - 1));
}

int arch_pt_unmap(uintptr_t root, uintptr_t va, uintptr_t *pa)
{
    uint64_t *pte = walk(root, va, false);
    if (!pte || !(*pte & PTE_V))
        return -ENOENT;
    if (pa)
        *pa = PTE_PA(*pte);
    *pte = 0;
    return 0;
}

static void free_table(uint64_t *table, int level)
{
    for (int i = 0; i < 512; i++) {
        uint64_t pte = table[i];
        if (!(pte & PTE_V))
            continue;
        if (level > 0)
            free_table(pa_to_kva(PTE_PA(pte)), level - 1);
        else if (!(pte & PTE_SHARED))
            page_free(pa_to_kva(PTE_PA(pte)), 1);
    }
    page_free(table, 1);
}

// Frees the user half of an address space: its tables and the pages it owns.
void arch_pt_destroy(uintptr_t root)
{
    uint64_t *table = pa_to_kva(root);
    for (int i = 0; i < KERNEL_ROOT_FIRST; i++)
        if (table[i] & PTE_V)
            free_table(pa_to_kva(PTE_PA(table[i])), 1);
    page_free(table, 1);
}

uintptr_t arch_kernel_root(void)
{
    return kernel_root;
}

void arch_tlb_flush_all(void)
{
    sfence_vma_all();
}
