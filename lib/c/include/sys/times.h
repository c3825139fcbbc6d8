/* Process times (lib/c/src/time.c). */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/types.h>

struct tms {
    clock_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};

// The time since boot in clock ticks (sysconf(_SC_CLK_TCK) a second). CPU times are not kept
// by the kernel yet: the four fields are 0.
clock_t times(struct tms *buf);

#endif
