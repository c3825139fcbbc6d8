/*
 * Shared helpers of the core utilities: messages prefixed with the utility's name, -i's
 * questions, allocation that ends the program when memory runs out, whole reads and writes,
 * path joining and number parsing. Not an option parser (see opt.h).
 */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>

// Sets the name that prefixes every message (the utility's name, not argv[0]'s path).
void util_init(const char *name);

// Prints "name: message" on stderr.
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

// Prints "name: message: strerror(errno)" on stderr.
void warn_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

// Prints "name: message" on stderr and exits with status.
void die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));

void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

// dir + "/" + name in new memory, without doubling a slash that dir already ends with.
char *path_join(const char *dir, const char *name);

// Reads everything fd holds into new memory (its length in *len); NULL with errno set on a
// read error.
char *read_all(int fd, size_t *len);

// Writes all of buf to fd, retrying short writes; 0, or -1 with errno set.
int write_all(int fd, const void *buf, size_t n);

// Asks a question on stderr ("name: " then the question) and reads a line of standard input;
// whether the answer starts with y or Y. For -i.
int ask(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

// Parses a whole decimal number into *out; 0 on success, -1 if s is not one or overflows.
int parse_long(const char *s, long *out);

#endif
