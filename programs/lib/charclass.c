/*
 * POSIX character classes in the C locale (see charclass.h), on top of <ctype.h>.
 */
#include "charclass.h"

#include <ctype.h>
#include <string.h>

static const char *const names[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph",
                                    "lower", "print", "punct", "space", "upper", "xdigit"};

int charclass_lookup(const char *name, size_t len)
{
    for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
        if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
            return i;
    return -1;
}

int charclass_has(int id, int c)
{
    if (c < 0 || c > 127)
        return 0;
    switch (id) {
    case 0:
        return isalnum(c) != 0;
    case 1:
        return isalpha(c) != 0;
    case 2:
        return isblank(c) != 0;
    case 3:
        return iscntrl(c) != 0;
    case 4:
        return isdigit(c) != 0;
    case 5:
        return isgraph(c) != 0;
    case 6:
        return islower(c) != 0;
    case 7:
        return isprint(c) != 0;
    case 8:
        return ispunct(c) != 0;
    case 9:
        return isspace(c) != 0;
    case 10:
        return isupper(c) != 0;
    case 11:
        return isxdigit(c) != 0;
    }
    return 0;
}
