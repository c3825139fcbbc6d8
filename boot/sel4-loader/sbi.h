/* The few SBI calls the QSOE/L loader makes: console output and hart start/status (HSM). */
#ifndef SEL4_LOADER_SBI_H
#define SEL4_LOADER_SBI_H

#define SBI_LEGACY_PUTCHAR  0x01
#define SBI_EXT_HSM         0x48534d
#define SBI_HSM_HART_START  0
#define SBI_HSM_HART_STATUS 2
#define SBI_ERR_ALREADY_AVAILABLE (-6) /* HART_START of a hart that runs already */

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
