/*
 * A child for the inherited-descriptor tests of the servers suite: it writes one line to its
 * standard output, "stdio_child <type0> <type1> <type2>", where type i is the file type bits
 * of descriptor i (in decimal, from fstat) or -1 if the descriptor is closed, then " N:<type>"
 * for each descriptor N given as an argument, then " cwd=<working directory>". Exit status:
 * bit i set if descriptor i (0-2) is open.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long type_of(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 ? (long)(st.st_mode & S_IFMT) : -1;
}

int main(int argc, char **argv)
{
    long type[3];
    int open_mask = 0;
    for (int fd = 0; fd < 3; fd++) {
        type[fd] = type_of(fd);
        if (type[fd] >= 0)
            open_mask |= 1 << fd;
    }
    char line[512], cwd[128];
    int len = snprintf(line, sizeof(line), "stdio_child %ld %ld %ld", type[0], type[1], type[2]);
    for (int i = 1; i < argc && len < 400; i++)
        len += snprintf(line + len, sizeof(line) - (size_t)len, " %s:%ld", argv[i],
                        type_of(atoi(argv[i])));
    if (argc > 1)
        snprintf(line + len, sizeof(line) - (size_t)len, " cwd=%s",
                 getcwd(cwd, sizeof(cwd)) ? cwd : "?");
    strcat(line, "\n");
    write(1, line, strlen(line));
    return open_mask;
}
