/*
 * Human-readable sizes (see human.h). Rounding is always upwards so that a size is never shown
 * smaller than it is.
 */
#include "human.h"

#include <stdio.h>

char *human_size(unsigned long long bytes, char *out, size_t size)
{
    static const char units[] = "KMGTPE";
    if (bytes < 1024) {
        snprintf(out, size, "%llu", bytes);
        return out;
    }
    unsigned long long scale = 1024;
    int u = 0;
    while (u < 5 && bytes / scale >= 1024) {
        scale *= 1024;
        u++;
    }
    // Tenths of the unit, rounded up, without overflowing for the largest sizes.
    unsigned long long rem = bytes % scale;
    unsigned long long tenths = bytes / scale * 10 + (rem * 10 + scale - 1) / scale;
    if (tenths < 100) {
        snprintf(out, size, "%llu.%llu%c", tenths / 10, tenths % 10, units[u]);
        return out;
    }
    unsigned long long whole = bytes / scale + (bytes % scale != 0);
    if (whole >= 1024 && u < 5) {
        snprintf(out, size, "1.0%c", units[u + 1]);
        return out;
    }
    snprintf(out, size, "%llu%c", whole, units[u]);
    return out;
}
