/*
 * The QSOE/L boot loader: OpenSBI enters it on one hart with the device tree; it places seL4's
 * kernel, the device tree and the root task's user image in physical memory in the order
 * seL4 requires (kernel < DTB < user image), then enters seL4 on both harts.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "loader.h"

#define FDT_MAGIC 0xd00dfeedu
#define PLACE_LO  0x80200000ull // the lowest address the loader writes (seL4's image)

_Static_assert(offsetof(struct handoff, satp) == HANDOFF_SATP, "entry.S reads satp");
_Static_assert(offsetof(struct handoff, entry) == HANDOFF_ENTRY, "entry.S reads entry");
_Static_assert(offsetof(struct handoff, arg) == HANDOFF_ARG, "entry.S reads a0-a5");

extern const char sel4_kernel_elf[], sel4_kernel_elf_end[];
extern const char root_task_elf[], root_task_elf_end[];
extern const char boot_cpio[], boot_cpio_end[];
extern char __loader_start[];

struct handoff handoff;

static uint32_t be32(const void *p)
{
    const uint8_t *b = p;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

// The size of the firmware's device tree, or 0 (no device tree for seL4) when OpenSBI passed
// none that is readable. seL4 only hands it on to the root task. It must lie outside the
// memory the loader fills, which it is read from only after seL4 is in place.
static uint64_t dtb_size_of(const void *dtb, uint64_t limit)
{
    if (dtb == NULL || be32(dtb) != FDT_MAGIC) {
        console_printf("loader: no device tree from the firmware; seL4 gets none\n");
        return 0;
    }
    uint64_t at = (uint64_t)(uintptr_t)dtb, size = be32((const uint8_t *)dtb + 4);
    if (at < limit && at + size > PLACE_LO)
        loader_fail("the firmware's device tree (0x%lx) lies where seL4 and the root task go", at);
    return size;
}

void loader_main(uint64_t hartid, const void *dtb)
{
    uint64_t limit = (uint64_t)(uintptr_t)__loader_start;
    console_printf("loader: QSOE/L boot loader on hart %lu\n", hartid);

    uint64_t dtb_size = dtb_size_of(dtb, limit);
    struct kernel_image k;
    const char *err = kernel_image_load(sel4_kernel_elf,
                                        (size_t)(sel4_kernel_elf_end - sel4_kernel_elf), limit, &k);
    if (err)
        loader_fail("%s", err);

    uint64_t dtb_pa = dtb_size ? k.phys_end : 0;
    if (dtb_size > limit - k.phys_end)
        loader_fail("the device tree (%lu bytes) does not fit below the loader", dtb_size);
    memcpy((void *)k.phys_end, dtb, dtb_size);

    struct user_image u;
    err = user_image_load(root_task_elf, (size_t)(root_task_elf_end - root_task_elf), boot_cpio,
                          (size_t)(boot_cpio_end - boot_cpio), PAGE_UP(k.phys_end + dtb_size),
                          limit, &u);
    if (err)
        loader_fail("%s", err);

    console_printf("loader: seL4 at 0x%lx-0x%lx, entry 0x%lx; device tree at 0x%lx (%lu bytes)\n",
                   k.phys_start, k.phys_end, k.entry, dtb_pa, dtb_size);
    console_printf("loader: root task at 0x%lx-0x%lx (VA 0x%lx), entry 0x%lx; boot cpio at VA "
                   "0x%lx (%lu bytes)\n",
                   u.phys_start, u.phys_end, u.phys_start - u.pv_offset, u.entry, u.cpio_va,
                   (uint64_t)(boot_cpio_end - boot_cpio));

    handoff.satp = pagetable_build();
    handoff.entry = k.entry;
    handoff.arg[0] = u.phys_start;
    handoff.arg[1] = u.phys_end;
    handoff.arg[2] = u.pv_offset;
    handoff.arg[3] = u.entry;
    handoff.arg[4] = dtb_pa;
    handoff.arg[5] = dtb_size;
    __asm__ volatile("fence.i" ::: "memory");

    console_printf("loader: entering seL4 on both harts\n");
    uint64_t core = harts_start(hartid);
    enter_kernel(&handoff, hartid, core);
}
