/*
 * What taskman may learn from the kernel about processes and the system (the privileged calls
 * ProcInfo and SysInfo): each thread's state and priority, a process's memory, and the
 * machine's CPUs, memory and time since boot. taskman shows it under /proc.
 */
#ifndef QSOE_ABI_PROCINFO_H
#define QSOE_ABI_PROCINFO_H

#include <stdint.h>

#define _PROC_INFO_THREADS 64 /* threads ProcInfo describes at most (nthreads counts all) */

struct _thread_kinfo {
    int32_t tid;
    uint8_t state;    /* STATE_* (include/abi/sched.h) */
    uint8_t priority; /* effective */
    uint8_t base_priority;
    uint8_t policy; /* SCHED_* */
    int32_t cpu;    /* its home hart's index */
    uint32_t zero;
};

struct _proc_kinfo {
    int32_t pid;
    uint32_t nthreads; /* live or unjoined threads */
    uint64_t pages;    /* memory pages mapped for it */
    struct _thread_kinfo threads[_PROC_INFO_THREADS];
};

struct _sys_kinfo {
    uint32_t ncpus;
    uint32_t page_size;
    uint64_t pages_total;
    uint64_t pages_free;
    uint64_t uptime_ns;
    uint32_t nprocesses;
    uint32_t zero;
};

#endif
