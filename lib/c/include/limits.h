/*
 * Sizes of the integer types (ISO C <limits.h>) for the LP64 RISC-V ABI QSOE programs use, plus
 * the few POSIX limits libc itself relies on. Built from the compiler's own predefined macros.
 */
#ifndef _LIMITS_H
#define _LIMITS_H

#define CHAR_BIT   8
#define MB_LEN_MAX 4

#define SCHAR_MAX __SCHAR_MAX__
#define SCHAR_MIN (-SCHAR_MAX - 1)
#define UCHAR_MAX (SCHAR_MAX * 2 + 1)
#ifdef __CHAR_UNSIGNED__
#define CHAR_MIN 0
#define CHAR_MAX UCHAR_MAX
#else
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#endif

#define SHRT_MAX  __SHRT_MAX__
#define SHRT_MIN  (-SHRT_MAX - 1)
#define USHRT_MAX (SHRT_MAX * 2 + 1)

#define INT_MAX  __INT_MAX__
#define INT_MIN  (-INT_MAX - 1)
#define UINT_MAX (INT_MAX * 2U + 1U)

#define LONG_MAX  __LONG_MAX__
#define LONG_MIN  (-LONG_MAX - 1L)
#define ULONG_MAX (LONG_MAX * 2UL + 1UL)

#define LLONG_MAX  __LONG_LONG_MAX__
#define LLONG_MIN  (-LLONG_MAX - 1LL)
#define ULLONG_MAX (LLONG_MAX * 2ULL + 1ULL)

#define SSIZE_MAX LONG_MAX

#define PATH_MAX    1024  /* bytes of a path name, its NUL included */
#define NAME_MAX    255   /* bytes of one name in a directory */
#define PIPE_BUF    512   /* writes to a pipe up to this size go in whole */
#define ARG_MAX     32768 /* bytes of arguments, environment and more a spawn passes */
#define OPEN_MAX    256   /* descriptors a process can have */
#define NGROUPS_MAX 16

#endif
