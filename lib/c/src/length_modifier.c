/*
 * Length modifiers for the printf and scanf engines (length_modifier.h).
 */
#include <stddef.h>
#include <stdint.h>

#include "length_modifier.h"

enum length length_parse(const char **fmt)
{
    const char *s = *fmt;
    enum length len;
    switch (*s) {
    case 'h':
        len = s[1] == 'h' ? LEN_HH : LEN_H;
        break;
    case 'l':
        len = s[1] == 'l' ? LEN_LL : LEN_L;
        break;
    case 'j':
        len = LEN_J;
        break;
    case 'z':
        len = LEN_Z;
        break;
    case 't':
        len = LEN_T;
        break;
    case 'L':
        len = LEN_BIG_L;
        break;
    default:
        return LEN_NONE;
    }
    *fmt = s + (len == LEN_HH || len == LEN_LL ? 2 : 1);
    return len;
}

void length_store(void *p, enum length len, unsigned long long v)
{
    switch (len) {
    case LEN_HH:
        *(signed char *)p = (signed char)v;
        break;
    case LEN_H:
        *(short *)p = (short)v;
        break;
    case LEN_L:
        *(long *)p = (long)v;
        break;
    case LEN_LL:
    case LEN_BIG_L:
        *(long long *)p = (long long)v;
        break;
    case LEN_J:
        *(intmax_t *)p = (intmax_t)v;
        break;
    case LEN_Z:
        *(size_t *)p = (size_t)v;
        break;
    case LEN_T:
        *(ptrdiff_t *)p = (ptrdiff_t)v;
        break;
    default:
        *(int *)p = (int)v;
    }
}
