/*
 * The kernel console: polled output on the 16550 UART the device tree names. Only the kernel's
 * own messages go here; once the user-space serial driver runs, it owns the UART's input.
 */
#include <kernel.h>
#include <spinlock.h>

#define UART_THR 0
#define UART_LSR 5
#define LSR_THRE 0x20

static volatile uint8_t *uart;
static struct spinlock console_lock;

void console_init(uint64_t uart_base)
{
    uart = pa_to_kva(uart_base);
}

static void uart_putc(char c)
{
    while (!(uart[UART_LSR] & LSR_THRE))
        ;
    uart[UART_THR] = (uint8_t)c;
}

void console_write(const char *s, size_t n)
{
    if (!uart)
        return;
    spin_lock(&console_lock);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            uart_putc('\r');
        uart_putc(s[i]);
    }
    spin_unlock(&console_lock);
}
