// Host tests of the printf engine (lib/c/src/format.c): each case is formatted by glibc's
// vsnprintf and by format_vsnprintf, and the two must give the same bytes and the same count.
// Cases are generated from fixed seeds, so every run checks the same ones.
#define TEST_MODULE "libc_format"
#include "../harness.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "../../../lib/c/src/format.h"

#define OUT_SIZE 32768

/* Cases compared with glibc over the whole run. */
static long total_cases;

/* The test group being run: whether it failed, and its first mismatch. */
static struct {
    bool failed;
    char detail[512];
} group;

static void group_begin(void)
{
    group.failed = false;
    group.detail[0] = '\0';
}

static void group_end(const char *what)
{
    report(!group.failed, what, "%s", group.detail);
}

// Shortens s for a failure message.
static const char *clip(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s);

    if (n < size)
        return s;
    snprintf(buf, size, "%.*s...", (int)size - 4, s);
    return buf;
}

// Records a mismatch of the current group (only the first is kept).
static void mismatch(const char *fmt, const char *want, int want_n, const char *got, int got_n)
{
    char a[160], b[160], c[120];

    if (group.failed)
        return;
    group.failed = true;
    snprintf(group.detail, sizeof(group.detail),
             "format \"%s\", glibc \"%s\" (%d), ours \"%s\" (%d)", clip(fmt, c, sizeof(c)),
             clip(want, a, sizeof(a)), want_n, clip(got, b, sizeof(b)), got_n);
}

// Formats fmt and the arguments with glibc and with format_vsnprintf and compares them.
static void check(const char *fmt, ...)
{
    static char want[OUT_SIZE], got[OUT_SIZE];
    va_list ap, aq;
    int wn, gn;

    va_start(ap, fmt);
    va_copy(aq, ap);
    wn = vsnprintf(want, sizeof(want), fmt, ap);
    gn = format_vsnprintf(got, sizeof(got), fmt, aq);
    va_end(aq);
    va_end(ap);
    total_cases++;
    /* memcmp, not strcmp: a %c of 0 puts a NUL inside the output. */
    if (wn != gn ||
        (wn >= 0 && memcmp(want, got, (size_t)(wn < OUT_SIZE ? wn : OUT_SIZE - 1) + 1) != 0))
        mismatch(fmt, want, wn, got, gn);
}

// format_vsnprintf with the arguments given directly.
static int ours(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = format_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

static uint64_t rng_state;

static uint64_t rand64(void)
{
    uint64_t hi = test_rng(&rng_state);
    return hi << 32 | test_rng(&rng_state);
}

// A double with uniformly random bits, never inf or nan.
static double random_double(void)
{
    for (;;) {
        uint64_t bits = rand64();
        double d;
        memcpy(&d, &bits, sizeof(d));
        if ((bits >> 52 & 0x7ff) != 0x7ff)
            return d;
    }
}

// A subnormal double (or zero) with random bits.
static double random_subnormal(void)
{
    uint64_t bits = rand64() & (((uint64_t)1 << 52) - 1);
    double d;

    if (test_rng(&rng_state) & 1)
        bits >>= test_rng(&rng_state) % 52;
    bits |= (uint64_t)(test_rng(&rng_state) & 1) << 63;
    memcpy(&d, &bits, sizeof(d));
    return d;
}

// A "decimal-looking" double: a random integer over a power of ten, the values printf users
// format most and whose digits sit near rounding boundaries.
static double random_decimal(void)
{
    double d = (double)(rand64() % 100000000);
    int k = (int)(test_rng(&rng_state) % 12);

    while (k-- > 0)
        d /= 10;
    return test_rng(&rng_state) & 1 ? -d : d;
}

static const char *const flag_sets[] = {"",   "-",  "+",   " ",   "#",   "0",    "-+",
                                        "- ", "-#", "-0",  "+ ",  "+#",  "+0",   " #",
                                        " 0", "#0", "-+#", "+0#", " 0#", "-+ #0"};
#define NFLAGS (sizeof(flag_sets) / sizeof(flag_sets[0]))

static const char *const widths[] = {"", "1", "6", "13", "30"};
static const char *const precs[] = {"", ".", ".0", ".1", ".3", ".8", ".22"};

// Builds "%<flags><width><prec><len><conv>".
static void make_fmt(char *buf, size_t size, const char *flags, const char *width, const char *prec,
                     const char *len, char conv)
{
    snprintf(buf, size, "%%%s%s%s%s%c", flags, width, prec, len, conv);
}

/* ---- Text, integers, characters, strings, pointers ------------------------------------- */

static void test_text(void)
{
    group_begin();
    check("");
    check("plain text with no conversions");
    check("100%% sure, %%%% twice, trailing %%");
    check("%d%%%d", 1, 2);
    check("%s%c%s", "", 'x', "");
    group_end("plain text and %% pass through unchanged");
}

// Checks one signed value at length modifier len under many flag, width and precision sets.
static void check_signed(const char *len, intmax_t v)
{
    char fmt[64];
    size_t f, w, p;

    for (f = 0; f < NFLAGS; f++)
        for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
            for (p = 0; p < sizeof(precs) / sizeof(precs[0]); p++) {
                make_fmt(fmt, sizeof(fmt), flag_sets[f], widths[w], precs[p], len,
                         (f + w + p) % 2 ? 'd' : 'i');
                if (strcmp(len, "hh") == 0)
                    check(fmt, (int)(signed char)v);
                else if (strcmp(len, "h") == 0)
                    check(fmt, (int)(short)v);
                else if (strcmp(len, "") == 0)
                    check(fmt, (int)v);
                else if (strcmp(len, "l") == 0)
                    check(fmt, (long)v);
                else if (strcmp(len, "ll") == 0)
                    check(fmt, (long long)v);
                else if (strcmp(len, "j") == 0)
                    check(fmt, v);
                else if (strcmp(len, "z") == 0)
                    check(fmt, (ptrdiff_t)v);
                else
                    check(fmt, (ptrdiff_t)v);
            }
}

static void test_signed(void)
{
    static const char *const lens[] = {"hh", "h", "", "l", "ll", "j", "z", "t"};
    static const intmax_t fixed[] = {
        0,        1,        -1,      9,       -10,       SCHAR_MIN, SCHAR_MAX,
        SHRT_MIN, SHRT_MAX, INT_MIN, INT_MAX, LLONG_MIN, LLONG_MAX, LLONG_MIN + 1};
    size_t l, i;

    group_begin();
    rng_state = 0x5eed0001;
    for (l = 0; l < sizeof(lens) / sizeof(lens[0]); l++) {
        for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
            check_signed(lens[l], fixed[i]);
        for (i = 0; i < 4; i++)
            check_signed(lens[l],
                         (intmax_t)(rand64() >> (test_rng(&rng_state) % 64)) * (i % 2 ? -1 : 1));
    }
    group_end("%d and %i at every length modifier: boundaries, random values, all flags, "
              "widths and precisions");
}

// Checks one unsigned value at length modifier len with every unsigned conversion.
static void check_unsigned(const char *len, uintmax_t v)
{
    static const char convs[] = "ouxX";
    char fmt[64];
    size_t f, w, p, c;

    for (c = 0; c < 4; c++)
        for (f = 0; f < NFLAGS; f++)
            for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w += 2)
                for (p = 0; p < sizeof(precs) / sizeof(precs[0]); p++) {
                    make_fmt(fmt, sizeof(fmt), flag_sets[f], widths[w], precs[p], len, convs[c]);
                    if (strcmp(len, "hh") == 0)
                        check(fmt, (unsigned)(unsigned char)v);
                    else if (strcmp(len, "h") == 0)
                        check(fmt, (unsigned)(unsigned short)v);
                    else if (strcmp(len, "") == 0)
                        check(fmt, (unsigned)v);
                    else if (strcmp(len, "l") == 0)
                        check(fmt, (unsigned long)v);
                    else if (strcmp(len, "ll") == 0)
                        check(fmt, (unsigned long long)v);
                    else if (strcmp(len, "j") == 0)
                        check(fmt, v);
                    else
                        check(fmt, (size_t)v);
                }
}

static void test_unsigned(void)
{
    static const char *const lens[] = {"hh", "h", "", "l", "ll", "j", "z", "t"};
    static const uintmax_t fixed[] = {0,   1,     7,        8,          255,
                                      256, 65535, UINT_MAX, ULLONG_MAX, (uintmax_t)1 << 63};
    size_t l, i;

    group_begin();
    rng_state = 0x5eed0002;
    for (l = 0; l < sizeof(lens) / sizeof(lens[0]); l++) {
        for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
            check_unsigned(lens[l], fixed[i]);
        for (i = 0; i < 3; i++)
            check_unsigned(lens[l], rand64() >> (test_rng(&rng_state) % 64));
    }
    group_end("%o %u %x %X at every length modifier: boundaries, random values, # and 0 flags, "
              "widths and precisions");
}

static void test_chars(void)
{
    static const int chars[] = {'a', ' ', '%', 0x7f, 0xe9, 0xff, 256 + 'b'};
    char fmt[64];
    size_t f, w, i;

    group_begin();
    for (f = 0; f < NFLAGS; f++)
        for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
            for (i = 0; i < sizeof(chars) / sizeof(chars[0]); i++) {
                make_fmt(fmt, sizeof(fmt), flag_sets[f], widths[w], "", "", 'c');
                check(fmt, chars[i]);
            }
    check("[%c]", 0);
    check("%c%c%c", 'a', 'b', 'c');
    group_end("%c with flags and widths, including a NUL character");
}

static void test_strings(void)
{
    static const char *const strs[] = {"", "a", "hello", "a longer string, 32 bytes long.."};
    static const char *const sprecs[] = {"", ".", ".0", ".1", ".4", ".5", ".6", ".40"};
    char fmt[64];
    size_t f, w, p, i;

    group_begin();
    for (f = 0; f < NFLAGS; f++)
        for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
            for (p = 0; p < sizeof(sprecs) / sizeof(sprecs[0]); p++) {
                make_fmt(fmt, sizeof(fmt), flag_sets[f], widths[w], sprecs[p], "", 's');
                for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
                    check(fmt, strs[i]);
                check(fmt, (const char *)NULL);
            }
    {
        char unterminated[3] = {'a', 'b', 'c'};
        check("%.3s|%.2s", unterminated, unterminated);
    }
    group_end("%s with widths and precisions (precision bounds the bytes read), null as glibc "
              "prints it");
}

static void test_pointers(void)
{
    static const char *const pprecs[] = {"", ".0", ".4", ".20"};
    void *ptrs[] = {NULL, (void *)0x1, (void *)0x1234, (void *)&group,
                    (void *)(uintptr_t)UINT64_MAX};
    char fmt[64];
    size_t f, w, p, i;

    group_begin();
    for (f = 0; f < NFLAGS; f++)
        for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
            for (p = 0; p < sizeof(pprecs) / sizeof(pprecs[0]); p++)
                for (i = 0; i < sizeof(ptrs) / sizeof(ptrs[0]); i++) {
                    make_fmt(fmt, sizeof(fmt), flag_sets[f], widths[w], pprecs[p], "", 'p');
                    check(fmt, ptrs[i]);
                }
    group_end("%p as glibc prints it: 0x and hex digits, (nil) for null, flags and precision");
}

// The %n format of test_count, a literal as fortified glibc requires of formats with %n.
#define COUNT_FMT "abc%hhn%300d%hn|%n%5s%ln%lln%jn%zn%tn%%%n"

static void test_count(void)
{
    signed char hh[2];
    short h[2];
    long l[2];
    long long ll[2];
    intmax_t j[2];
    ptrdiff_t z[2], t[2];
    int n[2], end[2], r[2];
    char out[2][400];

    r[0] = snprintf(out[0], sizeof(out[0]), COUNT_FMT, &hh[0], 7, &h[0], &n[0], "xy", &l[0], &ll[0],
                    &j[0], &z[0], &t[0], &end[0]);
    r[1] = ours(out[1], sizeof(out[1]), COUNT_FMT, &hh[1], 7, &h[1], &n[1], "xy", &l[1], &ll[1],
                &j[1], &z[1], &t[1], &end[1]);
    report(r[0] == r[1] && strcmp(out[0], out[1]) == 0 && hh[0] == hh[1] && h[0] == h[1] &&
               n[0] == n[1] && l[0] == l[1] && ll[0] == ll[1] && j[0] == j[1] && z[0] == z[1] &&
               t[0] == t[1] && end[0] == end[1],
           "%n stores the count so far at every length modifier (hh wraps as glibc's does)",
           "glibc hh=%d h=%d n=%d l=%ld end=%d, ours hh=%d h=%d n=%d l=%ld end=%d", hh[0], h[0],
           n[0], l[0], end[0], hh[1], h[1], n[1], l[1], end[1]);
}

static void test_star(void)
{
    static const int stars[] = {-30, -7, -1, 0, 1, 5, 12, 40};
    size_t a, b;

    group_begin();
    for (a = 0; a < sizeof(stars) / sizeof(stars[0]); a++) {
        for (b = 0; b < sizeof(stars) / sizeof(stars[0]); b++) {
            check("[%*.*d]", stars[a], stars[b], 4242);
            check("[%-*.*x]", stars[a], stars[b], 0xbeefu);
            check("[%0*.*d]", stars[a], stars[b], -17);
            check("[%*.*s]", stars[a], stars[b], "starry string");
            check("[%*.*f]", stars[a], stars[b], 3.14159265358979);
            check("[%0*.*e]", stars[a], stars[b], -2.5e-7);
            check("[%#*.*g]", stars[a], stars[b], 1234.5);
            check("[%*.*a]", stars[a], stars[b], 0.1);
        }
        check("[%*d|%-*d]", stars[a], 9, stars[a], 9);
        check("[%.*s]", stars[a], "precision");
    }
    group_end("* takes width and precision from the arguments; a negative width left-adjusts "
              "and a negative precision counts as none");
}

// Checks "%.<prec><conv>" (and with # when alt) of d.
static void check_prec(const char *flags, int prec, const char *len, char conv, double d)
{
    char fmt[64];

    snprintf(fmt, sizeof(fmt), "%%%s.%d%s%c", flags, prec, len, conv);
    check(fmt, d);
}

static void check_prec_long(int prec, char conv, long double d)
{
    char fmt[64];

    snprintf(fmt, sizeof(fmt), "%%.%dL%c", prec, conv);
    check(fmt, d);
}

// A double drawn from a mix: random bits (every exponent), decimal-looking, or subnormal.
static double mixed_double(int i)
{
    switch (i % 4) {
    case 0:
    case 1:
        return random_double();
    case 2:
        return random_decimal();
    default:
        return random_subnormal();
    }
}

static void test_random_conv(char conv, uint64_t seed, const char *what)
{
    int i;

    group_begin();
    rng_state = seed;
    for (i = 0; i < 4000; i++) {
        double d = mixed_double(i);
        check_prec("", (int)(test_rng(&rng_state) % 31), "", conv, d);
        check_prec(i % 3 == 0 ? "#" : "", (int)(test_rng(&rng_state) % 18), "", conv, d);
        if (i % 8 == 0)
            check_prec("", (int)(test_rng(&rng_state) % 1101), "", conv, d);
    }
    for (i = 0; i < 300; i++) {
        char fmt[4] = {'%', conv, '\0', '\0'};
        check(fmt, mixed_double(i));
    }
    group_end(what);
}

static void test_ties(void)
{
    static const double small[] = {0.5,   1.5,   2.5,    3.5,    0.125,  0.375, 0.625, 0.875,
                                   2.675, 1.005, 1.0e23, 5e-324, 0.0625, 1e22,  4.35,  0.045};
    int n, i, p;

    group_begin();
    rng_state = 0x5eed0003;
    for (i = 0; i < (int)(sizeof(small) / sizeof(small[0])); i++)
        for (p = 0; p < 25; p++) {
            check_prec("", p, "", 'f', small[i]);
            check_prec("", p, "", 'e', small[i]);
            check_prec("", p, "", 'g', small[i]);
            check_prec("", p, "", 'f', -small[i]);
        }
    /* k / 2^n with k odd has exactly n fraction digits ending in 5: %.(n-1)f is a tie. */
    for (n = 1; n <= 70; n++)
        for (i = 0; i < 40; i++) {
            uint64_t k = (rand64() >> (test_rng(&rng_state) % 53 + 11)) | 1;
            double d = (double)k;
            int h;
            for (h = 0; h < n; h++)
                d /= 2;
            check_prec("", n - 1, "", 'f', d);
            check_prec("", n - 1, "", 'f', -d);
            check_prec("", n, "", 'f', d);
            if (n >= 2)
                check_prec("", n - 2, "", 'f', d);
        }
    /* Odd multiples of 5 have a tie at their last digit in %e and %g. */
    for (i = 0; i < 2000; i++) {
        uint64_t m = (rand64() >> (test_rng(&rng_state) % 53 + 11)) / 10 * 10 + 5;
        double d = (double)m;
        int digits = 1;
        uint64_t t = m;
        while (t >= 10) {
            t /= 10;
            digits++;
        }
        if (d != (double)m || digits < 2)
            continue;
        check_prec("", digits - 2, "", 'e', d);
        check_prec("", digits - 1, "", 'g', d);
        check_prec("", 0, "", 'f', d / 10);
        check_prec("", digits - 2, "", 'e', d / 1024);
    }
    /* Half-integers and halves of the last representable step. */
    for (i = 0; i < 500; i++) {
        double d = (double)(rand64() >> 12) + 0.5;
        check_prec("", 0, "", 'f', d);
        check_prec("", 1, "", 'f', d);
    }
    group_end("exact ties round half to even in %f %e %g (0.5, 2.5, 0.125, k/2^n, odd "
              "multiples of 5)");
}

static void test_subnormals(void)
{
    int i;

    group_begin();
    rng_state = 0x5eed0004;
    for (i = 0; i < 1500; i++) {
        double d = random_subnormal();
        check_prec("", (int)(test_rng(&rng_state) % 40), "", 'e', d);
        check_prec("", (int)(test_rng(&rng_state) % 20), "", 'g', d);
        check("%a", d);
        if (i % 10 == 0)
            check_prec("", 1074 + (int)(test_rng(&rng_state) % 8) - 4, "", 'f', d);
        if (i % 10 == 1)
            check_prec("", (int)(test_rng(&rng_state) % 800), "", 'e', d);
    }
    group_end("subnormal doubles in %e %g %a and to their last digit in %f");
}

static void test_extremes(void)
{
    static const double vals[] = {DBL_MAX,
                                  DBL_MIN,
                                  4.9406564584124654e-324,
                                  1e308,
                                  1e-308,
                                  1.7976931348623155e308,
                                  2.2250738585072009e-308,
                                  0x1p1023,
                                  0x1p-1022,
                                  0x1.fffffffffffffp-1,
                                  1e-300,
                                  9.999999999999999e22,
                                  1.0,
                                  0.1,
                                  1e15,
                                  1e16,
                                  1e17,
                                  123456789012345678.0};
    static const int fprecs[] = {0, 1, 10, 17, 300, 330, 700, 1022, 1074, 1075, 1100};
    static const int eprecs[] = {0, 1, 15, 16, 17, 18, 100, 700, 766, 767, 768, 800, 1100};
    size_t i, p;

    group_begin();
    for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
        for (p = 0; p < sizeof(fprecs) / sizeof(fprecs[0]); p++) {
            check_prec("", fprecs[p], "", 'f', vals[i]);
            check_prec("", fprecs[p], "", 'f', -vals[i]);
        }
        for (p = 0; p < sizeof(eprecs) / sizeof(eprecs[0]); p++) {
            check_prec("", eprecs[p], "", 'e', vals[i]);
            check_prec("", eprecs[p], "", 'E', -vals[i]);
            check_prec("", eprecs[p], "", 'g', vals[i]);
            check_prec("#", eprecs[p], "", 'G', vals[i]);
        }
    }
    group_end("huge and tiny doubles (DBL_MAX, DBL_MIN, the least subnormal) at precisions up "
              "to 1100");
}

// Returns d moved by steps units in the last place.
static double ulp_step(double d, int steps)
{
    uint64_t bits;

    memcpy(&bits, &d, sizeof(bits));
    bits += (uint64_t)(int64_t)steps;
    memcpy(&d, &bits, sizeof(d));
    return d;
}

// Returns the decimal exponent glibc's %.<prec>e gives d.
static int glibc_exponent(double d, int prec)
{
    char buf[64];

    snprintf(buf, sizeof(buf), "%.*e", prec, d);
    return atoi(strchr(buf, 'e') + 1);
}

// Tells whether %#.<prec>g of d is a case where glibc 2.36 departs from C99: rounding to P
// significant digits carries the exponent from P-1 up to P, so C99 wants style e with P-1
// digits after the point, and glibc prints the point with none (999999.99 with %#.6g gives
// glibc's "1.e+06" for C99's "1.00000e+06"). test_alt_g_carry checks these against C99.
static bool glibc_alt_g_differs(double d, int prec)
{
    int p = prec == 0 ? 1 : prec;

    return p > 1 && glibc_exponent(d, 40) == p - 1 && glibc_exponent(d, p - 1) == p;
}

static void test_alt_g_carry(void)
{
    static const struct {
        const char *fmt;
        double d;
        const char *want;
    } cases[] = {
        {"%#.6g", 999999.9999999999, "1.00000e+06"},
        {"%#g", 999999.9999999999, "1.00000e+06"},
        {"%#.2g", 99.96, "1.0e+02"},
        {"%#.3G", -999.9, "-1.00E+03"},
        {"%#12.4g", 9999.7, "   1.000e+04"},
        {"%#.1g", 9.5, "1.e+01"},
        {"%.6g", 999999.9999999999, "1e+06"},
        {"%#.3g", 99.96, "100."},
    };
    char out[64], detail[200] = "";
    bool ok = true;
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int n = ours(out, sizeof(out), cases[i].fmt, cases[i].d);
        if (ok && (strcmp(out, cases[i].want) != 0 || n != (int)strlen(cases[i].want))) {
            ok = false;
            snprintf(detail, sizeof(detail), "format \"%s\" of %.17g: want \"%s\", ours \"%s\"",
                     cases[i].fmt, cases[i].d, cases[i].want, out);
        }
    }
    report(ok,
           "%#g that rounds up to P digits before the point switches to style e with P-1 "
           "digits after it, as C99 says (glibc 2.36 prints none)",
           "%s", detail);
}

static void test_g_switch(void)
{
    static const char *const texts[] = {
        "9.9999995e-5", "9.999995e-5", "0.0001",   "0.00001", "0.000099999", "999999.5", "9999995",
        "999999.4999",  "1e6",         "99999.95", "0.95",    "9.5",         "0.099999", "1e-4",
        "123456",       "1234567",     "100",      "1e21",    "5e-5"};
    size_t i;
    int p, s, k;

    group_begin();
    for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        for (p = 0; p <= 17; p++)
            for (s = -1; s <= 1; s++) {
                double d = ulp_step(strtod(texts[i], NULL), s);
                check_prec("", p, "", 'g', d);
                if (!glibc_alt_g_differs(d, p))
                    check_prec("#", p, "", 'g', d);
                check_prec("", p, "", 'G', -d);
            }
    for (k = -8; k <= 25; k++) {
        char text[32];
        snprintf(text, sizeof(text), "1e%d", k);
        for (p = 0; p <= 17; p++)
            for (s = -2; s <= 2; s++) {
                double d = ulp_step(strtod(text, NULL), s);
                check_prec("", p, "", 'g', d);
                if (!glibc_alt_g_differs(d, p))
                    check_prec("#", p, "", 'g', d);
                check_prec("", p, "", 'e', d);
            }
    }
    check("%g %g %#g %#.0g %.0g", 0.0, -0.0, 0.0, 0.0, 0.0);
    group_end("%g picks %e or %f style from the rounded exponent and drops trailing zeros "
              "unless #");
}

static void test_float_flags(void)
{
    static const double vals[] = {0.0,  -0.0, 1.0,    -1.5, 123.456, 1e-5,
                                  1e20, 0.5,  9.9999, -0.1, 5e-324};
    static const char convs[] = "feEgGFaA";
    char fmt[64];
    size_t v, f, w, p, c;

    group_begin();
    for (c = 0; c < sizeof(convs) - 1; c++)
        for (f = 0; f < NFLAGS; f++)
            for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
                for (p = 0; p < sizeof(precs) / sizeof(precs[0]); p++) {
                    make_fmt(fmt, sizeof(fmt), flag_sets[f], widths[w], precs[p], "", convs[c]);
                    for (v = 0; v < sizeof(vals) / sizeof(vals[0]); v++)
                        check(fmt, vals[v]);
                }
    group_end("flags - + space # 0 with widths and precisions on every floating conversion");
}

static void test_hex_float(void)
{
    int i, p;

    group_begin();
    rng_state = 0x5eed0005;
    for (i = 0; i < 3000; i++) {
        double d = i % 3 == 2 ? random_subnormal() : random_double();
        check("%a", d);
        check("%A", d);
        check_prec("", (int)(test_rng(&rng_state) % 16), "", 'a', d);
        check_prec("#", (int)(test_rng(&rng_state) % 3), "", 'A', d);
    }
    for (p = 0; p <= 14; p++) {
        check_prec("", p, "", 'a', 1.0);
        check_prec("", p, "", 'a', 0x1.fffffffffffffp+0);
        check_prec("", p, "", 'a', 0x1.8p+0);
        check_prec("", p, "", 'a', 0x1.08p+0);
        check_prec("", p, "", 'a', 0x1.18p+0);
        check_prec("", p, "", 'a', 0x1.0000000000008p+0);
        check_prec("", p, "", 'a', 0x1.0000000000018p+0);
        check_prec("", p, "", 'a', 0x0.fffffffffffffp-1022);
        check_prec("", p, "", 'a', 0x0.0000000000001p-1022);
        check_prec("", p, "", 'a', 0.0);
        check_prec("", p, "", 'a', DBL_MAX);
    }
    group_end("%a and %A: glibc's 0x1.hhhp+N (0x0. for subnormals), rounded half to even at a "
              "precision, carries into the leading digit");
}

static void test_inf_nan(void)
{
    static const char convs[] = "feEgGFaA";
    char fmt[64];
    size_t f, w, p, c;
    double nan_neg = -(double)NAN;

    group_begin();
    for (c = 0; c < sizeof(convs) - 1; c++)
        for (f = 0; f < NFLAGS; f++)
            for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
                for (p = 0; p < 3; p++) {
                    make_fmt(fmt, sizeof(fmt), flag_sets[f], widths[w], precs[p], "", convs[c]);
                    check(fmt, (double)INFINITY);
                    check(fmt, -(double)INFINITY);
                    check(fmt, (double)NAN);
                    check(fmt, nan_neg);
                    make_fmt(fmt, sizeof(fmt), flag_sets[f], widths[w], precs[p], "L", convs[c]);
                    if (convs[c] != 'a' && convs[c] != 'A') {
                        check(fmt, (long double)INFINITY);
                        check(fmt, -(long double)NAN);
                    }
                }
    group_end("inf and nan (and -nan) as inf/nan or INF/NAN, with sign flags, never zero "
              "padded");
}

// A long double with random bits in the host's x87 format: any exponent, normal or subnormal.
static long double random_long_double(void)
{
    unsigned char raw[sizeof(long double)];
    uint64_t mant = rand64();
    unsigned exp = test_rng(&rng_state) % 0x7fff;
    long double x;

    memset(raw, 0, sizeof(raw));
    if (exp == 0)
        mant &= ~((uint64_t)1 << 63);
    else
        mant |= (uint64_t)1 << 63;
    memcpy(raw, &mant, sizeof(mant));
    raw[8] = (unsigned char)exp;
    raw[9] = (unsigned char)(exp >> 8 | (test_rng(&rng_state) & 0x80));
    memcpy(&x, raw, sizeof(x));
    return x;
}

static void test_long_double(void)
{
    static const long double vals[] = {LDBL_MAX, LDBL_MIN, LDBL_TRUE_MIN, 0.1L,  1.0L / 3,
                                       1e4000L,  1e-4000L, 2.5L,          0.125L};
    static const int precs_l[] = {0, 1, 18, 19, 20, 64, 500, 1100};
    size_t i, p;
    int k;

    group_begin();
    rng_state = 0x5eed0006;
    for (k = 0; k < 2000; k++) {
        long double x = random_long_double();
        check_prec_long((int)(test_rng(&rng_state) % 30), 'e', x);
        check_prec_long((int)(test_rng(&rng_state) % 25), 'g', x);
        if (k % 4 == 0)
            check_prec_long((int)(test_rng(&rng_state) % 30), 'f', x);
        if (k % 25 == 0)
            check_prec_long((int)(test_rng(&rng_state) % 1200), 'e', x);
    }
    for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++)
        for (p = 0; p < sizeof(precs_l) / sizeof(precs_l[0]); p++) {
            check_prec_long(precs_l[p], 'e', vals[i]);
            check_prec_long(precs_l[p], 'g', vals[i]);
            check_prec_long(precs_l[p], 'f', vals[i]);
        }
    check("%.16500Lf", LDBL_TRUE_MIN);
    check("%Lf %Le %Lg %LG %+.3Lf %#Lg", 1.5L, -2.25L, 0.0L, -0.0L, 100.0L, 3.0L);
    group_end("long double %Lf %Le %Lg exact over the whole exponent range (x87 extended on this "
              "host)");
}

static void test_truncation(void)
{
    static char buf[256];
    char want[256];
    size_t size, i;
    int n, r, k;
    bool ok = true;
    char detail[200] = "";
    const char *fmts[] = {"%s", "%d|%5.2f", "%-20e|", "%a %p"};

    for (k = 0; k < 4 && ok; k++) {
        n = k == 0   ? snprintf(want, sizeof(want), fmts[k], "truncate me")
            : k == 1 ? snprintf(want, sizeof(want), fmts[k], 12345, 2.375)
            : k == 2 ? snprintf(want, sizeof(want), fmts[k], 1e-10)
                     : snprintf(want, sizeof(want), fmts[k], 1.0, (void *)0x1f);
        for (size = 0; size <= (size_t)n + 2 && ok; size++) {
            memset(buf, 0x7f, sizeof(buf));
            char *dst = size == 0 ? NULL : buf;
            r = k == 0   ? ours(dst, size, fmts[k], "truncate me")
                : k == 1 ? ours(dst, size, fmts[k], 12345, 2.375)
                : k == 2 ? ours(dst, size, fmts[k], 1e-10)
                         : ours(dst, size, fmts[k], 1.0, (void *)0x1f);
            if (r != n)
                ok = false;
            for (i = 0; i + 1 < size && i < (size_t)n; i++)
                if (buf[i] != want[i])
                    ok = false;
            if (size > 0 && buf[size - 1 < (size_t)n ? size - 1 : (size_t)n] != '\0')
                ok = false;
            for (i = size; i < sizeof(buf); i++)
                if (buf[i] != 0x7f)
                    ok = false;
            if (!ok)
                snprintf(detail, sizeof(detail), "format \"%s\" size %zu: returned %d, want %d",
                         fmts[k], size, r, n);
        }
    }
    report(ok,
           "a short buffer gets the first size-1 bytes and a NUL, nothing past it, and the "
           "full length is returned (size 0 with a null buffer too)",
           "%s", detail);
}

static void test_overflow(void)
{
    char buf[16];
    const char *glibc_cases[] = {"%2147483648d", "%.2147483648d", "%.2147483648f",
                                 "%99999999999999999999d"};
    const char *our_cases[] = {"x%2147483647d", "%2147483647d%s", "%.2147483647d%s"};
    bool ok = true;
    char detail[200] = "";
    size_t i;
    int r[2], e[2];

    /* Widths past INT_MAX fail at once in glibc too, so compare directly. */
    for (i = 0; i < sizeof(glibc_cases) / sizeof(glibc_cases[0]); i++) {
        errno = 0;
        r[0] = snprintf(buf, sizeof(buf), glibc_cases[i], 1);
        e[0] = errno;
        errno = 0;
        r[1] = ours(buf, sizeof(buf), glibc_cases[i], 1);
        e[1] = errno;
        if (r[0] != r[1] || e[0] != e[1]) {
            ok = false;
            snprintf(detail, sizeof(detail), "format \"%s\": glibc %d errno %d, ours %d errno %d",
                     glibc_cases[i], r[0], e[0], r[1], e[1]);
        }
    }
    /* Output past INT_MAX bytes: glibc writes gigabytes first and then gives -1 with
       EOVERFLOW; ours sees the field's length and gives that result without writing it. */
    for (i = 0; i < sizeof(our_cases) / sizeof(our_cases[0]); i++) {
        errno = 0;
        r[1] = i == 0 ? ours(buf, sizeof(buf), our_cases[i], 1)
                      : ours(buf, sizeof(buf), our_cases[i], 1, "ab");
        if (r[1] != -1 || errno != EOVERFLOW) {
            ok = false;
            snprintf(detail, sizeof(detail), "format \"%s\": ours %d errno %d, want -1 errno %d",
                     our_cases[i], r[1], errno, EOVERFLOW);
        }
    }
    errno = 0;
    r[1] = ours(buf, sizeof(buf), "%*d", INT_MIN, 1);
    if (r[1] != -1 || errno != EOVERFLOW) {
        ok = false;
        snprintf(detail, sizeof(detail), "%%*d with INT_MIN: ours %d errno %d", r[1], errno);
    }
    report(ok,
           "a width or precision over INT_MAX, or output over INT_MAX bytes, gives -1 with "
           "errno EOVERFLOW",
           "%s", detail);
}

// Checks a wide conversion against the expected bytes and count.
static void check_wide(bool *ok, char *detail, size_t dsize, const char *fmt, const char *want,
                       int want_n, int got_n, const char *got)
{
    if (*ok && (got_n != want_n || (want_n >= 0 && strcmp(got, want) != 0))) {
        *ok = false;
        snprintf(detail, dsize, "format \"%s\": want \"%s\" (%d), ours \"%s\" (%d)", fmt, want,
                 want_n, got, got_n);
    }
}

static void test_wide(void)
{
    static const wchar_t ws[] = {L'a', 0xe9, 0x20ac, 0x1f600, L'z', 0};
    static const wchar_t bad[] = {L'a', 0xd800, 0};
    char out[64], detail[200] = "";
    bool ok = true;
    int n;

    n = ours(out, sizeof(out), "[%lc|%3lc|%-3lc]", (wint_t)L'x', (wint_t)0xe9, (wint_t)0x20ac);
    check_wide(&ok, detail, sizeof(detail), "[%lc|%3lc|%-3lc]", "[x| \xc3\xa9|\xe2\x82\xac]", 11, n,
               out);
    n = ours(out, sizeof(out), "[%lc]", (wint_t)0x10ffff);
    check_wide(&ok, detail, sizeof(detail), "[%lc] U+10FFFF", "[\xf4\x8f\xbf\xbf]", 6, n, out);
    n = ours(out, sizeof(out), "[%ls]", ws);
    check_wide(&ok, detail, sizeof(detail), "[%ls]", "[a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z]", 13,
               n, out);
    n = ours(out, sizeof(out), "[%.6ls]", ws);
    check_wide(&ok, detail, sizeof(detail), "[%.6ls]", "[a\xc3\xa9\xe2\x82\xac]", 8, n, out);
    n = ours(out, sizeof(out), "[%.5ls]", ws);
    check_wide(&ok, detail, sizeof(detail), "[%.5ls]", "[a\xc3\xa9]", 5, n, out);
    n = ours(out, sizeof(out), "[%8.3ls]", ws);
    check_wide(&ok, detail, sizeof(detail), "[%8.3ls]", "[     a\xc3\xa9]", 10, n, out);
    n = ours(out, sizeof(out), "[%.1ls]", bad);
    check_wide(&ok, detail, sizeof(detail), "[%.1ls] stops before a bad character", "[a]", 3, n,
               out);
    n = ours(out, sizeof(out), "[%ls]", (wchar_t *)NULL);
    check_wide(&ok, detail, sizeof(detail), "[%ls] null", "[(null)]", 8, n, out);
    errno = 0;
    n = ours(out, sizeof(out), "[%ls]", bad);
    check_wide(&ok, detail, sizeof(detail), "[%ls] with a surrogate", "", -1, n, out);
    if (ok && errno != EILSEQ) {
        ok = false;
        snprintf(detail, sizeof(detail), "a surrogate gives errno %d, want EILSEQ", errno);
    }
    errno = 0;
    n = ours(out, sizeof(out), "[%lc]", (wint_t)0x110000);
    check_wide(&ok, detail, sizeof(detail), "[%lc] U+110000", "", -1, n, out);
    report(ok,
           "%lc and %ls encode wide characters in UTF-8, precision never splits one, and a "
           "surrogate or a value past U+10FFFF gives -1 with EILSEQ",
           "%s", detail);
}

/* A sink that appends to a large buffer, and counts its calls. */
struct collect_sink {
    struct format_sink base;
    char buf[OUT_SIZE];
    size_t len;
    int calls;
};

static void collect_put(struct format_sink *s, const char *bytes, size_t n)
{
    struct collect_sink *c = (struct collect_sink *)s;

    if (c->len + n < sizeof(c->buf)) {
        memcpy(c->buf + c->len, bytes, n);
        c->len += n;
    }
    c->calls++;
}

// Runs format_v into a collect_sink.
static int collect(struct collect_sink *c, const char *fmt, ...)
{
    va_list ap;
    int n;

    c->base.put = collect_put;
    c->len = 0;
    c->calls = 0;
    va_start(ap, fmt);
    n = format_v(&c->base, fmt, ap);
    va_end(ap);
    c->buf[c->len] = '\0';
    return n;
}

static void test_sink(void)
{
    static struct collect_sink c;
    static char want[OUT_SIZE];
    const char *big = "%s|%5000d|%.3000f|%-4000s|%e";
    int n, w;

    w = snprintf(want, sizeof(want), big, "start", 42, 1.0 / 3, "left", 6.02e23);
    n = collect(&c, big, "start", 42, 1.0 / 3, "left", 6.02e23);
    report(n == w && (size_t)n == c.len && strcmp(c.buf, want) == 0 && c.calls > 1,
           "format_v hands a long output to its sink in order, in several runs",
           "returned %d, want %d, sink got %zu bytes in %d calls", n, w, c.len, c.calls);
}

int main(void)
{
    test_text();
    test_signed();
    test_unsigned();
    test_chars();
    test_strings();
    test_pointers();
    test_count();
    test_star();
    test_random_conv('f', 0x5eed0010,
                     "%f of random doubles (every exponent, decimal-looking, subnormal) at "
                     "precisions 0-30 and up to 1100 gives glibc's exact digits");
    test_random_conv('e', 0x5eed0011,
                     "%e of random doubles at precisions 0-30 and up to 1100 gives glibc's exact "
                     "digits");
    test_random_conv('g', 0x5eed0012,
                     "%g of random doubles at precisions 0-30 and up to 1100 gives glibc's exact "
                     "digits");
    test_ties();
    test_subnormals();
    test_extremes();
    test_g_switch();
    test_alt_g_carry();
    test_float_flags();
    test_hex_float();
    test_inf_nan();
    test_long_double();
    test_truncation();
    test_overflow();
    test_wide();
    test_sink();
    printf("(%ld generated cases compared with glibc)\n", total_cases);
    return test_summary();
}
