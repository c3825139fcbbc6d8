/*
 * taskman's process table (see proctab.h): a fixed array, searched linearly, which is plenty
 * for the few hundred processes QSOE runs.
 */
#include <string.h>
#include <taskman/proctab.h>

static struct tm_proc table[PROCTAB_SIZE];

struct tm_proc *proctab_add(int pid, int ppid, const char *name)
{
    for (int i = 0; i < PROCTAB_SIZE; i++) {
        if (table[i].pid == 0) {
            struct tm_proc *p = &table[i];
            p->pid = pid;
            p->ppid = ppid;
            struct tm_proc *parent = proctab_find(ppid);
            p->pgid = parent ? parent->pgid : pid; /* children join the parent's group */
            p->ruid = parent ? parent->ruid : 0;
            p->euid = parent ? parent->euid : 0;
            p->suid = parent ? parent->suid : 0;
            p->rgid = parent ? parent->rgid : 0;
            p->egid = parent ? parent->egid : 0;
            p->sgid = parent ? parent->sgid : 0;
            p->ngroups = parent ? parent->ngroups : 0;
            for (int g = 0; g < p->ngroups; g++)
                p->groups[g] = parent->groups[g];
            p->zombie = false;
            p->wstatus = 0;
            p->io = false;
            p->mmap_next = MMAP_BASE;
            size_t n = strnlen(name, sizeof(p->name) - 1);
            memcpy(p->name, name, n);
            p->name[n] = '\0';
            return p;
        }
    }
    return NULL;
}

struct tm_proc *proctab_find(int pid)
{
    for (int i = 0; i < PROCTAB_SIZE; i++)
        if (table[i].pid == pid && pid != 0)
            return &table[i];
    return NULL;
}

void proctab_remove(struct tm_proc *p)
{
    p->pid = 0;
}

// Iterates over the live and zombie entries: proctab_next(NULL) is the first.
struct tm_proc *proctab_next(struct tm_proc *after)
{
    for (int i = after ? (int)(after - table) + 1 : 0; i < PROCTAB_SIZE; i++)
        if (table[i].pid)
            return &table[i];
    return NULL;
}

// The POSIX wait status for a kernel process status (include/abi/kercall.h: an exit code, or
// 0x10000 | the signal that ended the process).
int wait_status_of(int kernel_status)
{
    if (kernel_status & 0x10000)
        return kernel_status & 0x7f;
    return (kernel_status & 0xff) << 8;
}
