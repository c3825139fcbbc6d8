/*
 * taskman-L's console output, through seL4's debug console call (seL4_DebugPutChar, present
 * when seL4 is built with printing). Lines are formatted whole, then written.
 */
#include <stdarg.h>

#include <qsoe/fmt.h>

#include "taskman_l.h"

void tm_printf(const char *fmt, ...)
{
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    fmt_vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    for (const char *p = line; *p; p++)
        seL4_DebugPutChar(*p);
}

void tm_fatal(const char *what, long err)
{
    tm_printf("taskman: %s (error %ld)\n", what, err);
    tm_poweroff(1);
}
