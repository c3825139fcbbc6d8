/*
 * echo: writes its arguments separated by spaces and a newline. As GNU echo does: -n drops the
 * newline, -e interprets backslash escapes (\n \t \\ \c \0NNN \xHH ...), -E does not (the
 * default).
 */
#include <stdio.h>
#include <string.h>

// Whether arg is a cluster of echo's options (n, e, E only); sets the flags if so.
static int parse_flags(const char *arg, int *newline, int *escapes)
{
    if (arg[0] != '-' || arg[1] == '\0' || strspn(arg + 1, "neE") != strlen(arg + 1))
        return 0;
    for (const char *p = arg + 1; *p; p++) {
        if (*p == 'n')
            *newline = 0;
        else
            *escapes = *p == 'e';
    }
    return 1;
}

// The value of up to max digits of base at *p, moving *p past them.
static int digits(const char **p, int base, int max)
{
    int v = 0;
    for (int i = 0; i < max; i++) {
        char c = **p;
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : 99;
        if (d >= base)
            break;
        v = v * base + d;
        (*p)++;
    }
    return v;
}

// Writes s with its escapes interpreted; 0 if a \c said to stop all output.
static int put_escaped(const char *s)
{
    static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";
    while (*s) {
        if (*s != '\\' || s[1] == '\0') {
            putchar(*s++);
            continue;
        }
        s++;
        const char *e = strchr(from, *s);
        if (*s == 'c') {
            return 0;
        } else if (*s == '0') {
            s++;
            putchar(digits(&s, 8, 3));
        } else if (*s == 'x' && strchr("0123456789abcdefABCDEF", s[1]) && s[1]) {
            s++;
            putchar(digits(&s, 16, 2));
        } else if (e) {
            putchar(to[e - from]);
            s++;
        } else {
            putchar('\\');
        }
    }
    return 1;
}

int main(int argc, char **argv)
{
    int newline = 1, escapes = 0, i = 1;
    while (i < argc && parse_flags(argv[i], &newline, &escapes))
        i++;
    for (int first = i; i < argc; i++) {
        if (i > first)
            putchar(' ');
        if (escapes && !put_escaped(argv[i]))
            return 0;
        if (!escapes)
            fputs(argv[i], stdout);
    }
    if (newline)
        putchar('\n');
    return fflush(stdout) == 0 ? 0 : 1;
}
