/*
 * Interfaces between the parts of the QSOE/L boot loader: the console, the placement of
 * seL4's kernel and of the root task's user image, the boot page table and the harts.
 */
#ifndef SEL4_LOADER_H
#define SEL4_LOADER_H

// Offsets of struct handoff's fields, for entry.S (checked in main.c).
#define HANDOFF_SATP  0
#define HANDOFF_ENTRY 8
#define HANDOFF_ARG   16
#define MAX_HART_PROBE 64 /* hart ids probed and waited for (entry.S, harts.c) */

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

#define PAGE_SIZE  4096ull
#define PAGE_UP(x) (((x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))

// Exit code of QEMU when the loader gives up.
#define LOADER_FAILURE 1

// Register values for seL4's entry, the same on every hart.
struct handoff {
    uint64_t satp;
    uint64_t entry;
    uint64_t arg[6]; // a0..a5: user image start/end, pv_offset, user entry, DTB address/size
};

// Where seL4's kernel ended up in physical memory and where it is entered.
struct kernel_image {
    uint64_t phys_start, phys_end; // phys_end page aligned
    uint64_t entry;
};

// The root task's user image: physical [phys_start, phys_end) holds its segments, then the
// boot cpio, then the trailer page (include/boot/sel4_boot.h); seL4 maps it at VA = PA - pv.
struct user_image {
    uint64_t phys_start, phys_end;
    uint64_t pv_offset;
    uint64_t entry;
    uint64_t cpio_va;
};

void console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void loader_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

// Copies kernel.elf's segments to their physical addresses (zeroing the bss); the image must
// end below `limit`. Returns 0 or a message saying what is wrong with the file.
const char *kernel_image_load(const void *elf, size_t size, uint64_t limit,
                              struct kernel_image *out);

const char *user_image_load(const void *elf, size_t elf_size, const void *cpio, size_t cpio_size,
                            uint64_t phys_base, uint64_t limit, struct user_image *out);

// Returns the satp value of a page table mapping the kernel window and the loader itself.
uint64_t pagetable_build(void);

// Starts every other hart at secondary_entry; returns this hart's seL4 core id.
uint64_t harts_start(uint64_t hartid);

_Noreturn void loader_main(uint64_t hartid, const void *dtb);

_Noreturn void enter_kernel(const struct handoff *h, uint64_t hartid, uint64_t core);
extern struct handoff handoff;

#endif
#endif
