/*
 * Entry points of the QSOE/L loader: _start for the hart OpenSBI boots (a0 = hart id, a1 = DTB,
 * MMU off), secondary_entry for harts it starts through SBI HSM (a1 = seL4 core id), and
 * enter_kernel, the common jump into seL4 with its register contract.
 */
#include "loader.h"

    .section .text.entry, "ax"
    .global _start
_start:
    csrw sie, zero
.option push
.option norelax
    la gp, __global_pointer$
.option pop
    /* Firmware may send more than one hart here. The first one in loads; any other waits,
       touching neither stack nor bss, until the first tells it its seL4 core id through
       hart_release[its hart id] (core + 1) instead of starting it through SBI HSM. */
    la t0, boot_claimed
    li t1, 1
    amoswap.w.aqrl t1, t1, (t0)
    beqz t1, 0f
    li t1, MAX_HART_PROBE
    bgeu a0, t1, 4f
    la t0, hart_release
    slli t1, a0, 3
    add t0, t0, t1
5:  ld t1, 0(t0)
    bnez t1, 6f
    nop
    j 5b
6:  fence rw, rw
    addi a1, t1, -1
    j secondary_entry
4:  wfi
    j 4b
0:  la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:  la sp, loader_stack_top
    call loader_main
3:  wfi
    j 3b

/* Started by the boot hart after everything is in place: no stack needed. */
    .text
    .global secondary_entry
secondary_entry:
    csrw sie, zero
    mv a2, a1
    mv a1, a0
    la a0, handoff
    j enter_kernel

/*
 * enter_kernel(handoff, hart id, core id): switches to the boot page table (this code is
 * identity mapped, so the next fetch still works) and jumps to seL4 with a0-a5 from the
 * handoff, a6 = hart id and a7 = core id.
 */
    .global enter_kernel
enter_kernel:
    ld t0, HANDOFF_SATP(a0)
    sfence.vma
    csrw satp, t0
    sfence.vma
    fence.i
    mv a6, a1
    mv a7, a2
    ld t1, HANDOFF_ENTRY(a0)
    ld a1, HANDOFF_ARG + 8(a0)
    ld a2, HANDOFF_ARG + 16(a0)
    ld a3, HANDOFF_ARG + 24(a0)
    ld a4, HANDOFF_ARG + 32(a0)
    ld a5, HANDOFF_ARG + 40(a0)
    ld a0, HANDOFF_ARG(a0)
    jr t1

    .data
    .balign 8
boot_claimed:
    .word 0
    .word 0
    .global hart_release
hart_release:
    .space MAX_HART_PROBE * 8

    .bss
    .balign 16
loader_stack:
    .space 16384
loader_stack_top:
