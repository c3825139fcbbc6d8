/*
 * First instructions of Skimmer. OpenSBI enters here in S-mode with the MMU off, a0 = hart id
 * and a1 = the device tree. We map physical memory twice with 1 GiB pages (identity, so the
 * next instruction still fetches, and at PHYS_OFFSET, where the kernel is linked), turn on Sv39,
 * jump to the high half and call kmain. Secondary harts come in at secondary_entry.
 */
#define PHYS_OFFSET 0xffffffc000000000
#define SATP_SV39   (8 << 60)
#define GIGA_PTE_FLAGS 0xef /* V R W X G A D */
#define CPU_BOOT_SP 0       /* offsetof(struct cpu, boot_sp) */

    .section .text.boot, "ax"
    .globl _start
_start:
    /* Only the first hart to arrive boots; a second one here (firmware that sent it to the
       entry point too) must not touch memory the first is using, so it parks. */
    lla     t0, boot_claimed
    li      t1, 1
    amoswap.w t1, t1, (t0)
    bnez    t1, 6f
    mv      tp, zero
    lla     t0, boot_pagetable
    li      t1, 0
    li      t2, 16
1:  slli    t3, t1, 28
    ori     t3, t3, GIGA_PTE_FLAGS
    slli    t4, t1, 3
    add     t5, t0, t4
    sd      t3, 0(t5)
    li      t6, 256 * 8
    add     t5, t5, t6
    sd      t3, 0(t5)
    addi    t1, t1, 1
    blt     t1, t2, 1b

    call    enable_paging
    lla     t0, 2f
    li      t1, PHYS_OFFSET
    add     t0, t0, t1
    jr      t0
2:  lla     sp, boot_stack_top
    lla     t0, bss_start
    lla     t1, bss_end
3:  bgeu    t0, t1, 4f
    sd      zero, 0(t0)
    addi    t0, t0, 8
    j       3b
4:  csrw    sscratch, zero
    mv      fp, zero
    call    kmain
5:  wfi
    j       5b
6:  wfi
    j       6b

/* Secondary harts: a0 = hart id, a1 = the high address of their struct cpu. */
    .globl secondary_entry
secondary_entry:
    call    enable_paging
    lla     t0, 1f
    li      t1, PHYS_OFFSET
    add     t0, t0, t1
    jr      t0
1:  ld      sp, CPU_BOOT_SP(a1)
    mv      tp, a1
    csrw    sscratch, zero
    mv      fp, zero
    mv      a0, a1
    call    secondary_main
2:  wfi
    j       2b

/* Turn on Sv39 with boot_pagetable; runs at the physical address, returns to it as well. */
enable_paging:
    lla     t0, boot_pagetable
    srli    t0, t0, 12
    li      t1, SATP_SV39
    or      t0, t0, t1
    sfence.vma
    csrw    satp, t0
    sfence.vma
    ret

    .section .data
    .balign 4096
    .globl boot_pagetable
boot_pagetable:
    .zero 4096
boot_claimed: /* set by the hart that boots */
    .word   0

    .section .bss
    .balign 16
boot_stack:
    .zero 16384
boot_stack_top:
