/* Minimal formatted output for code without a full C library (common/fmt.c). */
#ifndef QSOE_FMT_H
#define QSOE_FMT_H

#include <stdarg.h>
#include <stddef.h>

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
