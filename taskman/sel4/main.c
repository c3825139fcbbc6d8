/*
 * taskman-L, the root task of QSOE/L on seL4: it reports what seL4 gave it, finds the boot
 * cpio, proves IPC with a second thread, and then serves the taskman protocol with the shared
 * body (taskman/lib) on its endpoint, starting the program named by run= (default
 * test/hello) as the first ordinary process; when that ends, so does the machine.
 */
#include <abi/sel4.h>
#include <proto/taskman.h>
#include <qsoe/cmdline.h>
#include <qsoe/cpio.h>
#include <taskman/server.h>

#include "proc.h"

void __libc_start(uint64_t *block);
int main(void);

#define DEFAULT_INIT "init"
#define REPLIES      64 /* callers taskman-L can hold unanswered at once */

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

// Makes taskman-L's endpoint the taskman channel served by libc's MsgReceive.
static int taskman_channel(void)
{
    unsigned long replies[REPLIES];
    for (int i = 0; i < REPLIES; i++)
        replies[i] = object_alloc(seL4_ReplyObject, 0);
    int chid = __sel4_channel_attach(proc_endpoint, replies, REPLIES, proc_event);
    if (chid != TASKMAN_CHID)
        tm_fatal("the taskman channel is not channel 1", chid);
    return chid;
}

static const void *boot_cpio;
static size_t boot_cpio_size;

void taskman_start(seL4_BootInfo *bi)
{
    __sel4_ipc_buffer = bi->ipcBuffer;
    tm_bootinfo = bi;
    untyped_init(bi);
    tm_printf("taskman: running on seL4 (QSOE/L), %u untyped caps, %lu bytes of untyped memory, "
              "%lu cpus\n",
              untyped_count(), (unsigned long)untyped_ram_bytes(), (unsigned long)bi->numNodes);
    poweroff_init();

    boot_cpio = bootmods_cpio(&boot_cpio_size);
    struct cpio_entry init;
    tm_printf("taskman: boot cpio at %p, %lu bytes, %u files, init %s\n", boot_cpio,
              (unsigned long)boot_cpio_size, count_files(boot_cpio, boot_cpio_size),
              cpio_find(boot_cpio, boot_cpio_size, "init", &init) == 0 ? "present" : "missing");

    ipc_selftest();
    proc_init();
    signals_init();
    timers_init();

    // From here taskman-L is a QSOE program: libc's start-up with argc 1, argv "taskman", no
    // environment and no auxiliary values, then main.
    static char name[] = "taskman";
    uint64_t block[] = {1, (uint64_t)(uintptr_t)name, 0, 0, 0, 0};
    __libc_start(block);
    tm_fatal("libc's start-up returned", 0);
}

int main(void)
{
    static char buf[64];
    const char *run = cmdline_value(bootargs(), "run", buf, sizeof(buf), DEFAULT_INIT);
    tm_printf("taskman: serving the taskman protocol; starting %s\n", run);
    struct taskman_boot boot = {boot_cpio, boot_cpio_size, "QSOE/L on seL4", "seL4"};
    return taskman_serve(taskman_channel(), &boot, run);
}

// taskman-L's end is the machine's: exit(), abort() and the end of main come here.
int ThreadDestroy(int tid, int priority, void *status)
{
    (void)tid, (void)priority;
    tm_poweroff((unsigned)(uintptr_t)status & 0xff);
}
