/*
 * Finds the boot cpio inside taskman-L's own image: the loader leaves a trailer page at the
 * end of the image (include/boot/sel4_boot.h), and seL4 puts the IPC buffer right after it.
 */
#include <boot/sel4_boot.h>

#include "taskman_l.h"

const void *bootmods_cpio(size_t *size)
{
    const struct sel4_boot_trailer *t =
        (const void *)((uintptr_t)tm_bootinfo->ipcBuffer - (1u << seL4_PageBits));
    if (t->magic != SEL4_BOOT_MAGIC || t->cpio_va + t->cpio_size > (uintptr_t)t)
        tm_fatal("no boot cpio trailer below the IPC buffer", 0);
    *size = t->cpio_size;
    return (const void *)(uintptr_t)t->cpio_va;
}
