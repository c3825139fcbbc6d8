/*
 * yes: writes its arguments (or "y") and a newline over and over until writing fails.
 */
#include <string.h>

#include "util.h"

int main(int argc, char **argv)
{
    util_init("yes");
    if (argc > 1 && strcmp(argv[1], "--") == 0) {
        argv++;
        argc--;
    }
    size_t len = 0;
    for (int i = 1; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *line = xmalloc(len > 2 ? len : 2);
    if (argc < 2) {
        memcpy(line, "y\n", 2);
        len = 2;
    } else {
        char *p = line;
        for (int i = 1; i < argc; i++) {
            size_t n = strlen(argv[i]);
            memcpy(p, argv[i], n);
            p += n;
            *p++ = i + 1 < argc ? ' ' : '\n';
        }
    }
    // Whole lines fill a buffer so that each write carries many of them.
    size_t copies = len < 4096 ? 4096 / len : 1;
    char *buf = xmalloc(len * copies);
    for (size_t i = 0; i < copies; i++)
        memcpy(buf + i * len, line, len);
    while (write_all(1, buf, len * copies) == 0)
        ;
    return 1;
}
