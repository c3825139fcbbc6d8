/*
 * printf and friends written straight to the console with ConsoleWrite, for the programs that
 * run before the console server exists.
 */
#include <qsoe/fmt.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    return fmt_vsnprintf(buf, size, fmt, ap);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int printf(const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    ConsoleWrite(line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
    return n;
}

int puts(const char *s)
{
    ConsoleWrite(s, strlen(s));
    ConsoleWrite("\n", 1);
    return 0;
}
