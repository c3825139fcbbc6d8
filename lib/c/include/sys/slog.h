/*
 * The system log (servers/slogger on /dev/slog): slogf writes one record, with QNX's severities
 * and code packing. The record a writer sends is struct _slog_hdr followed by the text; the
 * slogger stamps it with the time and the writer's pid (docs/io.md).
 */
#ifndef _SYS_SLOG_H
#define _SYS_SLOG_H

#include <stdarg.h>
#include <stdint.h>

#define _SLOG_SHUTDOWN  0 /* the system is about to stop */
#define _SLOG_CRITICAL  1 /* an error that cannot be recovered from */
#define _SLOG_ERROR     2 /* an error that can */
#define _SLOG_WARNING   3
#define _SLOG_NOTICE    4
#define _SLOG_INFO      5
#define _SLOG_DEBUG1    6
#define _SLOG_DEBUG2    7
#define _SLOG_SEVMAXVAL 7

/* A code is a major code (who logs: low 20 bits) and a minor one (what: high 12 bits). */
#define _SLOG_SETCODE(major, minor) ((unsigned)(major) | ((unsigned)(minor) << 20))
#define _SLOG_GETMAJOR(code)        ((unsigned)(code)&0xfffffu)
#define _SLOG_GETMINOR(code)        (((unsigned)(code) >> 20) & 0xfffu)

#define _SLOGC_TEST 0 /* the major code for tests */

/* A record as written to /dev/slog: this header, then at most _SLOG_MAXTEXT bytes of text. A
   write without the magic is logged whole as text, code 0, severity _SLOG_INFO. */
#define _SLOG_MAGIC   0x474f4c53u /* "SLOG" in memory */
#define _SLOG_MAXTEXT 512

struct _slog_hdr {
    uint32_t magic;
    uint32_t code;
    int32_t severity;
    uint32_t zero;
};

/* Each returns the bytes written to the log, or -1 with errno set (ENOENT: no slogger). */
int slogf(int code, int severity, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vslogf(int code, int severity, const char *fmt, va_list ap);

#endif
