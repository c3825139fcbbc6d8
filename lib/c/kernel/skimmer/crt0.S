/*
 * Process entry on Skimmer: a0 points at the start-up block (include/abi/auxv.h). Set up the
 * global pointer the linker relaxes accesses against, and hand the block to __libc_start
 * with a clean frame pointer and a 16-byte aligned stack. The time and this hart's
 * instruction count at the first instruction are kept for start-up measurements.
 */
    .section .text._start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    lla     gp, __global_pointer$
    .option pop
    rdtime  t0
    rdinstret t1
    sd      t0, __start_time, t2
    sd      t1, __start_instret, t2
    mv      fp, zero
    mv      ra, zero
    andi    sp, sp, -16
    call    __libc_start
1:  j       1b

    .section .bss
    .balign 8
    .globl __start_time, __start_instret
__start_time:
    .zero 8
__start_instret:
    .zero 8
