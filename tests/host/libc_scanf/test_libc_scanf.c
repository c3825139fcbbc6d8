/*
 * Host tests of libc's scanf family (lib/c/src/scanf.c) against glibc's: each case scans the
 * same input with the same format both ways and compares the return value, every stored value
 * and %n. The runner builds libc's sources renamed to qsoe_* (tests/host/libc_stdlib/rename.h,
 * and scanf_renamed.c for the scanf names), so the plain names here are glibc's.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int qsoe_sscanf(const char *s, const char *fmt, ...);

#define TEST_MODULE "libc_scanf"
#include "../harness.h"

static int bad;
static char first[256];

static void note(bool ok, const char *fmt, const char *in)
{
    if (!ok && !bad++)
        snprintf(first, sizeof(first), "format \"%s\" on \"%s\"", fmt, in);
}

// Scans in with a format of one integer conversion and %n, both ways.
static void ints(const char *fmt, const char *in)
{
    long long a = -7, b = -7;
    int na = -1, nb = -1, ra, rb;
    char f[64];
    snprintf(f, sizeof(f), "%s%%n", fmt);
    ra = qsoe_sscanf(in, f, &a, &na);
    rb = sscanf(in, f, &b, &nb);
    note(ra == rb && (rb < 1 || (a == b && na == nb)), fmt, in);
}

static void doubles(const char *fmt, const char *in)
{
    double a = -7, b = -7;
    int ra = qsoe_sscanf(in, fmt, &a), rb = sscanf(in, fmt, &b);
    note(ra == rb && (rb < 1 || (a == b || (isnan(a) && isnan(b)))), fmt, in);
}

static void strings(const char *fmt, const char *in)
{
    char a[64], b[64], c[64], d[64];
    memset(a, 'A', sizeof(a));
    memset(b, 'A', sizeof(b));
    memset(c, 'C', sizeof(c));
    memset(d, 'C', sizeof(d));
    int ra = qsoe_sscanf(in, fmt, a, c), rb = sscanf(in, fmt, b, d);
    note(ra == rb && memcmp(a, b, sizeof(a)) == 0 && memcmp(c, d, sizeof(c)) == 0, fmt, in);
}

static void group(const char *what)
{
    report(bad == 0, what, "%d mismatches, first: %s", bad, first);
    bad = 0;
}

int main(void)
{
    static const char *const int_inputs[] = {"42",
                                             "-42",
                                             "+7",
                                             "  13",
                                             "\t\n 99x",
                                             "0x1f",
                                             "0X1F",
                                             "017",
                                             "08",
                                             "-0x10",
                                             "x",
                                             "",
                                             "   ",
                                             "2147483647",
                                             "-2147483648",
                                             "9999999999999",
                                             "0",
                                             "-",
                                             "+",
                                             "0x",
                                             "1e5",
                                             "18446744073709551615",
                                             "123456789012345678901234",
                                             "0xg",
                                             "  -  5"};
    static const char *const int_formats[] = {"%lld", "%lli",  "%llx",  "%llX",  "%llo",
                                              "%llu", "%3lld", "%1lld", "%2lli", "%4llx"};
    for (size_t f = 0; f < sizeof(int_formats) / sizeof(*int_formats); f++)
        for (size_t i = 0; i < sizeof(int_inputs) / sizeof(*int_inputs); i++)
            ints(int_formats[f], int_inputs[i]);
    srand(7);
    for (int k = 0; k < 20000; k++) {
        char in[40];
        long long v = ((long long)rand() << 31 | rand()) * (rand() % 2 ? 1 : -1);
        static const char *const forms[] = {"%lld", "%llx", "%llo", "%lli"};
        int which = rand() % 4;
        snprintf(in, sizeof(in),
                 which == 1   ? "%s%llx"
                 : which == 2 ? "%s%llo"
                              : "%s%lld",
                 rand() % 3 ? "" : "  ", v);
        ints(forms[which], in);
    }
    group("integer conversions, widths and prefixes match glibc");

    static const char *const fp_inputs[] = {"3.14",
                                            "-2.5e3",
                                            "1e-5",
                                            ".5",
                                            "5.",
                                            "1e",
                                            "1e+",
                                            "inf",
                                            "-INFINITY",
                                            "nan",
                                            "NaN",
                                            "0x1.8p3",
                                            "0x1p-1074",
                                            "1e400",
                                            "4.9e-324",
                                            "2.2250738585072014e-308",
                                            "  7",
                                            "-0",
                                            "1.7976931348623157e308",
                                            "abc",
                                            ".",
                                            "+.e1",
                                            "123456789012345678901234567890"};
    static const char *const fp_formats[] = {"%lf", "%le", "%lg", "%la", "%5lf", "%2lf"};
    for (size_t f = 0; f < sizeof(fp_formats) / sizeof(*fp_formats); f++)
        for (size_t i = 0; i < sizeof(fp_inputs) / sizeof(*fp_inputs); i++)
            doubles(fp_formats[f], fp_inputs[i]);
    for (int k = 0; k < 20000; k++) {
        char in[64];
        double v = (double)rand() / rand() * pow(10, rand() % 40 - 20);
        snprintf(in, sizeof(in), rand() % 2 ? "%.17g" : "%.6e", v);
        doubles("%lf", in);
    }
    group("floating conversions, infinities and NaNs match glibc");

    static const char *const str_inputs[] = {
        "hello world", "  padded", "a,b,c", "]bracket", "x-y-z", "", "one", "tab\there", "1234abc"};
    /* No "%*s%s" here: at the end of the input glibc returns EOF after a suppressed
       conversion, where C99 7.19.6.2 asks for 0; that case is checked on its own below. */
    static const char *const str_formats[] = {"%s%s",      "%3s%s", "%[a-z]%s", "%[^,],%s",
                                              "%[]a-z]%s", "%2c%s", "%c%c",     "%[0-9]%[a-z]",
                                              "%s,%s",     "x%s%s", "%[-a-z]%s"};
    for (size_t f = 0; f < sizeof(str_formats) / sizeof(*str_formats); f++)
        for (size_t i = 0; i < sizeof(str_inputs) / sizeof(*str_inputs); i++)
            strings(str_formats[f], str_inputs[i]);
    group("strings, characters and scan sets match glibc");

    int a1 = 0, b1 = 0, a2 = 0, b2 = 0;
    int r1 = qsoe_sscanf("12 : 34", "%d : %d", &a1, &b1),
        r2 = sscanf("12 : 34", "%d : %d", &a2, &b2);
    note(r1 == r2 && a1 == a2 && b1 == b2, "%d : %d", "12 : 34");
    r1 = qsoe_sscanf("12-34", "%d:%d", &a1, &b1);
    r2 = sscanf("12-34", "%d:%d", &a2, &b2);
    note(r1 == r2, "%d:%d", "12-34");
    r1 = qsoe_sscanf("", "%d", &a1);
    r2 = sscanf("", "%d", &a2);
    note(r1 == r2 && r1 == EOF, "%d", "(empty)");
    r1 = qsoe_sscanf("100%", "%d%%", &a1);
    r2 = sscanf("100%", "%d%%", &a2);
    note(r1 == r2 && a1 == a2, "%d%%", "100%");
    short h1 = 0, h2 = 0;
    signed char c1 = 0, c2 = 0;
    r1 = qsoe_sscanf("70000 300", "%hd %hhd", &h1, &c1);
    r2 = sscanf("70000 300", "%hd %hhd", &h2, &c2);
    note(r1 == r2 && h1 == h2 && c1 == c2, "%hd %hhd", "70000 300");
    void *p1 = NULL, *p2 = NULL;
    r1 = qsoe_sscanf("0x7fff1234", "%p", &p1);
    r2 = sscanf("0x7fff1234", "%p", &p2);
    note(r1 == r2 && p1 == p2, "%p", "0x7fff1234");
    group("literal matching, %%, EOF, length modifiers and %p match glibc");
    char word[16];
    report(qsoe_sscanf("  padded", "%*s%s", word) == 0,
           "an input failure after a completed (suppressed) conversion returns 0, as C99 says",
           NULL);
    return test_summary();
}
