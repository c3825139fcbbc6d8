/*
 * Process entry on seL4: taskman-L starts the main thread here with a0 pointing at the
 * start-up block (include/abi/auxv.h), sp just below it and tp at the thread's TLS block.
 * Set up the global pointer and hand the block to __libc_start with a clean frame pointer and
 * a 16-byte aligned stack.
 */
    .section .text._start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    lla     gp, __global_pointer$
    .option pop
    mv      fp, zero
    mv      ra, zero
    andi    sp, sp, -16
    call    __libc_start
1:  j       1b
