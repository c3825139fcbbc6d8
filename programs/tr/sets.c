/*
 * tr set parsing (see tr.h): backslash escapes (\n \t \\ \NNN ...), ranges a-z, classes
 * [:alpha:], equivalence classes [=c=], and repetitions [c*n] / [c*].
 */
#include <string.h>

#include "charclass.h"
#include "tr.h"
#include "util.h"

// One possibly escaped byte at *p, moving *p past it.
static unsigned char next_byte(const char **p)
{
    static const char from[] = "abfnrtv\\", to[] = "\a\b\f\n\r\t\v\\";
    const char *s = *p;
    if (*s != '\\' || s[1] == '\0') {
        *p = s + 1;
        return (unsigned char)*s;
    }
    s++;
    if (*s >= '0' && *s <= '7') {
        int v = 0;
        for (int i = 0; i < 3 && *s >= '0' && *s <= '7'; i++)
            v = v * 8 + (*s++ - '0');
        *p = s;
        return (unsigned char)v;
    }
    const char *e = strchr(from, *s);
    *p = s + 1;
    return e ? (unsigned char)to[e - from] : (unsigned char)*s;
}

static int add(struct tr_set *set, unsigned char c)
{
    if (set->len >= sizeof(set->bytes)) {
        warn("set too long");
        return -1;
    }
    set->bytes[set->len++] = c;
    return 0;
}

// A "[...]" construct at *p, if there is a well-formed one: 1 when it was added, 0 when *p is
// an ordinary '[', -1 on an error. fill_at records where a "[c*]" must pad.
static int bracket(const char **p, struct tr_set *set, size_t *fill_at, unsigned char *fill_byte)
{
    const char *s = *p;
    if (s[1] == ':' || s[1] == '=') {
        char kind = s[1];
        const char *end = strchr(s + 2, kind);
        if (!end || end[1] != ']')
            return 0;
        if (kind == '=') {
            if (end - s != 3)
                return 0;
            *p = end + 2;
            return add(set, (unsigned char)s[2]) < 0 ? -1 : 1;
        }
        int id = charclass_lookup(s + 2, (size_t)(end - s - 2));
        if (id < 0) {
            warn("invalid character class '%.*s'", (int)(end - s - 2), s + 2);
            return -1;
        }
        if (set->nclasses == TR_CLASSES_MAX) {
            warn("too many character classes");
            return -1;
        }
        set->classes[set->nclasses].pos = set->len;
        set->classes[set->nclasses++].id = id;
        for (int c = 0; c < 256; c++)
            if (charclass_has(id, c) && add(set, (unsigned char)c) < 0)
                return -1;
        *p = end + 2;
        return 1;
    }
    const char *q = s + 1;
    if (*q == '\0')
        return 0;
    unsigned char c = next_byte(&q);
    if (*q != '*')
        return 0;
    q++;
    long count = 0;
    int octal = *q == '0';
    while (*q >= '0' && *q <= '9')
        count = count * (octal ? 8 : 10) + (*q++ - '0');
    if (*q != ']')
        return 0;
    *p = q + 1;
    if (count == 0) {
        *fill_at = set->len;
        *fill_byte = c;
        set->has_fill = 1;
        return 1;
    }
    for (long i = 0; i < count; i++)
        if (add(set, c) < 0)
            return -1;
    return 1;
}

int tr_set_parse(const char *text, struct tr_set *set, size_t fill)
{
    set->len = 0;
    set->nclasses = set->ends_with_class = set->has_fill = 0;
    size_t fill_at = (size_t)-1;
    unsigned char fill_byte = 0;
    const char *p = text;
    while (*p) {
        set->ends_with_class = 0;
        if (*p == '[') {
            int classes = set->nclasses;
            int r = bracket(&p, set, &fill_at, &fill_byte);
            if (r < 0)
                return -1;
            set->ends_with_class = set->nclasses > classes;
            if (r > 0)
                continue;
        }
        unsigned char lo = next_byte(&p);
        if (*p == '-' && p[1] != '\0') {
            p++;
            unsigned char hi = next_byte(&p);
            if (hi < lo) {
                warn("range-endpoints of '%c-%c' are in reverse collating sequence order", lo, hi);
                return -1;
            }
            for (int c = lo; c <= hi; c++)
                if (add(set, (unsigned char)c) < 0)
                    return -1;
            continue;
        }
        if (add(set, lo) < 0)
            return -1;
    }
    if (fill_at != (size_t)-1 && fill > set->len) {
        size_t extra = fill - set->len;
        if (set->len + extra > sizeof(set->bytes))
            extra = sizeof(set->bytes) - set->len;
        memmove(set->bytes + fill_at + extra, set->bytes + fill_at, set->len - fill_at);
        memset(set->bytes + fill_at, fill_byte, extra);
        set->len += extra;
        for (int i = 0; i < set->nclasses; i++)
            if (set->classes[i].pos >= fill_at)
                set->classes[i].pos += extra;
    }
    return 0;
}

void tr_set_complement(struct tr_set *set)
{
    set->nclasses = set->ends_with_class = 0;
    unsigned char in[256] = {0};
    for (size_t i = 0; i < set->len; i++)
        in[set->bytes[i]] = 1;
    set->len = 0;
    for (int c = 0; c < 256; c++)
        if (!in[c])
            set->bytes[set->len++] = (unsigned char)c;
}
