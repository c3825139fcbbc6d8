/*
 * The files the loader places: seL4's kernel.elf, the root task (taskman-L) and the boot cpio,
 * embedded at build time. The Makefile names them with SEL4_KERNEL_ELF, ROOT_TASK_ELF and
 * BOOT_CPIO.
 */
#define PAYLOAD(name, file) \
    .global name, name##_end; \
    .balign 8;                \
name:                         \
    .incbin file;             \
name##_end:

    .section .rodata.payload, "a"
PAYLOAD(sel4_kernel_elf, SEL4_KERNEL_ELF)
PAYLOAD(root_task_elf, ROOT_TASK_ELF)
PAYLOAD(boot_cpio, BOOT_CPIO)
