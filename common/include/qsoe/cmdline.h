/* Reading key=value words from a kernel command line (common/cmdline.c). */
#ifndef QSOE_CMDLINE_H
#define QSOE_CMDLINE_H

#include <stddef.h>

// Copies the value of key=value in cmdline into buf (cut to size - 1 bytes) and returns buf,
// or returns fallback when the key is absent.
const char *cmdline_value(const char *cmdline, const char *key, char *buf, size_t size,
                          const char *fallback);

#endif
