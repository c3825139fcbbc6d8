/*
 * __sel4_sigstub: where taskman-L makes a running thread go to take its signals, with sp and
 * a0 at a struct _sigframe_k whose context holds the integer registers it stopped (seL4 gives
 * taskman-L no access to the floating-point ones). The stub keeps the floating-point
 * registers in that context itself, runs the handlers (signal.c), puts them back and leaves
 * through __sel4_sigreturn, which has taskman-L restore the rest. Nothing after the restore
 * touches a floating-point register.
 */
#define CONTEXT 32  /* offsetof(struct _sigframe_k, context); signal.c checks these */
#define FREGS   296 /* offsetof(struct _sigframe_k, context.fregs) */
#define FCSR    552 /* offsetof(struct _sigframe_k, context.fcsr) */

    .text
    .globl __sel4_sigstub
__sel4_sigstub:
    mv      s0, a0
    addi    t0, a0, FREGS
    fsd     f0, 0(t0)
    fsd     f1, 8(t0)
    fsd     f2, 16(t0)
    fsd     f3, 24(t0)
    fsd     f4, 32(t0)
    fsd     f5, 40(t0)
    fsd     f6, 48(t0)
    fsd     f7, 56(t0)
    fsd     f8, 64(t0)
    fsd     f9, 72(t0)
    fsd     f10, 80(t0)
    fsd     f11, 88(t0)
    fsd     f12, 96(t0)
    fsd     f13, 104(t0)
    fsd     f14, 112(t0)
    fsd     f15, 120(t0)
    fsd     f16, 128(t0)
    fsd     f17, 136(t0)
    fsd     f18, 144(t0)
    fsd     f19, 152(t0)
    fsd     f20, 160(t0)
    fsd     f21, 168(t0)
    fsd     f22, 176(t0)
    fsd     f23, 184(t0)
    fsd     f24, 192(t0)
    fsd     f25, 200(t0)
    fsd     f26, 208(t0)
    fsd     f27, 216(t0)
    fsd     f28, 224(t0)
    fsd     f29, 232(t0)
    fsd     f30, 240(t0)
    fsd     f31, 248(t0)
    frcsr   t1
    sd      t1, FCSR(s0)
    addi    a0, s0, CONTEXT
    call    __sel4_signals_take
    ld      t1, FCSR(s0)
    fscsr   t1
    addi    t0, s0, FREGS
    fld     f0, 0(t0)
    fld     f1, 8(t0)
    fld     f2, 16(t0)
    fld     f3, 24(t0)
    fld     f4, 32(t0)
    fld     f5, 40(t0)
    fld     f6, 48(t0)
    fld     f7, 56(t0)
    fld     f8, 64(t0)
    fld     f9, 72(t0)
    fld     f10, 80(t0)
    fld     f11, 88(t0)
    fld     f12, 96(t0)
    fld     f13, 104(t0)
    fld     f14, 112(t0)
    fld     f15, 120(t0)
    fld     f16, 128(t0)
    fld     f17, 136(t0)
    fld     f18, 144(t0)
    fld     f19, 152(t0)
    fld     f20, 160(t0)
    fld     f21, 168(t0)
    fld     f22, 176(t0)
    fld     f23, 184(t0)
    fld     f24, 192(t0)
    fld     f25, 200(t0)
    fld     f26, 208(t0)
    fld     f27, 216(t0)
    fld     f28, 224(t0)
    fld     f29, 232(t0)
    fld     f30, 240(t0)
    fld     f31, 248(t0)
    addi    a0, s0, CONTEXT
    call    __sel4_sigreturn
    unimp
