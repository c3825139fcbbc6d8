// Compiles libc's sources for a host test beside the host's C library: included before every
// file of the test (gcc -include), it reads the host headers first, then renames each libc
// function to qsoe_<name> and declares the renamed ones from libc's own headers. The test
// itself undoes the renaming (unrename.h) to call both versions side by side.
#ifndef QSOE_TESTS_LIBC_STDLIB_RENAME_H
#define QSOE_TESTS_LIBC_STDLIB_RENAME_H

// The POSIX functions too; not _GNU_SOURCE, under which a newer glibc's strtol reads "0b".
#define _DEFAULT_SOURCE

#include <ctype.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

// Every function libc defines in the sources under test.
#undef isalnum
#define isalnum qsoe_isalnum
#undef isalpha
#define isalpha qsoe_isalpha
#undef isblank
#define isblank qsoe_isblank
#undef iscntrl
#define iscntrl qsoe_iscntrl
#undef isdigit
#define isdigit qsoe_isdigit
#undef isgraph
#define isgraph qsoe_isgraph
#undef islower
#define islower qsoe_islower
#undef isprint
#define isprint qsoe_isprint
#undef ispunct
#define ispunct qsoe_ispunct
#undef isspace
#define isspace qsoe_isspace
#undef isupper
#define isupper qsoe_isupper
#undef isxdigit
#define isxdigit qsoe_isxdigit
#undef tolower
#define tolower qsoe_tolower
#undef toupper
#define toupper qsoe_toupper
#undef memcpy
#define memcpy qsoe_memcpy
#undef memmove
#define memmove qsoe_memmove
#undef memset
#define memset qsoe_memset
#undef memcmp
#define memcmp qsoe_memcmp
#undef strlen
#define strlen qsoe_strlen
#undef strnlen
#define strnlen qsoe_strnlen
#undef strcmp
#define strcmp qsoe_strcmp
#undef strncmp
#define strncmp qsoe_strncmp
#undef strstr
#define strstr qsoe_strstr
#undef memchr
#define memchr qsoe_memchr
#undef memrchr
#define memrchr qsoe_memrchr
#undef strchr
#define strchr qsoe_strchr
#undef strrchr
#define strrchr qsoe_strrchr
#undef strcpy
#define strcpy qsoe_strcpy
#undef stpcpy
#define stpcpy qsoe_stpcpy
#undef strncpy
#define strncpy qsoe_strncpy
#undef strcat
#define strcat qsoe_strcat
#undef strncat
#define strncat qsoe_strncat
#undef strdup
#define strdup qsoe_strdup
#undef strndup
#define strndup qsoe_strndup
#undef strspn
#define strspn qsoe_strspn
#undef strcspn
#define strcspn qsoe_strcspn
#undef strpbrk
#define strpbrk qsoe_strpbrk
#undef strtok
#define strtok qsoe_strtok
#undef strtok_r
#define strtok_r qsoe_strtok_r
#undef strcoll
#define strcoll qsoe_strcoll
#undef strxfrm
#define strxfrm qsoe_strxfrm
#undef strerror
#define strerror qsoe_strerror
#undef strcasecmp
#define strcasecmp qsoe_strcasecmp
#undef strncasecmp
#define strncasecmp qsoe_strncasecmp
#undef strtol
#define strtol qsoe_strtol
#undef strtoll
#define strtoll qsoe_strtoll
#undef strtoul
#define strtoul qsoe_strtoul
#undef strtoull
#define strtoull qsoe_strtoull
#undef strtoimax
#define strtoimax qsoe_strtoimax
#undef strtoumax
#define strtoumax qsoe_strtoumax
#undef atoi
#define atoi qsoe_atoi
#undef atol
#define atol qsoe_atol
#undef atoll
#define atoll qsoe_atoll
#undef strtod
#define strtod qsoe_strtod
#undef strtof
#define strtof qsoe_strtof
#undef strtold
#define strtold qsoe_strtold
#undef atof
#define atof qsoe_atof
#undef qsort
#define qsort qsoe_qsort
#undef bsearch
#define bsearch qsoe_bsearch
#undef malloc
#define malloc qsoe_malloc
#undef calloc
#define calloc qsoe_calloc
#undef realloc
#define realloc qsoe_realloc
#undef free
#define free qsoe_free
#undef aligned_alloc
#define aligned_alloc qsoe_aligned_alloc
#undef posix_memalign
#define posix_memalign qsoe_posix_memalign

// Types both headers define, kept apart.
#define div_t   qsoe_div_t
#define ldiv_t  qsoe_ldiv_t
#define lldiv_t qsoe_lldiv_t
#define div     qsoe_div
#define ldiv    qsoe_ldiv
#define lldiv   qsoe_lldiv

// libc's headers again, under their own include guards, now declaring the qsoe_ names.
#undef _CTYPE_H
#include "../../../lib/c/include/ctype.h"
#undef _STRING_H
#include "../../../lib/c/include/string.h"
#undef _STRINGS_H
#include "../../../lib/c/include/strings.h"
#undef _STDLIB_H
#include "../../../lib/c/include/stdlib.h"

// libc has no <inttypes.h> of its own yet.
intmax_t strtoimax(const char *restrict s, char **restrict end, int base);
uintmax_t strtoumax(const char *restrict s, char **restrict end, int base);

#endif
