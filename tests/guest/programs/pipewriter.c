/*
 * A pipe writer for the servers suite: pipewriter <pipe path> <text> <count> opens the pipe
 * by its name (/dev/pipe/<id>) and writes the text count times. It never closes the pipe:
 * its end goes when the process ends, which must give the reader end of file all the same.
 * Exit status: 0, or 1 if the open or a write failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        printf("usage: pipewriter <pipe path> <text> <count>\n");
        return 1;
    }
    int count = 0;
    for (const char *s = argv[3]; *s >= '0' && *s <= '9'; s++)
        count = count * 10 + (*s - '0');
    int fd = open(argv[1], O_WRONLY);
    if (fd < 0) {
        printf("pipewriter: cannot open %s (errno %d)\n", argv[1], errno);
        return 1;
    }
    size_t len = strlen(argv[2]);
    for (int i = 0; i < count; i++) {
        if (write(fd, argv[2], len) != (ssize_t)len) {
            printf("pipewriter: write %d failed (errno %d)\n", i, errno);
            return 1;
        }
    }
    return 0;
}
