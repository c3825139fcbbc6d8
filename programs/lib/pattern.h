/*
 * Shell-style pattern matching (* ? [...] with [!...] and [:class:]) for find -name. Not
 * path-aware: '/' and a leading '.' are ordinary characters.
 */
#ifndef PATTERN_H
#define PATTERN_H

// Whether the whole of s matches pattern.
int pattern_match(const char *pattern, const char *s);

#endif
