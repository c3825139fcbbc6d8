/*
 * Text to integers: strtol, strtoll, strtoul, strtoull, strtoimax, strtoumax and the ato*
 * shorthands. One scanner reads the subject sequence ISO C describes (spaces, a sign, a 0x or 0
 * prefix as the base allows, digits); the wrappers only clamp and sign the magnitude it returns.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

_Static_assert(UINTMAX_MAX == ULLONG_MAX, "strtoumax shares the unsigned long long scanner");

// What the scanner read: the magnitude (at most the limit for its sign), the sign, and whether
// the digits went past that limit.
struct scanned {
    unsigned long long magnitude;
    bool negative;
    bool overflow;
};

// The value of c as a digit in bases up to 36, or 36 if it is not one.
static unsigned digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 36;
}

// Reads an integer in base (0 meaning "from the prefix") from s. A positive result may be at
// most max_positive, a negative one at most max_negative in magnitude. Sets *end past the last
// digit used, or to s itself when there is no number (then the magnitude is 0). An invalid base
// sets errno to EINVAL and reads nothing.
static struct scanned scan_integer(const char *s, char **end, int base,
                                   unsigned long long max_positive, unsigned long long max_negative)
{
    struct scanned r = {0, false, false};
    const unsigned char *p = (const unsigned char *)s;

    if (end != NULL)
        *end = (char *)s;
    if (base < 0 || base == 1 || base > 36) {
        errno = EINVAL;
        return r;
    }
    while (isspace(*p))
        p++;
    if (*p == '+' || *p == '-')
        r.negative = *p++ == '-';

    // "0x" counts as a prefix only when a hex digit follows; otherwise the number is the "0".
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
        digit_value(p[2]) < 16) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = p[0] == '0' ? 8 : 10;
    }

    unsigned long long limit = r.negative ? max_negative : max_positive;
    unsigned long long cutoff = limit / (unsigned)base;
    unsigned cutoff_digit = (unsigned)(limit % (unsigned)base);
    const unsigned char *digits = p;
    for (unsigned d; (d = digit_value(*p)) < (unsigned)base; p++) {
        if (r.overflow || r.magnitude > cutoff || (r.magnitude == cutoff && d > cutoff_digit)) {
            r.overflow = true;
            r.magnitude = limit;
        } else {
            r.magnitude = r.magnitude * (unsigned)base + d;
        }
    }
    if (p == digits)
        return (struct scanned){0, false, false};
    if (end != NULL)
        *end = (char *)p;
    if (r.overflow)
        errno = ERANGE;
    return r;
}

// A signed result from a scanned magnitude no larger than its type's negative limit.
static long long signed_value(struct scanned r)
{
    if (!r.negative || r.magnitude == 0)
        return (long long)r.magnitude;
    return -(long long)(r.magnitude - 1) - 1;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
    return (long)signed_value(
        scan_integer(s, end, base, LONG_MAX, (unsigned long long)LONG_MAX + 1));
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
    return signed_value(scan_integer(s, end, base, LLONG_MAX, (unsigned long long)LLONG_MAX + 1));
}

intmax_t strtoimax(const char *restrict s, char **restrict end, int base)
{
    return (intmax_t)signed_value(
        scan_integer(s, end, base, INTMAX_MAX, (unsigned long long)INTMAX_MAX + 1));
}

// The unsigned forms accept a minus sign and negate in the unsigned type, as ISO C says; only
// magnitudes beyond the type's maximum overflow.
unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
    struct scanned r = scan_integer(s, end, base, ULONG_MAX, ULONG_MAX);
    unsigned long v = (unsigned long)r.magnitude;
    return r.negative && !r.overflow ? -v : v;
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
    struct scanned r = scan_integer(s, end, base, ULLONG_MAX, ULLONG_MAX);
    return r.negative && !r.overflow ? -r.magnitude : r.magnitude;
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base)
{
    return strtoull(s, end, base);
}

int atoi(const char *s)
{
    return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
    return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
    return strtoll(s, NULL, 10);
}
