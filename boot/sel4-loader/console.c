/*
 * The loader's output on the SBI console, and its way out on an error: a message, then QEMU
 * ended with a non-zero code through the sifive_test device (SBI's shutdown always exits 0).
 */
#include <stdarg.h>
#include <stdint.h>

#include <qsoe/fmt.h>

#include "loader.h"
#include "sbi.h"

#define SIFIVE_TEST      0x100000ul
#define SIFIVE_TEST_FAIL 0x3333u

static void console_vprintf(const char *fmt, va_list ap)
{
    char line[256];
    fmt_vsnprintf(line, sizeof(line), fmt, ap);
    for (const char *p = line; *p; p++)
        sbi_call(SBI_LEGACY_PUTCHAR, 0, *p, 0, 0);
}

void console_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    console_vprintf(fmt, ap);
    va_end(ap);
}

void loader_fail(const char *fmt, ...)
{
    va_list ap;
    console_printf("loader: error: ");
    va_start(ap, fmt);
    console_vprintf(fmt, ap);
    va_end(ap);
    console_printf("\n");
    *(volatile uint32_t *)SIFIVE_TEST = (uint32_t)LOADER_FAILURE << 16 | SIFIVE_TEST_FAIL;
    for (;;)
        __asm__ volatile("wfi");
}
