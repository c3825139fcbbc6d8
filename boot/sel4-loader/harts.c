/*
 * Finds the harts, starts the other one through SBI HSM and brings both into seL4. seL4 here
 * is built for exactly two nodes and its boot core (core 0) waits for the other, so both must
 * enter it; core ids follow hart ids in ascending order (hart 0 is core 0 on QEMU virt),
 * whichever hart OpenSBI happened to boot.
 *
 * Under QEMU's -icount a hart that spins starves the other one until a timer is due. seL4's
 * boot core spins waiting for core 1, and core 1 spins on node_boot_lock until core 0 has
 * booted, so no hart spins here: the loader's hart waits for the other to arrive, and core 1
 * waits for node_boot_lock, both napping on a timer (wfi) between looks.
 */
#include <stdint.h>

#include "loader.h"
#include "sbi.h"

#define SEL4_NODES     2
#define MAX_HART_PROBE 64
#define NAP_TICKS      10000 // 1 ms at QEMU virt's 10 MHz timebase
#define SIE_STIE       (1u << 5)

extern char secondary_entry[];

static volatile uint64_t arrived;
static volatile const uint64_t *boot_lock;

static void arm_timer(void)
{
    uint64_t now;
    __asm__ volatile("rdtime %0" : "=r"(now));
    sbi_call(SBI_EXT_TIME, SBI_TIME_SET_TIMER, (long)(now + NAP_TICKS), 0, 0);
}

// Waits until *flag is non-zero, napping in wfi on a timer between looks so that QEMU runs
// the other hart meanwhile. It returns with a timer still due: with none, the other hart
// spinning in seL4 would hold QEMU's -icount scheduler until the next one, which might never
// come. seL4 programs the timer itself later.
static void wait_for(volatile const uint64_t *flag)
{
    arm_timer();
    while (*flag == 0) {
        __asm__ volatile("csrs sie, %0" ::"r"(SIE_STIE));
        __asm__ volatile("wfi");
        __asm__ volatile("csrc sie, %0" ::"r"(SIE_STIE));
        arm_timer();
    }
}

// Enters seL4 as `core`: core 0 at once, the others once core 0 has released them.
static _Noreturn void join_kernel(uint64_t hartid, uint64_t core)
{
    if (core != 0 && boot_lock)
        wait_for(boot_lock);
    enter_kernel(&handoff, hartid, core);
}

void secondary_main(uint64_t hartid, uint64_t core)
{
    arrived = 1;
    join_kernel(hartid, core);
}

void harts_enter_kernel(uint64_t hartid, uint64_t node_boot_lock)
{
    uint64_t harts[SEL4_NODES];
    int n = 0;
    for (long id = 0; id < MAX_HART_PROBE; id++) {
        if (sbi_call(SBI_EXT_HSM, SBI_HSM_HART_STATUS, id, 0, 0).error != 0)
            continue;
        if (n == SEL4_NODES)
            loader_fail("more than %d harts: this seL4 is built for %d (run QEMU with -smp %d)",
                        SEL4_NODES, SEL4_NODES, SEL4_NODES);
        harts[n++] = (uint64_t)id;
    }
    if (n != SEL4_NODES)
        loader_fail("%d hart(s) found: this seL4 is built for %d and waits for all of them (run "
                    "QEMU with -smp %d)",
                    n, SEL4_NODES, SEL4_NODES);

    boot_lock = (volatile const uint64_t *)(uintptr_t)node_boot_lock;
    uint64_t own_core = 0;
    __asm__ volatile("fence rw, rw" ::: "memory");
    for (int core = 0; core < n; core++) {
        if (harts[core] == hartid) {
            own_core = (uint64_t)core;
            continue;
        }
        struct sbiret r = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, (long)harts[core],
                                   (long)(uintptr_t)secondary_entry, core);
        if (r.error != 0)
            loader_fail("SBI could not start hart %lu (error %ld)", harts[core], r.error);
    }
    wait_for(&arrived);
    join_kernel(hartid, own_core);
}
