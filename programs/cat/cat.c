/*
 * cat: copies files (or standard input, also for "-") to standard output unchanged; -u is
 * accepted (output is never buffered here), -n numbers every line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"

static long line_number;
static int at_line_start = 1;

// Writes n bytes with a line number in front of each line, for -n.
static int write_numbered(const char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (at_line_start)
            printf("%6ld\t", ++line_number);
        putchar(buf[i]);
        at_line_start = buf[i] == '\n';
    }
    return ferror(stdout) ? -1 : 0;
}

// Copies fd to standard output; 0, or -1 after a message.
static int copy(int fd, const char *name, int number)
{
    char buf[65536];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            warn_errno("%s", name);
            return -1;
        }
        if (n == 0)
            return 0;
        int r = number ? write_numbered(buf, (size_t)n) : write_all(1, buf, (size_t)n);
        if (r < 0) {
            warn_errno("write error");
            return -1;
        }
    }
}

int main(int argc, char **argv)
{
    util_init("cat");
    int number = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "nu")) != -1) {
        if (c == '?')
            return 1;
        if (c == 'n')
            number = 1;
    }
    int status = 0;
    if (o.index >= argc)
        status |= copy(0, "-", number) < 0;
    for (int i = o.index; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            status |= copy(0, "-", number) < 0;
            continue;
        }
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            warn_errno("%s", argv[i]);
            status = 1;
            continue;
        }
        status |= copy(fd, argv[i], number) < 0;
        close(fd);
    }
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
