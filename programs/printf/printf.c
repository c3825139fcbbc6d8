/*
 * printf: writes its arguments under the control of a format, as POSIX printf does: the
 * format's escapes, conversions d i o u x X c s b e E f F g G a A and %%, flags, width and
 * precision (also as *), and the format reused until the arguments are used up. Floating
 * arguments are converted as long double, integers as long long.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static int status;
static char **args;
static int nargs, next_arg;

static const char *take_arg(void)
{
    return next_arg < nargs ? args[next_arg++] : NULL;
}

// Writes the escape at *p (after the backslash); 0 if it was \c, which ends all output.
static int put_escape(const char **p, int in_b)
{
    static const char from[] = "\\abfnrtv\"", to[] = "\\\a\b\f\n\r\t\v\"";
    const char *s = *p;
    const char *e = *s ? strchr(from, *s) : NULL;
    if (*s == 'c')
        return 0;
    if (*s >= '0' && *s <= '7') {
        int max = in_b && *s == '0' ? 4 : 3, v = 0;
        for (int i = 0; i < max && *s >= '0' && *s <= '7'; i++)
            v = v * 8 + (*s++ - '0');
        putchar(v);
    } else if (*s == 'x' && isxdigit((unsigned char)s[1])) {
        int v = 0;
        s++;
        for (int i = 0; i < 2 && isxdigit((unsigned char)*s); i++, s++)
            v = v * 16 + (isdigit((unsigned char)*s) ? *s - '0' : tolower(*s) - 'a' + 10);
        putchar(v);
    } else if (e) {
        putchar(to[e - from]);
        s++;
    } else {
        putchar('\\');
        if (*s)
            putchar(*s++);
    }
    *p = s;
    return 1;
}

// The numeric value of an argument: a number in C syntax or 'c / "c for a character's code.
// A malformed one is reported and its valid prefix used.
static long long int_arg(const char *a, int is_unsigned)
{
    if (!a)
        return 0;
    if (*a == '\'' || *a == '"')
        return (unsigned char)a[1];
    char *end;
    errno = 0;
    long long v = is_unsigned && *a != '-' ? (long long)strtoull(a, &end, 0) : strtoll(a, &end, 0);
    if (end == a || *end != '\0' || errno == ERANGE) {
        warn(end == a ? "'%s': expected a numeric value" : "'%s': value not completely converted",
             a);
        status = 1;
    }
    return v;
}

// The value of an argument for a floating conversion, like int_arg.
static long double float_arg(const char *a)
{
    if (!a)
        return 0;
    if (*a == '\'' || *a == '"')
        return (unsigned char)a[1];
    char *end;
    long double v = strtold(a, &end);
    if (end == a || *end != '\0') {
        warn(end == a ? "'%s': expected a numeric value" : "'%s': value not completely converted",
             a);
        status = 1;
    }
    return v;
}

// Writes a %b argument; 0 if it held \c.
static int put_b(const char *a)
{
    while (a && *a) {
        if (*a != '\\') {
            putchar(*a++);
            continue;
        }
        a++;
        if (!put_escape(&a, 1))
            return 0;
    }
    return 1;
}

// Handles the conversion at *p (after '%'); 0 if output must stop (\c in %b).
// Whether a conversion is one GNU printf accepts: %b and %% only bare, no '#' with c d i s u,
// no '0' with c s, no precision with c (the combinations C leaves undefined).
static int valid_spec(char conv, const char *flags, size_t nflags, int bare, int precision)
{
    if (conv == 'b' || conv == '%')
        return bare;
    if (!strchr("diouxXeEfFgGaAcs", conv))
        return 0;
    if (memchr(flags, '#', nflags) && strchr("cdisu", conv))
        return 0;
    if (memchr(flags, '0', nflags) && strchr("cs", conv))
        return 0;
    return !(precision && conv == 'c');
}

static int convert(const char **p)
{
    char spec[64] = "%";
    size_t n = 1;
    const char *s = *p;
    while (*s && strchr("-+ #0", *s) && n < 20)
        spec[n++] = *s++;
    size_t nflags = n - 1;
    int precision = 0;
    for (int part = 0; part < 2; part++) {
        if (part == 1) {
            if (*s != '.')
                break;
            precision = 1;
            spec[n++] = *s++;
        }
        if (*s == '*') {
            s++;
            n += (size_t)snprintf(spec + n, sizeof(spec) - n, "%d", (int)int_arg(take_arg(), 0));
        } else {
            while (isdigit((unsigned char)*s) && n < 40)
                spec[n++] = *s++;
        }
    }
    // Length modifiers mean nothing here (every number is converted at the widest size).
    while (*s && strchr("hlLqjzt", *s))
        s++;
    char conv = *s;
    if (conv == '\0') {
        warn("%%%s: missing conversion specifier", *p);
        status = 1;
        *p = s;
        return 1;
    }
    const char *start = *p;
    int bare = s == start;
    *p = s + 1;
    if (!valid_spec(conv, spec + 1, nflags, bare, precision)) {
        warn("%%%.*s: invalid conversion specification", (int)(s + 1 - start), start);
        status = 1;
        return 0;
    }
    if (conv == '%') {
        putchar('%');
        return 1;
    }
    if (strchr("diouxX", conv)) {
        spec[n++] = 'l';
        spec[n++] = 'l';
        spec[n++] = conv;
        spec[n] = '\0';
        printf(spec, int_arg(take_arg(), conv != 'd' && conv != 'i'));
    } else if (strchr("eEfFgGaA", conv)) {
        spec[n++] = 'L';
        spec[n++] = conv;
        spec[n] = '\0';
        printf(spec, float_arg(take_arg()));
    } else if (conv == 'c' || conv == 's') {
        const char *a = take_arg();
        spec[n++] = conv;
        spec[n] = '\0';
        if (conv == 'c')
            printf(spec, a ? (unsigned char)a[0] : 0);
        else
            printf(spec, a ? a : "");
    } else {
        return put_b(take_arg());
    }
    return 1;
}

int main(int argc, char **argv)
{
    util_init("printf");
    int first = 1;
    if (first < argc && strcmp(argv[first], "--") == 0)
        first++;
    if (first >= argc)
        die(1, "missing operand");
    const char *format = argv[first];
    args = argv + first + 1;
    nargs = argc - first - 1;
    do {
        int used_before = next_arg;
        for (const char *p = format; *p;) {
            if (*p == '\\') {
                p++;
                if (!put_escape(&p, 0)) {
                    fflush(stdout);
                    return status;
                }
            } else if (*p == '%') {
                p++;
                if (!convert(&p))
                    return status;
            } else {
                putchar(*p++);
            }
        }
        if (next_arg == used_before)
            break;
    } while (next_arg < nargs);
    fflush(stdout);
    return status;
}
