/*
 * Sizes written for people (1.5K, 23M) the way ls -h and du -h show them: powers of 1024,
 * rounded up, one decimal below ten. Not for SI (powers of 1000) units.
 */
#ifndef HUMAN_H
#define HUMAN_H

#include <stddef.h>

// Writes bytes in human form into out (at least 16 bytes) and returns out.
char *human_size(unsigned long long bytes, char *out, size_t size);

#endif
