// What the QSOE/L loader leaves for taskman-L inside its user image: a one-page trailer that
// says where the boot cpio is. Shared by boot/sel4-loader and taskman/sel4; nothing else.
#ifndef QSOE_BOOT_SEL4_BOOT_H
#define QSOE_BOOT_SEL4_BOOT_H

#include <stdint.h>

// "QSOEBOOT" read as a little-endian 64-bit word.
#define SEL4_BOOT_MAGIC 0x544f4f42454f5351ull

// The last page of the user image, just below the IPC buffer page that seL4 puts right after
// the image; so taskman-L finds it at (bootinfo->ipcBuffer - 4096) with no link-time help.
// The cpio lies inside the image too, page aligned, between the root task's segments and
// this trailer. Addresses are the root task's virtual addresses.
struct sel4_boot_trailer {
    uint64_t magic;
    uint64_t cpio_va;
    uint64_t cpio_size;
};

#endif
