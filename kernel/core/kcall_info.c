/*
 * The privileged information calls taskman builds /proc from: ProcInfo (a process's threads
 * and memory) and SysInfo (CPUs, memory, uptime, processes). Read-only; what they report is a
 * snapshot that may change at once.
 */
#include <abi/procinfo.h>
#include <kercall.h>
#include <mm.h>
#include <process.h>
#include <thread.h>

// ProcInfo(pid, info): taskman's view of process pid.
long kc_proc_info(const uint64_t *a)
{
    if (!(current()->proc->flags & _NTO_PF_TASKMAN))
        return -EPERM;
    if (!a[1] || !user_range_ok(a[1], sizeof(struct _proc_kinfo)))
        return -EFAULT;
    long err = 0;
    struct process *p = kc_target_process((int)a[0], &err);
    if (!p)
        return err;
    static struct _proc_kinfo info; /* too big for a kernel stack; guarded by info_lock */
    static struct spinlock info_lock;
    spin_lock(&info_lock);
    info = (struct _proc_kinfo){.pid = p->pid};
    spin_lock(&p->lock);
    info.pages = p->as.pages;
    for (int i = 0; i < MAX_THREADS; i++) {
        struct thread *t = p->threads[i];
        if (!t)
            continue;
        if (info.nthreads < _PROC_INFO_THREADS)
            info.threads[info.nthreads] = (struct _thread_kinfo){t->tid,
                                                                 (uint8_t)t->state,
                                                                 t->prio,
                                                                 t->base_prio,
                                                                 (uint8_t)t->policy,
                                                                 t->cpu ? t->cpu->index : -1,
                                                                 0};
        info.nthreads++;
    }
    spin_unlock(&p->lock);
    process_put(p);
    err = copy_to_user((void *)a[1], &info, sizeof(info));
    spin_unlock(&info_lock);
    return err;
}

// SysInfo(info): the machine as the kernel sees it.
long kc_sys_info(const uint64_t *a)
{
    if (!(current()->proc->flags & _NTO_PF_TASKMAN))
        return -EPERM;
    struct _sys_kinfo info = {0};
    info.ncpus = (uint32_t)ncpus;
    info.page_size = PAGE_SIZE;
    info.pages_total = page_total_count();
    info.pages_free = page_free_count();
    info.uptime_ns = ticks_to_ns(arch_time_now());
    info.nprocesses = (uint32_t)process_count();
    return copy_to_user((void *)a[0], &info, sizeof(info));
}
