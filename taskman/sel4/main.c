/*
 * taskman-L, the root task of QSOE/L on seL4: it reports what seL4 gave it, finds the boot
 * cpio, proves IPC with a second thread, then runs the first process (init.c) and ends the
 * machine with its status. Serving the taskman protocol (taskman/lib) on seL4 comes later
 * (docs/qsoe-l.md).
 */
#include <qsoe/cpio.h>

#include "proc.h"

const seL4_BootInfo *tm_bootinfo;

// Counts the members of the boot cpio, which also checks that it is well formed.
static unsigned count_files(const void *cpio, size_t size)
{
    struct cpio_iter it;
    struct cpio_entry e;
    unsigned n = 0;
    int r;
    cpio_iter_init(&it, cpio, size);
    while ((r = cpio_next(&it, &e)) == 1)
        n++;
    if (r < 0)
        tm_fatal("the boot cpio is malformed", r);
    return n;
}

void taskman_start(seL4_BootInfo *bi)
{
    __sel4_ipc_buffer = bi->ipcBuffer;
    tm_bootinfo = bi;
    untyped_init(bi);
    tm_printf("taskman: running on seL4 (QSOE/L), %u untyped caps, %lu bytes of untyped memory, "
              "%lu cpus\n",
              untyped_count(), (unsigned long)untyped_ram_bytes(), (unsigned long)bi->numNodes);
    poweroff_init();

    size_t size;
    const void *cpio = bootmods_cpio(&size);
    struct cpio_entry init;
    tm_printf("taskman: boot cpio at %p, %lu bytes, %u files, init %s\n", cpio, (unsigned long)size,
              count_files(cpio, size),
              cpio_find(cpio, size, "init", &init) == 0 ? "present" : "missing");

    ipc_selftest();
    proc_init();
    run_init(cpio, size);
}
