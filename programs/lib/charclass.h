/*
 * The POSIX character classes ([:alpha:], [:digit:] ...) by name, shared by the regular
 * expression engine, the find -name matcher and tr. C locale only.
 */
#ifndef CHARCLASS_H
#define CHARCLASS_H

#include <stddef.h>

// The class called name (len bytes, no colons), or -1 if there is none.
int charclass_lookup(const char *name, size_t len);

// Whether byte c belongs to class id.
int charclass_has(int id, int c);

#endif
