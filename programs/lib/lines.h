/*
 * Finding lines counted from the end of a text held in memory, for tail and head -n -N.
 */
#ifndef LINES_H
#define LINES_H

#include <stddef.h>

// Where the last n lines of buf (len bytes) start; a last line without a newline counts.
size_t last_lines_start(const char *buf, size_t len, long n);

#endif
