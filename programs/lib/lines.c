/*
 * Lines counted from the end (see lines.h).
 */
#include "lines.h"

size_t last_lines_start(const char *buf, size_t len, long n)
{
    size_t pos = len;
    if (pos > 0 && buf[pos - 1] != '\n')
        n--;
    while (pos > 0) {
        if (buf[pos - 1] == '\n' && n-- == 0)
            break;
        pos--;
    }
    return pos;
}
