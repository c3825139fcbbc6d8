/*
 * A small vsnprintf for code that has no full C library under it (the kernel, and early user
 * programs): integers in decimal and hex, strings, characters and pointers, with width, zero
 * padding, left adjustment and the l/ll/z length modifiers. No floating point.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <qsoe/fmt.h>

struct outbuf {
    char *buf;
    size_t size, len;
};

static void put(struct outbuf *o, char c)
{
    if (o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

static void put_padded(struct outbuf *o, const char *s, size_t n, int width, bool left, char pad)
{
    int fill = width > (int)n ? width - (int)n : 0;
    if (!left)
        while (fill-- > 0)
            put(o, pad);
    while (n--)
        put(o, *s++);
    if (left)
        while (fill-- > 0)
            put(o, ' ');
}

static void put_number(struct outbuf *o, uint64_t v, bool neg, unsigned base, int width, bool left,
                       char pad)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    if (neg) {
        if (pad == '0') {
            put(o, '-');
            width--;
        } else {
            tmp[n++] = '-';
        }
    }
    char out[24];
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    put_padded(o, out, (size_t)n, width, left, pad);
}

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct outbuf o = {buf, size, 0};
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            put(&o, *fmt);
            continue;
        }
        fmt++;
        bool left = false;
        char pad = ' ';
        for (; *fmt == '-' || *fmt == '0'; fmt++) {
            if (*fmt == '-')
                left = true;
            else
                pad = '0';
        }
        int width = 0;
        for (; *fmt >= '0' && *fmt <= '9'; fmt++)
            width = width * 10 + (*fmt - '0');
        int longs = 0;
        for (; *fmt == 'l' || *fmt == 'z'; fmt++)
            longs++;
        uint64_t u;
        int64_t s;
        switch (*fmt) {
        case 'd':
        case 'i':
            s = longs ? va_arg(ap, int64_t) : va_arg(ap, int);
            put_number(&o, s < 0 ? -(uint64_t)s : (uint64_t)s, s < 0, 10, width, left, pad);
            break;
        case 'u':
        case 'x':
            u = longs ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);
            put_number(&o, u, false, *fmt == 'u' ? 10 : 16, width, left, pad);
            break;
        case 'p':
            put(&o, '0');
            put(&o, 'x');
            put_number(&o, (uintptr_t)va_arg(ap, void *), false, 16, 16, false, '0');
            break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (!str)
                str = "(null)";
            put_padded(&o, str, strlen(str), width, left, ' ');
            break;
        }
        case 'c': {
            char c = (char)va_arg(ap, int);
            put_padded(&o, &c, 1, width, left, ' ');
            break;
        }
        case '%':
            put(&o, '%');
            break;
        default:
            put(&o, '%');
            if (*fmt)
                put(&o, *fmt);
            else
                fmt--;
        }
    }
    if (size)
        buf[o.len < size ? o.len : size - 1] = '\0';
    return (int)o.len;
}
