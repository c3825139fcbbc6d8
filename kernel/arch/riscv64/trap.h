/* Interrupt and trap handling shared by the trap entry and the idle loop. */
#ifndef SKIMMER_RISCV_TRAP_H
#define SKIMMER_RISCV_TRAP_H

void handle_interrupt(unsigned code);
uint32_t plic_claim(void);
void plic_complete(uint32_t irq);
bool fpu_claim(struct trapframe *f);

#endif
