/*
 * The contents of /proc (see procfs.h): one entry per process in taskman's table, taskman
 * itself included, beside "boot" and "sysinfo"; each process's status and threads as text
 * lines, from taskman's table and the kernel's ProcInfo. Zombies are listed
 * until their parent waits for them.
 */
#include <abi/procinfo.h>
#include <abi/sched.h>
#include <errno.h>
#include <proto/taskman.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/neutrino.h>
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

// The name QNX's pidin gives a thread state.
static const char *state_name(int state)
{
    static const char *const names[STATE_MAX] = {[STATE_DEAD] = "DEAD",
                                                 [STATE_RUNNING] = "RUNNING",
                                                 [STATE_READY] = "READY",
                                                 [STATE_STOPPED] = "STOPPED",
                                                 [STATE_SEND] = "SEND",
                                                 [STATE_RECEIVE] = "RECEIVE",
                                                 [STATE_REPLY] = "REPLY",
                                                 [STATE_STACK] = "STACK",
                                                 [STATE_WAITTHREAD] = "WAITTHREAD",
                                                 [STATE_WAITPAGE] = "WAITPAGE",
                                                 [STATE_SIGSUSPEND] = "SIGSUSPEND",
                                                 [STATE_SIGWAITINFO] = "SIGWAITINFO",
                                                 [STATE_NANOSLEEP] = "NANOSLEEP",
                                                 [STATE_MUTEX] = "MUTEX",
                                                 [STATE_CONDVAR] = "CONDVAR",
                                                 [STATE_JOIN] = "JOIN",
                                                 [STATE_INTR] = "INTR",
                                                 [STATE_SEM] = "SEM"};
    return state >= 0 && state < STATE_MAX && names[state] ? names[state] : "?";
}

// Finds pid among the processes /proc shows; false if there is none.
static bool find_process(int pid, struct tm_proc *out)
{
    for (uint64_t n = 0; nth_process(n, out); n++)
        if (out->pid == pid)
            return true;
    return false;
}

// The process's state in one word: zombie, running (a thread runs or is ready) or blocked.
static const char *process_state(const struct tm_proc *p, const struct _proc_kinfo *k)
{
    if (p->zombie)
        return "zombie";
    for (uint32_t i = 0; i < k->nthreads && i < _PROC_INFO_THREADS; i++)
        if (k->threads[i].state == STATE_RUNNING || k->threads[i].state == STATE_READY)
            return "running";
    return "blocked";
}

static struct _proc_kinfo kinfo; /* taskman is one thread: one buffer does */

char *procfs_status(int pid, int *len)
{
    struct tm_proc p;
    if (!find_process(pid, &p)) {
        *len = -ENOENT;
        return NULL;
    }
    kinfo = (struct _proc_kinfo){0};
    if (!p.zombie)
        ProcInfo(pid, &kinfo);
    int prio = 0;
    for (uint32_t i = 0; i < kinfo.nthreads && i < _PROC_INFO_THREADS; i++)
        if (kinfo.threads[i].priority > prio)
            prio = kinfo.threads[i].priority;
    char *text = malloc(512);
    if (!text) {
        *len = -ENOMEM;
        return NULL;
    }
    *len =
        snprintf(text, 512,
                 "pid: %d\nppid: %d\npgid: %d\nuid: %d\ngid: %d\nstate: %s\nthreads: %u\n"
                 "priority: %d\nmemory: %lu KiB\nname: %s\nexe: %s\n",
                 p.pid, p.ppid, p.pgid, p.ruid, p.rgid, process_state(&p, &kinfo), kinfo.nthreads,
                 prio, (unsigned long)(kinfo.pages * 4), p.name, p.exe[0] ? p.exe : "?");
    return text;
}

char *procfs_threads(int pid, int *len)
{
    struct tm_proc p;
    if (!find_process(pid, &p)) {
        *len = -ENOENT;
        return NULL;
    }
    kinfo = (struct _proc_kinfo){0};
    if (!p.zombie)
        ProcInfo(pid, &kinfo);
    size_t size = 64 + (size_t)_PROC_INFO_THREADS * 48;
    char *text = malloc(size);
    if (!text) {
        *len = -ENOMEM;
        return NULL;
    }
    int n = 0;
    for (uint32_t i = 0; i < kinfo.nthreads && i < _PROC_INFO_THREADS; i++) {
        const struct _thread_kinfo *t = &kinfo.threads[i];
        n += snprintf(text + n, size - (size_t)n, "%d %s %d %s %d\n", t->tid, state_name(t->state),
                      t->priority,
                      t->policy == SCHED_FIFO ? "f"
                      : t->policy == SCHED_RR ? "r"
                                              : "o",
                      t->cpu);
    }
    text[n] = '\0';
    *len = n;
    return text;
}

static const char *kernel_name = "";

void procfs_set_kernel(const char *name)
{
    kernel_name = name ? name : "";
}

char *procfs_sysinfo(int *len)
{
    struct _sys_kinfo s = {0};
    SysInfo(&s);
    char *text = malloc(256);
    if (!text) {
        *len = -ENOMEM;
        return NULL;
    }
    *len = snprintf(text, 256,
                    "system: QSOE\nkernel: %s\ncpus: %u\nmemory: %lu KiB\nfree: %lu KiB\n"
                    "uptime: %lu.%03lu s\nprocesses: %u\n",
                    kernel_name, s.ncpus, (unsigned long)(s.pages_total * s.page_size / 1024),
                    (unsigned long)(s.pages_free * s.page_size / 1024),
                    (unsigned long)(s.uptime_ns / 1000000000),
                    (unsigned long)(s.uptime_ns / 1000000 % 1000), s.nprocesses);
    return text;
}

// The name of the index-th entry of /proc: "boot", "sysinfo", "mounts", then each process's
// pid. Returns 1, or 0 past the last entry.
int procfs_entry(uint64_t index, char *name, size_t size)
{
    static const char *const files[] = {"boot", "sysinfo", "mounts"};
    if (index < 3) {
        snprintf(name, size, "%s", files[index]);
        return 1;
    }
    struct tm_proc p;
    if (!nth_process(index - 3, &p))
        return 0;
    snprintf(name, size, "%d", p.pid);
    return 1;
}
