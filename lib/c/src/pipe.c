/*
 * pipe(): two descriptors for one pipe of the pipe manager (servers/pipe): opening /dev/pipe
 * makes a new pipe and gives its read end, whose st_ino names the pipe for the open of the
 * write end as /dev/pipe/<id> (docs/io.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int pipe(int fds[2])
{
    int rd = open("/dev/pipe", O_RDONLY);
    if (rd < 0)
        return -1;
    struct stat st;
    char path[32];
    int wr = -1;
    if (fstat(rd, &st) == 0) {
        snprintf(path, sizeof(path), "/dev/pipe/%lu", (unsigned long)st.st_ino);
        wr = open(path, O_WRONLY);
    }
    if (wr < 0) {
        int err = errno;
        close(rd);
        errno = err;
        return -1;
    }
    fds[0] = rd;
    fds[1] = wr;
    return 0;
}
