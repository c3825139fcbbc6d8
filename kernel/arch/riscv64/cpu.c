/*
 * Per-hart machine set-up and the hart-level services the scheduler uses: the current-CPU
 * register, the time counter and one-shot timer (through SBI), inter-hart interrupts, starting
 * secondary harts with SBI HSM, and waiting for an interrupt in wfi.
 */
#include <kernel.h>
#include <thread.h>

#include "riscv.h"
#include "sbi.h"
#include "trap.h"

extern char trap_vector[];
extern char secondary_entry[];

void arch_set_this_cpu(struct cpu *c)
{
    __asm__ volatile("mv tp, %0" ::"r"(c));
}

void arch_timer_arm(uint64_t deadline)
{
    sbi_call(SBI_EXT_TIME, 0, (long)deadline, 0, 0);
}

void arch_send_ipi(uint32_t hartid)
{
    sbi_call(SBI_EXT_IPI, 0, 1, hartid, 0);
}

int arch_start_hart(uint32_t hartid, struct cpu *c)
{
    uintptr_t entry = kva_to_pa(secondary_entry);
    struct sbiret r = sbi_call(SBI_EXT_HSM, 0, hartid, (long)entry, (long)(uintptr_t)c);
    return r.error ? -EIO : 0;
}

// Sleep in wfi until an interrupt is pending, then handle it here: the kernel runs with
// interrupts disabled, so pending interrupts are polled rather than taken as traps.
void arch_wait_for_interrupt(void)
{
    __asm__ volatile("wfi");
    uint64_t sip = csr_read(sip);
    if (sip & SIP_SSIP)
        handle_interrupt(IRQ_S_SOFT);
    if (sip & SIP_STIP)
        handle_interrupt(IRQ_S_TIMER);
    if (sip & SIP_SEIP)
        handle_interrupt(IRQ_S_EXT);
}

void arch_cpu_init(struct cpu *c)
{
    arch_set_this_cpu(c);
    csr_write(stvec, (uintptr_t)trap_vector);
    csr_write(sscratch, 0);
    csr_clear(sstatus, SSTATUS_SIE | SSTATUS_SUM);
    csr_write(sie, SIE_SSIE | SIE_STIE | SIE_SEIE);
    csr_write(scounteren, 7); /* user code may read cycle, time and instret (benchmarks) */
    arch_timer_arm(UINT64_MAX);
}

void arch_power_off(int code)
{
    if (code != 0 && platform.test_base) {
        /* QEMU stops at its next event-loop turn: wait for it here, since an SBI shutdown now
           would reach the same device first and report success instead. */
        volatile uint32_t *test = pa_to_kva(platform.test_base);
        *test = ((uint32_t)code << 16) | 0x3333;
        for (;;)
            __asm__ volatile("wfi");
    }
    sbi_call(SBI_EXT_SRST, 0, 0, code ? 1 : 0, 0);
    for (;;)
        __asm__ volatile("wfi");
}

void arch_reset(void)
{
    sbi_call(SBI_EXT_SRST, 1, 0, 0, 0);
    for (;;)
        __asm__ volatile("wfi");
}

void arch_context_init(struct thread *t, void (*entry)(void), uintptr_t stack_top)
{
    arch_context_set(&t->ctx, entry, stack_top);
}
