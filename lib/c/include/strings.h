/* Case-insensitive string comparison (POSIX <strings.h>), in lib/c/src/string_more.c. */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <stddef.h>

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);

#endif
