/*
 * The time slice of process threads on QSOE/L: the budget and period of the scheduling
 * context taskman-L gives each (a round-robin slice), 5 ms unless the command line says
 * `timeslice=US` (100 us to 10 s). bench/sel4_insns.py sets a long one: under its instruction
 * trace the guest runs a thousand times slower against the timer, and every expiry would land
 * in the batch it counts.
 */
#include <qsoe/cmdline.h>
#include <stdlib.h>

#include "proc.h"

#define SLICE_DEFAULT 5000 /* microseconds */
#define SLICE_MIN     100
#define SLICE_MAX     10000000

uint64_t proc_timeslice_us(void)
{
    static uint64_t slice;
    if (slice == 0) {
        char buf[24];
        const char *v = cmdline_value(bootargs(), "timeslice", buf, sizeof(buf), "");
        long us = *v ? strtol(v, NULL, 10) : SLICE_DEFAULT;
        slice = us >= SLICE_MIN && us <= SLICE_MAX ? (uint64_t)us : SLICE_DEFAULT;
    }
    return slice;
}
