/*
 * The printf formatting engine: it turns a C99 format string and its arguments into bytes for a
 * sink, converting floating point exactly from the binary value (as glibc does, so that every
 * digit matches). It does no I/O of its own; the stdio functions supply the sink.
 */
#include <errno.h>
#include <float.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "format.h"
#include "length_modifier.h"

/* INT_MAX, from the compiler: lib/c/include has no <limits.h>. */
#define FORMAT_INT_MAX __INT_MAX__

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "format.c reads floating-point bits in little-endian order"
#endif

/* ---- Output ---------------------------------------------------------------------------- */

/* Where the output goes, with a small staging buffer so the sink sees runs, not single bytes. */
struct out {
    struct format_sink *sink;
    uint64_t count; /* bytes produced so far, staged ones included */
    int error;      /* 0, or the errno value that stopped the formatting */
    size_t staged;
    char stage[128];
};

// Hands the staged bytes to the sink.
static void out_flush(struct out *o)
{
    if (o->staged > 0) {
        o->sink->put(o->sink, o->stage, o->staged);
        o->staged = 0;
    }
}

static void out_char(struct out *o, char c)
{
    if (o->staged == sizeof(o->stage))
        out_flush(o);
    o->stage[o->staged++] = c;
    o->count++;
}

// Emits n bytes, staging short runs and passing long ones straight to the sink.
static void out_bytes(struct out *o, const char *s, size_t n)
{
    if (n <= sizeof(o->stage) - o->staged) {
        memcpy(o->stage + o->staged, s, n);
        o->staged += n;
    } else {
        out_flush(o);
        o->sink->put(o->sink, s, n);
    }
    o->count += n;
}

// Emits n copies of c.
static void out_fill(struct out *o, char c, uint64_t n)
{
    while (n > 0) {
        if (o->staged == sizeof(o->stage))
            out_flush(o);
        size_t take = sizeof(o->stage) - o->staged;
        if (take > n)
            take = (size_t)n;
        memset(o->stage + o->staged, c, take);
        o->staged += take;
        o->count += take;
        n -= take;
    }
}

// Checks that n more bytes keep the total within INT_MAX, the most a printf function can
// report. If not, records EOVERFLOW and returns false, and the caller emits nothing.
static bool out_reserve(struct out *o, uint64_t n)
{
    if (n > (uint64_t)FORMAT_INT_MAX - o->count) {
        o->error = EOVERFLOW;
        return false;
    }
    return true;
}

/* ---- Conversion specifications --------------------------------------------------------- */

/* One parsed conversion specification. */
struct spec {
    bool minus, plus, space, alt, zero;
    int width; /* 0 when not given */
    int prec;  /* -1 when not given */
    enum length len;
    char conv;
};

// Emits what precedes a field's body: spaces for right adjustment, then the prefix (a sign,
// "0x"), then the zeros of the 0 flag if zero_pad allows them. Returns the number of spaces
// that must follow the body for left adjustment, or -1 if the field would take the output past
// INT_MAX bytes (o->error is then set and nothing was emitted).
static int64_t field_open(struct out *o, const struct spec *sp, const char *prefix, size_t plen,
                          uint64_t body, bool zero_pad)
{
    uint64_t len = plen + body;
    uint64_t pad = (uint64_t)sp->width > len ? (uint64_t)sp->width - len : 0;

    if (!out_reserve(o, len + pad))
        return -1;
    if (sp->minus) {
        out_bytes(o, prefix, plen);
        return (int64_t)pad;
    }
    if (zero_pad) {
        out_bytes(o, prefix, plen);
        out_fill(o, '0', pad);
    } else {
        out_fill(o, ' ', pad);
        out_bytes(o, prefix, plen);
    }
    return 0;
}

// Emits a whole field whose body is the n bytes at s (no prefix, never zero padded).
static void emit_bytes_field(struct out *o, const struct spec *sp, const char *s, size_t n)
{
    int64_t tail = field_open(o, sp, "", 0, n, false);

    if (tail < 0)
        return;
    out_bytes(o, s, n);
    out_fill(o, ' ', (uint64_t)tail);
}

/* ---- Integers, characters, strings ----------------------------------------------------- */

// Formats an integer conversion (d i o u x X, and p for a non-null pointer): magnitude mag,
// negative if neg. Like glibc, %p honours the + and space flags and precision.
static void format_integer(struct out *o, const struct spec *sp, uintmax_t mag, bool neg)
{
    const char *set = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[3 * sizeof(uintmax_t)];
    char prefix[3];
    size_t plen = 0, nd = 0;
    unsigned base = 10;
    bool nonzero = mag != 0;
    uint64_t zeros;
    int64_t tail;

    if (sp->conv == 'o')
        base = 8;
    else if (sp->conv == 'x' || sp->conv == 'X' || sp->conv == 'p')
        base = 16;
    while (mag != 0) {
        digits[sizeof(digits) - ++nd] = set[mag % base];
        mag /= base;
    }
    if (nd == 0 && sp->prec != 0)
        digits[sizeof(digits) - ++nd] = '0';
    zeros = sp->prec > (int)nd ? (uint64_t)sp->prec - nd : 0;
    if (sp->conv == 'o' && sp->alt && zeros == 0 && (nd == 0 || digits[sizeof(digits) - nd] != '0'))
        zeros = 1;

    if (sp->conv == 'd' || sp->conv == 'i' || sp->conv == 'p') {
        if (neg)
            prefix[plen++] = '-';
        else if (sp->plus)
            prefix[plen++] = '+';
        else if (sp->space)
            prefix[plen++] = ' ';
    }
    if (sp->conv == 'p' || (sp->alt && nonzero && (sp->conv == 'x' || sp->conv == 'X'))) {
        prefix[plen++] = '0';
        prefix[plen++] = sp->conv == 'X' ? 'X' : 'x';
    }

    tail = field_open(o, sp, prefix, plen, zeros + nd, sp->zero && sp->prec < 0);
    if (tail < 0)
        return;
    out_fill(o, '0', zeros);
    out_bytes(o, digits + sizeof(digits) - nd, nd);
    out_fill(o, ' ', (uint64_t)tail);
}

// Formats %s: at most prec bytes of s. A null pointer prints as glibc prints it, "(null)" when
// the precision leaves room for all of it and nothing otherwise.
static void format_string(struct out *o, const struct spec *sp, const char *s)
{
    size_t n = 0;

    if (s == NULL)
        s = sp->prec < 0 || sp->prec >= 6 ? "(null)" : "";
    while ((sp->prec < 0 || n < (size_t)sp->prec) && s[n] != '\0')
        n++;
    emit_bytes_field(o, sp, s, n);
}

// Encodes the wide character c in UTF-8, the encoding of this library's only locale, into buf.
// Returns its length, or 0 if c is no character (a surrogate, or beyond U+10FFFF).
static size_t utf8_encode(uint32_t c, char buf[4])
{
    if (c < 0x80) {
        buf[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        buf[0] = (char)(0xc0 | c >> 6);
        buf[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c >= 0xd800 && c < 0xe000)
        return 0;
    if (c < 0x10000) {
        buf[0] = (char)(0xe0 | c >> 12);
        buf[1] = (char)(0x80 | (c >> 6 & 0x3f));
        buf[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    if (c < 0x110000) {
        buf[0] = (char)(0xf0 | c >> 18);
        buf[1] = (char)(0x80 | (c >> 12 & 0x3f));
        buf[2] = (char)(0x80 | (c >> 6 & 0x3f));
        buf[3] = (char)(0x80 | (c & 0x3f));
        return 4;
    }
    return 0;
}

// Formats %lc: the wide character c as its multibyte encoding.
static void format_wide_char(struct out *o, const struct spec *sp, uint32_t c)
{
    char buf[4];
    size_t n = utf8_encode(c, buf);

    if (n == 0) {
        o->error = EILSEQ;
        return;
    }
    emit_bytes_field(o, sp, buf, n);
}

// Formats %ls: the wide string ws converted to multibyte characters, at most prec bytes of
// them and never part of a character. It reads no further into ws than it needs.
static void format_wide_string(struct out *o, const struct spec *sp, const wchar_t *ws)
{
    char buf[4];
    uint64_t bytes = 0;
    size_t chars = 0, i, n;
    int64_t tail;

    if (ws == NULL) {
        format_string(o, sp, NULL);
        return;
    }
    while (sp->prec < 0 || bytes < (uint64_t)sp->prec) {
        if (ws[chars] == 0)
            break;
        n = utf8_encode((uint32_t)ws[chars], buf);
        if (n == 0) {
            o->error = EILSEQ;
            return;
        }
        if (sp->prec >= 0 && bytes + n > (uint64_t)sp->prec)
            break;
        bytes += n;
        chars++;
    }
    tail = field_open(o, sp, "", 0, bytes, false);
    if (tail < 0)
        return;
    for (i = 0; i < chars; i++)
        out_bytes(o, buf, utf8_encode((uint32_t)ws[i], buf));
    out_fill(o, ' ', (uint64_t)tail);
}

/* ---- Floating point: decoding ---------------------------------------------------------- */

enum fp_kind { FP_ZERO, FP_FINITE, FP_INF, FP_NAN };

/* A floating-point argument taken apart: a finite value is (-1)^neg * mant * 2^exp. */
struct fp_value {
    bool neg;
    enum fp_kind kind;
    uint32_t mant[4]; /* the significand, least significant word first */
    int exp;
    int mant_bits; /* significand width of the source format, for %a */
};

// Takes a double apart (IEEE binary64).
static void decode_double(double d, struct fp_value *v)
{
    uint64_t bits, frac;
    int biased;

    memcpy(&bits, &d, sizeof(bits));
    frac = bits & (((uint64_t)1 << 52) - 1);
    biased = (int)(bits >> 52 & 0x7ff);
    memset(v, 0, sizeof(*v));
    v->neg = bits >> 63 != 0;
    v->mant_bits = 53;
    if (biased == 0x7ff) {
        v->kind = frac != 0 ? FP_NAN : FP_INF;
        return;
    }
    if (biased == 0 && frac == 0) {
        v->kind = FP_ZERO;
        return;
    }
    v->kind = FP_FINITE;
    if (biased != 0)
        frac |= (uint64_t)1 << 52;
    v->mant[0] = (uint32_t)frac;
    v->mant[1] = (uint32_t)(frac >> 32);
    v->exp = (biased != 0 ? biased : 1) - 1075;
}

#if LDBL_MANT_DIG == 53

// Takes a long double apart; here long double is binary64, the same as double.
static void decode_long_double(long double x, struct fp_value *v)
{
    decode_double((double)x, v);
}

#elif LDBL_MANT_DIG == 64

// Takes a long double apart: the x87 80-bit format of the build host, with its explicit
// integer bit. (Only the host tests use this; QSOE's long double is binary128.)
static void decode_long_double(long double x, struct fp_value *v)
{
    unsigned char raw[sizeof(x)];
    uint64_t mant;
    int biased;

    memcpy(raw, &x, sizeof(x));
    memcpy(&mant, raw, sizeof(mant));
    biased = (raw[9] & 0x7f) << 8 | raw[8];
    memset(v, 0, sizeof(*v));
    v->neg = (raw[9] & 0x80) != 0;
    v->mant_bits = 64;
    if (biased == 0x7fff) {
        v->kind = mant << 1 != 0 ? FP_NAN : FP_INF;
        return;
    }
    if (mant == 0) {
        v->kind = FP_ZERO;
        return;
    }
    v->kind = FP_FINITE;
    v->mant[0] = (uint32_t)mant;
    v->mant[1] = (uint32_t)(mant >> 32);
    v->exp = (biased != 0 ? biased : 1) - 16383 - 63;
}

#elif LDBL_MANT_DIG == 113

// Takes a long double apart: IEEE binary128, QSOE's long double on riscv64. It is formatted
// exactly, like a double, since the digit code below works for any significand and exponent.
static void decode_long_double(long double x, struct fp_value *v)
{
    uint64_t words[2], lo, hi;
    int biased;

    memcpy(words, &x, sizeof(words));
    lo = words[0];
    hi = words[1] & (((uint64_t)1 << 48) - 1);
    biased = (int)(words[1] >> 48 & 0x7fff);
    memset(v, 0, sizeof(*v));
    v->neg = words[1] >> 63 != 0;
    v->mant_bits = 113;
    if (biased == 0x7fff) {
        v->kind = (hi | lo) != 0 ? FP_NAN : FP_INF;
        return;
    }
    if (biased == 0 && (hi | lo) == 0) {
        v->kind = FP_ZERO;
        return;
    }
    v->kind = FP_FINITE;
    if (biased != 0)
        hi |= (uint64_t)1 << 48;
    v->mant[0] = (uint32_t)lo;
    v->mant[1] = (uint32_t)(lo >> 32);
    v->mant[2] = (uint32_t)hi;
    v->mant[3] = (uint32_t)(hi >> 32);
    v->exp = (biased != 0 ? biased : 1) - 16383 - 112;
}

#else
#error "format.c knows long double only as binary64, x87 extended or binary128"
#endif

/* ---- Floating point: exact decimal digits ---------------------------------------------- */

/*
 * The decimal digits of a finite value come from a digit stream. A value mant * 2^exp with
 * exp >= 0 is an integer; it is built in base 10^9 by multiplying mant by powers of two and
 * read from its top limb down. With exp < 0 the integer part is small (it fits in the
 * significand) and the fraction f / 2^k is kept as a binary number whose top word is the
 * first below the binary point; multiplying it by 10^9 pushes the next nine decimal digits out
 * of the top. Both are exact, so every digit is the true one and rounding can look at the
 * whole remainder. The two uses never need the big array at the same time.
 */
#define BILLION    1000000000u
#define INT_LIMBS  ((LDBL_MAX_EXP * 30103L / 100000 + 1) / 9 + 3)
#define FRAC_WORDS ((LDBL_MANT_DIG - LDBL_MIN_EXP + 31) / 32 + 1)
#define BIG_WORDS  (INT_LIMBS > FRAC_WORDS ? INT_LIMBS : FRAC_WORDS)

struct digit_stream {
    uint32_t big[BIG_WORDS]; /* integer limbs if exp >= 0, else the fraction words */
    uint32_t small[5];       /* integer limbs if exp < 0 */
    uint32_t *limbs;         /* integer part in base 10^9, least significant limb first */
    int nlimbs;
    int int_digits; /* digits of the integer part, at least 1 */
    bool is_zero;
    uint32_t frac_mant[4]; /* the fraction's bits: value frac_mant / 2^frac_bits */
    int frac_bits;
    int nfw;      /* words of the fraction; big[nfw - 1] is the top one */
    int flo, fhi; /* big[flo..fhi-1] holds every nonzero word of the fraction */
    int next_limb;
    uint8_t chunk[9]; /* digits produced and not yet read */
    int chunk_len, chunk_pos;
};

// Returns the number of decimal digits of v (1 for 0).
static int decimal_width(uint32_t v)
{
    int n = 1;

    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

static bool words_zero(const uint32_t w[4])
{
    return (w[0] | w[1] | w[2] | w[3]) == 0;
}

// Shifts the 128-bit number w right by n bits.
static void words_shift_right(uint32_t w[4], int n)
{
    int skip = n / 32, bits = n % 32, i;

    for (i = 0; i < 4; i++) {
        uint32_t lo = i + skip < 4 ? w[i + skip] : 0;
        uint32_t hi = i + skip + 1 < 4 ? w[i + skip + 1] : 0;
        w[i] = bits == 0 ? lo : lo >> bits | hi << (32 - bits);
    }
}

// Writes the 128-bit number w in base 10^9 into limbs, least significant first, and returns
// the number of limbs (at least 1). w is consumed.
static int words_to_limbs(uint32_t w[4], uint32_t *limbs)
{
    int n = 0, i;

    do {
        uint64_t rem = 0;
        for (i = 3; i >= 0; i--) {
            uint64_t cur = rem << 32 | w[i];
            w[i] = (uint32_t)(cur / BILLION);
            rem = cur % BILLION;
        }
        limbs[n++] = (uint32_t)rem;
    } while (!words_zero(w));
    return n;
}

// Multiplies the base-10^9 number limbs[0..*n-1] by 2^shift, 0 < shift <= 29.
static void limbs_shift_left(uint32_t *limbs, int *n, int shift)
{
    uint64_t carry = 0;
    int i;

    for (i = 0; i < *n; i++) {
        uint64_t cur = ((uint64_t)limbs[i] << shift) + carry;
        limbs[i] = (uint32_t)(cur % BILLION);
        carry = cur / BILLION;
    }
    while (carry != 0) {
        limbs[(*n)++] = (uint32_t)(carry % BILLION);
        carry /= BILLION;
    }
}

// Puts the stream back at its first digit, rebuilding the fraction the last reading consumed.
static void stream_rewind(struct digit_stream *ds)
{
    int shift, i;

    ds->next_limb = ds->nlimbs - 1;
    ds->chunk_len = ds->chunk_pos = 0;
    ds->nfw = ds->flo = ds->fhi = 0;
    if (ds->frac_bits == 0)
        return;
    ds->nfw = (ds->frac_bits + 31) / 32;
    shift = 32 * ds->nfw - ds->frac_bits;
    memset(ds->big, 0, sizeof(uint32_t) * (size_t)ds->nfw);
    for (i = 0; i < 4 && i < ds->nfw; i++) {
        ds->big[i] |= ds->frac_mant[i] << shift;
        if (shift != 0 && i + 1 < ds->nfw)
            ds->big[i + 1] |= ds->frac_mant[i] >> (32 - shift);
    }
    ds->fhi = ds->nfw;
    while (ds->fhi > 0 && ds->big[ds->fhi - 1] == 0)
        ds->fhi--;
    while (ds->flo < ds->fhi && ds->big[ds->flo] == 0)
        ds->flo++;
}

// Sets up the stream of decimal digits of the finite or zero value v, starting with the top
// digit of its integer part (a single 0 if that is zero).
static void stream_init(struct digit_stream *ds, const struct fp_value *v)
{
    uint32_t w[4];
    int e = v->exp, i;

    memcpy(w, v->mant, sizeof(w));
    ds->is_zero = words_zero(w);
    ds->frac_bits = 0;
    if (ds->is_zero) {
        ds->limbs = ds->small;
        ds->small[0] = 0;
        ds->nlimbs = 1;
    } else {
        int tz = 0;
        while ((w[tz / 32] >> (tz % 32) & 1) == 0)
            tz++;
        words_shift_right(w, tz);
        e += tz;
        if (e >= 0) {
            ds->limbs = ds->big;
            ds->nlimbs = words_to_limbs(w, ds->big);
            for (; e > 0; e -= e < 29 ? e : 29)
                limbs_shift_left(ds->big, &ds->nlimbs, e < 29 ? e : 29);
        } else {
            uint32_t ip[4];
            int k = -e;
            memcpy(ip, w, sizeof(ip));
            if (k >= 128)
                memset(ip, 0, sizeof(ip));
            else
                words_shift_right(ip, k);
            for (i = 0; i < 4; i++) {
                if (32 * i >= k)
                    w[i] = 0;
                else if (32 * (i + 1) > k)
                    w[i] &= ((uint32_t)1 << (k - 32 * i)) - 1;
            }
            memcpy(ds->frac_mant, w, sizeof(w));
            ds->frac_bits = k;
            ds->limbs = ds->small;
            ds->nlimbs = words_to_limbs(ip, ds->small);
        }
    }
    ds->int_digits = 9 * (ds->nlimbs - 1) + decimal_width(ds->limbs[ds->nlimbs - 1]);
    stream_rewind(ds);
}

// Produces the next nine digits (or the top limb's few) into the chunk; zeros once the value
// is used up.
static void stream_refill(struct digit_stream *ds)
{
    uint32_t val = 0;
    int n = 9, i;

    if (ds->next_limb >= 0) {
        val = ds->limbs[ds->next_limb];
        if (ds->next_limb == ds->nlimbs - 1)
            n = decimal_width(val);
        ds->next_limb--;
    } else if (ds->flo < ds->fhi) {
        uint64_t carry = 0;
        for (i = ds->flo; i < ds->fhi; i++) {
            uint64_t cur = (uint64_t)ds->big[i] * BILLION + carry;
            ds->big[i] = (uint32_t)cur;
            carry = cur >> 32;
        }
        if (ds->fhi < ds->nfw) {
            ds->big[ds->fhi] = (uint32_t)carry;
            if (carry != 0)
                ds->fhi++;
        } else {
            val = (uint32_t)carry;
        }
        while (ds->flo < ds->fhi && ds->big[ds->flo] == 0)
            ds->flo++;
    }
    for (i = n - 1; i >= 0; i--) {
        ds->chunk[i] = (uint8_t)(val % 10);
        val /= 10;
    }
    ds->chunk_len = n;
    ds->chunk_pos = 0;
}

static int stream_peek(struct digit_stream *ds)
{
    if (ds->chunk_pos == ds->chunk_len)
        stream_refill(ds);
    return ds->chunk[ds->chunk_pos];
}

static int stream_next(struct digit_stream *ds)
{
    int d = stream_peek(ds);

    ds->chunk_pos++;
    return d;
}

// Tells whether every digit still to come is a zero because the value is used up.
static bool stream_exhausted(const struct digit_stream *ds)
{
    return ds->chunk_pos == ds->chunk_len && ds->next_limb < 0 && ds->flo >= ds->fhi;
}

// Tells whether any digit still to come is nonzero.
static bool stream_rest_nonzero(const struct digit_stream *ds)
{
    int i;

    for (i = ds->chunk_pos; i < ds->chunk_len; i++)
        if (ds->chunk[i] != 0)
            return true;
    for (i = ds->next_limb; i >= 0; i--)
        if (ds->limbs[i] != 0)
            return true;
    return ds->flo < ds->fhi;
}

// Moves the stream to its first nonzero digit and returns that digit's power of ten; a zero
// value, having no such digit, stays put and gives 0.
static int stream_skip_zeros(struct digit_stream *ds)
{
    int power = ds->int_digits - 1;

    if (ds->is_zero)
        return 0;
    while (stream_peek(ds) == 0) {
        ds->chunk_pos++;
        power--;
    }
    return power;
}

/*
 * How keeping the next `kept` digits of a stream rounds, found by reading them once: round
 * half to even on the exact remainder. Rounding up adds one to the last digit that is not a 9
 * and turns the 9s after it into 0s; if all are 9s the result is 1 followed by zeros, one
 * power of ten higher (carry_out).
 */
struct round_plan {
    int64_t kept;
    int64_t last_non9;    /* index of the last kept digit that is not 9, or -1 */
    int64_t last_nonzero; /* index of the last nonzero kept digit, or -1 */
    bool up, carry_out;
};

// Reads the next kept digits of ds (and the rest of its value) to plan their rounding.
static void plan_rounding(struct digit_stream *ds, int64_t kept, struct round_plan *rp)
{
    int d, last = 0;
    int64_t i;

    rp->kept = kept;
    rp->last_non9 = rp->last_nonzero = -1;
    rp->up = rp->carry_out = false;
    for (i = 0; i < kept; i++) {
        if (stream_exhausted(ds)) {
            rp->last_non9 = kept - 1;
            return;
        }
        last = stream_next(ds);
        if (last != 9)
            rp->last_non9 = i;
        if (last != 0)
            rp->last_nonzero = i;
    }
    d = stream_next(ds);
    rp->up = d > 5 || (d == 5 && (stream_rest_nonzero(ds) || (last & 1) != 0));
    rp->carry_out = rp->up && rp->last_non9 < 0;
}

/* The rounded digits: a rewound stream read through its round_plan, then zeros forever. */
struct rounded_digits {
    struct digit_stream *ds;
    const struct round_plan *rp;
    int64_t pos;
};

static int rounded_next(struct rounded_digits *rd)
{
    const struct round_plan *rp = rd->rp;
    int64_t i = rd->pos++;

    if (rp->carry_out)
        return i == 0;
    if (i >= rp->kept)
        return 0;
    if (!rp->up || i < rp->last_non9)
        return stream_next(rd->ds);
    if (i == rp->last_non9)
        return stream_next(rd->ds) + 1;
    return 0;
}

// Returns the number of significant digits left of the planned rounding once trailing zeros
// are dropped (at least 1), as %g without # shows them.
static int64_t rounded_significant(const struct round_plan *rp)
{
    if (rp->carry_out)
        return 1;
    if (rp->up)
        return rp->last_non9 + 1;
    return rp->last_nonzero >= 0 ? rp->last_nonzero + 1 : 1;
}

/* ---- Floating point: layouts ----------------------------------------------------------- */

// Emits digits in positional notation: the first digit of rd has the power of ten top, the
// integer part runs down to the units (a lone 0 if top < 0), then frac digits follow the
// point (shown if point is set).
static void emit_fixed(struct out *o, struct rounded_digits *rd, int64_t top, int64_t frac,
                       bool point)
{
    int64_t j;

    for (j = top > 0 ? top : 0; j >= -frac; j--) {
        out_char(o, (char)('0' + (j > top ? 0 : rounded_next(rd))));
        if (j == 0 && point)
            out_char(o, '.');
    }
}

// Emits a decimal exponent: the letter, its sign and at least min_digits digits.
static void emit_exponent(struct out *o, char letter, int exp10, int min_digits)
{
    char buf[12];
    int n = 0;
    unsigned mag = exp10 < 0 ? 0u - (unsigned)exp10 : (unsigned)exp10;

    do {
        buf[sizeof(buf) - ++n] = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag != 0 || n < min_digits);
    buf[sizeof(buf) - ++n] = exp10 < 0 ? '-' : '+';
    buf[sizeof(buf) - ++n] = letter;
    out_bytes(o, buf + sizeof(buf) - n, (size_t)n);
}

// Returns the length emit_exponent gives.
static int exponent_length(int exp10, int min_digits)
{
    int n = decimal_width(exp10 < 0 ? 0u - (unsigned)exp10 : (unsigned)exp10);

    return 2 + (n > min_digits ? n : min_digits);
}

// Formats %f %e %g (and uppercase) of a finite or zero value, after the sign in prefix.
static void format_decimal(struct out *o, const struct spec *sp, const struct fp_value *v,
                           const char *prefix, size_t plen)
{
    struct digit_stream ds;
    struct round_plan rp;
    struct rounded_digits rd = {&ds, &rp, 0};
    char conv = (char)(sp->conv | 0x20);
    bool upper = sp->conv != conv;
    int64_t prec = sp->prec < 0 ? 6 : sp->prec;
    int64_t top = 0, frac = prec, body, tail;
    int exp10 = 0;
    bool fixed = true, point;

    stream_init(&ds, v);
    if (conv == 'f') {
        top = ds.int_digits - 1;
        plan_rounding(&ds, ds.int_digits + prec, &rp);
        top += rp.carry_out;
    } else {
        int64_t sig = conv == 'g' ? (prec == 0 ? 1 : prec) : prec + 1;
        exp10 = stream_skip_zeros(&ds);
        plan_rounding(&ds, sig, &rp);
        exp10 += rp.carry_out;
        fixed = false;
        if (conv == 'g') {
            int64_t shown = sp->alt ? sig : rounded_significant(&rp);
            if (exp10 < sig && exp10 >= -4) {
                fixed = true;
                top = exp10;
                frac = shown - 1 - exp10 > 0 ? shown - 1 - exp10 : 0;
            } else {
                frac = shown - 1;
            }
        }
    }

    stream_rewind(&ds);
    if (conv != 'f')
        stream_skip_zeros(&ds);
    point = frac > 0 || sp->alt;
    if (fixed)
        body = (top > 0 ? top : 0) + 1 + point + frac;
    else
        body = 1 + point + frac + exponent_length(exp10, 2);
    tail = field_open(o, sp, prefix, plen, (uint64_t)body, sp->zero);
    if (tail < 0)
        return;
    if (fixed) {
        emit_fixed(o, &rd, top, frac, point);
    } else {
        emit_fixed(o, &rd, 0, frac, point);
        emit_exponent(o, upper ? 'E' : 'e', exp10, 2);
    }
    out_fill(o, ' ', (uint64_t)tail);
}

// Returns bit n of the 128-bit number w.
static int word_bit(const uint32_t w[4], int n)
{
    return (int)(w[n / 32] >> (n % 32) & 1);
}

// Formats %a and %A as glibc does: the leading hex digit is the significand's integer bit (0 for
// zero and subnormals, whose exponent is the format's least), precision rounds half to even
// and a carry may make that digit 2; without a precision the digits are exact.
static void format_hex_float(struct out *o, const struct spec *sp, const struct fp_value *v,
                             char *prefix, size_t plen)
{
    const char *set = sp->conv == 'A' ? "0123456789ABCDEF" : "0123456789abcdef";
    uint8_t hex[32];
    int nd = 0, lead = 0, exp2 = 0, prec, i, b;
    int64_t tail;

    if (v->kind != FP_ZERO) {
        int fbits = v->mant_bits - 1;
        lead = word_bit(v->mant, fbits);
        exp2 = v->exp + fbits;
        nd = (fbits + 3) / 4;
        for (i = 0; i < nd; i++) {
            hex[i] = 0;
            for (b = 0; b < 4; b++) {
                int pos = fbits - 1 - 4 * i - b;
                hex[i] = (uint8_t)(hex[i] << 1 | (pos >= 0 ? word_bit(v->mant, pos) : 0));
            }
        }
    }
    if (sp->prec < 0) {
        prec = nd;
        while (prec > 0 && hex[prec - 1] == 0)
            prec--;
    } else {
        prec = sp->prec;
        if (prec < nd) {
            bool rest = false;
            int last = prec > 0 ? hex[prec - 1] : lead;
            for (i = prec + 1; i < nd; i++)
                rest = rest || hex[i] != 0;
            if (hex[prec] > 8 || (hex[prec] == 8 && (rest || (last & 1) != 0))) {
                for (i = prec - 1; i >= 0 && hex[i] == 15; i--)
                    hex[i] = 0;
                if (i >= 0)
                    hex[i]++;
                else
                    lead++;
            }
        }
    }

    prefix[plen++] = '0';
    prefix[plen++] = sp->conv == 'A' ? 'X' : 'x';
    tail = field_open(
        o, sp, prefix, plen,
        (uint64_t)1 + (prec > 0 || sp->alt) + (uint64_t)prec + exponent_length(exp2, 1), sp->zero);
    if (tail < 0)
        return;
    out_char(o, set[lead]);
    if (prec > 0 || sp->alt)
        out_char(o, '.');
    for (i = 0; i < prec && i < nd; i++)
        out_char(o, set[hex[i]]);
    if (prec > nd)
        out_fill(o, '0', (uint64_t)(prec - nd));
    emit_exponent(o, sp->conv == 'A' ? 'P' : 'p', exp2, 1);
    out_fill(o, ' ', (uint64_t)tail);
}

// Formats a floating-point conversion (f F e E g G a A) of v, including inf and nan.
static void format_float(struct out *o, const struct spec *sp, const struct fp_value *v)
{
    bool upper = sp->conv == 'F' || sp->conv == 'E' || sp->conv == 'G' || sp->conv == 'A';
    char prefix[4];
    size_t plen = 0;
    int64_t tail;

    if (v->neg)
        prefix[plen++] = '-';
    else if (sp->plus)
        prefix[plen++] = '+';
    else if (sp->space)
        prefix[plen++] = ' ';
    if (v->kind == FP_INF || v->kind == FP_NAN) {
        const char *word = v->kind == FP_INF ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
        tail = field_open(o, sp, prefix, plen, 3, false);
        if (tail < 0)
            return;
        out_bytes(o, word, 3);
        out_fill(o, ' ', (uint64_t)tail);
    } else if (sp->conv == 'a' || sp->conv == 'A') {
        format_hex_float(o, sp, v, prefix, plen);
    } else {
        format_decimal(o, sp, v, prefix, plen);
    }
}

/* ---- The format string ----------------------------------------------------------------- */

// Reads a signed integer argument of the given length into *mag and *neg. The z and t
// arguments are read as ptrdiff_t, the signed type of size_t's width on every QSOE target.
static void arg_signed(va_list *ap, enum length len, uintmax_t *mag, bool *neg)
{
    intmax_t v;

    switch (len) {
    case LEN_HH:
        v = (signed char)va_arg(*ap, int);
        break;
    case LEN_H:
        v = (short)va_arg(*ap, int);
        break;
    case LEN_L:
        v = va_arg(*ap, long);
        break;
    case LEN_LL:
    case LEN_BIG_L:
        v = va_arg(*ap, long long);
        break;
    case LEN_J:
        v = va_arg(*ap, intmax_t);
        break;
    case LEN_Z:
    case LEN_T:
        v = va_arg(*ap, ptrdiff_t);
        break;
    default:
        v = va_arg(*ap, int);
        break;
    }
    *neg = v < 0;
    *mag = *neg ? (uintmax_t)0 - (uintmax_t)v : (uintmax_t)v;
}

// Reads an unsigned integer argument of the given length.
static uintmax_t arg_unsigned(va_list *ap, enum length len)
{
    switch (len) {
    case LEN_HH:
        return (unsigned char)va_arg(*ap, unsigned);
    case LEN_H:
        return (unsigned short)va_arg(*ap, unsigned);
    case LEN_L:
        return va_arg(*ap, unsigned long);
    case LEN_LL:
    case LEN_BIG_L:
        return va_arg(*ap, unsigned long long);
    case LEN_J:
        return va_arg(*ap, uintmax_t);
    case LEN_Z:
    case LEN_T:
        return va_arg(*ap, size_t);
    default:
        return va_arg(*ap, unsigned);
    }
}

// Reads a decimal number of the format (a width or precision) at *p. Returns false, with
// EOVERFLOW recorded, if it exceeds INT_MAX.
static bool parse_number(struct out *o, const char **p, int *value)
{
    int64_t n = 0;

    while (**p >= '0' && **p <= '9') {
        n = n * 10 + (**p - '0');
        if (n > FORMAT_INT_MAX) {
            o->error = EOVERFLOW;
            return false;
        }
        (*p)++;
    }
    *value = (int)n;
    return true;
}

// Tells whether c is a conversion letter C99 defines (or %).
static bool is_conversion(char c)
{
    const char *list = "diouxXcspnfFeEgGaA%";

    while (*list != '\0' && *list != c)
        list++;
    return c != '\0' && *list == c;
}

// Parses the conversion specification after a '%' at *p into sp, taking * widths and
// precisions from the arguments, and leaves *p after it. Returns false if it is malformed
// (sp->conv is then 0) or if a width overflows (o->error is then set).
static bool parse_spec(struct out *o, const char **p, va_list *ap, struct spec *sp)
{
    const char *s = *p;

    memset(sp, 0, sizeof(*sp));
    sp->prec = -1;
    for (;; s++) {
        if (*s == '-')
            sp->minus = true;
        else if (*s == '+')
            sp->plus = true;
        else if (*s == ' ')
            sp->space = true;
        else if (*s == '#')
            sp->alt = true;
        else if (*s == '0')
            sp->zero = true;
        else
            break;
    }
    if (*s == '*') {
        int w = va_arg(*ap, int);
        s++;
        if (w < 0) {
            sp->minus = true;
            if (w == -FORMAT_INT_MAX - 1) {
                o->error = EOVERFLOW;
                return false;
            }
            w = -w;
        }
        sp->width = w;
    } else if (!parse_number(o, &s, &sp->width)) {
        return false;
    }
    if (*s == '.') {
        s++;
        if (*s == '*') {
            int pr = va_arg(*ap, int);
            s++;
            sp->prec = pr < 0 ? -1 : pr;
        } else if (!parse_number(o, &s, &sp->prec)) {
            return false;
        }
    }
    sp->len = length_parse(&s);
    if (!is_conversion(*s)) {
        *p = s;
        return false;
    }
    sp->conv = *s;
    *p = s + 1;
    return true;
}

// Performs the conversion sp with the next arguments.
static void convert(struct out *o, const struct spec *sp, va_list *ap)
{
    struct fp_value v;
    uintmax_t mag;
    bool neg = false;

    switch (sp->conv) {
    case 'd':
    case 'i':
        arg_signed(ap, sp->len, &mag, &neg);
        format_integer(o, sp, mag, neg);
        break;
    case 'o':
    case 'u':
    case 'x':
    case 'X':
        format_integer(o, sp, arg_unsigned(ap, sp->len), false);
        break;
    case 'p': {
        void *ptr = va_arg(*ap, void *);
        if (ptr == NULL)
            emit_bytes_field(o, sp, "(nil)", 5);
        else
            format_integer(o, sp, (uintptr_t)ptr, false);
        break;
    }
    case 'c':
        if (sp->len == LEN_L) {
            format_wide_char(o, sp, (uint32_t)va_arg(*ap, __WINT_TYPE__));
        } else {
            char c = (char)va_arg(*ap, int);
            emit_bytes_field(o, sp, &c, 1);
        }
        break;
    case 's':
        if (sp->len == LEN_L)
            format_wide_string(o, sp, va_arg(*ap, const wchar_t *));
        else
            format_string(o, sp, va_arg(*ap, const char *));
        break;
    case 'n':
        length_store(va_arg(*ap, void *), sp->len, o->count);
        break;
    case '%':
        if (out_reserve(o, 1))
            out_char(o, '%');
        break;
    default:
        if (sp->len == LEN_BIG_L)
            decode_long_double(va_arg(*ap, long double), &v);
        else
            decode_double(va_arg(*ap, double), &v);
        format_float(o, sp, &v);
        break;
    }
}

int format_v(struct format_sink *sink, const char *fmt, va_list ap)
{
    struct out o;
    struct spec sp;
    va_list args;

    o.sink = sink;
    o.count = 0;
    o.error = 0;
    o.staged = 0;
    va_copy(args, ap);
    while (*fmt != '\0' && o.error == 0) {
        const char *start = fmt;
        if (*fmt != '%') {
            while (*fmt != '\0' && *fmt != '%')
                fmt++;
        } else {
            fmt++;
            if (parse_spec(&o, &fmt, &args, &sp)) {
                convert(&o, &sp, &args);
                continue;
            }
            /* Not a conversion C defines: it is printed as written, as glibc does. */
            if (*fmt != '\0')
                fmt++;
        }
        if (o.error == 0 && out_reserve(&o, (uint64_t)(fmt - start)))
            out_bytes(&o, start, (size_t)(fmt - start));
    }
    va_end(args);
    out_flush(&o);
    if (o.error != 0) {
        errno = o.error;
        return -1;
    }
    return (int)o.count;
}

/* A sink that fills a caller's buffer, keeping the last byte for the NUL. */
struct buffer_sink {
    struct format_sink base;
    char *buf;
    size_t room; /* bytes that may still be stored */
    size_t used;
};

static void buffer_put(struct format_sink *s, const char *bytes, size_t n)
{
    struct buffer_sink *b = (struct buffer_sink *)s;
    size_t take = n < b->room ? n : b->room;

    if (take > 0) {
        memcpy(b->buf + b->used, bytes, take);
        b->used += take;
        b->room -= take;
    }
}

int format_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct buffer_sink b = {{buffer_put}, buf, size > 0 ? size - 1 : 0, 0};
    int n = format_v(&b.base, fmt, ap);

    if (size > 0)
        buf[b.used] = '\0';
    return n;
}
