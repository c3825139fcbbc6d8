/*
 * head: copies the first lines (-n N, default 10) or bytes (-c N) of each file to standard
 * output, or all but the last N with -n -N and -c -N (as GNU head), with a "==> name <=="
 * header before each when there are several.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lines.h"
#include "opt.h"
#include "util.h"

// Copies all but the last count lines (or bytes) of fd; 0, or -1 after a message.
static int head_all_but(int fd, const char *name, long count, int bytes)
{
    size_t len;
    char *buf = read_all(fd, &len);
    if (!buf) {
        warn_errno("error reading '%s'", name);
        return -1;
    }
    size_t end =
        bytes ? ((size_t)count < len ? len - (size_t)count : 0) : last_lines_start(buf, len, count);
    int r = write_all(1, buf, end);
    free(buf);
    if (r < 0)
        warn_errno("write error");
    return r;
}

// Copies the first count lines (or bytes) of fd; 0, or -1 after a message.
static int head(int fd, const char *name, long count, int bytes)
{
    char buf[65536];
    while (count > 0) {
        ssize_t n = read(fd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            warn_errno("error reading '%s'", name);
            return -1;
        }
        if (n == 0)
            break;
        size_t take = 0;
        if (bytes) {
            take = (size_t)n < (size_t)count ? (size_t)n : (size_t)count;
            count -= (long)take;
        } else {
            while (take < (size_t)n && count > 0)
                if (buf[take++] == '\n')
                    count--;
        }
        if (write_all(1, buf, take) < 0) {
            warn_errno("write error");
            return -1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    util_init("head");
    long count = 10;
    int bytes = 0, all_but = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "n:c:")) != -1) {
        if (c == '?')
            return 1;
        all_but = o.arg[0] == '-';
        if (parse_long(o.arg + all_but, &count) < 0 || count < 0 || o.arg[all_but] == '-' ||
            o.arg[all_but] == '+')
            die(1, "invalid number of %s: '%s'", c == 'c' ? "bytes" : "lines", o.arg);
        bytes = c == 'c';
    }
    int nfiles = argc - o.index, status = 0;
    int (*copy)(int, const char *, long, int) = all_but ? head_all_but : head;
    if (nfiles == 0)
        return copy(0, "standard input", count, bytes) < 0;
    for (int i = o.index; i < argc; i++) {
        int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);
        if (fd < 0) {
            warn_errno("cannot open '%s' for reading", argv[i]);
            status = 1;
            continue;
        }
        if (nfiles > 1) {
            char header[4096];
            int n = snprintf(header, sizeof(header), "%s==> %s <==\n", i > o.index ? "\n" : "",
                             fd == 0 ? "standard input" : argv[i]);
            write_all(1, header, (size_t)n < sizeof(header) ? (size_t)n : sizeof(header) - 1);
        }
        status |= copy(fd, argv[i], count, bytes) < 0;
        if (fd != 0)
            close(fd);
    }
    return status;
}
