/*
 * The printf family: vsnprintf and friends format into memory, vfprintf and friends into a
 * stream (stdio_file.c). The formatting itself is format.c's.
 */
#include <limits.h>
#include <stdio.h>

#include "format.h"

/* A sink that hands formatted bytes to a stream. */
struct stream_sink {
    struct format_sink base;
    FILE *f;
};

static void stream_put(struct format_sink *s, const char *bytes, size_t n)
{
    fwrite(bytes, 1, n, ((struct stream_sink *)s)->f);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    struct stream_sink s = {{stream_put}, f};
    int n = format_v(&s.base, fmt, ap);
    return ferror(f) ? -1 : n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(f, fmt, ap);
    va_end(ap);
    return n;
}

int vprintf(const char *fmt, va_list ap)
{
    return vfprintf(stdout, fmt, ap);
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return n;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    return format_vsnprintf(buf, size, fmt, ap);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = format_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
    return format_vsnprintf(buf, INT_MAX, fmt, ap);
}

int sprintf(char *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = format_vsnprintf(buf, INT_MAX, fmt, ap);
    va_end(ap);
    return n;
}
