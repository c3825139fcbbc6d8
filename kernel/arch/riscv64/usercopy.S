/*
 * arch_copy_user(dst, src, n): the one routine that touches user memory. Callers have checked
 * that the user side lies below USER_TOP; a page fault inside this routine is turned by
 * kernel_trap into a jump to arch_copy_user_fault, which returns -EFAULT.
 */
#define SSTATUS_SUM (1 << 18)
#define EFAULT 14

    .text
    .globl arch_copy_user, arch_copy_user_fault, arch_copy_user_end
arch_copy_user:
    li      t0, SSTATUS_SUM
    csrs    sstatus, t0
    /* Bytes until the destination is doubleword-aligned, then the widest unit both sides
     * share: doublewords (32 bytes a round while they last, so 4 KiB is 128 rounds, then
     * 16 and 8 as the count's bits say), or
     * words (a struct of int32 fields), or else bytes. */
6:  andi    t1, a0, 7
    beqz    t1, 7f
    beqz    a2, 3f
    lb      t2, 0(a1)
    sb      t2, 0(a0)
    addi    a0, a0, 1
    addi    a1, a1, 1
    addi    a2, a2, -1
    j       6b
7:  andi    t1, a1, 7
    beqz    t1, 8f
    andi    t1, a1, 3
    bnez    t1, 2f
    li      t1, 4
9:  bltu    a2, t1, 2f
    lw      t2, 0(a1)
    sw      t2, 0(a0)
    addi    a0, a0, 4
    addi    a1, a1, 4
    addi    a2, a2, -4
    j       9b
8:  li      t1, 32
    bltu    a2, t1, 4f
5:  ld      t2, 0(a1)
    ld      t3, 8(a1)
    ld      t4, 16(a1)
    ld      t5, 24(a1)
    sd      t2, 0(a0)
    sd      t3, 8(a0)
    sd      t4, 16(a0)
    sd      t5, 24(a0)
    addi    a0, a0, 32
    addi    a1, a1, 32
    addi    a2, a2, -32
    bgeu    a2, t1, 5b
    /* Under 32 left: 16 bytes, then 8, by the bits of the count. */
4:  andi    t1, a2, 16
    beqz    t1, 1f
    ld      t2, 0(a1)
    ld      t3, 8(a1)
    sd      t2, 0(a0)
    sd      t3, 8(a0)
    addi    a0, a0, 16
    addi    a1, a1, 16
1:  andi    t1, a2, 8
    beqz    t1, 10f
    ld      t2, 0(a1)
    sd      t2, 0(a0)
    addi    a0, a0, 8
    addi    a1, a1, 8
10: andi    a2, a2, 7
2:  beqz    a2, 3f
    lb      t2, 0(a1)
    sb      t2, 0(a0)
    addi    a0, a0, 1
    addi    a1, a1, 1
    addi    a2, a2, -1
    j       2b
3:  csrc    sstatus, t0
    li      a0, 0
    ret
arch_copy_user_fault:
    li      t0, SSTATUS_SUM
    csrc    sstatus, t0
    li      a0, -EFAULT
    ret
arch_copy_user_end:
