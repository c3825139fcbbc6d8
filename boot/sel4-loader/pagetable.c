/*
 * The page table the harts enter seL4 with (Sv39): two 1 GiB pages over the first GiB of RAM,
 * one at seL4's kernel window (VA = PA + 0xffffffff00000000) and one identity mapping that
 * keeps the loader running across the satp write. seL4 replaces it with its own at once.
 */
#include <stdint.h>

#include "loader.h"

#define RAM_BASE  0x80000000ull
#define KERNEL_VA 0xffffffff80000000ull
#define PTE_V     (1u << 0)
#define PTE_R     (1u << 1)
#define PTE_W     (1u << 2)
#define PTE_X     (1u << 3)
#define PTE_A     (1u << 6)
#define PTE_D     (1u << 7)
#define SATP_SV39 (8ull << 60)
#define VPN2(va)  (((va) >> 30) & 0x1ff)

static uint64_t root[512] __attribute__((aligned(4096)));

uint64_t pagetable_build(void)
{
    uint64_t gigapage = RAM_BASE >> 12 << 10 | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
    root[VPN2(RAM_BASE)] = gigapage;
    root[VPN2(KERNEL_VA)] = gigapage;
    return SATP_SV39 | (uint64_t)(uintptr_t)root >> 12;
}
