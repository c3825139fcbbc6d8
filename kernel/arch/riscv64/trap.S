/*
 * Trap entry and exit. sscratch holds the current thread's trap frame while the hart runs user
 * code and zero while it runs the kernel, which is how the vector tells the two apart. A user
 * trap saves every register in the frame at the top of the thread's kernel stack and runs the C
 * handler on the stack below it; a kernel trap (only exceptions: the kernel runs with
 * interrupts off) saves its registers on the current kernel stack.
 *
 * A kernel call (ecall from user mode) is the common trap and saves less: the ABI lets it
 * clobber t0-t6 and a1-a7 (docs/kernel-abi.md), so those are neither saved nor restored but
 * zeroed on the way out, so that no kernel value leaks. It saves what a switch to another
 * thread needs (the callee-saved registers, sp, ra, gp, tp, the pc and sstatus). When the
 * call returns on the same thread with its frame untouched (F_DIRTY still 0: nothing switched
 * this thread in, delivered a signal or changed its FPU state), the C code has preserved the
 * callee-saved registers and gp, so the exit restores only ra, tp, fp, sp and a0.
 *
 * MsgSendv, MsgReceivev and MsgReplyv go first to their one-pass fast paths (kernel/ipc/
 * fastpath.c), with the caller's arguments still in a0-a5 and without the general dispatch.
 * The first two continue another thread and come back here only when the general path must
 * run; MsgReplyv comes back with non-zero when it has finished the call.
 */
#include "trap_calls.h"

#define FRAME_SIZE  304
#define F_SEPC      256
#define F_SSTATUS   264
#define F_STVAL     272
#define F_SCAUSE    280
#define F_DIRTY     288
#define EXC_ECALL_U  8
#define SSTATUS_SPP  (1 << 8)
#define SSTATUS_SPIE (1 << 5)
#define SSTATUS_FS   (3 << 13)

/* What a kernel call keeps: all but t0-t6 and a6 (the caller saves t0 first). */
.macro SAVE_CALL_REGS base
    sd      ra, 8(\base)
    sd      gp, 24(\base)
    sd      tp, 32(\base)
    sd      s0, 64(\base)
    sd      s1, 72(\base)
    sd      a0, 80(\base)
    sd      a1, 88(\base)
    sd      a2, 96(\base)
    sd      a3, 104(\base)
    sd      a4, 112(\base)
    sd      a5, 120(\base)
    sd      a7, 136(\base)
    sd      s2, 144(\base)
    sd      s3, 152(\base)
    sd      s4, 160(\base)
    sd      s5, 168(\base)
    sd      s6, 176(\base)
    sd      s7, 184(\base)
    sd      s8, 192(\base)
    sd      s9, 200(\base)
    sd      s10, 208(\base)
    sd      s11, 216(\base)
.endm

/* The rest of a full save, t0 apart. */
.macro SAVE_SCRATCH_REGS base
    sd      t1, 48(\base)
    sd      t2, 56(\base)
    sd      a6, 128(\base)
    sd      t3, 224(\base)
    sd      t4, 232(\base)
    sd      t5, 240(\base)
    sd      t6, 248(\base)
.endm

/* Restores everything but sp and the base register itself. */
.macro LOAD_GPRS base
    ld      ra, 8(\base)
    ld      gp, 24(\base)
    ld      tp, 32(\base)
    ld      t0, 40(\base)
    ld      t1, 48(\base)
    ld      t2, 56(\base)
    ld      s0, 64(\base)
    ld      s1, 72(\base)
    ld      a1, 88(\base)
    ld      a2, 96(\base)
    ld      a3, 104(\base)
    ld      a4, 112(\base)
    ld      a5, 120(\base)
    ld      a6, 128(\base)
    ld      a7, 136(\base)
    ld      s2, 144(\base)
    ld      s3, 152(\base)
    ld      s4, 160(\base)
    ld      s5, 168(\base)
    ld      s6, 176(\base)
    ld      s7, 184(\base)
    ld      s8, 192(\base)
    ld      s9, 200(\base)
    ld      s10, 208(\base)
    ld      s11, 216(\base)
    ld      t3, 224(\base)
    ld      t4, 232(\base)
    ld      t5, 240(\base)
    ld      t6, 248(\base)
.endm

/* What the returns to user mode share, with the frame in a0: the kernel stack and sscratch
   set for the next trap, the pc, and user mode with interrupts on and the FPU state (FS) the
   frame says. */
.macro PREPARE_RETURN
    mv      sp, a0
    sd      tp, 0(a0)
    csrw    sscratch, a0
    ld      t0, F_SEPC(a0)
    csrw    sepc, t0
    ld      t1, F_SSTATUS(a0)
    li      t0, SSTATUS_SPP | SSTATUS_FS
    csrc    sstatus, t0
    li      t0, SSTATUS_FS
    and     t1, t1, t0
    ori     t1, t1, SSTATUS_SPIE
    csrs    sstatus, t1
.endm

/* What a kernel call keeps but sp and a0 (SAVE_CALL_REGS less the arguments). */
.macro LOAD_CALL_REGS base
    ld      ra, 8(\base)
    ld      gp, 24(\base)
    ld      tp, 32(\base)
    ld      s0, 64(\base)
    ld      s1, 72(\base)
    ld      s2, 144(\base)
    ld      s3, 152(\base)
    ld      s4, 160(\base)
    ld      s5, 168(\base)
    ld      s6, 176(\base)
    ld      s7, 184(\base)
    ld      s8, 192(\base)
    ld      s9, 200(\base)
    ld      s10, 208(\base)
    ld      s11, 216(\base)
.endm

/* What a kernel call clobbers, zeroed so that no kernel value leaks. */
.macro ZERO_SCRATCH_REGS
    li      a1, 0
    li      a2, 0
    li      a3, 0
    li      a4, 0
    li      a5, 0
    li      a6, 0
    li      a7, 0
    li      t0, 0
    li      t1, 0
    li      t2, 0
    li      t3, 0
    li      t4, 0
    li      t5, 0
    li      t6, 0
.endm

    .text
    .balign 4
    .globl trap_vector
trap_vector:
    csrrw   sp, sscratch, sp
    beqz    sp, kernel_trap_entry
    sd      t0, 40(sp)
    csrr    t0, scause
    addi    t0, t0, -EXC_ECALL_U
    bnez    t0, user_trap_entry
    SAVE_CALL_REGS sp
    csrr    t0, sscratch
    sd      t0, 16(sp)
    csrw    sscratch, zero
    csrr    t0, sepc
    addi    t0, t0, 4 /* it returns past the ecall */
    sd      t0, F_SEPC(sp)
    csrr    t0, sstatus
    sd      t0, F_SSTATUS(sp)
    sd      zero, F_DIRTY(sp)
    ld      tp, 0(sp)
    mv      fp, zero
    addi    t0, a7, -TRAP_KC_MSG_SENDV
    li      t1, TRAP_KC_MSG_REPLYV - TRAP_KC_MSG_SENDV
    bleu    t0, t1, msg_call
general_call:
    mv      a0, sp
    call    kercall_entry
call_exit:
    ld      t0, F_DIRTY(sp)
    bnez    t0, 1f
    csrw    sscratch, sp
    ld      t0, F_SEPC(sp)
    csrw    sepc, t0
    ld      ra, 8(sp)
    ld      tp, 32(sp)
    ld      s0, 64(sp) /* the entry cleared fp for kernel backtraces */
    ld      a0, 80(sp)
    ZERO_SCRATCH_REGS
    ld      sp, 16(sp)
    sret
1:  mv      a0, sp
    j       arch_return_to_user

/* t0 is the call's number less MsgSendv's. */
msg_call:
    beqz    t0, 2f
    addi    t0, t0, TRAP_KC_MSG_SENDV - TRAP_KC_MSG_RECEIVEV
    beqz    t0, 3f
    addi    t0, t0, TRAP_KC_MSG_RECEIVEV - TRAP_KC_MSG_REPLYV
    bnez    t0, general_call
    call    ipc_fast_reply
    bnez    a0, call_exit
    j       general_call
2:  call    ipc_fast_send
    j       general_call
3:  call    ipc_fast_receive
    j       general_call

/* Any other trap from user mode: an interrupt or an exception. */
user_trap_entry:
    SAVE_CALL_REGS sp
    SAVE_SCRATCH_REGS sp
    csrr    t0, sscratch
    sd      t0, 16(sp)
    csrw    sscratch, zero
    csrr    t0, sepc
    sd      t0, F_SEPC(sp)
    csrr    t0, sstatus
    sd      t0, F_SSTATUS(sp)
    csrr    t0, scause
    sd      t0, F_SCAUSE(sp)
    csrr    t0, stval
    sd      t0, F_STVAL(sp)
    ld      tp, 0(sp)
    mv      fp, zero
    mv      a0, sp
    call    user_trap
    mv      a0, sp
    /* fall through */

/* Return to user mode with the frame in a0, which is also the top of this kernel stack. */
    .globl arch_return_to_user
arch_return_to_user:
    PREPARE_RETURN
    LOAD_GPRS a0
    ld      sp, 16(a0)
    ld      a0, 80(a0)
    sret

/* The same for a thread switched out in a kernel call that has nothing left to do in the kernel
   (arch_return_from_call): what the call keeps comes from the frame, the rest is zeroed. */
    .globl arch_return_from_call
arch_return_from_call:
    PREPARE_RETURN
    LOAD_CALL_REGS a0
    ZERO_SCRATCH_REGS
    ld      sp, 16(a0)
    ld      a0, 80(a0)
    sret

kernel_trap_entry:
    csrrw   sp, sscratch, sp
    addi    sp, sp, -FRAME_SIZE
    sd      t0, 40(sp)
    SAVE_CALL_REGS sp
    SAVE_SCRATCH_REGS sp
    addi    t0, sp, FRAME_SIZE
    sd      t0, 16(sp)
    csrr    t0, sepc
    sd      t0, F_SEPC(sp)
    csrr    t0, sstatus
    sd      t0, F_SSTATUS(sp)
    csrr    t0, stval
    sd      t0, F_STVAL(sp)
    csrr    t0, scause
    sd      t0, F_SCAUSE(sp)
    mv      a0, sp
    call    kernel_trap
    ld      t0, F_SEPC(sp)
    csrw    sepc, t0
    LOAD_GPRS sp
    ld      a0, 80(sp)
    addi    sp, sp, FRAME_SIZE
    sret
