/*
 * The privileged calls taskman builds processes with (ProcCreate, ProcMemMap/Unmap/Write,
 * ProcDestroy, ProcWait), machine power control, and the console write of early user code.
 */
#include <kercall.h>
#include <process.h>

static bool privileged(void)
{
    return (current()->proc->flags & _NTO_PF_TASKMAN) != 0;
}

long kc_console_write(const uint64_t *a)
{
    const char *ubuf = (const char *)a[0];
    size_t len = a[1];
    if (len > 65536)
        return -E2BIG;
    if (!user_range_ok((uintptr_t)ubuf, len))
        return -EFAULT;
    char chunk[256];
    for (size_t done = 0; done < len;) {
        size_t n = len - done < sizeof(chunk) ? len - done : sizeof(chunk);
        if (copy_from_user(chunk, ubuf + done, n) < 0)
            return done ? (long)done : -EFAULT;
        console_write(chunk, n);
        done += n;
    }
    return (long)len;
}

// Copies a NUL-terminated user string of at most size-1 characters.
static int copy_string_from_user(char *dst, const char *usrc, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        if (copy_from_user(&dst[i], usrc + i, 1) < 0)
            return -EFAULT;
        if (dst[i] == '\0')
            return 0;
    }
    return -ENAMETOOLONG;
}

long kc_proc_create(const uint64_t *a)
{
    unsigned flags = (unsigned)a[0];
    const char *uname = (const char *)a[1];
    if (!privileged())
        return -EPERM;
    if (flags & ~(_NTO_PF_TASKMAN | _NTO_PF_IO))
        return -EINVAL;
    char name[32] = "?";
    if (uname) {
        int err = copy_string_from_user(name, uname, sizeof(name));
        if (err)
            return err;
    }
    struct process *p = process_create(name, flags);
    return p ? p->pid : -ENOMEM;
}

// The process a privileged call names, referenced; NULL with *err set if the caller lacks the
// privilege or there is no such process.
static struct process *privileged_target(int pid, long *err)
{
    if (!privileged()) {
        *err = -EPERM;
        return NULL;
    }
    return kc_target_process(pid, err);
}

long kc_proc_destroy(const uint64_t *a)
{
    long err = 0;
    struct process *p = privileged_target((int)a[0], &err);
    if (!p)
        return err;
    if (p == current()->proc) {
        process_put(p);
        return -EINVAL;
    }
    process_terminate(p, (int)a[1]);
    process_put(p);
    return 0;
}

static unsigned prot_to_vm(uint64_t prot)
{
    return ((prot & PROT_READ) ? VM_R : 0) | ((prot & PROT_WRITE) ? VM_W : 0) |
           ((prot & PROT_EXEC) ? VM_X : 0);
}

long kc_proc_mem_map(const uint64_t *a)
{
    if (privileged() && (a[3] & ~(uint64_t)(PROT_READ | PROT_WRITE | PROT_EXEC)))
        return -EINVAL;
    long err = 0;
    struct process *p = privileged_target((int)a[0], &err);
    if (!p)
        return err;
    err = vm_map_anon(&p->as, a[1], a[2], prot_to_vm(a[3]));
    process_put(p);
    return err;
}

long kc_proc_mem_unmap(const uint64_t *a)
{
    long err = 0;
    struct process *p = privileged_target((int)a[0], &err);
    if (!p)
        return err;
    err = vm_unmap(&p->as, a[1], a[2]);
    process_put(p);
    return err;
}

long kc_proc_mem_write(const uint64_t *a)
{
    if (privileged() && !user_range_ok(a[2], a[3]))
        return -EFAULT;
    long err = 0;
    struct process *p = privileged_target((int)a[0], &err);
    if (!p)
        return err;
    err = vm_write(&p->as, a[1], (const void *)a[2], a[3], true);
    process_put(p);
    return err;
}

long kc_proc_wait(const uint64_t *a)
{
    if (!privileged())
        return -EPERM;
    int *ustatus = (int *)a[1];
    if ((uintptr_t)ustatus % sizeof(int))
        return -EFAULT;
    int probe;
    if (ustatus && copy_from_user(&probe, ustatus, sizeof(probe)) < 0)
        return -EFAULT;
    int status = 0;
    int pid = process_wait((int)a[0], &status);
    if (pid < 0)
        return pid;
    if (ustatus && copy_to_user(ustatus, &status, sizeof(status)) < 0)
        return -EFAULT;
    return pid;
}

long kc_sys_power(const uint64_t *a)
{
    if (!privileged())
        return -EPERM;
    if (a[0] == SYS_POWER_OFF) {
        kprintf("skimmer: power off (code %d)\n", (int)a[1]);
        arch_power_off((int)a[1]);
    }
    if (a[0] == SYS_POWER_RESET) {
        kprintf("skimmer: reset\n");
        arch_reset();
    }
    return -EINVAL;
}
