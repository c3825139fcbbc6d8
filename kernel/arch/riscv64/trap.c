/*
 * Trap dispatch: kernel calls, interrupts and faults from user mode, and the exceptions the
 * kernel itself may take (only page faults inside arch_copy_user are expected; anything else
 * is a kernel bug and panics with the registers and a backtrace).
 */
#include <kercall.h>
#include <kernel.h>
#include <process.h>
#include <thread.h>

#include "riscv.h"
#include "trap.h"
#include "trap_calls.h"

_Static_assert(TRAP_KC_MSG_SENDV == KER_MSG_SENDV, "trap.S: MsgSendv's number");
_Static_assert(TRAP_KC_MSG_RECEIVEV == KER_MSG_RECEIVEV, "trap.S: MsgReceivev's number");
_Static_assert(TRAP_KC_MSG_REPLYV == KER_MSG_REPLYV, "trap.S: MsgReplyv's number");
_Static_assert(TRAP_KC_MSG_REPLYV - TRAP_KC_MSG_SENDV == 4, "trap.S tests one range");

extern char arch_copy_user_fault[], arch_copy_user_end[];

void user_trap(struct trapframe *f);
void kernel_trap(struct trapframe *f);

void handle_interrupt(unsigned code)
{
    struct cpu *c = this_cpu();
    switch (code) {
    case IRQ_S_TIMER:
        c->timer_armed = UINT64_MAX;
        arch_timer_arm(UINT64_MAX);
        timeout_expire(c);
        ktimer_expire(c);
        sched_tick(c);
        timer_reprogram(c);
        break;
    case IRQ_S_SOFT:
        csr_clear(sip, SIP_SSIP);
        sfence_vma_all(); /* an IPI may follow an unmap on another hart */
        sched_drain_inbox(c);
        break;
    case IRQ_S_EXT:
        for (uint32_t irq; (irq = plic_claim()) != 0;) {
            irq_dispatch(irq);
            plic_complete(irq);
        }
        break;
    default:
        kprintf("skimmer: hart %u: unexpected interrupt %u\n", c->hartid, code);
    }
}

static const char *fault_name(uint64_t cause)
{
    switch (cause) {
    case EXC_INST_MISALIGNED:
        return "misaligned instruction fetch";
    case EXC_INST_ACCESS:
        return "instruction access fault";
    case EXC_ILLEGAL_INST:
        return "illegal instruction";
    case EXC_BREAKPOINT:
        return "breakpoint";
    case EXC_LOAD_MISALIGNED:
        return "misaligned load";
    case EXC_LOAD_ACCESS:
        return "load access fault";
    case EXC_STORE_MISALIGNED:
        return "misaligned store";
    case EXC_STORE_ACCESS:
        return "store access fault";
    case EXC_INST_PAGE_FAULT:
        return "instruction page fault";
    case EXC_LOAD_PAGE_FAULT:
        return "load page fault";
    case EXC_STORE_PAGE_FAULT:
        return "store page fault";
    default:
        return "exception";
    }
}

// Called from trap_vector with the user state saved in *f, for every trap but a kernel call
// (kercall_entry).
void user_trap(struct trapframe *f)
{
    uint64_t cause = f->scause;
    sched_settle(this_cpu()); /* interrupts and faults see every ready thread queued */
    if (cause & SCAUSE_INTERRUPT) {
        handle_interrupt((unsigned)(cause & 0xff));
    } else if (cause == EXC_ILLEGAL_INST && fpu_claim(f)) {
        /* the FPU is now the thread's: retry the instruction */
    } else {
        struct thread *t = current();
        kprintf("skimmer: process %d (%s) thread %d: %s at address 0x%lx, pc 0x%lx; process "
                "terminated\n",
                t->proc->pid, t->proc->name, t->tid, fault_name(cause), f->stval, f->sepc);
        process_terminate(t->proc, PROCESS_STATUS_FAULT);
    }
    struct cpu *c = this_cpu();
    if (c->need_resched || c->cur->killed || c->cur->sig_attention)
        kernel_exit_hook();
}

// Called from trap_vector for an exception taken in the kernel.
void kernel_trap(struct trapframe *f)
{
    uint64_t cause = f->scause;
    bool fault = cause == EXC_LOAD_PAGE_FAULT || cause == EXC_STORE_PAGE_FAULT ||
                 cause == EXC_LOAD_ACCESS || cause == EXC_STORE_ACCESS ||
                 cause == EXC_LOAD_MISALIGNED || cause == EXC_STORE_MISALIGNED;
    if (fault && f->sepc >= (uintptr_t)&arch_copy_user && f->sepc < (uintptr_t)arch_copy_user_end) {
        f->sepc = (uintptr_t)arch_copy_user_fault;
        return;
    }
    if (cause & SCAUSE_INTERRUPT)
        panic_frame(f, "interrupt %lu taken with interrupts disabled", cause & 0xff);
    panic_frame(f, "kernel %s at address 0x%lx", fault_name(cause), f->stval);
}

void arch_frame_init_user(struct trapframe *f, uintptr_t pc, uintptr_t sp, uintptr_t ra)
{
    memset(f, 0, sizeof(*f));
    f->sepc = pc;
    f->regs[TF_SP] = sp;
    f->regs[TF_RA] = ra;
    f->sstatus = 0; /* FPU off until the thread's first FP instruction (fpu.c) */
}

// A thread created within its own process shares the process's global pointer.
void arch_frame_inherit(struct trapframe *child, const struct trapframe *parent)
{
    child->regs[3] = parent->regs[3];
}

void arch_frame_set_tls(struct trapframe *f, uintptr_t tls)
{
    f->regs[TF_TP] = tls;
}

void arch_dump_frame(const struct trapframe *f)
{
    static const char *const names[32] = {"tp*", "ra", "sp",  "gp",  "tp", "t0", "t1", "t2",
                                          "s0",  "s1", "a0",  "a1",  "a2", "a3", "a4", "a5",
                                          "a6",  "a7", "s2",  "s3",  "s4", "s5", "s6", "s7",
                                          "s8",  "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
    kprintf("  sepc %016lx  sstatus %016lx  stval %016lx  scause %016lx\n", f->sepc, f->sstatus,
            f->stval, f->scause);
    for (int i = 1; i < 32; i += 4) {
        for (int j = i; j < i + 4 && j < 32; j++)
            kprintf("  %-3s %016lx", names[j], f->regs[j]);
        kprintf("\n");
    }
}

void arch_backtrace(uintptr_t fp)
{
    kprintf("  backtrace:\n");
    for (int depth = 0; depth < 24; depth++) {
        if (fp < PHYS_OFFSET || (fp & 7) || fp < 16)
            break;
        uintptr_t ra = ((uintptr_t *)fp)[-1];
        uintptr_t prev = ((uintptr_t *)fp)[-2];
        if (ra < PHYS_OFFSET)
            break;
        kprintf("    #%d %lx\n", depth, ra);
        if (prev <= fp)
            break;
        fp = prev;
    }
}
