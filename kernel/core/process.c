/*
 * The kernel's process table: creation, lookup by pid with a reference count, termination
 * (every thread killed), and the end of a process once its last thread is gone. A process whose
 * threads have all ended stays a zombie until taskman collects its status with ProcWait; the
 * end of the first process ends the machine.
 */
#include <mm.h>
#include <process.h>
#include <signal.h>

static KOBJ_CACHE(process_cache, struct process);
static struct spinlock table_lock;
static struct process *table[MAX_PROCESSES];
static struct thread *any_waiter; /* thread in ProcWait(-1), under table_lock */
static uint32_t generation[MAX_PROCESSES];

static int slot_of(int pid)
{
    return pid & ((1 << PROCESS_SLOT_BITS) - 1);
}

// Creates an empty process (an address space, no threads) with a fresh pid.
struct process *process_create(const char *name, unsigned flags)
{
    struct process *p = kobj_alloc(&process_cache);
    if (!p)
        return NULL;
    if (vm_init(&p->as) < 0 || ipc_init_process(p) < 0 || signal_init_process(p) < 0) {
        vm_destroy(&p->as);
        ipc_free_process(p);
        signal_free_process(p);
        kobj_free(&process_cache, p);
        return NULL;
    }
    size_t n = strnlen(name, sizeof(p->name) - 1);
    memcpy(p->name, name, n);
    p->name[n] = '\0';
    p->flags = flags;
    p->refs = 1; /* the table's reference, dropped when the status is collected */
    spin_lock(&table_lock);
    int slot = -1;
    for (int i = 1; i < MAX_PROCESSES; i++) {
        if (!table[i]) {
            slot = i;
            break;
        }
    }
    if (slot < 0) {
        spin_unlock(&table_lock);
        vm_destroy(&p->as);
        ipc_free_process(p);
        signal_free_process(p);
        kobj_free(&process_cache, p);
        return NULL;
    }
    p->pid = (int)((generation[slot] << PROCESS_SLOT_BITS) | (uint32_t)slot);
    generation[slot] = (generation[slot] + 1) & 0xfffff;
    table[slot] = p;
    spin_unlock(&table_lock);
    return p;
}

// Looks a pid up and takes a reference; NULL if there is no such process (or a stale pid).
struct process *process_get(int pid)
{
    if (pid <= 0)
        return NULL;
    spin_lock(&table_lock);
    struct process *p = table[slot_of(pid)];
    if (p && p->pid == pid) {
        spin_lock(&p->lock);
        p->refs++;
        spin_unlock(&p->lock);
    } else {
        p = NULL;
    }
    spin_unlock(&table_lock);
    return p;
}

void process_put(struct process *p)
{
    spin_lock(&p->lock);
    bool last = --p->refs == 0;
    spin_unlock(&p->lock);
    if (last) {
        ipc_free_process(p);
        signal_free_process(p);
        kobj_free(&process_cache, p);
    }
}

// Ends every thread of p with the given process status; the caller, if it belongs to p, ends
// too and this does not return.
void process_terminate(struct process *p, int status)
{
    struct thread *self = current();
    spin_lock(&p->lock);
    if (!p->exiting) {
        p->exiting = true;
        p->exit_status = status;
    }
    for (int i = 0; i < MAX_THREADS; i++) {
        struct thread *t = p->threads[i];
        if (t && t != self && t->state != STATE_DEAD)
            thread_kill(t, NULL);
    }
    bool empty = p->nlive == 0 && !p->zombie;
    spin_unlock(&p->lock);
    if (self->proc == p)
        thread_exit(NULL);
    if (empty)
        process_thread_gone(p); /* a process that never had a thread ends here */
}

static int machine_exit_code(int status)
{
    if (status & PROCESS_STATUS_SIGNALED)
        return 128 + (status & 0x7f); /* as a shell reports a death by signal */
    return status & 0xff;
}

// The last thread of p is ending (on its own stack), or p never had one: tear the address
// space down, free the threads nobody will join, and wake the process's waiter.
void process_thread_gone(struct process *p)
{
    struct thread *self = current();
    if (self->proc == p)
        arch_pt_activate(arch_kernel_root());
    ktimer_exit_process(p);
    ipc_exit_process(p);
    spin_lock(&p->as.lock);
    vm_destroy(&p->as);
    spin_unlock(&p->as.lock);

    struct thread *unjoined[MAX_THREADS];
    int n = 0;
    spin_lock(&p->lock);
    p->zombie = true;
    if (!p->exiting)
        p->exit_status = 0;
    for (int i = 0; i < MAX_THREADS; i++) {
        struct thread *t = p->threads[i];
        if (t && t != self)
            unjoined[n++] = t;
    }
    struct thread *waiter = p->waiter;
    int status = p->exit_status;
    spin_unlock(&p->lock);
    for (int i = 0; i < n; i++)
        thread_free(unjoined[i]);

    if (slot_of(p->pid) == 1) {
        kprintf("skimmer: first process (%s) ended with status %d; stopping\n", p->name, status);
        arch_power_off(machine_exit_code(status));
    }
    if (waiter)
        thread_wake(waiter, STATE_JOIN, 0);
    spin_lock(&table_lock);
    struct thread *any = any_waiter;
    spin_unlock(&table_lock);
    if (any)
        thread_wake(any, STATE_JOIN, 0);
}

// Removes a zombie (referenced by the caller) from the table, dropping both references.
static void collect(struct process *p)
{
    spin_lock(&table_lock);
    int slot = slot_of(p->pid);
    bool listed = table[slot] == p;
    if (listed)
        table[slot] = NULL;
    spin_unlock(&table_lock);
    if (listed)
        process_put(p); /* the table's reference */
    process_put(p);
}

// ProcWait(-1): waits for any process but the caller's own to end, and collects it.
static int process_wait_any(int *status)
{
    struct thread *self = current();
    for (;;) {
        struct process *found = NULL;
        spin_lock(&table_lock);
        for (int i = 1; i < MAX_PROCESSES && !found; i++) {
            struct process *p = table[i];
            if (!p || p == self->proc)
                continue;
            spin_lock(&p->lock);
            if (p->zombie && !p->waiter) {
                p->refs++;
                found = p;
            }
            spin_unlock(&p->lock);
        }
        if (found) {
            spin_unlock(&table_lock);
            *status = found->exit_status;
            int pid = found->pid;
            collect(found);
            return pid;
        }
        if (any_waiter && any_waiter != self) {
            spin_unlock(&table_lock);
            return -EBUSY;
        }
        any_waiter = self;
        __atomic_store_n(&self->state, STATE_JOIN, __ATOMIC_SEQ_CST);
        spin_unlock(&table_lock);
        long err = thread_block();
        spin_lock(&table_lock);
        if (any_waiter == self)
            any_waiter = NULL;
        spin_unlock(&table_lock);
        if (err < 0)
            return (int)err;
    }
}

// Waits until process pid (or any process, for -1) has ended, stores its status, removes it
// from the table and returns its pid.
int process_wait(int pid, int *status)
{
    if (pid == -1)
        return process_wait_any(status);
    struct process *p = process_get(pid);
    if (!p)
        return -ESRCH;
    struct thread *self = current();
    if (p == self->proc) {
        process_put(p);
        return -EDEADLK;
    }
    spin_lock(&p->lock);
    if (p->waiter && p->waiter != self) {
        spin_unlock(&p->lock);
        process_put(p);
        return -EBUSY;
    }
    while (!p->zombie) {
        p->waiter = self;
        __atomic_store_n(&self->state, STATE_JOIN, __ATOMIC_SEQ_CST);
        spin_unlock(&p->lock);
        long err = thread_block();
        spin_lock(&p->lock);
        p->waiter = NULL;
        if (err < 0 && !p->zombie) {
            spin_unlock(&p->lock);
            process_put(p);
            return (int)err;
        }
    }
    *status = p->exit_status;
    spin_unlock(&p->lock);
    collect(p);
    return pid;
}

// How many processes exist (zombies included).
int process_count(void)
{
    int n = 0;
    spin_lock(&table_lock);
    for (int i = 1; i < MAX_PROCESSES; i++)
        n += table[i] != NULL;
    spin_unlock(&table_lock);
    return n;
}
