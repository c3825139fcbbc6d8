/*
 * Interrupts, kernel-direct: InterruptAttachEvent, InterruptDetach, InterruptMask,
 * InterruptUnmask and InterruptWait. When a source fires, the kernel masks it and delivers
 * the attached event itself (wakes the attaching thread for SIGEV_INTR, or queues a pulse on
 * the attaching process's connection); nothing else, taskman included, is on that path. The
 * driver unmasks the source once it has served the device.
 */
#include <kercall.h>
#include <mm.h>
#include <process.h>

#define MAX_ATTACH 64

struct irq_attach {
    int id; /* 1..MAX_ATTACH, 0 when the slot is free */
    uint32_t irq;
    struct process *owner;
    struct thread *thread; /* the attaching thread, woken for SIGEV_INTR */
    int tid;
    struct sigevent event;
    int masks; /* how many times this attachment has the source masked */
};

static struct spinlock irq_lock;
static struct irq_attach attaches[MAX_ATTACH];
static struct cpu *irq_home[1024]; /* hart each attached source is routed to */
static int irq_masks[1024];        /* total masks on each source */

static void source_mask(uint32_t irq)
{
    if (irq_masks[irq]++ == 0 && irq_home[irq])
        arch_irq_route(irq, irq_home[irq], false);
}

static void source_unmask(uint32_t irq)
{
    if (irq_masks[irq] > 0 && --irq_masks[irq] == 0 && irq_home[irq])
        arch_irq_route(irq, irq_home[irq], true);
}

static bool attached(uint32_t irq)
{
    for (int i = 0; i < MAX_ATTACH; i++)
        if (attaches[i].id && attaches[i].irq == irq)
            return true;
    return false;
}

// Called with the source claimed from the interrupt controller on this hart.
void irq_dispatch(uint32_t irq)
{
    struct sigevent pulses[4];
    int pids[4], npulses = 0;
    spin_lock(&irq_lock);
    bool any = false;
    for (int i = 0; i < MAX_ATTACH; i++) {
        struct irq_attach *a = &attaches[i];
        if (!a->id || a->irq != irq)
            continue;
        any = true;
        a->masks++;
        source_mask(irq);
        if (a->event.sigev_notify == SIGEV_INTR) {
            struct thread *t = a->thread;
            t->intr_pending++;
            thread_wake(t, STATE_INTR, 0);
        } else if (a->event.sigev_notify == SIGEV_PULSE && npulses < 4) {
            pulses[npulses] = a->event;
            pids[npulses++] = a->owner->pid;
        }
    }
    if (!any) {
        kprintf("skimmer: interrupt %u has no handler; masked\n", irq);
        arch_irq_route(irq, this_cpu(), false);
    }
    spin_unlock(&irq_lock);
    for (int i = 0; i < npulses; i++) {
        struct process *p = process_get(pids[i]);
        if (p) {
            event_deliver(p, &pulses[i], 0);
            process_put(p);
        }
    }
}

static struct irq_attach *find(int id, struct process *p)
{
    if (id < 1 || id > MAX_ATTACH)
        return NULL;
    struct irq_attach *a = &attaches[id - 1];
    return a->id == id && a->owner == p ? a : NULL;
}

long kc_interrupt_attach_event(const uint64_t *a)
{
    struct thread *t = current();
    if (!(t->proc->flags & _NTO_PF_IO))
        return -EPERM;
    uint32_t irq = (uint32_t)a[0];
    if (irq == 0 || irq > arch_irq_count() || irq >= ARRAY_SIZE(irq_home))
        return -EINVAL;
    struct sigevent ev;
    if (copy_from_user(&ev, (const void *)a[1], sizeof(ev)) < 0)
        return -EFAULT;
    if (ev.sigev_notify != SIGEV_INTR && ev.sigev_notify != SIGEV_PULSE)
        return -EINVAL;
    spin_lock(&irq_lock);
    long id = -EAGAIN;
    for (int i = 0; i < MAX_ATTACH; i++) {
        struct irq_attach *s = &attaches[i];
        if (s->id)
            continue;
        bool first = !attached(irq);
        *s = (struct irq_attach){i + 1, irq, t->proc, t, t->tid, ev, 0};
        if (first) {
            irq_home[irq] = t->cpu;
            irq_masks[irq] = 0;
            arch_irq_route(irq, t->cpu, true);
        }
        id = i + 1;
        break;
    }
    spin_unlock(&irq_lock);
    return id;
}

static void detach_locked(struct irq_attach *s)
{
    uint32_t irq = s->irq;
    while (s->masks > 0) {
        s->masks--;
        source_unmask(irq);
    }
    s->id = 0;
    if (!attached(irq)) {
        if (irq_home[irq])
            arch_irq_route(irq, irq_home[irq], false);
        irq_home[irq] = NULL;
        irq_masks[irq] = 0;
    }
}

long kc_interrupt_detach(const uint64_t *a)
{
    spin_lock(&irq_lock);
    struct irq_attach *s = find((int)a[0], current()->proc);
    if (s)
        detach_locked(s);
    spin_unlock(&irq_lock);
    return s ? 0 : -EINVAL;
}

// InterruptMask(intr, id) and InterruptUnmask(intr, id): return the attachment's mask count.
static long mask_call(const uint64_t *a, bool mask)
{
    spin_lock(&irq_lock);
    struct irq_attach *s = find((int)a[1], current()->proc);
    long r = -EINVAL;
    if (s && s->irq == (uint32_t)a[0]) {
        if (mask) {
            s->masks++;
            source_mask(s->irq);
        } else if (s->masks > 0) {
            s->masks--;
            source_unmask(s->irq);
        }
        r = s->masks;
    }
    spin_unlock(&irq_lock);
    return r;
}

long kc_interrupt_mask(const uint64_t *a)
{
    return mask_call(a, true);
}

long kc_interrupt_unmask(const uint64_t *a)
{
    return mask_call(a, false);
}

// InterruptWait(flags, timeout): wait for a SIGEV_INTR interrupt of the caller's attachments;
// one that came while the thread was busy is not lost.
long kc_interrupt_wait(const uint64_t *a)
{
    if (a[0] != 0 || a[1] != 0)
        return -EINVAL; /* QNX reserves both; timeouts come from TimerTimeout */
    struct thread *t = current();
    spin_lock(&irq_lock);
    while (t->intr_pending == 0) {
        __atomic_store_n(&t->state, STATE_INTR, __ATOMIC_SEQ_CST);
        spin_unlock(&irq_lock);
        long r = thread_block();
        if (r < 0)
            return r;
        spin_lock(&irq_lock);
    }
    t->intr_pending--;
    spin_unlock(&irq_lock);
    return 0;
}

// A thread is ending: attachments it made go with it.
void irq_thread_gone(struct thread *t)
{
    spin_lock(&irq_lock);
    for (int i = 0; i < MAX_ATTACH; i++)
        if (attaches[i].id && attaches[i].thread == t)
            detach_locked(&attaches[i]);
    spin_unlock(&irq_lock);
}

// ProcMemMapPhys(pid, vaddr, len, prot, paddr): show device registers to a process with the
// I/O privilege. RAM is refused: this is for devices, not for reading other processes.
long kc_proc_mem_map_phys(const uint64_t *a)
{
    struct thread *t = current();
    if (!(t->proc->flags & _NTO_PF_IO))
        return -EPERM;
    uintptr_t va = a[1], len = a[2], pa = a[4];
    unsigned prot = (unsigned)a[3];
    if (len == 0 || (va | len | pa) % PAGE_SIZE || pa + len < pa || va + len < va ||
        va < USER_LOW || va + len > USER_TOP || (prot & ~(unsigned)(PROT_READ | PROT_WRITE)))
        return -EINVAL;
    if (pa + len > DIRECT_MAP_SIZE || memory_overlaps_ram(pa, len))
        return -EPERM;
    long err = 0;
    struct process *p = kc_target_process((int)a[0], &err);
    if (!p)
        return err;
    unsigned flags = VM_U | VM_SHARED | ((prot & PROT_READ) ? VM_R : 0) |
                     ((prot & PROT_WRITE) ? VM_W : 0);
    spin_lock(&p->as.lock);
    for (uintptr_t off = 0; off < len && !err; off += PAGE_SIZE)
        if (!p->as.root || arch_pt_lookup(p->as.root, va + off, NULL, NULL) == 0)
            err = -EEXIST;
    for (uintptr_t off = 0; off < len && !err; off += PAGE_SIZE)
        err = arch_pt_map(p->as.root, va + off, pa + off, flags);
    spin_unlock(&p->as.lock);
    process_put(p);
    return err;
}
