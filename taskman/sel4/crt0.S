/*
 * Entry of taskman-L: seL4 starts the root task here in U-mode with a0 = its BootInfo. Sets the
 * global pointer, a stack and the main thread's TLS block (TLS_AREA_SIZE, TLS_AREA_ALIGN in
 * taskman_l.h), then runs taskman_start().
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
    la a0, main_tls
    call tls_init
    mv tp, a0
    mv a0, s0
    call taskman_start
1:  j 1b

    .bss
    .balign 16
main_stack:
    .space 32768
main_stack_top:
    .balign 64
main_tls:
    .space 256
