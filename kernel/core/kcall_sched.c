/*
 * SchedGet, SchedSet, SchedYield and SchedGetCpuNum.
 */
#include <kercall.h>
#include <process.h>


// Finds thread tid (0: the caller) of process pid; returns it with the process referenced.
static struct thread *target_thread(int pid, int tid, struct process **pp, long *err)
{
    struct process *p = kc_target_process(pid, err);
    if (!p)
        return NULL;
    struct thread *t = NULL;
    if (tid == 0 && p == current()->proc)
        t = current();
    else if (tid >= 1 && tid <= MAX_THREADS)
        t = p->threads[tid - 1];
    if (!t || t->state == STATE_DEAD) {
        process_put(p);
        *err = -ESRCH;
        return NULL;
    }
    *pp = p;
    return t;
}

long kc_sched_get(const uint64_t *a)
{
    struct process *p;
    long err = 0;
    struct sched_param param = {0};
    struct thread *t = target_thread((int)a[0], (int)a[1], &p, &err);
    if (!t)
        return err;
    param.sched_priority = t->base_prio;
    param.sched_curpriority = t->prio;
    int policy = t->policy;
    process_put(p);
    if (a[2] && copy_to_user((void *)a[2], &param, sizeof(param)) < 0)
        return -EFAULT;
    return policy;
}

long kc_sched_set(const uint64_t *a)
{
    int policy = (int)a[2];
    struct sched_param param;
    if (copy_from_user(&param, (const void *)a[3], sizeof(param)) < 0)
        return -EFAULT;
    if (policy != SCHED_NOCHANGE && policy != SCHED_FIFO && policy != SCHED_RR &&
        policy != SCHED_OTHER)
        return -EINVAL;
    if (param.sched_priority < PRIORITY_MIN || param.sched_priority > PRIORITY_MAX)
        return -EINVAL;
    struct process *p;
    long err = 0;
    struct thread *t = target_thread((int)a[0], (int)a[1], &p, &err);
    if (!t)
        return err;
    if (policy != SCHED_NOCHANGE)
        t->policy = policy;
    t->base_prio = (uint8_t)param.sched_priority;
    if (t == current() || t->cpu == this_cpu())
        sched_set_priority(t, param.sched_priority);
    else
        t->prio_stale = true; /* another hart's thread takes it when next dequeued there */
    process_put(p);
    return 0;
}

long kc_sched_yield(const uint64_t *a)
{
    (void)a;
    sched_yield();
    return 0;
}

long kc_sched_get_cpunum(const uint64_t *a)
{
    (void)a;
    return this_cpu()->index;
}
