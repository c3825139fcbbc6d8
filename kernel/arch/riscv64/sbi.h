/* Calls into the Supervisor Binary Interface firmware (OpenSBI on QEMU virt). */
#ifndef SKIMMER_SBI_H
#define SKIMMER_SBI_H

#include <stdint.h>

#define SBI_EXT_TIME 0x54494d45
#define SBI_EXT_IPI  0x735049
#define SBI_EXT_HSM  0x48534d
#define SBI_EXT_SRST 0x53525354

struct sbiret {
    long error;
    long value;
};

static inline struct sbiret sbi_call(long ext, long fid, long a0, long a1, long a2)
{
    register long r0 __asm__("a0") = a0;
    register long r1 __asm__("a1") = a1;
    register long r2 __asm__("a2") = a2;
    register long r6 __asm__("a6") = fid;
    register long r7 __asm__("a7") = ext;
    __asm__ volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
    return (struct sbiret){r0, r1};
}

#endif
