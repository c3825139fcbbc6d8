/*
 * How libc's Skimmer layer enters the kernel: one ecall, the call number in a7, arguments in
 * a0-a5, the result in a0 as a value or a negated errno; t0-t6 and a1-a7 come back clobbered
 * (docs/kernel-abi.md). Inline, so a kernel call costs its wrapper no extra call; private to
 * lib/c/kernel/skimmer.
 */
#ifndef QSOE_LIBC_SKIMMER_ECALL_H
#define QSOE_LIBC_SKIMMER_ECALL_H

#include <errno.h>

static inline long kercall6(long num, long a0, long a1, long a2, long a3, long a4, long a5)
{
    register long r0 __asm__("a0") = a0;
    register long r1 __asm__("a1") = a1;
    register long r2 __asm__("a2") = a2;
    register long r3 __asm__("a3") = a3;
    register long r4 __asm__("a4") = a4;
    register long r5 __asm__("a5") = a5;
    register long r7 __asm__("a7") = num;
    __asm__ volatile("ecall"
                     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r7)
                     :
                     : "a6", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "memory");
    return r0;
}

#define K(n, a, b, c, d, e) kercall6((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

long __kercall_failed(long r);

// The plain form of a call: a negated errno becomes -1 with errno set. The error is set out
// of line, so that a wrapper's successful call needs no stack frame.
static inline long set_errno(long r)
{
    if (__builtin_expect((unsigned long)r >= (unsigned long)-4095, 0))
        return __kercall_failed(r);
    return r;
}

#endif
