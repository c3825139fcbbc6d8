/*
 * The first ordinary process of QSOE/L: taskman-L builds the program named by run= on the
 * command line (by default `test/hello 7`) from the boot cpio with the shared loader
 * (taskman/lib/loader.c over proc*.c), waits for its end and ends the machine with its
 * status, as taskman does on QSOE/N when its init ends.
 */
#include <qsoe/cmdline.h>
#include <qsoe/cpio.h>
#include <sys/neutrino.h>
#include <taskman/loader.h>

#include "proc.h"

#define DEFAULT_INIT     "test/hello"
#define DEFAULT_INIT_ARG "7"
#define STATUS_SIGNAL    0x10000

_Noreturn void run_init(const void *cpio, size_t size)
{
    static char path[64];
    const char *run = cmdline_value(bootargs(), "run", path, sizeof(path), NULL);
    char *argv[] = {run ? path : DEFAULT_INIT, run ? NULL : DEFAULT_INIT_ARG, NULL};
    char *envp[] = {NULL};
    struct cpio_entry e;
    if (cpio_find(cpio, size, argv[0], &e) != 0) {
        tm_printf("taskman: cannot find '%s' in the boot cpio\n", argv[0]);
        tm_poweroff(3);
    }
    int pid = loader_spawn(e.data, e.size, argv[0], argv, envp, 0, NULL, NULL);
    if (pid < 0) {
        tm_printf("taskman: cannot start %s (error %d)\n", argv[0], -pid);
        tm_poweroff(3);
    }
    tm_printf("taskman: started %s as pid %d\n", argv[0], pid);
    int status = proc_run_until_end(pid);
    int wstatus = status & STATUS_SIGNAL ? status & 0x7f : (status & 0xff) << 8;
    tm_printf("taskman: init (%s, pid %d) ended with wait status 0x%x\n", argv[0], pid, wstatus);
    ProcWait(pid, &status);
    tm_poweroff(status & STATUS_SIGNAL ? 128 + (status & 0x7f) : status & 0xff);
}
