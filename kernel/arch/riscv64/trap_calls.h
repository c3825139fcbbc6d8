/*
 * The kernel-call numbers the trap vector (trap.S) dispatches itself, to the message fast
 * paths; trap.c checks them against <abi/kercall.h>, which assembly cannot include.
 */
#ifndef SKIMMER_RISCV_TRAP_CALLS_H
#define SKIMMER_RISCV_TRAP_CALLS_H

#define TRAP_KC_MSG_SENDV    24
#define TRAP_KC_MSG_RECEIVEV 26
#define TRAP_KC_MSG_REPLYV   28

#endif
