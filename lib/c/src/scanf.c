/*
 * The scanf family: conversions of C99 (%d %i %o %u %x %X %c %s %[...] %p %n %f %e %g %a and
 * their upper-case forms, %%), assignment suppression (*), field widths and the length
 * modifiers hh h l ll j z t L. A numeric field takes the longest run of characters that can
 * begin a number ("1e" in "1e!"), as C99 asks, and converts it with strtoll/strtoull/strtod;
 * like glibc, a run whose tail is not part of the number ("1e", "0x") still gives the value of
 * its valid beginning.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "length_modifier.h"

/* Where the characters come from: a string or a stream. */
struct scan_source {
    const char *s; /* string source, or NULL */
    FILE *f;
    long count; /* characters consumed, for %n */
};

static int peek(struct scan_source *in)
{
    if (in->s)
        return *in->s ? (unsigned char)*in->s : EOF;
    int c = fgetc(in->f);
    if (c != EOF)
        ungetc(c, in->f);
    return c;
}

static void take(struct scan_source *in)
{
    if (in->s)
        in->s++;
    else
        fgetc(in->f);
    in->count++;
}

static void skip_space(struct scan_source *in)
{
    while (peek(in) != EOF && isspace(peek(in)))
        take(in);
}

// Copies into buf the longest prefix of the input that can start a number of the given kind,
// within width characters. Returns its length (0: no number here).
static size_t gather_number(struct scan_source *in, char *buf, size_t size, int width, bool fp,
                            int base)
{
    size_t n = 0;
    bool hex = base == 16, digits = false, dot = false, exp = false;
    int limit = base == 8 ? 8 : 10; /* decimal digits allowed; %i learns its base as it goes */
    while (n + 1 < size && (int)n < width) {
        int c = peek(in);
        bool ok = false;
        if (!fp && base == 0 && digits && !hex && n > 0 && buf[n - 1] == '0' &&
            (n == 1 || (n == 2 && (buf[0] == '+' || buf[0] == '-'))))
            limit = 8; /* a leading 0 makes %i octal */
        if ((c == '+' || c == '-') && (n == 0 || (exp && (buf[n - 1] == 'e' || buf[n - 1] == 'E' ||
                                                          buf[n - 1] == 'p' || buf[n - 1] == 'P'))))
            ok = true;
        else if (c == '0' && !digits && (base == 0 || base == 16 || fp)) {
            ok = true;
            digits = true;
        } else if ((c == 'x' || c == 'X') && n > 0 && buf[n - 1] == '0' &&
                   (n == 1 || (n == 2 && (buf[0] == '+' || buf[0] == '-'))) &&
                   (base == 0 || base == 16 || fp)) {
            ok = true;
            hex = true;
            digits = false;
        } else if (c != EOF && isdigit(c) && (c - '0' < limit || hex || fp)) {
            ok = true;
            digits = true;
        } else if (c != EOF && hex && isxdigit(c) && !exp) {
            ok = true;
            digits = true;
        } else if (fp && c == '.' && !dot && !exp) {
            ok = true;
            dot = true;
        } else if (fp && digits && !exp &&
                   ((!hex && (c == 'e' || c == 'E')) || (hex && (c == 'p' || c == 'P')))) {
            ok = true;
            exp = true;
        }
        if (!ok)
            break;
        buf[n++] = (char)c;
        take(in);
    }
    buf[n] = '\0';
    return n;
}

// Reads inf/infinity/nan for %f when the input spells one of them.
static size_t gather_special(struct scan_source *in, char *buf, size_t size, int width)
{
    static const char *const words[] = {"infinity", "inf", "nan"};
    size_t n = 0;
    if ((peek(in) == '+' || peek(in) == '-') && width > 0) {
        buf[n++] = (char)peek(in);
        take(in);
    }
    /* Only a string source can look ahead more than one character. A width that ends inside
       "infinity" after "inf" leaves a field that is no number (C99): consume it, match nothing. */
    size_t room = (size_t)width - n;
    if (in->s && room > 3 && room < 8 && strncasecmp(in->s, "infinity", room) == 0) {
        for (size_t i = 0; i < room; i++)
            take(in);
        return 0;
    }
    for (int w = 0; w < 3 && in->s; w++) {
        size_t len = strlen(words[w]);
        if ((int)(n + len) <= width && n + len < size && strncasecmp(in->s, words[w], len) == 0) {
            memcpy(buf + n, in->s, len);
            for (size_t i = 0; i < len; i++)
                take(in);
            buf[n + len] = '\0';
            return n + len;
        }
    }
    buf[n] = '\0';
    return n;
}

// Parses a %[ set at *fmt (after the '['); fills set[] and returns the format after ']'.
static const char *scan_set(const char *fmt, bool set[256])
{
    bool invert = false;
    if (*fmt == '^') {
        invert = true;
        fmt++;
    }
    memset(set, 0, 256 * sizeof(bool));
    if (*fmt == ']') {
        set[']'] = true;
        fmt++;
    }
    for (; *fmt && *fmt != ']'; fmt++) {
        if (fmt[1] == '-' && fmt[2] && fmt[2] != ']') {
            for (int c = (unsigned char)fmt[0]; c <= (unsigned char)fmt[2]; c++)
                set[c] = true;
            fmt += 2;
        } else {
            set[(unsigned char)*fmt] = true;
        }
    }
    if (invert)
        for (int c = 0; c < 256; c++)
            set[c] = !set[c];
    return *fmt == ']' ? fmt + 1 : fmt;
}

static int vscan(struct scan_source *in, const char *fmt, va_list ap)
{
    int assigned = 0;
    bool any_input = false;
    for (; *fmt; fmt++) {
        if (isspace((unsigned char)*fmt)) {
            skip_space(in);
            continue;
        }
        if (*fmt != '%' || fmt[1] == '%') {
            if (*fmt == '%') {
                fmt++;
                skip_space(in);
            }
            if (peek(in) != (unsigned char)*fmt)
                return peek(in) == EOF && !any_input ? EOF : assigned;
            take(in);
            continue;
        }
        fmt++;
        bool suppress = *fmt == '*';
        if (suppress)
            fmt++;
        int width = 0;
        while (isdigit((unsigned char)*fmt))
            width = width * 10 + (*fmt++ - '0');
        if (width == 0)
            width = INT_MAX;
        enum length len = length_parse(&fmt);
        char conv = *fmt;
        if (conv == '\0')
            break;
        if (conv == 'n') {
            if (!suppress)
                length_store(va_arg(ap, void *), len, (unsigned long long)in->count);
            continue;
        }
        if (conv != 'c' && conv != '[')
            skip_space(in);
        if (peek(in) == EOF)
            return any_input || assigned ? assigned : EOF;
        char num[512];
        switch (conv) {
        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X':
        case 'p': {
            int base = conv == 'd' || conv == 'u' ? 10 : conv == 'o' ? 8 : conv == 'i' ? 0 : 16;
            size_t n = gather_number(in, num, sizeof(num), width, false, base);
            char *end;
            unsigned long long v = (conv == 'd' || conv == 'i')
                                       ? (unsigned long long)strtoll(num, &end, base)
                                       : strtoull(num, &end, base);
            if (n == 0 || end == num)
                return assigned;
            any_input = true;
            if (!suppress) {
                if (conv == 'p')
                    *va_arg(ap, void **) = (void *)(uintptr_t)v;
                else
                    length_store(va_arg(ap, void *), len, v);
                assigned++;
            }
            break;
        }
        case 'a':
        case 'A':
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            /* inf and nan: a string can be looked at ahead, a stream only one character ahead
               (so a stream's "-inf" is not read). */
            const char *ahead = in->s;
            if (ahead && (*ahead == '+' || *ahead == '-'))
                ahead++;
            int c0 = peek(in);
            bool special =
                ahead ? strncasecmp(ahead, "inf", 3) == 0 || strncasecmp(ahead, "nan", 3) == 0
                      : c0 == 'i' || c0 == 'I' || c0 == 'n' || c0 == 'N';
            size_t n = special ? gather_special(in, num, sizeof(num), width)
                               : gather_number(in, num, sizeof(num), width, true, 10);
            char *end;
            double v = strtod(num, &end);
            if (n == 0 || end == num)
                return assigned;
            any_input = true;
            if (!suppress) {
                if (len == LEN_L)
                    *va_arg(ap, double *) = v;
                else if (len == LEN_BIG_L)
                    *va_arg(ap, long double *) = v;
                else
                    *va_arg(ap, float *) = (float)v;
                assigned++;
            }
            break;
        }
        case 'c': {
            if (width == INT_MAX)
                width = 1;
            char *out = suppress ? NULL : va_arg(ap, char *);
            int i = 0;
            for (; i < width && peek(in) != EOF; i++) {
                if (out)
                    out[i] = (char)peek(in);
                take(in);
            }
            if (i < width)
                return assigned ? assigned : (i ? assigned : EOF);
            any_input = true;
            if (out)
                assigned++;
            break;
        }
        case 's':
        case '[': {
            bool set[256];
            if (conv == '[')
                fmt = scan_set(fmt + 1, set) - 1;
            char *out = suppress ? NULL : va_arg(ap, char *);
            int i = 0;
            for (; i < width && peek(in) != EOF; i++) {
                int c = peek(in);
                if (conv == 's' ? isspace(c) : !set[c])
                    break;
                if (out)
                    out[i] = (char)c;
                take(in);
            }
            if (i == 0)
                return assigned;
            any_input = true;
            if (out) {
                out[i] = '\0';
                assigned++;
            }
            break;
        }
        default:
            return assigned;
        }
    }
    return assigned;
}

int vsscanf(const char *s, const char *fmt, va_list ap)
{
    struct scan_source in = {s, NULL, 0};
    return vscan(&in, fmt, ap);
}

int sscanf(const char *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsscanf(s, fmt, ap);
    va_end(ap);
    return n;
}

int vfscanf(FILE *f, const char *fmt, va_list ap)
{
    struct scan_source in = {NULL, f, 0};
    return vscan(&in, fmt, ap);
}

int fscanf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfscanf(f, fmt, ap);
    va_end(ap);
    return n;
}

int scanf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfscanf(stdin, fmt, ap);
    va_end(ap);
    return n;
}
