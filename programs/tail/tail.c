/*
 * tail: copies the end of each file to standard output: the last N lines or bytes (-n N,
 * -c N), or from line or byte N on (-n +N, -c +N); -f keeps following the files as they grow
 * (not standard input).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lines.h"
#include "opt.h"
#include "util.h"

struct tail {
    long count;
    int bytes;      // count bytes rather than lines
    int from_start; // +N: start at line or byte N
};

// Where the output starts in buf, which holds the whole input.
static size_t start_of_tail(const struct tail *t, const char *buf, size_t len)
{
    if (t->bytes) {
        if (t->from_start) {
            size_t skip = t->count > 0 ? (size_t)(t->count - 1) : 0;
            return skip < len ? skip : len;
        }
        return (size_t)t->count < len ? len - (size_t)t->count : 0;
    }
    if (t->from_start) {
        size_t pos = 0;
        for (long line = 1; line < t->count && pos < len; pos++)
            if (buf[pos] == '\n')
                line++;
        return pos;
    }
    return last_lines_start(buf, len, t->count);
}

// A file followed by -f.
struct followed {
    int fd;
    const char *name;
};

// Copies what is appended to the files from now on, checking once a second, until killed.
// With several files a "==> name <==" header comes before data from another file than the last.
static void follow(struct followed *files, int n, int last_shown)
{
    char buf[65536];
    for (;;) {
        int quiet = 1;
        for (int i = 0; i < n; i++) {
            ssize_t r = read(files[i].fd, buf, sizeof(buf));
            if (r < 0 && errno != EINTR) {
                warn_errno("error reading '%s'", files[i].name);
                continue;
            }
            if (r > 0) {
                if (n > 1 && i != last_shown)
                    printf("\n==> %s <==\n", files[i].name);
                fflush(stdout);
                write_all(1, buf, (size_t)r);
                last_shown = i;
                quiet = 0;
                continue;
            }
            struct stat st;
            off_t here = lseek(files[i].fd, 0, SEEK_CUR);
            if (fstat(files[i].fd, &st) == 0 && here >= 0 && st.st_size < here) {
                warn("%s: file truncated", files[i].name);
                lseek(files[i].fd, 0, SEEK_SET);
            }
        }
        if (quiet)
            sleep(1);
    }
}

static int tail_fd(const struct tail *t, int fd, const char *name)
{
    size_t len;
    char *buf = read_all(fd, &len);
    if (!buf) {
        warn_errno("error reading '%s'", name);
        return -1;
    }
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
    int nfiles = argc - o.index, status = 0, nfollowed = 0;
    struct followed *followed = xmalloc((size_t)(nfiles > 0 ? nfiles : 1) * sizeof(*followed));
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
        if (follow_mode && fd != 0)
            followed[nfollowed++] = (struct followed){fd, argv[i]};
        else if (fd != 0)
            close(fd);
    }
    if (nfollowed > 0)
        follow(followed, nfollowed, nfollowed - 1);
    return status;
}
