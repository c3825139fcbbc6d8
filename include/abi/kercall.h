/*
 * Kernel-call numbers of Skimmer. A call is `ecall` with the number in a7 and up to six
 * arguments in a0-a5; the result comes back in a0: zero or a positive value on success, a
 * negated errno (-1 .. -4095) on failure. docs/kernel-abi.md is the full description; libc's
 * kernel layer is the only user-space code that includes this file.
 */
#ifndef QSOE_ABI_KERCALL_H
#define QSOE_ABI_KERCALL_H

enum kercall {
    KER_NOP = 0,
    KER_CONSOLE_WRITE, /* (const char *buf, size_t len): early user output */

    /* Threads and scheduling. */
    KER_THREAD_CREATE,  /* (pid, func, arg, const struct _thread_attr *) -> tid */
    KER_THREAD_DESTROY, /* (tid, priority, status): tid 0 self, -1 the whole process */
    KER_THREAD_JOIN,    /* (tid, void **status) */
    KER_THREAD_CTL,     /* (cmd, data) */
    KER_SCHED_GET,      /* (pid, tid, struct sched_param *) -> policy */
    KER_SCHED_SET,      /* (pid, tid, policy, const struct sched_param *) */
    KER_SCHED_YIELD,    /* () */
    KER_SCHED_GET_CPUNUM,

    /* Time. */
    KER_CLOCK_TIME,    /* (clockid, const uint64_t *new, uint64_t *old) */
    KER_CLOCK_PERIOD,  /* (clockid, const struct _clockperiod *new, struct _clockperiod *old) */
    KER_TIMER_CREATE,  /* (clockid, const struct sigevent *) -> timer id */
    KER_TIMER_DESTROY, /* (id) */
    KER_TIMER_SETTIME, /* (id, flags, const struct _itimer *new, struct _itimer *old) */
    KER_TIMER_INFO,    /* (pid, id, flags, struct _timer_info *) */
    KER_TIMER_TIMEOUT, /* (clockid, flags, const struct sigevent *, const uint64_t *, uint64_t *) */

    /* Channels, connections and messages. */
    KER_CHANNEL_CREATE,
    KER_CHANNEL_DESTROY,
    KER_CONNECT_ATTACH,
    KER_CONNECT_DETACH,
    KER_CONNECT_FLAGS,
    KER_CONNECT_CLIENT_INFO,
    KER_CONNECT_SERVER_INFO,
    KER_MSG_SENDV, /* (coid, siov, sparts, riov, rparts): parts < 0 means one buffer */
    KER_MSG_SENDVNC,
    KER_MSG_RECEIVEV, /* (chid, riov, rparts, struct _msg_info *) -> rcvid */
    KER_MSG_RECEIVEPULSEV,
    KER_MSG_REPLYV,        /* (rcvid, status, siov, sparts) */
    KER_MSG_ERROR,         /* (rcvid, err) */
    KER_MSG_READV,         /* (rcvid, riov, rparts, offset) */
    KER_MSG_WRITEV,        /* (rcvid, siov, sparts, offset) */
    KER_MSG_INFO,          /* (rcvid, struct _msg_info *) */
    KER_MSG_SEND_PULSE,    /* (coid, priority, code, value) */
    KER_MSG_DELIVER_EVENT, /* (rcvid, const struct sigevent *) */

    /* Interrupts. */
    KER_INTERRUPT_ATTACH_EVENT,
    KER_INTERRUPT_DETACH,
    KER_INTERRUPT_MASK,
    KER_INTERRUPT_UNMASK,
    KER_INTERRUPT_WAIT,

    /* Synchronisation slow paths. */
    KER_SYNC_TYPE_CREATE,
    KER_SYNC_DESTROY,
    KER_SYNC_MUTEX_LOCK,
    KER_SYNC_MUTEX_UNLOCK,
    KER_SYNC_MUTEX_REVIVE,
    KER_SYNC_CONDVAR_WAIT,
    KER_SYNC_CONDVAR_SIGNAL,
    KER_SYNC_SEM_POST,
    KER_SYNC_SEM_WAIT,

    /* Privileged calls for taskman (process with _NTO_PF_TASKMAN). */
    KER_PROC_CREATE,       /* (flags) -> pid of a new, empty process */
    KER_PROC_DESTROY,      /* (pid, status) */
    KER_PROC_MEM_MAP,      /* (pid, vaddr, len, prot): fresh zeroed pages */
    KER_PROC_MEM_UNMAP,    /* (pid, vaddr, len) */
    KER_PROC_MEM_WRITE,    /* (pid, vaddr, const void *src, len) */
    KER_PROC_WAIT,         /* (pid, int *status): wait for the process to end, then reap it */
    KER_SYS_POWER,         /* (how, code): power off or reset the machine */
    KER_PROC_MEM_MAP_PHYS, /* (pid, vaddr, len, prot, paddr): device registers, _NTO_PF_IO */
    KER_THREAD_DETACH,     /* (tid): nobody will join it; it is freed when it ends */
    KER_CONNECT_MOVE,      /* (from_pid, coid, to_pid, index): privileged */
    KER_SIGNAL_KILL,       /* (pid, tid, signo, code, value): another process: privileged */
    KER_SIGNAL_ACTION,     /* (pid, stub, signo, const struct _sigaction_k *, old *) */
    KER_SIGNAL_PROCMASK,   /* (pid, tid, how, const uint64_t *set, uint64_t *old) */
    KER_SIGNAL_RETURN,     /* (const struct _sigcontext_k *): from a handler, via the stub */
    KER_PROC_INFO,         /* (pid, struct _proc_kinfo *): privileged */
    KER_SYS_INFO,          /* (struct _sys_kinfo *): privileged */

    KER_NCALLS
};

/* Thread-control commands of KER_THREAD_CTL. */
#define _NTO_TCTL_RUNMASK 4 /* data: a bit mask of the CPUs the thread may run on */

/* Process-creation flags and powers of KER_PROC_CREATE and KER_SYS_POWER. */
#define _NTO_PF_TASKMAN 0x1 /* the new process may make privileged calls */
#define _NTO_PF_IO      0x2 /* the new process may attach interrupts */
#define SYS_POWER_OFF   0
#define SYS_POWER_RESET 1

/* Memory protection bits of KER_PROC_MEM_MAP (the POSIX PROT_* values). */
#define PROT_NONE  0
#define PROT_READ  1
#define PROT_WRITE 2
#define PROT_EXEC  4

#endif
