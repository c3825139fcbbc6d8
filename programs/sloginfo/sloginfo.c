/*
 * sloginfo: prints the system log (/dev/slog, or the file named as its argument) to standard
 * output, oldest record first. For now standard output is printf's, the console.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/dev/slog";
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("sloginfo: cannot open %s (errno %d)\n", path, errno);
        return 1;
    }
    /* under printf's own line limit; the slogger gives whole lines where they fit */
    char buf[1000];
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf) - 1)) > 0) {
        buf[n] = '\0';
        printf("%s", buf);
    }
    if (n < 0)
        printf("sloginfo: cannot read %s (errno %d)\n", path, errno);
    close(fd);
    return n < 0;
}
