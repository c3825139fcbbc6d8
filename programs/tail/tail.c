/*
 * tail: copies the end of each file to standard output: the last N lines or bytes (-n N,
 * -c N), or from line or byte N on (-n +N, -c +N); -f keeps following a file as it grows.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"

struct tail {
    long count;
    int bytes;      // count bytes rather than lines
    int from_start; // +N: start at line or byte N
};

// Reads all of fd into new memory; NULL after a message on a read error.
static char *slurp(int fd, const char *name, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (n == cap)
            buf = xrealloc(buf, cap *= 2);
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            warn_errno("error reading '%s'", name);
            free(buf);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *len = n;
    return buf;
}

// Where the output starts in buf, which holds the whole input.
static size_t start_of_tail(const struct tail *t, const char *buf, size_t len)
{
    if (t->bytes) {
        if (t->from_start)
            return t->count > 0 && (size_t)(t->count - 1) < len ? (size_t)(t->count - 1)
                   : t->count > 0                               ? len
                                                                : 0;
        return (size_t)t->count < len ? len - (size_t)t->count : 0;
    }
    if (t->from_start) {
        size_t pos = 0;
        for (long line = 1; line < t->count && pos < len; pos++)
            if (buf[pos] == '\n')
                line++;
        return pos;
    }
    size_t pos = len;
    long lines = t->count;
    // A last line without a newline counts as a line.
    if (pos > 0 && buf[pos - 1] != '\n')
        lines--;
    while (pos > 0) {
        if (buf[pos - 1] == '\n' && lines-- == 0)
            break;
        pos--;
    }
    return pos;
}

// Copies what is appended to fd from now on, checking once a second, until killed.
static void follow(int fd, const char *name)
{
    char buf[65536];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof(buf));
        if (n > 0) {
            write_all(1, buf, (size_t)n);
            continue;
        }
        if (n < 0 && errno != EINTR) {
            warn_errno("error reading '%s'", name);
            return;
        }
        struct stat st;
        off_t here = lseek(fd, 0, SEEK_CUR);
        if (fstat(fd, &st) == 0 && here >= 0 && st.st_size < here) {
            warn("%s: file truncated", name);
            lseek(fd, 0, SEEK_SET);
        }
        sleep(1);
    }
}

// Writes the selected end of everything fd holds.
static int tail_fd(const struct tail *t, int fd, const char *name)
{
    size_t len;
    char *buf = slurp(fd, name, &len);
    if (!buf)
        return -1;
    size_t start = start_of_tail(t, buf, len);
    int r = write_all(1, buf + start, len - start);
    free(buf);
    if (r < 0)
        warn_errno("write error");
    return r;
}

// Parses the number of -n or -c, with its optional sign.
static void parse_count(struct tail *t, const char *arg, int bytes)
{
    t->bytes = bytes;
    t->from_start = arg[0] == '+';
    const char *digits = arg[0] == '+' || arg[0] == '-' ? arg + 1 : arg;
    if (parse_long(digits, &t->count) < 0 || t->count < 0 || *digits == '-' || *digits == '+')
        die(1, "invalid number of %s: '%s'", bytes ? "bytes" : "lines", arg);
}

int main(int argc, char **argv)
{
    util_init("tail");
    struct tail t = {10, 0, 0};
    int follow_mode = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "n:c:f")) != -1) {
        if (c == '?')
            return 1;
        if (c == 'f')
            follow_mode = 1;
        else
            parse_count(&t, o.arg, c == 'c');
    }
    int nfiles = argc - o.index, status = 0, last_fd = -1;
    if (nfiles == 0)
        return tail_fd(&t, 0, "standard input") < 0;
    for (int i = o.index; i < argc; i++) {
        int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);
        if (fd < 0) {
            warn_errno("cannot open '%s' for reading", argv[i]);
            status = 1;
            continue;
        }
        if (nfiles > 1)
            printf("%s==> %s <==\n", i > o.index ? "\n" : "", fd == 0 ? "standard input" : argv[i]);
        fflush(stdout);
        status |= tail_fd(&t, fd, argv[i]) < 0;
        if (follow_mode && nfiles == 1 && fd != 0)
            last_fd = fd;
        else if (fd != 0)
            close(fd);
    }
    if (last_fd >= 0)
        follow(last_fd, argv[o.index]);
    return status;
}
