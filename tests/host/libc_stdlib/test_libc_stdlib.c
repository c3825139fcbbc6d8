/*
 * Host tests of libc's <ctype.h>, <string.h> and <stdlib.h> parts (character classes, strings,
 * strtol and strtod families, qsort, bsearch, malloc) against the host's glibc, mostly on
 * thousands of generated inputs: results, end pointers and errno must be the same, floating
 * point results bit for bit.
 *
 * How both versions live in one program: every file is compiled with
 * `-include tests/host/libc_stdlib/rename.h`, which renames each libc function to
 * qsoe_<name> (so lib/c/src/strtod.c defines qsoe_strtod and calls qsoe_isdigit). This file then
 * includes unrename.h, after which strtod is glibc's and qsoe_strtod is libc's. The build also
 * needs -Iinclude, for the QNX error numbers strerror.c reads from <abi/errno.h>. malloc's pages
 * come from libc's own default arena (lib/c/src/malloc_pages.c).
 *
 * Where glibc 2.36 itself is wrong (it truncates some subnormal hexadecimal floats instead of
 * rounding them), hexadecimal input is checked against an exact rounding instead.
 */
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unrename.h"

#include "../../../lib/c/src/malloc_pages.h"

#define TEST_MODULE "libc_stdlib"
#include "../harness.h"

// glibc declares it only for _GNU_SOURCE, which would also change its strtol.
void *memrchr(const void *s, int c, size_t n);

// The first mismatch of the current group of checks, and how many there were.
static char mismatch[600];
static int mismatches;

static void group_start(void)
{
    mismatch[0] = '\0';
    mismatches = 0;
}

static void __attribute__((format(printf, 1, 2))) note_mismatch(const char *fmt, ...)
{
    va_list ap;
    if (mismatches++ > 0)
        return;
    va_start(ap, fmt);
    vsnprintf(mismatch, sizeof(mismatch), fmt, ap);
    va_end(ap);
}

static void group_end(const char *what)
{
    report(mismatches == 0, what, "%d mismatches, first: %s", mismatches, mismatch);
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(uint32_t n)
{
    return test_rng(&rng) % n;
}

static uint64_t rnd64(void)
{
    return (uint64_t)test_rng(&rng) << 32 | test_rng(&rng);
}

// A short printable form of s for mismatch messages.
static const char *shown(const char *s)
{
    static char buf[140];
    size_t n = 0;
    for (; *s && n < 100; s++) {
        unsigned char c = (unsigned char)*s;
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, c >= 32 && c < 127 ? "%c" : "\\x%02x", c);
    }
    if (*s)
        snprintf(buf + n, sizeof(buf) - n, "...");
    return buf;
}

// ---------------------------------------------------------------------------------------------
// ctype

static void test_ctype(void)
{
    static int (*const ours[])(int) = {qsoe_isalnum, qsoe_isalpha, qsoe_isblank, qsoe_iscntrl,
                                       qsoe_isdigit, qsoe_isgraph, qsoe_islower, qsoe_isprint,
                                       qsoe_ispunct, qsoe_isspace, qsoe_isupper, qsoe_isxdigit,
                                       qsoe_tolower, qsoe_toupper};
    static int (*const theirs[])(int) = {isalnum, isalpha,  isblank, iscntrl, isdigit,
                                         isgraph, islower,  isprint, ispunct, isspace,
                                         isupper, isxdigit, tolower, toupper};
    static const char *const names[] = {"isalnum", "isalpha",  "isblank", "iscntrl", "isdigit",
                                        "isgraph", "islower",  "isprint", "ispunct", "isspace",
                                        "isupper", "isxdigit", "tolower", "toupper"};
    group_start();
    for (size_t f = 0; f < sizeof(ours) / sizeof(ours[0]); f++) {
        for (int c = -1; c < 256; c++) {
            int a = ours[f](c), b = theirs[f](c);
            bool same = f >= 12 ? a == b : (a != 0) == (b != 0);
            if (!same)
                note_mismatch("%s(%d): ours %d, glibc %d", names[f], c, a, b);
        }
    }
    group_end("ctype: every class and case mapping agrees with glibc for EOF and 0..255");
}

// ---------------------------------------------------------------------------------------------
// strings

// A random string of up to max bytes from a small alphabet, so searches hit often.
static void random_string(char *s, size_t max, const char *alphabet)
{
    size_t n = rnd((uint32_t)max + 1), k = strlen(alphabet);
    for (size_t i = 0; i < n; i++)
        s[i] = alphabet[rnd((uint32_t)k)];
    s[n] = '\0';
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static void test_string_search(void)
{
    char s[80], set[8];
    group_start();
    for (int i = 0; i < 20000; i++) {
        random_string(s, 64, "abcdeABCDE \xe9\xff");
        random_string(set, 4, "abcxyzE \xff");
        int c = (unsigned char)"abcdeE\xff\0z"[rnd(9)];
        size_t n = rnd(70);
        size_t len = strlen(s), span = n < len + 1 ? n : len + 1;
        if (qsoe_strchr(s, c) != strchr(s, c) || qsoe_strrchr(s, c) != strrchr(s, c))
            note_mismatch("strchr/strrchr(\"%s\", %d)", shown(s), c);
        if (qsoe_memchr(s, c, span) != memchr(s, c, span) ||
            qsoe_memrchr(s, c, span) != memrchr(s, c, span))
            note_mismatch("memchr/memrchr(\"%s\", %d, %zu)", shown(s), c, span);
        if (qsoe_strspn(s, set) != strspn(s, set) || qsoe_strcspn(s, set) != strcspn(s, set) ||
            qsoe_strpbrk(s, set) != strpbrk(s, set))
            note_mismatch("strspn/strcspn/strpbrk(\"%s\", \"%s\")", shown(s), set);
        if (qsoe_strstr(s, set) != strstr(s, set))
            note_mismatch("strstr(\"%s\", \"%s\")", shown(s), set);
        if (qsoe_strlen(s) != len || qsoe_strnlen(s, n) != strnlen(s, n))
            note_mismatch("strlen/strnlen(\"%s\", %zu)", shown(s), n);
    }
    group_end("string: strchr, strrchr, memchr, memrchr, strspn, strcspn, strpbrk, strstr, "
              "strlen and strnlen find what glibc finds on 20000 random strings");
}

static void test_string_compare(void)
{
    char a[40], b[40];
    group_start();
    for (int i = 0; i < 20000; i++) {
        random_string(a, 12, "aAbB\xe0\x01");
        if (rnd(2)) {
            strcpy(b, a);
            if (b[0] && rnd(2))
                b[rnd((uint32_t)strlen(b))] = "aAbB\xe0"[rnd(5)];
        } else {
            random_string(b, 12, "aAbB\xe0\x01");
        }
        size_t n = rnd(15);
        if (sign(qsoe_strcmp(a, b)) != sign(strcmp(a, b)) ||
            sign(qsoe_strncmp(a, b, n)) != sign(strncmp(a, b, n)) ||
            sign(qsoe_strcoll(a, b)) != sign(strcoll(a, b)) ||
            sign(qsoe_memcmp(a, b, n < 13 ? n : 13)) != sign(memcmp(a, b, n < 13 ? n : 13)))
            note_mismatch("strcmp/strncmp/strcoll/memcmp(\"%s\", \"%s\", %zu)", shown(a), b, n);
        if (sign(qsoe_strcasecmp(a, b)) != sign(strcasecmp(a, b)) ||
            sign(qsoe_strncasecmp(a, b, n)) != sign(strncasecmp(a, b, n)))
            note_mismatch("strcasecmp/strncasecmp(\"%s\", \"%s\", %zu)", shown(a), b, n);
    }
    group_end("string: strcmp, strncmp, strcoll, memcmp, strcasecmp and strncasecmp order 20000 "
              "random pairs as glibc does (bytes compare unsigned)");
}

static void test_string_copy(void)
{
    char src[40], base[40], ours[100], theirs[100];
    group_start();
    for (int i = 0; i < 20000; i++) {
        random_string(src, 30, "xyz\x80");
        random_string(base, 30, "ab");
        size_t n = rnd(40);
        memset(ours, '#', sizeof(ours));
        memset(theirs, '#', sizeof(theirs));
        bool same = qsoe_strcpy(ours, src) == ours && strcpy(theirs, src) == theirs &&
                    memcmp(ours, theirs, sizeof(ours)) == 0;
        same &= qsoe_stpcpy(ours + 1, src) - ours == stpcpy(theirs + 1, src) - theirs &&
                memcmp(ours, theirs, sizeof(ours)) == 0;
        same &= qsoe_strncpy(ours, src, n) == ours && strncpy(theirs, src, n) == theirs &&
                memcmp(ours, theirs, sizeof(ours)) == 0;
        strcpy(ours, base);
        strcpy(theirs, base);
        same &= qsoe_strcat(ours, src) == ours && strcat(theirs, src) == theirs &&
                memcmp(ours, theirs, sizeof(ours)) == 0;
        same &= qsoe_strncat(ours, base, n) == ours && strncat(theirs, base, n) == theirs &&
                memcmp(ours, theirs, sizeof(ours)) == 0;
        // strxfrm's output is only defined when it fits.
        size_t xfrm_len = qsoe_strxfrm(ours, src, n);
        same &= xfrm_len == strxfrm(theirs, src, n) &&
                (xfrm_len >= n || memcmp(ours, theirs, sizeof(ours)) == 0);
        if (!same)
            note_mismatch("copies of \"%s\" onto \"%s\", n %zu", shown(src), base, n);

        char *d1 = qsoe_strdup(src), *d2 = qsoe_strndup(src, n);
        if (d1 == NULL || d2 == NULL || strcmp(d1, src) != 0 || strlen(d2) != strnlen(src, n) ||
            strncmp(d2, src, n) != 0)
            note_mismatch("strdup/strndup(\"%s\", %zu)", shown(src), n);
        qsoe_free(d1);
        qsoe_free(d2);

        memset(ours, '#', sizeof(ours));
        memset(theirs, '#', sizeof(theirs));
        size_t at = rnd(30), to = rnd(30), len = rnd(40);
        memcpy(ours, src, sizeof(src));
        memcpy(theirs, src, sizeof(src));
        qsoe_memmove(ours + to, ours + at, len);
        memmove(theirs + to, theirs + at, len);
        qsoe_memcpy(ours + 60, src, len);
        memcpy(theirs + 60, src, len);
        qsoe_memset(ours + at, (int)n, len / 2);
        memset(theirs + at, (int)n, len / 2);
        if (memcmp(ours, theirs, sizeof(ours)) != 0)
            note_mismatch("memmove/memcpy/memset at %zu to %zu, %zu bytes", at, to, len);
    }
    group_end("string: strcpy, stpcpy, strncpy, strcat, strncat, strxfrm, memcpy, memmove and "
              "memset write the same bytes as glibc; strdup and strndup copy and terminate");
}

static void test_strtok(void)
{
    char s1[80], s2[80], s3[80], original[80], delim[6];
    group_start();
    for (int i = 0; i < 10000; i++) {
        random_string(original, 60, "ab,; ");
        random_string(delim, 3, ",; ");
        strcpy(s1, original);
        strcpy(s2, original);
        strcpy(s3, original);
        char *save;
        char *a = qsoe_strtok(s1, delim), *b = strtok(s2, delim);
        char *c = qsoe_strtok_r(s3, delim, &save);
        for (int k = 0;; k++) {
            if ((a == NULL) != (b == NULL) || (a != NULL && (a - s1 != b - s2)) ||
                (c == NULL) != (b == NULL) || (c != NULL && c - s3 != b - s2)) {
                note_mismatch("token %d of \"%s\" by \"%s\"", k, shown(original), delim);
                break;
            }
            if (a == NULL)
                break;
            a = qsoe_strtok(NULL, delim);
            b = strtok(NULL, delim);
            c = qsoe_strtok_r(NULL, delim, &save);
        }
    }
    group_end("string: strtok and strtok_r split 10000 random strings into glibc's tokens");
}

static void test_strerror(void)
{
    int known = 0;
    bool distinct = true;
    for (int e = -5; e < 1000; e++) {
        const char *m = qsoe_strerror(e);
        if (strcmp(m, "Unknown error") == 0)
            continue;
        known++;
        for (int f = e + 1; f < 1000; f++)
            distinct &= strcmp(qsoe_strerror(f), m) != 0;
    }
    report(known == 60 && distinct && strcmp(qsoe_strerror(89), "Function not implemented") == 0 &&
               strcmp(qsoe_strerror(12), "Not enough memory") == 0 &&
               strcmp(qsoe_strerror(5000), "Unknown error") == 0,
           "string: strerror has its own message for each of the 60 QNX error numbers (ENOSYS is "
           "89) and \"Unknown error\" for the rest",
           "%d known, distinct %d", known, distinct);
}

// ---------------------------------------------------------------------------------------------
// strtol family

// A random string an integer parser could meet: spaces, a sign, a prefix, digits of any base,
// then perhaps something else.
static void random_integer_text(char *s)
{
    static const char *const prefixes[] = {"", "", "", "0", "0x", "0X", "00", "0x0", "-", "+"};
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    size_t n = 0;
    for (int k = rnd(3); k > 0; k--)
        s[n++] = " \t\n\v\f\r"[rnd(6)];
    if (rnd(3) == 0)
        s[n++] = "+-"[rnd(2)];
    n += (size_t)sprintf(s + n, "%s", prefixes[rnd(10)]);
    int len = rnd(4) == 0 ? (int)rnd(70) : (int)rnd(22);
    int alphabet = rnd(4) == 0 ? 62 : (int)(2 + rnd(35));
    for (int k = 0; k < len; k++)
        s[n++] = digits[rnd((uint32_t)alphabet)];
    if (rnd(4) == 0)
        s[n++] = " x.-_z"[rnd(6)];
    s[n] = '\0';
}

// Runs one member of the family on s in base for both libcs and compares value, end and errno.
#define COMPARE_INTEGER(type, fmt, ours, theirs, s, base)                                          \
    do {                                                                                           \
        char *end_ours = NULL, *end_theirs = NULL;                                                 \
        errno = 0;                                                                                 \
        type v_ours = ours(s, &end_ours, base);                                                    \
        int e_ours = errno;                                                                        \
        errno = 0;                                                                                 \
        type v_theirs = theirs(s, &end_theirs, base);                                              \
        int e_theirs = errno;                                                                      \
        if (v_ours != v_theirs || end_ours != end_theirs || e_ours != e_theirs)                    \
            note_mismatch(#theirs "(\"%s\", %d): ours " fmt " end %td errno %d, glibc " fmt        \
                                  " end %td errno %d",                                             \
                          shown(s), base, v_ours, end_ours - (s), e_ours, v_theirs,                \
                          end_theirs - (s), e_theirs);                                             \
    } while (0)

static void compare_integer_all(const char *s, int base)
{
    COMPARE_INTEGER(long, "%ld", qsoe_strtol, strtol, s, base);
    COMPARE_INTEGER(long long, "%lld", qsoe_strtoll, strtoll, s, base);
    COMPARE_INTEGER(unsigned long, "%lu", qsoe_strtoul, strtoul, s, base);
    COMPARE_INTEGER(unsigned long long, "%llu", qsoe_strtoull, strtoull, s, base);
    COMPARE_INTEGER(intmax_t, "%jd", qsoe_strtoimax, strtoimax, s, base);
    COMPARE_INTEGER(uintmax_t, "%ju", qsoe_strtoumax, strtoumax, s, base);
}

static void test_strtol_random(void)
{
    char s[160];
    group_start();
    for (int i = 0; i < 30000; i++) {
        random_integer_text(s);
        int base = rnd(3) == 0 ? 0 : (int)(2 + rnd(35));
        compare_integer_all(s, base);
        if (base == 10 &&
            (qsoe_atoi(s) != atoi(s) || qsoe_atol(s) != atol(s) || qsoe_atoll(s) != atoll(s)))
            note_mismatch("atoi/atol/atoll(\"%s\")", shown(s));
    }
    group_end("strtol: strtol, strtoll, strtoul, strtoull, strtoimax, strtoumax (and atoi, atol, "
              "atoll) match glibc's value, end and errno on 30000 random strings in bases 0 and "
              "2-36");
}

static void test_strtol_edges(void)
{
    static const char *const cases[] = {
        // At and past the limits of each type.
        "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551615", "18446744073709551616",
        "-18446744073709551615", "-18446744073709551616", "0x7fffffffffffffff",
        "0x8000000000000000", "-0x8000000000000000", "0xffffffffffffffff", "0x10000000000000000",
        "1777777777777777777777", "2000000000000000000000", "99999999999999999999999999999999",
        "-99999999999999999999999999999999",
        // Prefixes with and without digits after them.
        "0x", "0X", "0xg", " 0x 1", "0", "-0", "08", "0777", "0b101", "0x1p3", "1e5",
        // Nothing to convert, or junk after the number.
        "", "   ", "-", "+", "+-1", "- 1", "\t\n 42abc", "zz", "ZZzz9"};
    static const int bases[] = {0, 2, 8, 10, 16, 36};
    group_start();
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        for (size_t b = 0; b < sizeof(bases) / sizeof(bases[0]); b++)
            compare_integer_all(cases[i], bases[b]);
    group_end("strtol: limits (LONG_MIN, LONG_MAX, ULONG_MAX and one past), \"0x\" without "
              "digits, octal, empty and sign-only input match glibc");

    int bad_base_ok = 1;
    for (int base = -2; base <= 40; base++) {
        if (base == 0 || (base >= 2 && base <= 36))
            continue;
        char *end = NULL;
        errno = 0;
        long v = qsoe_strtol("123", &end, base);
        bad_base_ok &= v == 0 && errno == EINVAL;
        errno = 0;
        unsigned long long u = qsoe_strtoull("123", &end, base);
        bad_base_ok &= u == 0 && errno == EINVAL;
    }
    report(bad_base_ok, "strtol: a base other than 0 or 2-36 gives 0 and EINVAL", NULL);
}

// ---------------------------------------------------------------------------------------------
// strtod family

static uint64_t double_bits(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof(b));
    return b;
}

static double bits_double(uint64_t b)
{
    double d;
    memcpy(&d, &b, sizeof(d));
    return d;
}

static uint32_t float_bits(float f)
{
    uint32_t b;
    memcpy(&b, &f, sizeof(b));
    return b;
}

// Converts s with both libcs' strtod and strtof and compares bits, end and errno.
static void compare_float(const char *s)
{
    char *end_ours, *end_theirs;
    errno = 0;
    uint64_t ours = double_bits(qsoe_strtod(s, &end_ours));
    int e_ours = errno;
    errno = 0;
    uint64_t theirs = double_bits(strtod(s, &end_theirs));
    int e_theirs = errno;
    if (ours != theirs || end_ours != end_theirs || e_ours != e_theirs)
        note_mismatch("strtod(\"%s\"): ours %016" PRIx64 " end %td errno %d, glibc %016" PRIx64
                      " end %td errno %d",
                      shown(s), ours, end_ours - s, e_ours, theirs, end_theirs - s, e_theirs);

    errno = 0;
    uint32_t f_ours = float_bits(qsoe_strtof(s, &end_ours));
    e_ours = errno;
    errno = 0;
    uint32_t f_theirs = float_bits(strtof(s, &end_theirs));
    e_theirs = errno;
    if (f_ours != f_theirs || end_ours != end_theirs || e_ours != e_theirs)
        note_mismatch("strtof(\"%s\"): ours %08" PRIx32 " end %td errno %d, glibc %08" PRIx32
                      " end %td errno %d",
                      shown(s), f_ours, end_ours - s, e_ours, f_theirs, end_theirs - s, e_theirs);
}

// A random decimal number text: spaces, sign, digits around a point (sometimes hundreds of
// them, sometimes many zeros), an exponent of any size, and perhaps trailing junk.
static void random_decimal_text(char *s)
{
    size_t n = 0;
    if (rnd(8) == 0)
        s[n++] = " \t\n"[rnd(3)];
    if (rnd(3) == 0)
        s[n++] = "+-"[rnd(2)];
    int before = rnd(10) == 0 ? (int)rnd(900) : (int)rnd(20);
    int after = rnd(10) == 0 ? (int)rnd(900) : (int)rnd(20);
    int zeros = rnd(6) == 0 ? (int)rnd(400) : 0;
    for (int k = 0; k < before; k++)
        s[n++] = (char)('0' + (rnd(5) == 0 ? 0 : rnd(10)));
    if (rnd(5) != 0)
        s[n++] = '.';
    for (int k = 0; k < zeros; k++)
        s[n++] = '0';
    for (int k = 0; k < after; k++)
        s[n++] = (char)('0' + rnd(10));
    if (rnd(3) != 0) {
        s[n++] = "eE"[rnd(2)];
        if (rnd(2))
            s[n++] = "+-"[rnd(2)];
        static const int scales[] = {10, 40, 330, 400, 1200, 100000};
        int scale = scales[rnd(6)];
        if (rnd(40) == 0)
            n += (size_t)sprintf(s + n, "99999999999999999999999");
        else if (rnd(30) != 0)
            n += (size_t)sprintf(s + n, "%u", rnd((uint32_t)scale));
    }
    if (rnd(6) == 0)
        s[n++] = "x.e+-p"[rnd(6)];
    s[n] = '\0';
}

static void test_strtod_random(void)
{
    static char s[4096];
    group_start();
    for (int i = 0; i < 30000; i++) {
        random_decimal_text(s);
        compare_float(s);
    }
    group_end("strtod: 30000 random decimal strings (long digit strings, huge and tiny exponents, "
              "junk) give glibc's bits, end and errno from strtod and strtof");
}

// Random doubles of every magnitude printed to different precisions, and the exact decimal
// values halfway between neighbouring doubles (and floats) with a digit more or less, which
// decide ties and the direction of rounding.
static void test_strtod_halfway(void)
{
    static char s[2400];
    group_start();
    for (int i = 0; i < 6000; i++) {
        uint64_t bits = rnd64() & 0x7fffffffffffffffull;
        if (rnd(4) == 0)
            bits &= 0x000fffffffffffffull; // subnormal
        else if (rnd(8) == 0)
            bits = 0x7fefffffffffffffull - rnd(4); // near the top
        else if (rnd(8) == 0)
            bits = 0x0010000000000000ull + rnd(5) - 2; // near the smallest normal
        if ((bits >> 52) == 0x7ff)
            bits = 0x7fefffffffffffffull;
        double d = bits_double(bits);
        snprintf(s, sizeof(s), "%.*g", (int)(1 + rnd(20)), d);
        compare_float(s);
        snprintf(s, sizeof(s), "%.17g", d);
        compare_float(s);

        // The midpoint between d and the next double up is exact in an 80-bit long double.
        long double next = bits == 0x7fefffffffffffffull ? (long double)d + 0x1p971L
                                                         : (long double)bits_double(bits + 1);
        long double mid = ((long double)d + next) / 2;
        int len = snprintf(s, sizeof(s), "%.780Le", mid);
        char *e = strchr(s, 'e');
        char *last = e - 1;
        while (*last == '0')
            last--;
        // Exactly halfway, then a hair above and below it.
        memmove(last + 1, e, strlen(e) + 1);
        compare_float(s);
        (void)len;
        char *tail = last + 1;
        char saved[16];
        snprintf(saved, sizeof(saved), "%s", tail);
        snprintf(tail, 48, "0000000000000000000001%s", saved);
        compare_float(s);
        // ... also when the deciding digit comes after 850 significant ones.
        snprintf(tail, 900, "%0850d%s", 1, saved);
        compare_float(s);
        if (*last > '0') {
            snprintf(tail, 48, "%s", saved);
            (*last)--;
            snprintf(tail, 48, "99999999999999999999999%s", saved);
            compare_float(s);
        }

        // The same around floats, for strtof's own rounding.
        float f = (float)d;
        if (f == f && f < FLT_MAX) {
            uint32_t fb = float_bits(f);
            float fnext;
            uint32_t nb = fb + 1;
            memcpy(&fnext, &nb, sizeof(fnext));
            long double fmid = ((long double)f + (long double)fnext) / 2;
            snprintf(s, sizeof(s), "%.200Le", fmid);
            compare_float(s);
        }
    }
    group_end("strtod: 6000 random doubles printed at 1-20 and 17 digits, and the exact "
              "halfway points between neighbouring doubles and floats (and a hair either side, "
              "even 850 digits on), convert exactly as glibc does, ties to even");
}

static void test_strtod_edges(void)
{
    static const char *const cases[] = {
        // Decimal: zeros, the top of the range, the bottom, ties, malformed input.
        "0", "-0", "+0.0e10", "0e99999999999999999999", "0.0000e-99999", "1e308", "1.8e308",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649"
        "017977587207096330286416692887910946555547851940402630657488671505820681908902000708383"
        "676273854845817711531764475730270069855571366959622842914819860834936475292719074168444"
        "365510704342711559699508093042880177904174497791.9999999999",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649"
        "017977587207096330286416692887910946555547851940402630657488671505820681908902000708383"
        "676273854845817711531764475730270069855571366959622842914819860834936475292719074168444"
        "365510704342711559699508093042880177904174497792",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649"
        "918180833e-324",
        "5e-324", "3e-324", "1e-324", "1e-400", "-1e-400", "2.2250738585072011e-308",
        "2.2250738585072012e-308", "2.2250738585072014e-308",
        "2.22507385850720113605740979670913197593481992e-308", "1e-45", "7e-46", "1.4e-45",
        "3.4028235e38", "3.4028236e38", "3.40282357e38", "1.17549435e-38", "1.1754942e-38", ".5",
        "5.", ".", "-.", "+.e1", "e5", "1e", "1e+", "1e-", "1.5E+3x", "   \t-12.5e-1", "0.1", "0.2",
        "0.3", "123456789012345678901234567890", "9007199254740993", "9007199254740992.5",
        "9007199254740993.0000000000000000000001",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126", "0.000001e6", "1000000e-6",
        "00000000000000000000000000000000000000001", "1e-0000000000000000000000000000000001",
        // Hexadecimal.
        "0x1.8p3", "0X1P-2", "-0x.8", "0x1p", "0x1p+", "0x", "0xg", "0x.", "0x.p1", "0x1.p1",
        "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "0x1.fffffffffffffp1023", "0x1p1024",
        "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1.8p-1075", "0x1p-1076",
        "0x1.fffffffffffffp-1023", "0x1.fffffffffffff8p-1023", "0x1.fffffffffffffcp-1023",
        "0x1.fffffffffffffbp-1023", "0x0.fffffffffffff8p-1022", "0x123456789abcdef0123456789p-40",
        "0x0000000000000000000000001p0", "0x1.000000000000080000000000000000001p0",
        "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1p99999999999999999999",
        "0x1p-99999999999999999999", "0x0p99999999999", "0x1.fffffep127", "0x1.ffffffp127",
        "0x1p-149", "0x1p-150", "0x1.000002p-150", "0x1.fffffcp-127", "0x1.fffffep-127",
        // Infinities and NaNs.
        "inf", "-INF", "Infinity", "infinit", "INFINITYx", "nan", "-nan", "NaN(", "nan()",
        "nan(123)", "nan(0x7ff)", "-nan(0x8000000000001)", "nan(abc_12)", "nan(12)x", "nan(1 2)",
        "nan(-1)", "nanx", "in", "na", "-", "+", "", "  ", "x1", "0x1.0p", "1e1000", "-1e1000",
        "1e-1000"};
    group_start();
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        compare_float(cases[i]);
    // The largest numbers strtod works with: 900 significant digits at the extreme exponents
    // it does not settle early as overflow or underflow.
    static const char *const digit_runs[] = {"1", "9", "3"};
    static const char *const exponents[] = {"e-330", "e-1230", "e-1229", "e-590", "e-589", "e-0"};
    for (size_t r = 0; r < 3; r++) {
        for (size_t e = 0; e < sizeof(exponents) / sizeof(exponents[0]); e++) {
            static char text[1000];
            size_t n = 0;
            if (e == 0)
                n += (size_t)sprintf(text, "0.");
            for (int k = 0; k < 900; k++)
                text[n++] = digit_runs[r][0];
            strcpy(text + n, exponents[e]);
            compare_float(text);
        }
    }
    group_end("strtod: overflow to HUGE_VAL, underflow, the subnormal and normal boundaries, "
              "ties, hex floats, inf, infinity, nan and nan(payload) match glibc bit for bit");
}

// The exact value of the hexadecimal float in s[0..len) (sign, "0x", digits, point, exponent)
// as a long double. Digits past the first 15 significant ones are replaced by one '8' digit
// when any is nonzero: that keeps the value strictly between the same two 60-bit neighbours,
// so it rounds as the original in any format of 53 bits or fewer, and with at most 64 bits it
// is exact in an x87 long double.
static long double hex_value(const char *s, size_t len)
{
    char kept[20];
    size_t n_kept = 0;
    long exp2 = 0;
    bool negative = false, point = false, dropped = false;
    size_t i = 0;

    if (s[i] == '+' || s[i] == '-')
        negative = s[i++] == '-';
    for (i += 2; i < len && s[i] != 'p' && s[i] != 'P'; i++) {
        if (s[i] == '.') {
            point = true;
            continue;
        }
        if (n_kept == 0 && s[i] == '0') {
            exp2 -= point ? 4 : 0;
        } else if (n_kept < 15) {
            kept[n_kept++] = s[i];
            exp2 -= point ? 4 : 0;
        } else {
            dropped |= s[i] != '0';
            exp2 += point ? 0 : 4;
        }
    }
    if (i < len)
        exp2 += strtol(s + i + 1, NULL, 10);
    if (dropped) {
        kept[n_kept++] = '8';
        exp2 -= 4;
    }
    if (n_kept == 0)
        kept[n_kept++] = '0';
    kept[n_kept] = '\0';
    char exact[64];
    snprintf(exact, sizeof(exact), "%s0x%sp%ld", negative ? "-" : "", kept, exp2);
    return strtold(exact, NULL);
}

// The correctly rounded double of x, by the hardware's conversion, and the errno a conversion
// to it sets: ERANGE on overflow, or when inexact and tiny even rounded to 53 bits with an
// unbounded exponent.
static uint64_t rounded_double(long double x, int *err)
{
    double d = (double)x;
    long double ax = x < 0 ? -x : x;
    bool tiny = (double)(ax * 0x1p200L) < DBL_MIN * 0x1p200;
    *err = d > DBL_MAX || d < -DBL_MAX || ((long double)d != x && tiny) ? ERANGE : 0;
    return double_bits(d);
}

// The same for float, with 24 bits.
static uint32_t rounded_float(long double x, int *err)
{
    float f = (float)x;
    long double ax = x < 0 ? -x : x;
    bool tiny = (float)(ax * 0x1p100L) < FLT_MIN * 0x1p100f;
    *err = f > FLT_MAX || f < -FLT_MAX || ((long double)f != x && tiny) ? ERANGE : 0;
    return float_bits(f);
}

// Random hexadecimal floats, many landing in the subnormal ranges of double and float, against
// the exact rounding of their value (glibc 2.36's own hexadecimal path truncates some
// subnormals that need rounding, and then also misses ERANGE); the end pointer is glibc's.
static void test_strtod_hex_random(void)
{
    static char s[200];
    static const char hex[] = "0123456789abcdefABCDEF";
    static const int bands[][2] = {
        {-1200, 1200}, {-1090, -1010}, {-160, -120}, {1010, 1030}, {120, 132}};
    group_start();
    for (int i = 0; i < 20000; i++) {
        size_t n = 0;
        if (rnd(3) == 0)
            s[n++] = "+-"[rnd(2)];
        s[n++] = '0';
        s[n++] = "xX"[rnd(2)];
        int zeros = rnd(4) == 0 ? (int)rnd(20) : 0;
        for (int k = 0; k < zeros; k++)
            s[n++] = '0';
        int before = (int)rnd(rnd(5) == 0 ? 40 : 8), after = (int)rnd(rnd(5) == 0 ? 40 : 16);
        for (int k = 0; k < before; k++)
            s[n++] = hex[rnd(22)];
        if (rnd(4) != 0)
            s[n++] = '.';
        for (int k = 0; k < after; k++)
            s[n++] = hex[rnd(rnd(3) == 0 ? 2 : 22)];
        if (rnd(5) != 0) {
            const int *band = bands[rnd(5)];
            int e = band[0] + (int)rnd((uint32_t)(band[1] - band[0])) - 4 * before;
            n += (size_t)sprintf(s + n, "%c%+d", "pP"[rnd(2)], e);
        }
        s[n] = '\0';

        char *end_ours, *end_theirs;
        strtod(s, &end_theirs);
        // Without hex digits the number is the "0" before the 'x'.
        long double x = end_theirs - s < 3 ? (s[0] == '-' ? -0.0L : 0.0L)
                                           : hex_value(s, (size_t)(end_theirs - s));
        int e_exact;
        errno = 0;
        uint64_t d_ours = double_bits(qsoe_strtod(s, &end_ours));
        int e_ours = errno;
        uint64_t d_exact = rounded_double(x, &e_exact);
        if (d_ours != d_exact || e_ours != e_exact || end_ours != end_theirs)
            note_mismatch("strtod(\"%s\"): ours %016" PRIx64 " errno %d end %td, exact %016" PRIx64
                          " errno %d end %td",
                          shown(s), d_ours, e_ours, end_ours - s, d_exact, e_exact, end_theirs - s);
        errno = 0;
        uint32_t f_ours = float_bits(qsoe_strtof(s, &end_ours));
        e_ours = errno;
        uint32_t f_exact = rounded_float(x, &e_exact);
        if (f_ours != f_exact || e_ours != e_exact || end_ours != end_theirs)
            note_mismatch("strtof(\"%s\"): ours %08" PRIx32 " errno %d, exact %08" PRIx32
                          " errno %d",
                          shown(s), f_ours, e_ours, f_exact, e_exact);
    }
    group_end("strtod: 20000 random hexadecimal floats (long significands, subnormal and "
              "overflow ranges of double and float) round exactly, with glibc's end and errno "
              "conventions, in strtod and strtof");

    // Cases glibc 2.36 gets wrong, checked by exact rational arithmetic.
    static const struct {
        const char *text;
        uint64_t bits;
        bool is_float;
    } exact[] = {
        {"0xd.4cf2b5767caac0p-1026", 0x000d4cf2b5767cabull, false},
        {"0x6.2c06de9f978920p-1027", 0x000316036f4fcbc5ull, false},
        {"0x1.e600e3p-127", 0x00798039, true},
        {"0x1.4a9f05p-127", 0x0052a7c1, true},
    };
    bool ok = true;
    for (size_t k = 0; k < sizeof(exact) / sizeof(exact[0]); k++) {
        errno = 0;
        uint64_t got = exact[k].is_float ? float_bits(qsoe_strtof(exact[k].text, NULL))
                                         : double_bits(qsoe_strtod(exact[k].text, NULL));
        ok &= got == exact[k].bits && errno == ERANGE;
    }
    report(ok,
           "strtod: subnormal hexadecimal floats with more bits than fit round to nearest and "
           "set ERANGE (where glibc 2.36 truncates)",
           NULL);
}

static void test_strtod_others(void)
{
    bool ok = true;
    char *e1, *e2;
    ok &= qsoe_atof("  3.25xyz") == 3.25;
    long double ld = qsoe_strtold("0.1e1", &e1);
    double d = qsoe_strtod("0.1e1", &e2);
    ok &= ld == (long double)d && e1 == e2;
    ok &= qsoe_strtod("1.5", NULL) == 1.5;
    report(ok, "strtod: atof reads a leading number; strtold gives strtod's value and end", NULL);
}

// ---------------------------------------------------------------------------------------------
// qsort and bsearch

static long comparisons;

struct record {
    uint32_t key;
    uint32_t id;
    char pad[16];
};

static int compare_records(const void *a, const void *b)
{
    const struct record *x = a, *y = b;
    comparisons++;
    return (x->key > y->key) - (x->key < y->key);
}

static int compare_bytes(const void *a, const void *b)
{
    comparisons++;
    return *(const unsigned char *)a - *(const unsigned char *)b;
}

// Fills n records following pattern, with ids 0..n-1.
static void fill_pattern(struct record *r, size_t n, int pattern)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t k;
        switch (pattern) {
        case 0:
            k = test_rng(&rng);
            break;
        case 1:
            k = (uint32_t)i;
            break;
        case 2:
            k = (uint32_t)(n - i);
            break;
        case 3:
            k = 7;
            break;
        case 4:
            k = (uint32_t)(i < n / 2 ? i : n - i); // organ pipe
            break;
        case 5:
            k = (uint32_t)(i % 17); // sawtooth
            break;
        case 6:
            k = rnd(3); // few distinct keys
            break;
        default:
            k = (uint32_t)(i == n - 1 ? 0 : i + 1); // sorted but for the last
            break;
        }
        r[i].key = k;
        r[i].id = (uint32_t)i;
    }
}

// Whether r (n records sorted from orig) is ordered and a permutation of orig.
static bool sorted_permutation(const struct record *r, const struct record *orig, size_t n)
{
    static bool seen[200001];
    bool ok = true;
    memset(seen, 0, n);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && r[i - 1].key > r[i].key)
            ok = false;
        if (r[i].id >= n || seen[r[i].id] || orig[r[i].id].key != r[i].key)
            ok = false;
        else
            seen[r[i].id] = true;
    }
    return ok;
}

// The number of bits in n: log2 n rounded up, near enough.
static double bits_of(size_t n)
{
    double l = 0;
    for (; n > 1; n >>= 1)
        l += 1;
    return l + 1;
}

static void test_qsort_patterns(void)
{
    static const size_t sizes[] = {0, 1, 2, 3, 5, 12, 13, 31, 100, 1000, 4097, 100000};
    struct record *r = qsoe_malloc(100000 * sizeof(*r));
    struct record *orig = qsoe_malloc(100000 * sizeof(*r));
    double worst_ratio = 0;
    group_start();
    for (int pattern = 0; pattern < 8; pattern++) {
        for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
            size_t n = sizes[s];
            fill_pattern(orig, n, pattern);
            memcpy(r, orig, n * sizeof(*r));
            comparisons = 0;
            qsoe_qsort(r, n, sizeof(*r), compare_records);
            if (!sorted_permutation(r, orig, n))
                note_mismatch("pattern %d, %zu elements: not a sorted permutation", pattern, n);
            if (n > 1) {
                double ratio = (double)comparisons / ((double)n * bits_of(n));
                if (ratio > worst_ratio)
                    worst_ratio = ratio;
            }
        }
    }
    group_end("qsort: random, sorted, reversed, all-equal, organ-pipe, sawtooth, few-keys and "
              "nearly sorted arrays of 0-100000 records come out ordered and a permutation");
    report(worst_ratio < 4, "qsort: those patterns take under 4 n log2 n comparisons",
           "worst %.2f n log2 n", worst_ratio);

    // Odd element sizes take the byte-wise paths.
    unsigned char bytes[3001], sorted_copy[3001];
    group_start();
    for (int round = 0; round < 50; round++) {
        size_t n = rnd(3001);
        for (size_t i = 0; i < n; i++)
            bytes[i] = (unsigned char)rnd(256);
        memcpy(sorted_copy, bytes, n);
        qsort(sorted_copy, n, 1, compare_bytes);
        qsoe_qsort(bytes, n, 1, compare_bytes);
        if (memcmp(bytes, sorted_copy, n) != 0)
            note_mismatch("%zu single bytes", n);
    }
    group_end("qsort: arrays of single bytes sort as glibc sorts them");
    qsoe_free(r);
    qsoe_free(orig);
}

// McIlroy's adversary: a comparison that decides the order of untouched elements ("gas") only
// when it must, always so that the pivot candidate comes out smallest, which drives any plain
// quicksort to n^2 comparisons.
static int *adversary_value;
static int adversary_gas, adversary_solid, adversary_candidate;

static int compare_adversary(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    comparisons++;
    if (adversary_value[x] == adversary_gas && adversary_value[y] == adversary_gas) {
        if (x == adversary_candidate)
            adversary_value[x] = adversary_solid++;
        else
            adversary_value[y] = adversary_solid++;
    }
    if (adversary_value[x] == adversary_gas)
        adversary_candidate = x;
    else if (adversary_value[y] == adversary_gas)
        adversary_candidate = y;
    return adversary_value[x] - adversary_value[y];
}

static void test_qsort_adversary(void)
{
    size_t n = 20000;
    int *items = qsoe_malloc(n * sizeof(int));
    adversary_value = qsoe_malloc(n * sizeof(int));
    adversary_gas = (int)n;
    adversary_solid = 0;
    adversary_candidate = 0;
    for (size_t i = 0; i < n; i++) {
        items[i] = (int)i;
        adversary_value[i] = adversary_gas;
    }
    comparisons = 0;
    qsoe_qsort(items, n, sizeof(int), compare_adversary);
    bool sorted = true;
    for (size_t i = 1; i < n; i++)
        sorted &= adversary_value[items[i - 1]] <= adversary_value[items[i]];
    double ratio = (double)comparisons / ((double)n * bits_of(n));
    report(sorted && ratio < 8,
           "qsort: McIlroy's quicksort adversary cannot push it past O(n log n) comparisons "
           "(heapsort takes over)",
           "sorted %d, %.2f n log2 n comparisons", sorted, ratio);
    qsoe_free(items);
    qsoe_free(adversary_value);
}

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void test_bsearch(void)
{
    int a[300];
    bool ok = true;
    for (int round = 0; round < 200; round++) {
        // Sorted, with repeated keys and gaps.
        size_t n = rnd(300);
        for (size_t i = 0; i < n; i++)
            a[i] = (i == 0 ? 0 : a[i - 1]) + (int)rnd(3);
        for (int key = -2; key < (int)n * 2 + 3; key++) {
            int *found = qsoe_bsearch(&key, a, n, sizeof(int), compare_ints);
            bool present = bsearch(&key, a, n, sizeof(int), compare_ints) != NULL;
            if (present != (found != NULL) || (found != NULL && *found != key))
                ok = false;
        }
    }
    report(ok, "bsearch: finds every key present in sorted arrays of 0-299 ints and none absent",
           NULL);
}

// ---------------------------------------------------------------------------------------------
// malloc

// A tag byte for a block: what it was filled with.
static unsigned char block_tag(size_t slot, uint32_t generation)
{
    return (unsigned char)(slot * 31 + generation * 7 + 1);
}

static bool block_holds(const unsigned char *p, size_t n, unsigned char tag)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != tag)
            return false;
    return true;
}

static size_t random_block_size(void)
{
    uint32_t r = rnd(1000);
    if (r < 700)
        return rnd(257);
    if (r < 950)
        return 257 + rnd(8000);
    if (r < 995)
        return 8192 + rnd(120000);
    return 131072 + rnd(500000);
}

// Free arena pages: takes single pages until there are none, then gives them all back.
static size_t free_arena_pages(void)
{
    static void *pages[4096];
    size_t n = 0;
    while (n < 4096 && (pages[n] = __libc_pages_alloc(1)) != NULL)
        n++;
    for (size_t i = 0; i < n; i++)
        __libc_pages_free(pages[i], 1);
    return n;
}

static void test_malloc_churn(void)
{
    enum { SLOTS = 1024 };
    static unsigned char *block[SLOTS];
    static size_t length[SLOTS];
    static uint32_t generation[SLOTS];
    static size_t align[SLOTS];
    size_t before = free_arena_pages();
    long ops = 0, null_results = 0;

    group_start();
    for (; ops < 200000; ops++) {
        size_t i = rnd(SLOTS);
        if (block[i] != NULL && !block_holds(block[i], length[i], block_tag(i, generation[i])))
            note_mismatch("op %ld: block %zu (%zu bytes) changed", ops, i, length[i]);
        if (block[i] == NULL) {
            size_t n = random_block_size();
            uint32_t kind = rnd(20);
            align[i] = 16;
            if (kind == 0) {
                block[i] = qsoe_calloc(1 + rnd(16), n / 16 + 1);
                n = 0;
            } else if (kind == 1) {
                align[i] = (size_t)32 << rnd(8);
                block[i] = qsoe_aligned_alloc(align[i], n);
            } else {
                block[i] = qsoe_malloc(n);
            }
            if (block[i] == NULL) {
                null_results++;
                continue;
            }
            length[i] = n;
        } else if (rnd(2) == 0) {
            qsoe_free(block[i]);
            block[i] = NULL;
            continue;
        } else {
            size_t n = random_block_size();
            unsigned char *p = qsoe_realloc(block[i], n + 1);
            if (p == NULL) {
                null_results++;
                continue;
            }
            size_t kept = length[i] < n ? length[i] : n;
            if (!block_holds(p, kept, block_tag(i, generation[i])))
                note_mismatch("op %ld: realloc of block %zu to %zu lost its contents", ops, i, n);
            block[i] = p;
            length[i] = n;
            align[i] = 16;
        }
        if ((uintptr_t)block[i] % align[i] != 0)
            note_mismatch("op %ld: block at %p not aligned to %zu", ops, (void *)block[i],
                          align[i]);
        generation[i]++;
        memset(block[i], block_tag(i, generation[i]), length[i]);
    }
    for (size_t i = 0; i < SLOTS; i++) {
        if (block[i] != NULL && !block_holds(block[i], length[i], block_tag(i, generation[i])))
            note_mismatch("at the end: block %zu changed", i);
        qsoe_free(block[i]);
        block[i] = NULL;
    }
    if (null_results != 0)
        note_mismatch("%ld requests failed: the 16 MiB arena ran out", null_results);
    group_end("malloc: 200000 random malloc, calloc, aligned_alloc, realloc and free calls keep "
              "every block's contents and alignment, with no failure (about 1 GiB allocated in "
              "all, so freed memory is reused)");

    size_t after = free_arena_pages();
    report(after + 64 >= before,
           "malloc: once everything is freed, all its pages but one spare 256 KiB region are "
           "back in the arena",
           "%zu free pages before, %zu after", before, after);
}

static void test_malloc_basics(void)
{
    bool ok = true;
    void *a = qsoe_malloc(100);
    qsoe_free(a);
    void *b = qsoe_malloc(100);
    ok &= a == b;
    qsoe_free(b);
    report(ok, "malloc: a freed block is the next one handed out for the same size", NULL);

    void *z = qsoe_malloc(0);
    report(z != NULL && (uintptr_t)z % 16 == 0, "malloc: malloc(0) is a unique aligned pointer",
           NULL);
    qsoe_free(z);
    qsoe_free(NULL);

    errno = 0;
    void *big = qsoe_malloc(SIZE_MAX - 8);
    int e1 = errno;
    errno = 0;
    void *over = qsoe_calloc(SIZE_MAX / 2, 3);
    int e2 = errno;
    errno = 0;
    void *too_much = qsoe_malloc(64 << 20);
    int e3 = errno;
    report(big == NULL && e1 == ENOMEM && over == NULL && e2 == ENOMEM && too_much == NULL &&
               e3 == ENOMEM,
           "malloc: impossible sizes, a calloc whose product overflows, and more than the arena "
           "holds all give NULL and ENOMEM",
           NULL);

    // calloc zeroes reused memory.
    unsigned char *dirty = qsoe_malloc(3000);
    memset(dirty, 0xee, 3000);
    qsoe_free(dirty);
    unsigned char *clean = qsoe_calloc(3000, 1);
    report(clean != NULL && block_holds(clean, 3000, 0), "malloc: calloc zeroes recycled memory",
           NULL);
    qsoe_free(clean);

    // realloc: NULL is malloc, 0 frees, growth into a free neighbour stays in place.
    char *r = qsoe_realloc(NULL, 50);
    ok = r != NULL;
    strcpy(r, "kept");
    char *after_r = qsoe_malloc(2000);
    qsoe_free(after_r);
    char *grown = qsoe_realloc(r, 1500);
    ok &= grown == r && strcmp(grown, "kept") == 0;
    char *shrunk = qsoe_realloc(grown, 10);
    ok &= shrunk == grown && strcmp(shrunk, "kept") == 0;
    ok &= qsoe_realloc(shrunk, 0) == NULL;
    report(ok,
           "malloc: realloc(NULL, n) allocates, grows into a free neighbour and shrinks in place "
           "keeping the contents, and realloc(p, 0) frees",
           NULL);

    ok = true;
    for (size_t al = 1; al <= 65536; al *= 2) {
        for (int k = 0; k < 20; k++) {
            size_t n = rnd(k < 10 ? 200 : 200000);
            void *p = qsoe_aligned_alloc(al, n);
            void *q = NULL;
            int rc = qsoe_posix_memalign(&q, al < sizeof(void *) ? sizeof(void *) : al, n);
            ok &= p != NULL && (uintptr_t)p % al == 0 && rc == 0 && q != NULL &&
                  (uintptr_t)q % al == 0;
            if (p != NULL)
                memset(p, 1, n);
            if (q != NULL)
                memset(q, 2, n);
            ok &= p == NULL || block_holds(p, n, 1);
            qsoe_free(p);
            qsoe_free(q);
        }
    }
    void *q = NULL;
    errno = 0;
    ok &= qsoe_posix_memalign(&q, 24, 10) == EINVAL && qsoe_posix_memalign(&q, 4, 10) == EINVAL &&
          q == NULL && errno == 0;
    ok &= qsoe_aligned_alloc(48, 10) == NULL && errno == EINVAL;
    report(ok,
           "malloc: aligned_alloc and posix_memalign honour every power-of-two alignment up to "
           "64 KiB and refuse others with EINVAL",
           NULL);
}

// Runs f in a child with its output captured; returns whether the child died of SIGABRT after
// printing a line containing expected.
static bool aborts_with(void (*f)(void), const char *expected, char *out, size_t out_size)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        setvbuf(stdout, NULL, _IONBF, 0);
        f();
        _exit(0);
    }
    close(fds[1]);
    size_t n = 0;
    ssize_t got;
    while (n + 1 < out_size && (got = read(fds[0], out + n, out_size - 1 - n)) > 0)
        n += (size_t)got;
    out[n] = '\0';
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT && strstr(out, expected) != NULL;
}

static void double_free(void)
{
    void *p = qsoe_malloc(64);
    qsoe_free(p);
    qsoe_free(p);
}

static void overrun(void)
{
    char *p = qsoe_malloc(40);
    memset(p, 'x', 64);
    qsoe_free(p);
}

static void wild_free(void)
{
    char *p = qsoe_malloc(400);
    memset(p, 'y', 400);
    qsoe_free(p + 64);
}

static void double_free_huge(void)
{
    void *p = qsoe_malloc(300000);
    qsoe_free(p);
    qsoe_free(p);
}

static void test_malloc_checks(void)
{
    char out[512];
    bool ok = aborts_with(double_free, "double free", out, sizeof(out));
    report(ok, "malloc: a double free stops the program with \"malloc: double free\"", "%s", out);
    ok = aborts_with(overrun, "write past the end", out, sizeof(out));
    report(ok, "malloc: a write past the end of a block is caught when it is freed", "%s", out);
    ok = aborts_with(wild_free, "did not return", out, sizeof(out));
    report(ok, "malloc: freeing a pointer into the middle of a block is caught", "%s", out);
    ok = aborts_with(double_free_huge, "malloc: ", out, sizeof(out));
    report(ok, "malloc: a double free of a block with its own pages is caught", "%s", out);
}

static void test_pages(void)
{
    size_t free_before = free_arena_pages();
    unsigned char *a = __libc_pages_alloc(3);
    unsigned char *b = __libc_pages_alloc(1);
    bool ok = a != NULL && b != NULL && (uintptr_t)a % 4096 == 0 && (uintptr_t)b % 4096 == 0 &&
              block_holds(a, 3 * 4096, 0) && (b >= a + 3 * 4096 || b + 4096 <= a);
    memset(a, 0x55, 3 * 4096);
    __libc_pages_free(a, 3);
    unsigned char *c = __libc_pages_alloc(2);
    ok &= c == a && block_holds(c, 2 * 4096, 0);
    __libc_pages_free(c, 2);
    __libc_pages_free(b, 1);
    ok &= __libc_pages_alloc(free_before + 1) == NULL && __libc_pages_alloc(0) == NULL;
    ok &= free_arena_pages() == free_before;
    report(ok,
           "malloc_pages: the default arena hands out aligned, zeroed pages, reuses freed ones "
           "(zeroed again) and returns NULL when it cannot",
           NULL);
}

int main(void)
{
    test_ctype();
    test_string_search();
    test_string_compare();
    test_string_copy();
    test_strtok();
    test_strerror();
    test_strtol_random();
    test_strtol_edges();
    test_strtod_random();
    test_strtod_halfway();
    test_strtod_edges();
    test_strtod_hex_random();
    test_strtod_others();
    test_pages();
    test_qsort_patterns();
    test_qsort_adversary();
    test_bsearch();
    test_malloc_basics();
    test_malloc_churn();
    test_malloc_checks();
    return test_summary();
}
