/*
 * The part of <string.h> and <strings.h> that only libc needs: searching, copying and joining
 * strings, tokenising, and case-insensitive comparison. The routines the kernel shares are in
 * string.c; strerror is in strerror.c.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

// A set of byte values, one bit each, for the span and token functions.
struct byte_set {
    uint64_t bits[4];
};

static void byte_set_fill(struct byte_set *set, const char *chars)
{
    set->bits[0] = set->bits[1] = set->bits[2] = set->bits[3] = 0;
    for (const unsigned char *c = (const unsigned char *)chars; *c; c++)
        set->bits[*c >> 6] |= (uint64_t)1 << (*c & 63);
}

static bool byte_set_has(const struct byte_set *set, unsigned char c)
{
    return (set->bits[c >> 6] >> (c & 63)) & 1;
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    for (; n; n--, p++)
        if (*p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

// The last byte equal to c among the first n of s.
void *memrchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    while (n--)
        if (p[n] == (unsigned char)c)
            return (void *)(p + n);
    return NULL;
}

// The first c in s; the terminating NUL counts, so strchr(s, 0) finds the end.
char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

char *strrchr(const char *s, int c)
{
    const char *found = NULL;
    for (;; s++) {
        if (*s == (char)c)
            found = s;
        if (!*s)
            return (char *)found;
    }
}

// Copies src with its NUL and returns a pointer to the copied NUL.
char *stpcpy(char *restrict dst, const char *restrict src)
{
    while ((*dst = *src) != '\0')
        dst++, src++;
    return dst;
}

char *strcpy(char *restrict dst, const char *restrict src)
{
    stpcpy(dst, src);
    return dst;
}

// Copies at most n bytes of src and pads the rest of the n with NULs; the result is not
// terminated when src is n bytes or longer.
char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i]; i++)
        dst[i] = src[i];
    for (; i < n; i++)
        dst[i] = '\0';
    return dst;
}

char *strcat(char *restrict dst, const char *restrict src)
{
    stpcpy(dst + strlen(dst), src);
    return dst;
}

// Appends at most n bytes of src and always terminates the result.
char *strncat(char *restrict dst, const char *restrict src, size_t n)
{
    char *d = dst + strlen(dst);
    for (; n && *src; n--)
        *d++ = *src++;
    *d = '\0';
    return dst;
}

char *strdup(const char *s)
{
    return strndup(s, (size_t)-1);
}

// A malloc'd copy of at most n bytes of s, always terminated; NULL (errno ENOMEM) if the heap
// has no room.
char *strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = malloc(len + 1);
    if (copy == NULL)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

// The length of the leading run of s made only of bytes in accept.
size_t strspn(const char *s, const char *accept)
{
    struct byte_set set;
    size_t n = 0;
    byte_set_fill(&set, accept);
    while (s[n] && byte_set_has(&set, (unsigned char)s[n]))
        n++;
    return n;
}

// The length of the leading run of s made only of bytes not in reject.
size_t strcspn(const char *s, const char *reject)
{
    struct byte_set set;
    size_t n = 0;
    byte_set_fill(&set, reject);
    while (s[n] && !byte_set_has(&set, (unsigned char)s[n]))
        n++;
    return n;
}

char *strpbrk(const char *s, const char *accept)
{
    s += strcspn(s, accept);
    return *s ? (char *)s : NULL;
}

// Splits s at bytes of delim: each call returns the next non-empty token, NUL-terminated in
// place, and keeps where to go on in *save; s is NULL on the calls after the first.
char *strtok_r(char *restrict s, const char *restrict delim, char **restrict save)
{
    if (s == NULL)
        s = *save;
    if (s == NULL)
        return NULL;
    s += strspn(s, delim);
    if (*s == '\0') {
        *save = NULL;
        return NULL;
    }
    char *end = s + strcspn(s, delim);
    if (*end == '\0') {
        *save = NULL;
    } else {
        *end = '\0';
        *save = end + 1;
    }
    return s;
}

// strtok_r with one hidden position shared by the whole program, as ISO C specifies.
char *strtok(char *restrict s, const char *restrict delim)
{
    static char *position;
    return strtok_r(s, delim, &position);
}

// In the C locale collation is byte order.
int strcoll(const char *a, const char *b)
{
    return strcmp(a, b);
}

// In the C locale the transformed string is the string itself: copies it when it fits in n
// bytes and returns its length either way.
size_t strxfrm(char *restrict dst, const char *restrict src, size_t n)
{
    size_t len = strlen(src);
    if (len < n)
        memcpy(dst, src, len + 1);
    return len;
}

int strcasecmp(const char *a, const char *b)
{
    return strncasecmp(a, b, (size_t)-1);
}

// Compares at most n bytes as if both strings were in lower case.
int strncasecmp(const char *a, const char *b, size_t n)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    for (; n; n--, x++, y++) {
        int d = tolower(*x) - tolower(*y);
        if (d != 0 || *x == '\0')
            return d;
    }
    return 0;
}
