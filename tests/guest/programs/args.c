/*
 * Helper of the taskman tests: exits 0 if its arguments, joined with '|', are the environment
 * variable EXPECT, else prints both and exits 1. Used as the interpreter of #! scripts.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char got[512];
    size_t len = 0;
    got[0] = '\0';
    for (int i = 0; i < argc && len < sizeof(got); i++)
        len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%s", i ? "|" : "", argv[i]);
    const char *expect = NULL;
    for (char **e = environ; e && *e; e++)
        if (strncmp(*e, "EXPECT=", 7) == 0)
            expect = *e + 7;
    if (expect && len < sizeof(got) && strcmp(got, expect) == 0)
        return 0;
    printf("args: got \"%s\", expected \"%s\"\n", got, expect ? expect : "(no EXPECT)");
    return 1;
}
