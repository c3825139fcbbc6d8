/*
 * The printf formatting engine (lib/c/src/format.c), internal to the C library: the stdio
 * functions format through it into a buffer or onto a device. It is not a public header.
 */
#ifndef QSOE_LIBC_FORMAT_H
#define QSOE_LIBC_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Where formatted output goes: put receives each run of produced bytes, in order. */
struct format_sink {
    void (*put)(struct format_sink *s, const char *bytes, size_t n);
};

/*
 * Formats like vfprintf, handing the output to sink. Returns the number of bytes produced, or
 * -1 with errno set: EOVERFLOW if that number would exceed INT_MAX, EILSEQ if a wide character
 * has no encoding.
 */
int format_v(struct format_sink *sink, const char *fmt, va_list ap);

/* vsnprintf: stores at most size - 1 bytes and a NUL (if size > 0); returns format_v's count. */
int format_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
