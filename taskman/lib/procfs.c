/*
 * The contents of /proc (see procfs.h): one entry per process in taskman's table, taskman
 * itself included, beside "boot", and each process's status as text lines. Zombies are listed
 * until their parent waits for them.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <stdio.h>
#include <taskman/procfs.h>
#include <taskman/proctab.h>

// The n-th process shown under /proc: taskman first (it is not in its own table), then the
// table's entries in order. Fills *out and returns 1, or returns 0 past the end.
static int nth_process(uint64_t n, struct tm_proc *out)
{
    static const struct tm_proc taskman = {
        .pid = TASKMAN_PID, .pgid = TASKMAN_PID, .name = "taskman"};
    if (n == 0) {
        *out = taskman;
        return 1;
    }
    for (struct tm_proc *p = proctab_next(NULL); p; p = proctab_next(p)) {
        if (--n == 0) {
            *out = *p;
            return 1;
        }
    }
    return 0;
}

// Writes the status text of process pid into buf: "pid:", "ppid:", "pgid:", "state:"
// (running or zombie) and "name:" lines. Returns its length, or -ENOENT if there is no such
// process.
int procfs_status(int pid, char *buf, size_t size)
{
    struct tm_proc p;
    for (uint64_t n = 0; nth_process(n, &p); n++) {
        if (p.pid == pid) {
            int len = snprintf(buf, size, "pid: %d\nppid: %d\npgid: %d\nstate: %s\nname: %s\n",
                               p.pid, p.ppid, p.pgid, p.zombie ? "zombie" : "running", p.name);
            return len < (int)size ? len : (int)size - 1;
        }
    }
    return -ENOENT;
}

// The name of the index-th entry of /proc: "boot", then each process's pid. Returns 1, or 0
// past the last entry.
int procfs_entry(uint64_t index, char *name, size_t size)
{
    if (index == 0) {
        snprintf(name, size, "boot");
        return 1;
    }
    struct tm_proc p;
    if (!nth_process(index - 1, &p))
        return 0;
    snprintf(name, size, "%d", p.pid);
    return 1;
}
