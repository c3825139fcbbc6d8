/* A program that prints its arguments and exits with the status given as its first one. */
#include <stdio.h>

int main(int argc, char **argv)
{
    int status = 0;
    for (int i = 0; i < argc; i++)
        printf("hello: argv[%d] = %s\n", i, argv[i]);
    if (argc > 1)
        for (const char *s = argv[1]; *s >= '0' && *s <= '9'; s++)
            status = status * 10 + (*s - '0');
    return status;
}
