/*
 * libc's seL4 layer: priorities and cpus of the process's own threads (SchedGet, SchedSet,
 * ThreadCtl), requests to taskman-L, which holds the TCBs and scheduling contexts. seL4
 * schedules by priority, round robin among equals with each thread's scheduling context as
 * its time slice, so every thread reports SCHED_RR unless set otherwise; a policy set is
 * remembered, and priorities are what seL4 uses.
 */
#include "sel4sync.h"

static int policies[SEL4_MAX_THREADS]; /* 0: SCHED_RR, the default */

// The index of thread tid (0: the caller) of process pid, or a negated errno: another
// process's threads are taskman's (EPERM), a tid out of range names none (ESRCH).
static int target(pid_t pid, int tid)
{
    if (pid != 0 && pid != __tls()->__pid)
        return -EPERM;
    if (tid == 0)
        return (int)__sel4_thread_index();
    return tid < 1 || tid > SEL4_MAX_THREADS ? -ESRCH : tid - 1;
}

static bool bad_pointer(const void *p)
{
    return (uintptr_t)p % sizeof(int32_t) || (uintptr_t)p < 0x10000;
}

int SchedGet_r(pid_t pid, int tid, struct sched_param *param)
{
    int n = target(pid, tid);
    if (n < 0)
        return n;
    if (param && bad_pointer(param))
        return -EFAULT;
    long prio = sel4_thread_request(SEL4_LABEL_SCHED, (seL4_Word)n + 1, SEL4_SCHED_QUERY);
    if (prio < 0)
        return (int)prio;
    if (param) {
        *param = (struct sched_param){0};
        param->sched_priority = param->sched_curpriority = (int32_t)prio;
    }
    return policies[n] ? policies[n] : SCHED_RR;
}

int SchedGet(pid_t pid, int tid, struct sched_param *param)
{
    return (int)set_errno(SchedGet_r(pid, tid, param));
}

int SchedSet_r(pid_t pid, int tid, int policy, const struct sched_param *param)
{
    if (!param || bad_pointer(param))
        return -EFAULT;
    if (policy != SCHED_NOCHANGE && policy != SCHED_FIFO && policy != SCHED_RR &&
        policy != SCHED_OTHER)
        return -EINVAL;
    if (param->sched_priority < PRIORITY_MIN || param->sched_priority > PRIORITY_MAX)
        return -EINVAL;
    int n = target(pid, tid);
    if (n < 0)
        return n;
    long prio =
        sel4_thread_request(SEL4_LABEL_SCHED, (seL4_Word)n + 1, (seL4_Word)param->sched_priority);
    if (prio < 0)
        return (int)prio;
    sel4_thread_prio_set((unsigned)n, (int)prio);
    if (policy != SCHED_NOCHANGE)
        policies[n] = policy;
    return 0;
}

int SchedSet(pid_t pid, int tid, int policy, const struct sched_param *param)
{
    return (int)set_errno(SchedSet_r(pid, tid, policy, param));
}

// ThreadCtl(_NTO_TCTL_RUNMASK, mask): the caller runs on the lowest cpu of the mask from now
// on (an seL4 thread runs on one cpu: its scheduling context's); 0 leaves it where it is.
int ThreadCtl_r(int cmd, void *data)
{
    if (cmd != _NTO_TCTL_RUNMASK)
        return -EINVAL;
    return (int)sel4_thread_request(SEL4_LABEL_RUNMASK, (seL4_Word)(uintptr_t)data, 0);
}

int ThreadCtl(int cmd, void *data)
{
    return (int)set_errno(ThreadCtl_r(cmd, data));
}
