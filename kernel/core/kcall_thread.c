/*
 * ThreadCreate, ThreadDestroy, ThreadJoin and ThreadCtl: the thread calls of the QNX set.
 */
#include <kercall.h>
#include <process.h>

#include <abi/tls.h>

static int policy_ok(int policy)
{
    return policy == SCHED_FIFO || policy == SCHED_RR || policy == SCHED_OTHER;
}

// Resolves the pid argument of a call: 0 or the caller's own pid is the caller's process;
// another process needs the taskman privilege. Returns a referenced process or NULL + *err.
struct process *kc_target_process(int pid, long *err)
{
    struct process *self = current()->proc;
    if (pid == 0 || pid == self->pid) {
        spin_lock(&self->lock);
        self->refs++;
        spin_unlock(&self->lock);
        return self;
    }
    if (!(self->flags & _NTO_PF_TASKMAN)) {
        *err = -EPERM;
        return NULL;
    }
    struct process *p = process_get(pid);
    if (!p)
        *err = -ESRCH;
    return p;
}

// Creates and starts a thread in p running func(arg) with the given attributes (already copied
// into the kernel). The creator's scheduling is inherited unless the attributes say not.
int thread_spawn(struct process *p, uintptr_t func, uintptr_t arg, const struct _thread_attr *attr,
                 struct thread **out)
{
    struct thread *t;
    int tid = thread_prepare(p, func, arg, attr, &t);
    if (tid < 0)
        return tid;
    if (out)
        *out = t;
    thread_start(t);
    return tid;
}

// Makes a prepared thread runnable on the least loaded hart.
void thread_start(struct thread *t)
{
    t->cpu = sched_pick_cpu(0);
    __atomic_store_n(&t->state, STATE_READY, __ATOMIC_SEQ_CST);
    sched_make_ready(t);
}

// Builds a thread in p that is ready to run but not yet started (see thread_spawn).
int thread_prepare(struct process *p, uintptr_t func, uintptr_t arg,
                   const struct _thread_attr *attr, struct thread **out)
{
    struct thread *creator = current();
    int policy = creator->proc ? creator->policy : SCHED_RR;
    int prio = creator->proc ? creator->base_prio : PRIORITY_DEFAULT;
    if (attr->__flags & PTHREAD_EXPLICIT_SCHED) {
        policy = attr->__policy;
        prio = attr->__param.sched_priority;
    }
    if (!policy_ok(policy) || prio < PRIORITY_MIN || prio > PRIORITY_MAX)
        return -EINVAL;
    if (func >= USER_TOP)
        return -EINVAL;
    uintptr_t sp = 0;
    size_t stacksize = attr->__stacksize ? attr->__stacksize : STACK_DEFAULT_SIZE;
    if (attr->__stackaddr) {
        uintptr_t base = (uintptr_t)attr->__stackaddr;
        if (!user_range_ok(base, stacksize) || stacksize < 256)
            return -EINVAL;
        sp = ALIGN_DOWN(base + stacksize, 16);
    } else if (stacksize > STACK_MAX_SIZE) {
        return -EINVAL;
    }

    spin_lock(&p->lock);
    if (p->exiting || p->zombie) {
        spin_unlock(&p->lock);
        return -ESRCH;
    }
    struct thread *t = thread_alloc(p);
    if (!t) {
        spin_unlock(&p->lock);
        return -EAGAIN;
    }
    p->nlive++;
    spin_unlock(&p->lock);

    if (!attr->__stackaddr) {
        size_t size = ALIGN_UP(stacksize, PAGE_SIZE);
        uintptr_t top = STACK_REGION + (uintptr_t)t->tid * STACK_SLOT_SIZE;
        int err = vm_map_anon(&p->as, top - size, size, VM_R | VM_W);
        if (err) {
            spin_lock(&p->lock);
            p->nlive--;
            spin_unlock(&p->lock);
            thread_free(t);
            return err == -EEXIST ? -EAGAIN : err;
        }
        t->ustack_base = top - size;
        t->ustack_size = size;
        sp = top;
    }
    uintptr_t tls = ALIGN_DOWN(sp - sizeof(struct _thread_local_storage), 16);
    struct _thread_local_storage block = {0};
    block.__exitfunc = attr->__exitfunc;
    block.__arg = (void *)arg;
    block.__errptr = &((struct _thread_local_storage *)tls)->__errval;
    block.__pid = p->pid;
    block.__tid = t->tid;
    block.__owner = thread_owner_id(t);
    block.__stackaddr = (void *)(attr->__stackaddr ? (uintptr_t)attr->__stackaddr : t->ustack_base);
    int err = vm_copy_out(p, tls, &block, sizeof(block));
    if (err) {
        spin_lock(&p->lock);
        p->nlive--;
        spin_unlock(&p->lock);
        if (t->ustack_base)
            vm_unmap(&p->as, t->ustack_base, t->ustack_size);
        thread_free(t);
        return err;
    }
    sp = tls;
    arch_frame_init_user(t->frame, func, sp, (uintptr_t)attr->__exitfunc);
    arch_frame_set_tls(t->frame, tls);
    arch_frame_set_arg(t->frame, 0, arg);
    if (creator->proc == p)
        arch_frame_inherit(t->frame, creator->frame);
    arch_context_init(t, thread_first_run, (uintptr_t)t->frame);
    t->policy = policy;
    t->prio = t->base_prio = (uint8_t)prio;
    t->detached = (attr->__flags & PTHREAD_CREATE_DETACHED) != 0;
    t->runmask = 0;
    *out = t;
    return t->tid;
}

long kc_thread_create(const uint64_t *a)
{
    struct _thread_attr attr = {0};
    if (a[3] && copy_from_user(&attr, (const void *)a[3], sizeof(attr)) < 0)
        return -EFAULT;
    long err = 0;
    struct process *p = kc_target_process((int)a[0], &err);
    if (!p)
        return err;
    long r = thread_spawn(p, a[1], a[2], &attr, NULL);
    process_put(p);
    return r;
}

long kc_thread_destroy(const uint64_t *a)
{
    int tid = (int)a[0];
    void *status = (void *)a[2];
    struct thread *self = current();
    struct process *p = self->proc;
    if (tid == 0 || tid == self->tid)
        thread_exit(status);
    if (tid == -1) {
        process_terminate(p, (int)(intptr_t)status);
        return 0;
    }
    if (tid < 1 || tid > MAX_THREADS)
        return -EINVAL;
    spin_lock(&p->lock);
    struct thread *t = p->threads[tid - 1];
    if (!t || t->state == STATE_DEAD) {
        spin_unlock(&p->lock);
        return -ESRCH;
    }
    thread_kill(t, status);
    spin_unlock(&p->lock);
    return 0;
}

long kc_thread_join(const uint64_t *a)
{
    int tid = (int)a[0];
    void **ustatus = (void **)a[1];
    struct thread *self = current();
    struct process *p = self->proc;
    if (tid < 1 || tid > MAX_THREADS)
        return -ESRCH;
    if (ustatus && ((uintptr_t)ustatus % sizeof(void *)))
        return -EFAULT;
    void *probe = NULL;
    if (ustatus && copy_from_user(&probe, ustatus, sizeof(probe)) < 0)
        return -EFAULT;
    spin_lock(&p->lock);
    struct thread *t = p->threads[tid - 1];
    if (!t) {
        spin_unlock(&p->lock);
        return -ESRCH;
    }
    if (t == self) {
        spin_unlock(&p->lock);
        return -EDEADLK;
    }
    if (t->detached) {
        spin_unlock(&p->lock);
        return -EINVAL;
    }
    if (t->joiner && t->joiner != self) {
        spin_unlock(&p->lock);
        return -EBUSY;
    }
    while (t->state != STATE_DEAD || t->kstack) {
        t->joiner = self;
        __atomic_store_n(&self->state, STATE_JOIN, __ATOMIC_SEQ_CST);
        spin_unlock(&p->lock);
        long err = thread_block();
        spin_lock(&p->lock);
        if (err < 0 && (t->state != STATE_DEAD || t->kstack)) {
            t->joiner = NULL;
            spin_unlock(&p->lock);
            return err;
        }
    }
    void *status = t->exit_status;
    p->threads[tid - 1] = NULL;
    spin_unlock(&p->lock);
    thread_free(t);
    if (ustatus && copy_to_user(ustatus, &status, sizeof(status)) < 0)
        return -EFAULT;
    return 0;
}

// ThreadDetach(tid): the thread will not be joined; its resources go as soon as it ends.
long kc_thread_detach(const uint64_t *a)
{
    int tid = (int)a[0];
    struct process *p = current()->proc;
    if (tid < 1 || tid > MAX_THREADS)
        return -ESRCH;
    spin_lock(&p->lock);
    struct thread *t = p->threads[tid - 1];
    if (!t || t->detached || t->joiner) {
        spin_unlock(&p->lock);
        return t ? -EINVAL : -ESRCH;
    }
    t->detached = true;
    bool gone = t->state == STATE_DEAD && !t->kstack; /* already ended and reaped */
    spin_unlock(&p->lock);
    if (gone)
        thread_free(t);
    return 0;
}

// ThreadCtl(_NTO_TCTL_RUNMASK, mask): confine the caller to the harts in mask, moving it now
// if it runs elsewhere.
long kc_thread_ctl(const uint64_t *a)
{
    int cmd = (int)a[0];
    if (cmd != _NTO_TCTL_RUNMASK)
        return -EINVAL;
    uint64_t mask = a[1];
    uint64_t all = ncpus >= 64 ? ~0ull : (1ull << ncpus) - 1;
    if (mask & ~all)
        return -EINVAL;
    struct thread *self = current();
    struct cpu *c = this_cpu();
    self->runmask = mask;
    if (mask == 0 || (mask & (1ull << c->index)))
        return 0;
    struct cpu *target = sched_pick_cpu(mask);
    if (!target->online || !(mask & (1ull << target->index)))
        return -EINVAL;
    arch_fp_save_for_migration(self);
    timeout_cancel(self);
    self->cpu = target;
    self->state = STATE_READY;
    c->migrate = self;
    sched();
    return 0;
}
