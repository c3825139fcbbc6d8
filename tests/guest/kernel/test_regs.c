/*
 * The register side of the kernel-call ABI (docs/kernel-abi.md): a call keeps ra, sp, gp, tp and
 * s0-s11, and gives back t0-t6 and a1-a7 clobbered but holding no kernel value, both when it
 * returns straight away and when it blocks and is resumed after other threads ran.
 */
#include <stdbool.h>

#include "harness.h"

#define KERNEL_SPACE 0xffffffc000000000ul

// Makes kernel call num with a0 and a1, every other register but sp set to 0x5a00 + its
// number, and stores x0..x31 as they come back (x2 holds sp's change, expected 0) in out.
static void call_with_pattern(long num, long a0, long a1, uint64_t out[32])
{
    register uint64_t *o __asm__("a0") = out;
    register long n __asm__("a1") = num;
    register long r0 __asm__("a2") = a0;
    register long r1 __asm__("a3") = a1;
    __asm__ volatile(
        /* Keep what the C code around needs, and the arguments, on the stack. */
        "addi sp, sp, -512\n"
        ".irp r, 1, 3, 4, 8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27\n"
        "sd x\\r, 256+8*\\r(sp)\n"
        ".endr\n"
        "sd a0, 256(sp)\n"
        "sd sp, 256+16(sp)\n"
        "mv a7, a1\n"
        "mv a0, a2\n"
        "mv a1, a3\n"
        ".irp r, 1, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 23, 24, 25, "
        "26, 27, 28, 29, 30, 31\n"
        "li x\\r, 0x5a00 + \\r\n"
        ".endr\n"
        "ecall\n"
        ".irp r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, "
        "24, 25, 26, 27, 28, 29, 30, 31\n"
        "sd x\\r, 8*\\r(sp)\n"
        ".endr\n"
        /* x2: how far sp moved (0 if it was kept). */
        "ld t0, 256+16(sp)\n"
        "sub t0, sp, t0\n"
        "sd t0, 16(sp)\n"
        ".irp r, 1, 3, 4, 8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27\n"
        "ld x\\r, 256+8*\\r(sp)\n"
        ".endr\n"
        "ld a0, 256(sp)\n"
        "li t0, 1\n"
        "1: slli t1, t0, 3\n"
        "add t2, sp, t1\n"
        "ld t2, 0(t2)\n"
        "add t1, a0, t1\n"
        "sd t2, 0(t1)\n"
        "addi t0, t0, 1\n"
        "li t1, 32\n"
        "bltu t0, t1, 1b\n"
        "addi sp, sp, 512\n"
        : "+r"(o), "+r"(n), "+r"(r0), "+r"(r1)
        :
        : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a4", "a5", "a6", "a7", "memory");
    out[0] = 0;
}

// Whether the registers the ABI keeps came back as they were set.
static bool kept(const uint64_t r[32])
{
    static const int keep[] = {1, 3, 4, 8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27};
    for (unsigned i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
        if (r[keep[i]] != 0x5a00u + (unsigned)keep[i])
            return false;
    return r[2] == 0;
}

// Whether no register the ABI lets a call clobber holds a kernel address.
static bool no_kernel_values(const uint64_t r[32])
{
    static const int clobbered[] = {5, 6, 7, 11, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31};
    for (unsigned i = 0; i < sizeof(clobbered) / sizeof(clobbered[0]); i++)
        if (r[clobbered[i]] >= KERNEL_SPACE)
            return false;
    return true;
}

static bool all_zero(const uint64_t r[32], const int *which, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (r[which[i]] != 0)
            return false;
    return true;
}

static void *nap(void *arg)
{
    sleep_ns(2000000);
    return arg;
}

void test_regs(void)
{
    static const int clobbered[] = {5, 6, 7, 11, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31};
    uint64_t r[32];

    call_with_pattern(KER_NOP, 0, 0, r);
    CHECK("a kernel call returns its result in a0", r[10] == 0);
    CHECK("a kernel call keeps ra, sp, gp, tp and s0-s11", kept(r));
    CHECK("a kernel call returns t0-t6 and a1-a7 zeroed",
          all_zero(r, clobbered, sizeof(clobbered) / sizeof(clobbered[0])));

    call_with_pattern(KER_NCALLS, 0, 0, r);
    CHECK("a failing kernel call keeps ra, sp, gp, tp and s0-s11",
          r[10] == (uint64_t)-ENOSYS && kept(r));

    int tid = start_thread(nap, NULL, 0, 0);
    call_with_pattern(KER_THREAD_JOIN, tid, 0, r);
    CHECK("a kernel call that blocks returns its result in a0", tid > 0 && r[10] == 0);
    CHECK("a kernel call that blocks keeps ra, sp, gp, tp and s0-s11", kept(r));
    CHECK("a kernel call that blocks returns no kernel value in t0-t6 and a1-a7",
          no_kernel_values(r));
}
