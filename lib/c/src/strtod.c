/*
 * Text to floating point: strtod, strtof, strtold and atof. Decimal input is converted exactly
 * with big-integer arithmetic and rounded once, to nearest with ties to even, straight into the
 * target format (so strtof never rounds twice); hexadecimal input ("0x1.8p3") is rounded the
 * same way. Also reads inf, infinity, nan and nan(payload). strtold gives the double result:
 * long double conversion at its own precision is not written yet.
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// An IEEE binary format: significand bits (with the hidden one), the weight (as a power of two)
// of the lowest bit of the smallest subnormal, the all-ones exponent field, and the default and
// payload bits of a quiet NaN.
struct float_format {
    int mant_bits;
    int min_lsb;
    uint64_t exp_field_max;
    uint64_t quiet_nan;
    uint64_t payload_mask;
};

static const struct float_format binary64 = {53, -1074, 2047, 0x7ff8000000000000ull,
                                             0x0007ffffffffffffull};
static const struct float_format binary32 = {24, -149, 255, 0x7fc00000ull, 0x003fffffull};

// More significant digits than this never change the rounding of a double (or float): every
// value halfway between two doubles has at most 767. Digits past the limit only count as
// "something nonzero was dropped".
#define MAX_DIGITS 800

// Decimal exponents (of the leading digit) beyond these are certain overflow or underflow.
#define DEC_EXP_MAX 310
#define DEC_EXP_MIN (-330)

// The largest big integer needed: 10^1130 (the smallest exponent left after the checks above,
// less MAX_DIGITS) shifted by the 57 bits of a quotient, with room to spare.
#define LIMBS 128

// A non-negative integer in base 2^32, least significant limb first; n limbs are in use and the
// top one is nonzero (n == 0 is zero).
struct bigint {
    int n;
    uint32_t limb[LIMBS];
};

static void big_set(struct bigint *b, uint32_t v)
{
    b->n = v != 0;
    b->limb[0] = v;
}

// b = b * m + add.
static void big_mul_add(struct bigint *b, uint32_t m, uint32_t add)
{
    uint64_t carry = add;
    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->limb[i] * m + carry;
        b->limb[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry != 0)
        b->limb[b->n++] = (uint32_t)carry;
}

// b = b * 10^e.
static void big_mul_pow10(struct bigint *b, long e)
{
    for (; e >= 9; e -= 9)
        big_mul_add(b, 1000000000u, 0);
    static const uint32_t small[9] = {1,      10,      100,      1000,     10000,
                                      100000, 1000000, 10000000, 100000000};
    if (e > 0)
        big_mul_add(b, small[e], 0);
}

// b = b * 2^k.
static void big_shift_left(struct bigint *b, int k)
{
    int words = k / 32, bits = k % 32;
    if (b->n == 0)
        return;
    if (bits != 0) {
        uint32_t carry = 0;
        for (int i = 0; i < b->n; i++) {
            uint32_t v = b->limb[i];
            b->limb[i] = v << bits | carry;
            carry = v >> (32 - bits);
        }
        if (carry != 0)
            b->limb[b->n++] = carry;
    }
    if (words != 0) {
        for (int i = b->n - 1; i >= 0; i--)
            b->limb[i + words] = b->limb[i];
        for (int i = 0; i < words; i++)
            b->limb[i] = 0;
        b->n += words;
    }
}

// b = b / 2, dropping the low bit.
static void big_shift_right1(struct bigint *b)
{
    for (int i = 0; i < b->n; i++)
        b->limb[i] = b->limb[i] >> 1 | (i + 1 < b->n ? b->limb[i + 1] << 31 : 0);
    if (b->n > 0 && b->limb[b->n - 1] == 0)
        b->n--;
}

static int big_compare(const struct bigint *a, const struct bigint *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->limb[i] != b->limb[i])
            return a->limb[i] < b->limb[i] ? -1 : 1;
    return 0;
}

// a = a - b, where a >= b.
static void big_subtract(struct bigint *a, const struct bigint *b)
{
    uint32_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t sub = (uint64_t)(i < b->n ? b->limb[i] : 0) + borrow;
        borrow = a->limb[i] < sub;
        a->limb[i] = (uint32_t)((uint64_t)a->limb[i] - sub);
    }
    while (a->n > 0 && a->limb[a->n - 1] == 0)
        a->n--;
}

static int bit_length64(uint64_t v)
{
    int n = 0;
    for (; v != 0; v >>= 1)
        n++;
    return n;
}

static int big_bit_length(const struct bigint *b)
{
    return b->n == 0 ? 0 : (b->n - 1) * 32 + bit_length64(b->limb[b->n - 1]);
}

// The bits of an infinity of format f.
static uint64_t infinity_bits(const struct float_format *f)
{
    return f->exp_field_max << (f->mant_bits - 1);
}

// Rounds (q + a fraction) * 2^t to format f and returns its bits, setting errno to ERANGE on
// overflow and on an inexact result below the normal range (tininess is judged after rounding,
// as on RISC-V and x86). q carries the significand, a round bit and a guard bit below it:
// q < 2^(mant_bits + 2), and q >= 2^(mant_bits + 1) unless t is the smallest allowed,
// min_lsb - 2. sticky says whether anything nonzero lies below q.
static uint64_t round_to_format(uint64_t q, long t, bool sticky, const struct float_format *f)
{
    uint64_t m = q >> 2;
    bool round = (q >> 1) & 1, guard = q & 1;
    long biased = t + 2 - f->min_lsb;
    uint64_t min_normal_m = (uint64_t)1 << (f->mant_bits - 1);

    if (biased + 1 >= (long)f->exp_field_max) {
        errno = ERANGE;
        return infinity_bits(f);
    }
    if (m < min_normal_m && (round || guard || sticky)) {
        // Still tiny when rounded to full precision with an unbounded exponent, unless it is
        // within a quarter of a subnormal step below the smallest normal.
        if (!(m == min_normal_m - 1 && round && guard))
            errno = ERANGE;
    }
    if (round && (guard || sticky || (m & 1)))
        m++;
    // The exponent field lands above the significand's hidden bit: a carry out of the
    // significand, or a subnormal rounding up to the smallest normal, moves into it by itself.
    uint64_t bits = ((uint64_t)biased << (f->mant_bits - 1)) + m;
    if (bits >= infinity_bits(f)) {
        errno = ERANGE;
        return infinity_bits(f);
    }
    return bits;
}

// A decimal number as read: 0.d[0]d[1]...d[n-1] x 10^exp10, plus sticky when nonzero digits
// after the first MAX_DIGITS were dropped. n == 0 means zero.
struct decimal {
    unsigned char digit[MAX_DIGITS];
    int n;
    long exp10;
    bool sticky;
};

// The bits of the decimal number d (nonzero, digits without trailing zeros) in format f.
static uint64_t decimal_to_bits(const struct decimal *d, const struct float_format *f)
{
    struct bigint num, den;

    if (d->exp10 > DEC_EXP_MAX) {
        errno = ERANGE;
        return infinity_bits(f);
    }
    if (d->exp10 < DEC_EXP_MIN) {
        errno = ERANGE;
        return 0;
    }

    // value = num / den exactly, apart from the dropped digits.
    big_set(&num, 0);
    int i = 0;
    for (; i + 9 <= d->n; i += 9) {
        uint32_t chunk = 0;
        for (int k = 0; k < 9; k++)
            chunk = chunk * 10 + d->digit[i + k];
        big_mul_add(&num, 1000000000u, chunk);
    }
    for (; i < d->n; i++)
        big_mul_add(&num, 10, d->digit[i]);
    long e = d->exp10 - d->n;
    big_set(&den, 1);
    if (e >= 0)
        big_mul_pow10(&num, e);
    else
        big_mul_pow10(&den, -e);

    // num/den lies in (2^(a-b-1), 2^(a-b+1)), so with t = a - b - (mant_bits + 2) the quotient
    // q = num / (den * 2^t) has mant_bits + 2 or + 3 bits; subnormals keep t from going lower.
    int a = big_bit_length(&num), b = big_bit_length(&den);
    long t = (long)a - b - (f->mant_bits + 2);
    if (t < f->min_lsb - 2)
        t = f->min_lsb - 2;
    if (t < 0)
        big_shift_left(&num, (int)-t);
    else
        big_shift_left(&den, (int)t);

    // Long division, one quotient bit at a time: q < 2^(mant_bits + 3) <= 2^56.
    int qbits = f->mant_bits + 3;
    uint64_t q = 0;
    big_shift_left(&den, qbits - 1);
    for (int bit = qbits - 1; bit >= 0; bit--) {
        if (big_compare(&num, &den) >= 0) {
            big_subtract(&num, &den);
            q |= (uint64_t)1 << bit;
        }
        big_shift_right1(&den);
    }
    bool sticky = d->sticky || num.n != 0;
    if (q >> (f->mant_bits + 2)) {
        sticky |= q & 1;
        q >>= 1;
        t++;
    }
    return round_to_format(q, t, sticky, f);
}

// Reads the exponent after the 'e' or 'p' at s and adds it to *exp; returns its end. It counts
// only if digits follow the letter (and its sign), else s is returned unchanged; it saturates
// far beyond any finite result.
static const char *read_exponent(const char *s, long *exp)
{
    const char *p = s + 1;
    bool negative = false;
    if (*p == '+' || *p == '-')
        negative = *p++ == '-';
    if (!isdigit((unsigned char)*p))
        return s;
    long e = 0;
    for (; isdigit((unsigned char)*p); p++)
        if (e < 1000000000)
            e = e * 10 + (*p - '0');
    *exp += negative ? -e : e;
    return p;
}

// Reads the digits, point and exponent of a decimal number at s into *d. Returns the end of
// the number, or NULL if there is not a single digit.
static const char *read_decimal(const char *s, struct decimal *d)
{
    bool any = false, point = false;

    d->n = 0;
    d->exp10 = 0;
    d->sticky = false;
    for (;; s++) {
        if (*s == '.' && !point) {
            point = true;
            continue;
        }
        if (!isdigit((unsigned char)*s))
            break;
        any = true;
        if (d->n == 0 && *s == '0') {
            // A leading zero: after the point it lowers the exponent, before it is nothing.
            if (point)
                d->exp10--;
            continue;
        }
        if (d->n < MAX_DIGITS)
            d->digit[d->n++] = (unsigned char)(*s - '0');
        else if (*s != '0')
            d->sticky = true;
        if (!point)
            d->exp10++;
    }
    if (!any)
        return NULL;
    while (d->n > 0 && d->digit[d->n - 1] == 0)
        d->n--;

    if (*s == 'e' || *s == 'E')
        s = read_exponent(s, &d->exp10);
    return s;
}

// Reads a hexadecimal number (after its "0x") at s and returns the end, with the bits of its
// value in format f in *bits; NULL if there is not a single hex digit.
static const char *read_hex(const char *s, const struct float_format *f, uint64_t *bits)
{
    uint64_t m = 0;
    int kept = 0;
    long exp2 = 0;
    bool any = false, point = false, sticky = false;

    for (;; s++) {
        if (*s == '.' && !point) {
            point = true;
            continue;
        }
        if (!isxdigit((unsigned char)*s))
            break;
        any = true;
        unsigned v = isdigit((unsigned char)*s) ? (unsigned)(*s - '0')
                                                : (unsigned)(tolower((unsigned char)*s) - 'a' + 10);
        if (m == 0 && v == 0) {
            if (point)
                exp2 -= 4;
            continue;
        }
        // Fifteen digits (60 bits) hold a significand of any supported format with bits to spare
        // for rounding; the rest only matter as nonzero or not.
        if (kept < 15) {
            m = m << 4 | v;
            kept++;
            if (point)
                exp2 -= 4;
        } else {
            sticky |= v != 0;
            if (!point)
                exp2 += 4;
        }
    }
    if (!any)
        return NULL;
    if (*s == 'p' || *s == 'P')
        s = read_exponent(s, &exp2);
    if (m == 0) {
        *bits = 0;
        return s;
    }

    // value = m * 2^exp2 lies in [2^(top - 1), 2^top); keep mant_bits + 2 bits of it in q.
    long top = exp2 + bit_length64(m);
    long t = top - (f->mant_bits + 2);
    if (t < f->min_lsb - 2)
        t = f->min_lsb - 2;
    long shift = t - exp2;
    uint64_t q;
    if (shift >= 64) {
        sticky |= m != 0;
        q = 0;
    } else if (shift > 0) {
        sticky |= (m & (((uint64_t)1 << shift) - 1)) != 0;
        q = m >> shift;
    } else {
        q = m << -shift;
    }
    *bits = round_to_format(q, t, sticky, f);
    return s;
}

// Whether s starts with word, ignoring case (word is in lower case).
static bool starts_with(const char *s, const char *word)
{
    for (; *word; s++, word++)
        if (tolower((unsigned char)*s) != *word)
            return false;
    return true;
}

// Reads "nan", optionally followed by "(chars)"; a payload given as a number in the
// parentheses (read as strtoull reads it, base 0) goes into the NaN's significand. Returns the
// end and sets *bits.
static const char *read_nan(const char *s, const struct float_format *f, uint64_t *bits)
{
    *bits = f->quiet_nan;
    s += 3;
    if (*s != '(')
        return s;
    const char *p = s + 1;
    while (isalnum((unsigned char)*p) || *p == '_')
        p++;
    if (*p != ')')
        return s;
    char *end;
    unsigned long long payload = strtoull(s + 1, &end, 0);
    if (end == p)
        *bits |= payload & f->payload_mask;
    return p + 1;
}

// The whole conversion for format f: the bits of the result (sign included) and *end.
static uint64_t convert(const char *s, char **end, const struct float_format *f)
{
    const char *p = s, *stop;
    bool negative = false;
    uint64_t bits = 0;
    struct decimal d;

    while (isspace((unsigned char)*p))
        p++;
    if (*p == '+' || *p == '-')
        negative = *p++ == '-';

    if (starts_with(p, "inf")) {
        stop = p + (starts_with(p, "infinity") ? 8 : 3);
        bits = infinity_bits(f);
    } else if (starts_with(p, "nan")) {
        stop = read_nan(p, f, &bits);
    } else if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
               (stop = read_hex(p + 2, f, &bits)) != NULL) {
        // Done by read_hex; "0x" without hex digits is the number 0 followed by an 'x'.
    } else if ((stop = read_decimal(p, &d)) != NULL) {
        bits = d.n == 0 ? 0 : decimal_to_bits(&d, f);
    } else {
        stop = s;
        negative = false;
    }
    if (end != NULL)
        *end = (char *)stop;
    if (negative)
        bits |= (uint64_t)1 << (f->mant_bits + bit_length64(f->exp_field_max) - 1);
    return bits;
}

double strtod(const char *restrict s, char **restrict end)
{
    uint64_t bits = convert(s, end, &binary64);
    double v;
    memcpy(&v, &bits, sizeof(v));
    return v;
}

float strtof(const char *restrict s, char **restrict end)
{
    uint32_t bits = (uint32_t)convert(s, end, &binary32);
    float v;
    memcpy(&v, &bits, sizeof(v));
    return v;
}

long double strtold(const char *restrict s, char **restrict end)
{
    return strtod(s, end);
}

double atof(const char *s)
{
    return strtod(s, NULL);
}
