/* Format macros for the <stdint.h> types (LP64) and the intmax_t conversions (strtol.c). */
#ifndef _INTTYPES_H
#define _INTTYPES_H

#include <stdint.h>

#define PRId8   "d"
#define PRId16  "d"
#define PRId32  "d"
#define PRId64  "ld"
#define PRIdMAX "jd"
#define PRIdPTR "ld"
#define PRIi64  "li"
#define PRIu8   "u"
#define PRIu16  "u"
#define PRIu32  "u"
#define PRIu64  "lu"
#define PRIuMAX "ju"
#define PRIuPTR "lu"
#define PRIx32  "x"
#define PRIx64  "lx"
#define PRIxMAX "jx"
#define PRIxPTR "lx"
#define PRIX64  "lX"
#define PRIo64  "lo"
#define SCNd64  "ld"
#define SCNu64  "lu"
#define SCNx64  "lx"

typedef struct {
    intmax_t quot, rem;
} imaxdiv_t;

intmax_t strtoimax(const char *restrict s, char **restrict end, int base);
uintmax_t strtoumax(const char *restrict s, char **restrict end, int base);
intmax_t imaxabs(intmax_t x);
imaxdiv_t imaxdiv(intmax_t num, intmax_t den);

#endif
