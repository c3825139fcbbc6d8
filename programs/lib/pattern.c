/*
 * Shell pattern matching as POSIX describes it for "Patterns Matching a Single Character"
 * and "Patterns Matching Multiple Characters" (see pattern.h).
 */
#include "pattern.h"

#include <string.h>

#include "charclass.h"

// Matches c against the bracket expression at *p (after '['); 1 or 0, or -1 if the
// expression is not closed (then '[' is an ordinary character). *p moves past the ']'.
static int bracket(const char **p, unsigned char c)
{
    const char *q = *p;
    int negate = 0, matched = 0;
    if (*q == '!' || *q == '^') {
        negate = 1;
        q++;
    }
    for (int first = 1; *q != ']' || first; first = 0) {
        if (*q == '\0')
            return -1;
        if (q[0] == '[' && q[1] == ':') {
            const char *end = strstr(q + 2, ":]");
            if (!end)
                return -1;
            int id = charclass_lookup(q + 2, (size_t)(end - q - 2));
            if (id >= 0 && charclass_has(id, c))
                matched = 1;
            q = end + 2;
            continue;
        }
        if (*q == '\\' && q[1])
            q++;
        unsigned char lo = (unsigned char)*q++, hi = lo;
        if (q[0] == '-' && q[1] != ']' && q[1] != '\0') {
            q++;
            if (*q == '\\' && q[1])
                q++;
            hi = (unsigned char)*q++;
        }
        if (c >= lo && c <= hi)
            matched = 1;
    }
    *p = q + 1;
    return matched != negate;
}

int pattern_match(const char *pattern, const char *s)
{
    const char *star_p = NULL, *star_s = NULL;
    const char *p = pattern;
    for (;;) {
        if (*p == '*') {
            while (*p == '*')
                p++;
            star_p = p;
            star_s = s;
            continue;
        }
        if (*s == '\0' && *p == '\0')
            return 1;
        int ok = 0;
        if (*s != '\0') {
            if (*p == '?') {
                ok = 1;
                p++;
            } else if (*p == '[') {
                const char *q = p + 1;
                int r = bracket(&q, (unsigned char)*s);
                if (r < 0) {
                    ok = *s == '[';
                    p++;
                } else {
                    ok = r;
                    p = q;
                }
            } else {
                if (*p == '\\' && p[1])
                    p++;
                ok = *p != '\0' && *p == *s;
                p++;
            }
        }
        if (ok) {
            s++;
            continue;
        }
        // Backtrack: let the last '*' swallow one more character.
        if (!star_p || *star_s == '\0')
            return 0;
        p = star_p;
        s = ++star_s;
    }
}
