/*
 * printf and friends: vsnprintf and snprintf format into the caller's buffer; printf and puts
 * write to standard output (descriptor 1) when the program has one, and straight to the
 * kernel console with ConsoleWrite otherwise (taskman, and programs run without it). The
 * formatting itself is format.c's. FILE streams are still to come.
 */
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <unistd.h>

#include "format.h"

/* A sink that collects output and writes it to the console a buffer at a time. */
struct console_sink {
    struct format_sink base;
    size_t used;
    char buf[1024];
};

extern int __libc_have_stdio; /* start.c: descriptors 0-2 were opened */

static void emit(const char *s, size_t n)
{
    if (!__libc_have_stdio || write(1, s, n) < 0)
        ConsoleWrite(s, n);
}

// Writes out what the console sink holds.
static void console_flush(struct console_sink *c)
{
    if (c->used > 0) {
        emit(c->buf, c->used);
        c->used = 0;
    }
}

// Takes a run of formatted bytes, writing the buffer out each time it fills, so an output of
// any length reaches the console whole and a short one in a single write.
static void console_put(struct format_sink *s, const char *bytes, size_t n)
{
    struct console_sink *c = (struct console_sink *)s;

    while (n > 0) {
        size_t take = sizeof(c->buf) - c->used;
        if (take > n)
            take = n;
        memcpy(c->buf + c->used, bytes, take);
        c->used += take;
        bytes += take;
        n -= take;
        if (c->used == sizeof(c->buf))
            console_flush(c);
    }
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

int printf(const char *fmt, ...)
{
    struct console_sink c = {{console_put}, 0, {0}};
    va_list ap;
    va_start(ap, fmt);
    int n = format_v(&c.base, fmt, ap);
    va_end(ap);
    console_flush(&c);
    return n;
}

int puts(const char *s)
{
    size_t n = strlen(s);
    char line[512];
    if (n < sizeof(line)) { /* one write, so the line is not split by other output */
        memcpy(line, s, n);
        line[n] = '\n';
        emit(line, n + 1);
    } else {
        emit(s, n);
        emit("\n", 1);
    }
    return 0;
}
