/*
 * Bracket expressions of regular expressions ([abc], [^a-z], [[:alpha:]], [=e=], [.-.]) read
 * into 256-bit sets, as POSIX describes them: a ']' first is a member, a '-' first or last is a
 * member, and a backslash is an ordinary character.
 */
#include <ctype.h>
#include <string.h>

#include "charclass.h"
#include "regex_internal.h"

#define UNMATCHED "Unmatched [, [^, [:, [., or [="

static int has_bit(const uint8_t *set, int c)
{
    return (set[(unsigned char)c >> 3] >> (c & 7)) & 1;
}

// Adds the other case of every letter in set, for REGEX_ICASE.
static void fold_case(uint8_t *set)
{
    for (int c = 'a'; c <= 'z'; c++)
        if (has_bit(set, c) || has_bit(set, toupper(c))) {
            regex_set_add(set, c);
            regex_set_add(set, toupper(c));
        }
}

// One element that starts with "[:", "[=" or "[." at *p: a class is added to set (and *single
// is -1); otherwise *single is the byte it stands for.
static int special(const char **p, const char *end, uint8_t *set, int *single, const char **error)
{
    char kind = (*p)[1];
    const char *start = *p + 2, *q = start;
    while (q + 1 < end && !(q[0] == kind && q[1] == ']'))
        q++;
    if (q + 1 >= end) {
        *error = UNMATCHED;
        return -1;
    }
    *p = q + 2;
    if (kind == ':') {
        int id = charclass_lookup(start, (size_t)(q - start));
        if (id < 0) {
            *error = "Invalid character class name";
            return -1;
        }
        for (int c = 0; c < 256; c++)
            if (charclass_has(id, c))
                regex_set_add(set, c);
        *single = -1;
        return 0;
    }
    if (q - start != 1) {
        *error = "Invalid collation character";
        return -1;
    }
    *single = (unsigned char)*start;
    return 0;
}

int regex_bracket(const char **p, const char *end, int icase, uint8_t *set, const char **error)
{
    const char *s = *p;
    int negate = 0, first = 1;
    if (s < end && *s == '^') {
        negate = 1;
        s++;
    }
    for (;; first = 0) {
        if (s >= end) {
            *error = UNMATCHED;
            return -1;
        }
        if (*s == ']' && !first) {
            s++;
            break;
        }
        int lo;
        if (*s == '[' && s + 1 < end && strchr(":=.", s[1])) {
            if (special(&s, end, set, &lo, error) < 0)
                return -1;
            if (lo < 0)
                continue;
        } else {
            lo = (unsigned char)*s++;
        }
        if (s + 1 < end && s[0] == '-' && s[1] != ']') {
            s++;
            int hi;
            if (*s == '[' && s + 1 < end && strchr(".=", s[1])) {
                if (special(&s, end, set, &hi, error) < 0)
                    return -1;
            } else {
                hi = (unsigned char)*s++;
            }
            if (hi < lo) {
                *error = "Invalid range end";
                return -1;
            }
            for (int c = lo; c <= hi; c++)
                regex_set_add(set, c);
        } else {
            regex_set_add(set, lo);
        }
    }
    if (icase)
        fold_case(set);
    if (negate)
        for (int i = 0; i < 32; i++)
            set[i] = (uint8_t)~set[i];
    *p = s;
    return 0;
}
