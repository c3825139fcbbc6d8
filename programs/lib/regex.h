/*
 * POSIX regular expressions, basic (BRE) and extended (ERE), for grep and other utilities:
 * compile once, then ask whether a line contains a match or where its leftmost-longest match
 * is. Not a regex.h replacement: it reports no subexpression positions, and works on bytes in
 * the C locale.
 */
#ifndef REGEX_H
#define REGEX_H

#include <stddef.h>

enum {
    REGEX_EXTENDED = 1, // ERE syntax instead of BRE
    REGEX_ICASE = 2,    // letters match either case
    REGEX_LINE = 4,     // a match must be the whole text (grep -x)
    REGEX_WORD = 8,     // a match must have no word character either side (grep -w)
};

struct regex;

// Compiles pattern (len bytes); NULL with *error set to a message if it is malformed.
struct regex *regex_compile(const char *pattern, size_t len, int flags, const char **error);

// Whether text (len bytes) contains a match of re anywhere.
int regex_search(struct regex *re, const char *text, size_t len);

// The leftmost match of re in text that starts at or after from, the longest one there, as
// [*start, *end); 0 if there is none.
int regex_find(struct regex *re, const char *text, size_t len, size_t from, size_t *start,
               size_t *end);

void regex_free(struct regex *re);

#endif
