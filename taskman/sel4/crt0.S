/*
 * Entry of taskman-L: seL4 starts the root task here in U-mode with a0 = its BootInfo. Sets the
 * global pointer, a stack and the main thread's TLS block (tls.c: in the IPC-buffer page),
 * then runs taskman_start().
 */
    .section .text._start, "ax"
    .global _start
_start:
.option push
.option norelax
    la gp, __global_pointer$
.option pop
    la sp, main_stack_top
    mv s0, a0
    call tls_main
    mv tp, a0
    mv a0, s0
    call taskman_start
1:  j 1b

    .bss
    .balign 16
main_stack:
    .space 32768
main_stack_top:
