/*
 * Definitions every part of Skimmer uses: console output, panic and assertions, address
 * conversion between the direct map and physical memory, and small helpers.
 */
#ifndef SKIMMER_KERNEL_H
#define SKIMMER_KERNEL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <abi/errno.h>
#include <arch.h>

#define MAX_CPUS 8

#define ALIGN_UP(x, a)   (((x) + ((a)-1)) & ~((uintptr_t)(a)-1))
#define ALIGN_DOWN(x, a) ((x) & ~((uintptr_t)(a)-1))
#define ARRAY_SIZE(a)    (sizeof(a) / sizeof((a)[0]))

#define container_of(p, type, member) ((type *)((char *)(p)-offsetof(type, member)))

static inline void *pa_to_kva(uintptr_t pa)
{
    return (void *)(pa + PHYS_OFFSET);
}

static inline uintptr_t kva_to_pa(const void *va)
{
    return (uintptr_t)va - PHYS_OFFSET;
}

int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void console_init(uint64_t uart_base);
void console_write(const char *s, size_t n);

void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void panic_frame(const struct trapframe *f, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));

#define ASSERT(c)                                                                                  \
    do {                                                                                           \
        if (!(c))                                                                                  \
            panic("assertion failed: %s at %s:%d", #c, __FILE__, __LINE__);                        \
    } while (0)

/* Platform facts found in the device tree at boot. */
struct platform {
    uint64_t timebase_hz;
    uint64_t test_base;
    uint64_t initrd_start, initrd_end;
    char bootargs[256];
};
extern struct platform platform;

#endif
