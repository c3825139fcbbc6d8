/*
 * Builds the root task's user image in physical memory: its PT_LOAD segments laid out as in
 * its address space (gaps and bss zeroed), then the boot cpio on the next page, then the trailer
 * page that tells taskman-L where the cpio is. seL4 maps the whole range at VA = PA - pv_offset.
 */
#include <string.h>

#include <boot/sel4_boot.h>
#include <qsoe/elf.h>

#include "loader.h"

// The root task's segments must lie in [ROOT_VA_LO, ROOT_VA_HI): above the NULL page and far
// below seL4_UserTop, which must still hold the cpio, the IPC buffer and the bootinfo frames.
#define ROOT_VA_LO 0x1000ull
#define ROOT_VA_HI 0x2000000000ull

const char *user_image_load(const void *elf, size_t elf_size, const void *cpio, size_t cpio_size,
                            uint64_t phys_base, uint64_t limit, struct user_image *out)
{
    static const struct elf_limits lim = {ROOT_VA_LO, ROOT_VA_HI, PAGE_SIZE};
    struct elf_image img;
    if (elf_check(elf, elf_size, &lim, &img) != 0)
        return "the root task is not a valid RISC-V ELF64 executable";

    uint64_t va_lo = UINT64_MAX, va_hi = 0;
    for (int i = 0; i < img.nseg; i++) {
        uint64_t lo = img.seg[i].vaddr & ~(PAGE_SIZE - 1);
        uint64_t hi = PAGE_UP(img.seg[i].vaddr + img.seg[i].memsz);
        va_lo = lo < va_lo ? lo : va_lo;
        va_hi = hi > va_hi ? hi : va_hi;
    }
    uint64_t cpio_va = va_hi;
    uint64_t trailer_va = PAGE_UP(cpio_va + cpio_size);
    uint64_t size = trailer_va + PAGE_SIZE - va_lo;
    if (phys_base >= limit || size > limit - phys_base)
        return "the root task and the boot cpio do not fit below the loader";

    out->phys_start = phys_base;
    out->phys_end = phys_base + size;
    out->pv_offset = phys_base - va_lo;
    out->entry = img.entry;
    out->cpio_va = cpio_va;
    memset((void *)phys_base, 0, size);
    for (int i = 0; i < img.nseg; i++)
        memcpy((void *)(img.seg[i].vaddr + out->pv_offset),
               (const uint8_t *)elf + img.seg[i].offset, img.seg[i].filesz);
    memcpy((void *)(cpio_va + out->pv_offset), cpio, cpio_size);
    struct sel4_boot_trailer *t = (void *)(trailer_va + out->pv_offset);
    t->magic = SEL4_BOOT_MAGIC;
    t->cpio_va = cpio_va;
    t->cpio_size = cpio_size;
    return NULL;
}
