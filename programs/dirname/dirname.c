/*
 * dirname: prints a path without its last component, as POSIX describes ("." when there is
 * no directory part); several operands are taken one after another, as GNU dirname does.
 */
#include <stdio.h>
#include <string.h>

// Prints the directory part of path (which it changes).
static void dirname(char *s)
{
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '/')
        n--;
    while (n > 0 && s[n - 1] != '/')
        n--;
    if (n == 0) {
        puts(s[0] == '/' ? "/" : ".");
        return;
    }
    while (n > 1 && s[n - 1] == '/')
        n--;
    s[n] = '\0';
    puts(s);
}

int main(int argc, char **argv)
{
    int i = 1;
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i >= argc) {
        fprintf(stderr, "usage: dirname string...\n");
        return 1;
    }
    for (; i < argc; i++)
        dirname(argv[i]);
    return 0;
}
