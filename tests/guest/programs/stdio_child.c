/*
 * A child for the inherited-descriptor tests of the servers suite: it writes one line to its
 * standard output, "stdio_child <type0> <type1> <type2>", where type i is the file type bits
 * of descriptor i (in decimal, from fstat) or -1 if the descriptor is closed. Exit status: bit i
 * set if descriptor i is open.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    long type[3];
    int open_mask = 0;
    for (int fd = 0; fd < 3; fd++) {
        struct stat st;
        type[fd] = fstat(fd, &st) == 0 ? (long)(st.st_mode & S_IFMT) : -1;
        if (type[fd] >= 0)
            open_mask |= 1 << fd;
    }
    char line[80];
    snprintf(line, sizeof(line), "stdio_child %ld %ld %ld\n", type[0], type[1], type[2]);
    write(1, line, strlen(line));
    return open_mask;
}
