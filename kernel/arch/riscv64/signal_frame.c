/*
 * The RISC-V side of signal delivery: the frame a handler runs on, built on the thread's user
 * stack below the interrupted sp, and its undoing by SignalReturn. The frame keeps every
 * general register, the pc, the floating-point registers if the thread has used the FPU (the
 * handler may use them too), and the mask to restore. Nothing of sstatus comes from user
 * memory.
 */
#include <process.h>
#include <signal.h>
#include <thread.h>

#include "riscv.h"

int arch_signal_push(struct thread *t, uintptr_t stub, uintptr_t handler,
                     const struct _siginfo_k *info, uint64_t mask)
{
    struct trapframe *f = t->frame;
    struct _sigframe_k frame;
    struct _sigframe_k *k = &frame;
    uintptr_t sp = (f->regs[TF_SP] - sizeof(*k)) & ~15ul;
    if (!stub || sp >= f->regs[TF_SP] || !user_range_ok(sp, sizeof(*k)))
        return -EFAULT;
    *k = (struct _sigframe_k){0};
    k->info = *info;
    k->context.pc = f->sepc;
    for (int i = 1; i < 32; i++)
        k->context.regs[i] = f->regs[i];
    arch_fp_save_for_migration(t); /* the FPU's registers into t->fp, if it holds them */
    if (t->fp.valid) {
        for (int i = 0; i < 32; i++)
            k->context.fregs[i] = t->fp.f[i];
        k->context.fcsr = t->fp.fcsr;
        k->context.fp_used = 1;
    }
    k->context.mask = mask;
    if (copy_to_user((void *)sp, k, sizeof(*k)) < 0)
        return -EFAULT;
    f->sepc = stub;
    f->regs[TF_SP] = sp;
    f->regs[TF_A0] = (uint64_t)info->si_signo;
    f->regs[TF_A1] = sp + offsetof(struct _sigframe_k, info);
    f->regs[TF_A2] = sp + offsetof(struct _sigframe_k, context);
    f->regs[TF_A0 + 3] = handler;
    f->dirty = 1;
    return 0;
}

int arch_signal_pop(struct thread *t, uintptr_t context, uint64_t *mask)
{
    struct _sigcontext_k k;
    if ((context & 7) || copy_from_user(&k, (const void *)context, sizeof(k)) < 0)
        return -EFAULT;
    struct trapframe *f = t->frame;
    f->sepc = k.pc;
    for (int i = 1; i < 32; i++)
        f->regs[i] = k.regs[i];
    f->dirty = 1;
    arch_fp_save_for_migration(t); /* drop what the handler left in the FPU */
    if (k.fp_used) {
        for (int i = 0; i < 32; i++)
            t->fp.f[i] = k.fregs[i];
        t->fp.fcsr = k.fcsr;
        t->fp.valid = 1;
    }
    *mask = k.mask;
    return 0;
}
