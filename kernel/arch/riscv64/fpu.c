/*
 * Lazy floating-point switching. The FPU keeps the registers of the last thread that used it
 * (the hart's fp_owner); every other user thread runs with the FPU off, and its first FP
 * instruction traps here to swap the registers. Threads that never touch the FPU, such as
 * most servers on the message-passing path, never pay for it.
 */
#include <process.h>
#include <thread.h>

#include "riscv.h"

#define FS_OFF   (0ul << 13)
#define FS_CLEAN (2ul << 13)
#define FS_DIRTY (3ul << 13)

void fpu_save(struct arch_fpstate *s);
void fpu_load(const struct arch_fpstate *s);

static void set_fs(struct trapframe *f, uint64_t fs)
{
    f->sstatus = (f->sstatus & ~SSTATUS_FS) | fs;
    f->dirty = 1;
}

// An illegal-instruction trap with the FPU off: give the FPU to the current thread. Returns
// false if the FPU was on already, so the instruction is really illegal.
bool fpu_claim(struct trapframe *f)
{
    if ((f->sstatus & SSTATUS_FS) != FS_OFF)
        return false;
    struct cpu *c = this_cpu();
    struct thread *t = current();
    csr_set(sstatus, FS_CLEAN);
    struct thread *owner = c->fp_owner;
    if (owner && owner != t) {
        fpu_save(&owner->fp);
        owner->fp.valid = 1;
    }
    if (t->fp.valid) {
        fpu_load(&t->fp);
    } else {
        static const struct arch_fpstate zero;
        fpu_load(&zero);
    }
    c->fp_owner = t;
    set_fs(f, FS_CLEAN);
    return true;
}

// Before t leaves this hart, its registers must leave the FPU with it.
void arch_fp_save_for_migration(struct thread *t)
{
    struct cpu *c = this_cpu();
    if (c->fp_owner != t)
        return;
    csr_set(sstatus, FS_CLEAN);
    fpu_save(&t->fp);
    t->fp.valid = 1;
    c->fp_owner = NULL;
    set_fs(t->frame, FS_OFF);
}

void arch_fp_forget(struct thread *t)
{
    for (int i = 0; i < ncpus; i++) {
        struct thread *expected = t;
        __atomic_compare_exchange_n(&cpus[i].fp_owner, &expected, NULL, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE);
    }
}
