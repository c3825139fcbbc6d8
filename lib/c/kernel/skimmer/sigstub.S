/*
 * __signal_stub: where the kernel starts a thread to run a signal handler, with a0 = the
 * signal, a1 = its information, a2 = the saved context and a3 = the handler, and sp at the
 * frame holding them. It calls the handler, then SignalReturn(context), which does not return.
 */
#define KER_SIGNAL_RETURN 62 /* include/abi/kercall.h (an enum); signal.c checks the value */

    .text
    .globl __signal_stub
__signal_stub:
    mv      s1, a2
    jalr    a3
    mv      a0, s1
    li      a7, KER_SIGNAL_RETURN
    ecall
    unimp
