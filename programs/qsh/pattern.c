/* Shell pattern matching (*, ?, bracket expressions with ranges, ! negation and character
   classes, backslash escapes), used by case, ${x#...} and pathname expansion. */
#include <ctype.h>
#include <string.h>

#include "qsh.h"

static int class_match(const char *name, size_t n, unsigned char c)
{
    static const struct {
        const char *name;
        int (*fn)(int);
    } classes[] = {{"alnum", isalnum}, {"alpha", isalpha}, {"blank", isblank},
                   {"cntrl", iscntrl}, {"digit", isdigit}, {"graph", isgraph},
                   {"lower", islower}, {"print", isprint}, {"punct", ispunct},
                   {"space", isspace}, {"upper", isupper}, {"xdigit", isxdigit}};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (strlen(classes[i].name) == n && strncmp(classes[i].name, name, n) == 0)
            return classes[i].fn(c) != 0;
    return 0;
}

/* Matches c against the bracket expression at p (just after '['). Returns the length of the
   expression up to and including ']' and sets *hit, or returns 0 if it is not closed. */
static size_t bracket(const char *p, unsigned char c, int *hit)
{
    size_t i = 0;
    int negate = 0, found = 0;
    if (p[i] == '!') {
        negate = 1;
        i++;
    }
    size_t first = i;
    for (;;) {
        if (!p[i])
            return 0;
        if (p[i] == ']' && i > first)
            break;
        if (p[i] == '[' && p[i + 1] == ':') {
            const char *end = strstr(p + i + 2, ":]");
            if (end) {
                if (class_match(p + i + 2, (size_t)(end - p - i - 2), c))
                    found = 1;
                i = (size_t)(end - p) + 2;
                continue;
            }
        }
        unsigned char lo = (unsigned char)p[i];
        if (lo == '\\' && p[i + 1])
            lo = (unsigned char)p[++i];
        i++;
        unsigned char hi = lo;
        if (p[i] == '-' && p[i + 1] && p[i + 1] != ']') {
            hi = (unsigned char)p[i + 1];
            if (hi == '\\' && p[i + 2]) {
                hi = (unsigned char)p[i + 2];
                i++;
            }
            i += 2;
        }
        if (c >= lo && c <= hi)
            found = 1;
    }
    *hit = found != negate;
    return i + 1;
}

/* Matches one pattern element (not '*') at p against the character c. Returns the element's
   length, or 0 if it does not match. */
static size_t match_one(const char *p, char c)
{
    if (*p == '?')
        return 1;
    if (*p == '[') {
        int hit;
        size_t n = bracket(p + 1, (unsigned char)c, &hit);
        if (n)
            return hit ? n + 1 : 0;
    }
    if (*p == '\\' && p[1])
        return p[1] == c ? 2 : 0;
    return *p == c ? 1 : 0;
}

/* Whether the whole of s matches p. On a mismatch after a '*', the '*' takes one more
   character and matching resumes there: linear in practice, never exponential. */
int pattern_match(const char *p, const char *s)
{
    const char *star = NULL, *resume = NULL;
    for (;;) {
        if (*p == '*') {
            while (*p == '*')
                p++;
            star = p;
            resume = s;
            continue;
        }
        if (!*s) {
            if (!*p)
                return 1;
        } else if (*p) {
            size_t n = match_one(p, *s);
            if (n) {
                p += n;
                s++;
                continue;
            }
        }
        if (!star || !*resume)
            return 0;
        p = star;
        s = ++resume;
    }
}

/* Whether p has anything that matches other than itself: *, ?, or a closed bracket
   expression (a lone '[' is an ordinary character, as in the test command '['). */
int pattern_has_magic(const char *p)
{
    for (; *p; p++) {
        int hit;
        if (*p == '\\' && p[1])
            p++;
        else if (*p == '*' || *p == '?')
            return 1;
        else if (*p == '[' && bracket(p + 1, 0, &hit))
            return 1;
    }
    return 0;
}
