/*
 * The platform-level interrupt controller: priorities, per-hart enables and claim/complete for
 * the S-mode context of each hart (context 2 * hartid + 1 on QEMU virt).
 */
#include <kernel.h>
#include <thread.h>

#include "trap.h"

#define PLIC_PRIORITY(irq)  (4 * (irq))
#define PLIC_ENABLE(ctx)    (0x2000 + 0x80 * (ctx))
#define PLIC_THRESHOLD(ctx) (0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx)     (0x200004 + 0x1000 * (ctx))

static volatile uint8_t *plic;
static uint32_t plic_ndev;

static volatile uint32_t *reg(uintptr_t off)
{
    return (volatile uint32_t *)(plic + off);
}

static uint32_t context_of(uint32_t hartid)
{
    return 2 * hartid + 1;
}

void arch_irq_init(uint64_t base, uint32_t ndev)
{
    plic = pa_to_kva(base);
    plic_ndev = ndev;
    for (uint32_t irq = 1; irq <= ndev; irq++)
        *reg(PLIC_PRIORITY(irq)) = 0;
}

void arch_irq_enable_hart(struct cpu *c)
{
    if (!plic)
        return;
    *reg(PLIC_THRESHOLD(context_of(c->hartid))) = 0;
}

uint32_t arch_irq_count(void)
{
    return plic_ndev;
}

// Routes irq to hart c (or away from it) with priority 1; other harts' enables are untouched.
void arch_irq_route(uint32_t irq, struct cpu *c, bool on)
{
    if (!plic || irq == 0 || irq > plic_ndev)
        return;
    volatile uint32_t *en = reg(PLIC_ENABLE(context_of(c->hartid)) + 4 * (irq / 32));
    if (on) {
        *reg(PLIC_PRIORITY(irq)) = 1;
        *en |= 1u << (irq % 32);
    } else {
        *en &= ~(1u << (irq % 32));
    }
}

uint32_t plic_claim(void)
{
    return *reg(PLIC_CLAIM(context_of(this_cpu()->hartid)));
}

void plic_complete(uint32_t irq)
{
    *reg(PLIC_CLAIM(context_of(this_cpu()->hartid))) = irq;
}
