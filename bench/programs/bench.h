/* Counters the benchmarks read: this hart's retired instructions and the time (ticks). */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

static inline uint64_t instret(void)
{
    uint64_t v;
    __asm__ volatile("rdinstret %0" : "=r"(v));
    return v;
}

static inline uint64_t now_ticks(void)
{
    uint64_t v;
    __asm__ volatile("rdtime %0" : "=r"(v));
    return v;
}

#endif
