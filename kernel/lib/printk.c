/*
 * Kernel formatted output: kprintf formats a whole message first and writes it to the console
 * in one call, so two harts never interleave within a message.
 */
#include <kernel.h>
#include <qsoe/fmt.h>

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    return fmt_vsnprintf(buf, size, fmt, ap);
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int kprintf(const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    console_write(line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
    return n;
}
