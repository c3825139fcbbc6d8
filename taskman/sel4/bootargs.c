/*
 * The command line of QSOE/L: QEMU's -append lands in the device tree's /chosen "bootargs",
 * the loader hands the tree to seL4, and seL4 gives it to the root task as an extra chunk
 * after the BootInfo frame. Only read here; the settings are words of the form key=value.
 */
#include <qsoe/fdt.h>

#include "taskman_l.h"

const char *bootargs(void)
{
    const char *extra = (const char *)tm_bootinfo + seL4_BootInfoFrameSize;
    for (seL4_Word at = 0; at + sizeof(seL4_BootInfoHeader) <= tm_bootinfo->extraLen;) {
        const seL4_BootInfoHeader *h = (const void *)(extra + at);
        if (h->len < sizeof(*h) || h->len > tm_bootinfo->extraLen - at)
            break;
        if (h->id == SEL4_BOOTINFO_HEADER_FDT) {
            const void *blob = h + 1;
            size_t size = h->len - sizeof(*h);
            struct fdt_prop args;
            int root = fdt_check(blob, size) == 0 ? fdt_root(blob, size) : -1;
            int chosen = root >= 0 ? fdt_subnode(blob, size, root, "chosen") : -1;
            if (chosen >= 0 && fdt_get_prop(blob, size, chosen, "bootargs", &args) >= 0 &&
                args.len > 0 && ((const char *)args.data)[args.len - 1] == '\0')
                return args.data;
            break;
        }
        at += h->len;
    }
    return "";
}
