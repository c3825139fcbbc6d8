/*
 * Kernel panic: say what went wrong, on which hart, with the registers when a trap caused it
 * and a backtrace, then stop the machine with a non-zero exit so a test run sees the failure.
 */
#include <kernel.h>
#include <thread.h>

#define PANIC_EXIT_CODE 3

static void panic_message(const char *fmt, va_list ap)
{
    char msg[256];
    kvsnprintf(msg, sizeof(msg), fmt, ap);
    struct cpu *c = arch_this_cpu();
    kprintf("\nskimmer: PANIC on hart %u: %s\n", c ? c->hartid : 0, msg);
}

void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    panic_message(fmt, ap);
    va_end(ap);
    arch_backtrace((uintptr_t)__builtin_frame_address(0));
    arch_power_off(PANIC_EXIT_CODE);
}

void panic_frame(const struct trapframe *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    panic_message(fmt, ap);
    va_end(ap);
    arch_dump_frame(f);
    arch_backtrace(f->regs[8]);
    arch_power_off(PANIC_EXIT_CODE);
}
