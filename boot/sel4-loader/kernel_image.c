/*
 * Places seL4's kernel.elf: each PT_LOAD segment is copied to its physical address and the
 * rest of its memory size zeroed (seL4 does not clear its own bss). The file is checked first,
 * since a damaged one would otherwise be copied over arbitrary memory.
 */
#include <string.h>

#include "loader.h"

#define EHDR_SIZE 64u
#define PHDR_SIZE 56u
#define EM_RISCV  243u
#define PT_LOAD   1u

// The kernel window the boot page table maps: VA = PA + KERNEL_VA_OFFSET for PA in RAM.
#define KERNEL_VA_OFFSET 0xffffffff00000000ull
#define SBI_END          0x80200000ull

static uint64_t rd(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    while (n--)
        v = v << 8 | p[n];
    return v;
}

// Checks every segment before any is copied, so a bad file changes nothing.
static const char *check(const uint8_t *f, size_t size, uint64_t limit, struct kernel_image *out)
{
    if (size < EHDR_SIZE || memcmp(f, "\177ELF", 4) != 0 || f[4] != 2 || f[5] != 1)
        return "seL4 kernel.elf is not a little-endian ELF64 file";
    if (rd(f + 18, 2) != EM_RISCV)
        return "seL4 kernel.elf is not a RISC-V kernel";
    uint64_t phoff = rd(f + 32, 8), phnum = rd(f + 56, 2);
    if (rd(f + 54, 2) != PHDR_SIZE || phoff > size || phnum > (size - phoff) / PHDR_SIZE)
        return "seL4 kernel.elf has its program headers outside the file";
    out->phys_start = UINT64_MAX;
    out->phys_end = 0;
    for (uint64_t i = 0; i < phnum; i++) {
        const uint8_t *ph = f + phoff + i * PHDR_SIZE;
        if (rd(ph, 4) != PT_LOAD)
            continue;
        uint64_t off = rd(ph + 8, 8), va = rd(ph + 16, 8), pa = rd(ph + 24, 8);
        uint64_t filesz = rd(ph + 32, 8), memsz = rd(ph + 40, 8);
        if (off > size || filesz > size - off || filesz > memsz)
            return "seL4 kernel.elf has a segment outside the file";
        if (pa < SBI_END || memsz > limit || pa > limit - memsz)
            return "seL4 kernel.elf has a segment outside the RAM the loader may use";
        if (va - pa != KERNEL_VA_OFFSET)
            return "seL4 kernel.elf has a segment outside the kernel window (VA = PA + "
                   "0xffffffff00000000)";
        out->phys_start = pa < out->phys_start ? pa : out->phys_start;
        out->phys_end = pa + memsz > out->phys_end ? pa + memsz : out->phys_end;
    }
    if (out->phys_end == 0)
        return "seL4 kernel.elf has no loadable segment";
    out->phys_end = PAGE_UP(out->phys_end);
    out->entry = rd(f + 24, 8);
    if (out->entry - KERNEL_VA_OFFSET < out->phys_start ||
        out->entry - KERNEL_VA_OFFSET >= out->phys_end)
        return "seL4 kernel.elf's entry point is outside its image";
    return NULL;
}

const char *kernel_image_load(const void *elf, size_t size, uint64_t limit,
                              struct kernel_image *out)
{
    const uint8_t *f = elf;
    const char *err = check(f, size, limit, out);
    if (err)
        return err;
    memset((void *)out->phys_start, 0, out->phys_end - out->phys_start);
    uint64_t phoff = rd(f + 32, 8), phnum = rd(f + 56, 2);
    for (uint64_t i = 0; i < phnum; i++) {
        const uint8_t *ph = f + phoff + i * PHDR_SIZE;
        if (rd(ph, 4) == PT_LOAD)
            memcpy((void *)rd(ph + 24, 8), f + rd(ph + 8, 8), rd(ph + 32, 8));
    }
    return NULL;
}
