/*
 * basename: prints the last component of a path, without a suffix if one is given and is not
 * the whole component, as POSIX describes.
 */
#include <stdio.h>
#include <string.h>

#include "util.h"

int main(int argc, char **argv)
{
    util_init("basename");
    int i = 1;
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (argc - i < 1 || argc - i > 2) {
        fprintf(stderr, "usage: basename string [suffix]\n");
        return 1;
    }
    char *s = argv[i];
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '/')
        n--;
    if (n == 1 && s[0] == '/') {
        puts("/");
        return 0;
    }
    size_t start = n;
    while (start > 0 && s[start - 1] != '/')
        start--;
    s[n] = '\0';
    char *base = s + start;
    if (argc - i == 2) {
        size_t bl = strlen(base), sl = strlen(argv[i + 1]);
        if (sl < bl && strcmp(base + bl - sl, argv[i + 1]) == 0)
            base[bl - sl] = '\0';
    }
    puts(base);
    return 0;
}
