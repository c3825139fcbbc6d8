/*
 * Process entry on Skimmer: sp points at the start-up block (include/abi/auxv.h). Set up the
 * global pointer the linker relaxes accesses against, and hand the block to __libc_start
 * with a clean frame pointer and a 16-byte aligned stack.
 */
    .section .text._start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    lla     gp, __global_pointer$
    .option pop
    mv      a0, sp
    mv      fp, zero
    mv      ra, zero
    andi    sp, sp, -16
    call    __libc_start
1:  j       1b
