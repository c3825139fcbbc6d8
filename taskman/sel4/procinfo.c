/*
 * taskman-L's ProcInfo and SysInfo, the privileged calls behind /proc (ps, pidin, sysinfo):
 * what taskman-L itself knows, since seL4 has no call that tells a thread's state. A thread
 * shows as DEAD once its process ended, REPLY while it waits for taskman-L's own answer (as
 * many threads, from the first, as the process has calls parked with taskman-L: the badge of a
 * call names the process, not the thread), and READY otherwise (blocked elsewhere or running
 * is seL4's to know), at the priority taskman-L gave it; memory is the pages taskman-L mapped for the
 * process; free memory is the untyped memory not yet retyped.
 */
#include <abi/procinfo.h>
#include <abi/sched.h>
#include <errno.h>
#include <string.h>
#include <sys/neutrino.h>

#include "proc.h"

#define THREAD_PRIORITY 10 /* what procthread.c gives a thread unless told otherwise */

int ProcInfo(pid_t pid, struct _proc_kinfo *info)
{
    struct lproc *p = proc_get(pid);
    if (!p) {
        errno = ESRCH;
        return -1;
    }
    memset(info, 0, sizeof(*info));
    info->pid = p->pid;
    info->nthreads = (uint32_t)p->nthreads;
    info->pages = (uint64_t)p->npages;
    int parked = __sel4_parked_callers(p->pid);
    for (int i = 0; i < p->nthreads && i < _PROC_INFO_THREADS; i++) {
        struct _thread_kinfo *t = &info->threads[i];
        t->tid = i + 1;
        t->state = p->ended ? STATE_DEAD : i < parked ? STATE_REPLY : STATE_READY;
        t->priority = t->base_priority = THREAD_PRIORITY;
        t->policy = SCHED_RR;
    }
    return 0;
}

int SysInfo(struct _sys_kinfo *info)
{
    memset(info, 0, sizeof(*info));
    info->ncpus = (uint32_t)tm_bootinfo->numNodes;
    info->page_size = 4096;
    info->pages_total = untyped_ram_bytes() / 4096;
    info->pages_free = untyped_free_bytes() / 4096;
    uint64_t now = 0;
    ClockTime(CLOCK_MONOTONIC, NULL, &now);
    info->uptime_ns = now;
    for (int i = 0; i < PROC_MAX; i++)
        info->nprocesses += proc_at(i) != NULL;
    return 0;
}
