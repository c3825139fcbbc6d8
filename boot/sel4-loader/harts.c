/*
 * Finds the harts and starts the others through SBI HSM. seL4 here is built for exactly two
 * nodes and its boot core waits for the second one, so both must enter it: seL4 core ids
 * follow hart ids in ascending order (hart 0 is core 0 on QEMU virt), whichever hart OpenSBI
 * happened to boot. The other hart enters seL4 at once and waits there for core 0 to boot.
 * (Under QEMU 7.2's -icount the hart that runs first starves the other while it busy-waits,
 * and seL4's core 0 busy-waits for core 1: see docs/qsoe-l.md.)
 */
#include <stdint.h>

#include "loader.h"
#include "sbi.h"

#define SEL4_NODES 2

extern char secondary_entry[];
extern uint64_t hart_release[MAX_HART_PROBE]; /* entry.S */

uint64_t harts_start(uint64_t hartid)
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

    uint64_t own_core = 0;
    __asm__ volatile("fence rw, rw" ::: "memory");
    for (int core = 0; core < n; core++) {
        if (harts[core] == hartid) {
            own_core = (uint64_t)core;
            continue;
        }
        struct sbiret r = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, (long)harts[core],
                                   (long)(uintptr_t)secondary_entry, core);
        if (r.error == SBI_ERR_ALREADY_AVAILABLE) {
            // Firmware started it too: it waits in _start for its core id.
            __atomic_store_n(&hart_release[harts[core]], (uint64_t)core + 1, __ATOMIC_SEQ_CST);
        } else if (r.error != 0) {
            loader_fail("SBI could not start hart %lu (error %ld)", harts[core], r.error);
        }
    }
    return own_core;
}
