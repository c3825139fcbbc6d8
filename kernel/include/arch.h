/*
 * What arch-neutral kernel code asks of the machine. kernel/arch/<arch>/ implements it; nothing
 * outside that folder names a CPU, an MMU format, the firmware or the interrupt controller.
 */
#ifndef SKIMMER_ARCH_H
#define SKIMMER_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <arch_defs.h>

struct cpu;
struct thread;

/* Per-hart identity: the current CPU lives in a register the kernel reserves for it. */
void arch_set_this_cpu(struct cpu *c);

/* Time: a free-running counter (arch_time_now, arch_defs.h) and a one-shot timer per hart, both
   in counter ticks. */
void arch_timer_arm(uint64_t deadline);

/* Inter-hart signalling and hart start-up. */
void arch_send_ipi(uint32_t hartid);
int arch_start_hart(uint32_t hartid, struct cpu *c);
void arch_wait_for_interrupt(void);
void arch_cpu_init(struct cpu *c);

/* Kernel-context switch: saves the caller's callee-saved state in *from and resumes *to. */
void arch_switch(struct arch_context *from, struct arch_context *to);
/* Continues *to without saving the caller's state: the caller's stack is dropped. */
void arch_resume(const struct arch_context *to) __attribute__((noreturn));
void arch_context_init(struct thread *t, void (*entry)(void), uintptr_t stack_top);
void arch_return_to_user(struct trapframe *f) __attribute__((noreturn));
/* The same for a thread that blocked in a kernel call and has nothing left to do in the
   kernel: it restores only what the call keeps and zeroes what it clobbers. */
void arch_return_from_call(struct trapframe *f) __attribute__((noreturn));

/* User register state of a new or running thread. */
void arch_frame_init_user(struct trapframe *f, uintptr_t pc, uintptr_t sp, uintptr_t ra);
void arch_frame_set_tls(struct trapframe *f, uintptr_t tls);
void arch_frame_inherit(struct trapframe *child, const struct trapframe *parent);
void arch_fp_forget(struct thread *t);
void arch_fp_save_for_migration(struct thread *t);

/* Page tables. A root is a physical address; flags are VM_* below. */
#define VM_R      1u
#define VM_W      2u
#define VM_X      4u
#define VM_U      8u
#define VM_SHARED 16u /* not owned: not freed with the address space */
int arch_pt_create(uintptr_t *root);
void arch_pt_destroy(uintptr_t root);
int arch_pt_map(uintptr_t root, uintptr_t va, uintptr_t pa, unsigned flags);
int arch_pt_lookup(uintptr_t root, uintptr_t va, uintptr_t *pa, unsigned *flags);
int arch_pt_unmap(uintptr_t root, uintptr_t va, uintptr_t *pa);
void *arch_user_kva(uintptr_t root, uintptr_t va, bool write);
void arch_tlb_flush_all(void);

/* Copy between kernel and user memory; 0 or -EFAULT when the user range faults. */
long arch_copy_user(void *dst, const void *src, size_t n);

/* Machine control. */
void arch_power_off(int code) __attribute__((noreturn));
void arch_reset(void) __attribute__((noreturn));
void arch_backtrace(uintptr_t fp);
void arch_dump_frame(const struct trapframe *f);

/* Interrupt controller. */
void arch_irq_init(uint64_t base, uint32_t ndev);
void arch_irq_enable_hart(struct cpu *c);
void arch_irq_route(uint32_t irq, struct cpu *c, bool on);
uint32_t arch_irq_count(void);
void arch_mmu_init(void);
void arch_mmu_init_secondary(void);
uintptr_t arch_kernel_root(void);

#endif
