/*
 * The machine-dependent types and constants that arch-neutral kernel code may use without
 * knowing the CPU: the saved user state, the saved kernel context, and the memory layout.
 */
#ifndef SKIMMER_ARCH_DEFS_H
#define SKIMMER_ARCH_DEFS_H

#include <stdint.h>

#define PAGE_SIZE       4096ul
#define PAGE_SHIFT      12
#define PHYS_OFFSET     0xffffffc000000000ul /* start of the direct map of physical memory */
#define DIRECT_MAP_SIZE (16ul << 30)         /* physical addresses below 16 GiB are mapped */
#define USER_TOP        0x4000000000ul       /* user addresses are [0, USER_TOP) */

/* User state saved on kernel entry: x1..x31 at index 1..31, slot 0 keeps the kernel's tp. A
   kernel call saves neither the registers its ABI lets it clobber (t0-t6, a6) nor scause and
   stval (trap.S). */
struct trapframe {
    uint64_t regs[32];
    uint64_t sepc;
    uint64_t sstatus;
    uint64_t stval;
    uint64_t scause;
    uint64_t dirty; /* set when the kernel changed the frame: return through all of it */
    uint64_t pad;   /* the kernel stack below stays 16-byte aligned */
};

/* Callee-saved kernel registers of a thread that is switched out. */
struct arch_context {
    uint64_t ra, sp;
    uint64_t s[12];
};

/* Floating-point state of a user thread, saved only when the thread has used the FPU. */
struct arch_fpstate {
    uint64_t f[32];
    uint64_t fcsr;
    int valid;
};

struct cpu;

/* Makes ctx start entry on the (empty) kernel stack below stack_top when resumed. */
static inline void arch_context_set(struct arch_context *ctx, void (*entry)(void),
                                    uintptr_t stack_top)
{
    ctx->ra = (uintptr_t)entry;
    ctx->sp = stack_top;
    ctx->s[0] = 0; /* no caller frame, for backtraces; the other registers are not read */
}

/* Whether ctx is a fresh start of entry (arch_context_set), which arch_resume_fresh continues
   without loading the callee-saved registers it does not hold. */
static inline int arch_context_is_fresh(const struct arch_context *ctx, void (*entry)(void))
{
    return ctx->ra == (uintptr_t)entry;
}

void arch_resume_fresh(const struct arch_context *to) __attribute__((noreturn));

/* Makes root the user address space of this hart, with a TLB flush only when it changes. */
static inline void arch_pt_activate(uintptr_t root)
{
    uint64_t satp = (8ull << 60) | (root >> PAGE_SHIFT); /* Sv39 */
    uint64_t old;
    __asm__ volatile("csrr %0, satp" : "=r"(old));
    if (old == satp)
        return;
    __asm__ volatile("csrw satp, %0\n\tsfence.vma" ::"r"(satp) : "memory");
}

/* A thread is switched in: unless the FPU holds its registers (owner), its FPU is off, so that
   its first FP instruction traps to fetch them (fpu.c). */
static inline void arch_fp_switch_in(struct trapframe *f, int owner)
{
    const uint64_t fs = 3ull << 13;
    if (!owner && (f->sstatus & fs))
        f->sstatus &= ~fs;
    f->dirty = 1; /* the hart's FPU state is another thread's: restore sstatus from f */
}

/* The free-running counter, inline: the round-robin slice of a message hand-over reads it. */
static inline uint64_t arch_time_now(void)
{
    uint64_t t;
    __asm__ volatile("rdtime %0" : "=r"(t));
    return t;
}

/* The current hart's struct cpu: kept in tp while the kernel runs. */
static inline struct cpu *arch_this_cpu(void)
{
    struct cpu *c;
    __asm__("mv %0, tp" : "=r"(c));
    return c;
}

#define TF_RA 1
#define TF_SP 2
#define TF_TP 4
#define TF_A0 10
#define TF_A1 11
#define TF_A2 12
#define TF_A7 17

/* Sets argument register n (a0 + n) of a user frame; inline, as every message wake-up does it. */
static inline void arch_frame_set_arg(struct trapframe *f, int n, uint64_t v)
{
    f->regs[TF_A0 + n] = v;
}

static inline uint64_t arch_frame_arg(const struct trapframe *f, int n)
{
    return f->regs[TF_A0 + n];
}

/* A kernel call's number, its arguments (a0-a5, in order) and its result (a0). */
static inline uint64_t arch_frame_call_num(const struct trapframe *f)
{
    return f->regs[TF_A7];
}

static inline const uint64_t *arch_frame_call_args(const struct trapframe *f)
{
    return &f->regs[TF_A0];
}

#endif
