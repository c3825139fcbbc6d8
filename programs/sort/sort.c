/*
 * sort: sorts the lines of files (or standard input) and writes them to standard output (or
 * -o file, which may be an input). Options: -n numeric, -r reverse, -u unique, -f fold case,
 * -b ignore leading blanks, -d dictionary order, -i printable characters only, -t separator,
 * -k start[,end] keys with per-key b d f i n r modifiers, -s no last-resort comparison,
 * -c / -C check the order, -m merge (sorted inputs sort to the same result). The sort is
 * stable, with the whole line compared last as POSIX asks.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opt.h"
#include "sort.h"
#include "util.h"

struct line {
    const char *text;
    size_t len;
};

static struct sort_key keys[32];
static int nkeys;
static struct sort_key global; // the options given outside -k
static int separator = -1;

// Reads all lines of fd into lines; -1 after a message on a read error.
static int read_lines(int fd, const char *name, struct line **lines, size_t *n, size_t *cap)
{
    size_t len;
    char *buf = read_all(fd, &len);
    if (!buf) {
        warn_errno("read failed: %s", name);
        return -1;
    }
    for (size_t start = 0; start < len;) {
        const char *nl = memchr(buf + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - buf) : len;
        if (*n == *cap)
            *lines = xrealloc(*lines, (*cap = *cap ? *cap * 2 : 1024) * sizeof(struct line));
        (*lines)[(*n)++] = (struct line){buf + start, end - start};
        start = end + 1;
    }
    return 0;
}

// Orders two lines by the keys, then (unless -u) by their bytes; reversal included.
static int compare_lines(const struct line *a, const struct line *b, int last_resort)
{
    for (int i = 0; i < nkeys; i++) {
        int r = sort_key_compare(&keys[i], separator, a->text, a->len, b->text, b->len);
        if (r)
            return keys[i].reverse ? -r : r;
    }
    if (!last_resort)
        return 0;
    size_t n = a->len < b->len ? a->len : b->len;
    int r = memcmp(a->text, b->text, n);
    if (r == 0)
        r = a->len < b->len ? -1 : a->len > b->len;
    return global.reverse ? -r : r;
}

// A stable merge sort of lines[0..n) using tmp as scratch space.
static void merge_sort(struct line *lines, struct line *tmp, size_t n, int last_resort)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    merge_sort(lines, tmp, half, last_resort);
    merge_sort(lines + half, tmp, n - half, last_resort);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = compare_lines(&lines[j], &lines[i], last_resort) < 0 ? lines[j++] : lines[i++];
    while (i < half)
        tmp[k++] = lines[i++];
    while (j < n)
        tmp[k++] = lines[j++];
    memcpy(lines, tmp, n * sizeof(*lines));
}

// -c and -C: 0 if lines are in order (strictly, with -u); otherwise 1, after a message
// naming the first line out of order unless quiet.
static int check_order(const struct line *lines, size_t n, int last_resort, int unique,
                       const char *name, int quiet)
{
    for (size_t i = 1; i < n; i++) {
        int r = compare_lines(&lines[i - 1], &lines[i], last_resort);
        if (r > 0 || (unique && r == 0)) {
            if (!quiet)
                fprintf(stderr, "sort: %s:%zu: disorder: %.*s\n", name, i + 1, (int)lines[i].len,
                        lines[i].text);
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    util_init("sort");
    int unique = 0, stable = 0, check = 0;
    const char *output = NULL;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "Cbcdfimnrsuk:o:t:")) != -1) {
        switch (c) {
        case 'b':
            global.skip_blanks = 1;
            break;
        case 'f':
            global.fold = 1;
            break;
        case 'd':
            global.dictionary = 1;
            break;
        case 'i':
            global.printable = 1;
            break;
        case 's':
            stable = 1;
            break;
        case 'c':
        case 'C':
            check = c;
            break;
        case 'm':
            break;
        case 'o':
            output = o.arg;
            break;
        case 'n':
            global.numeric = 1;
            break;
        case 'r':
            global.reverse = 1;
            break;
        case 'u':
            unique = 1;
            break;
        case 'k':
            if (nkeys == 32)
                die(2, "too many keys");
            if (sort_key_parse(o.arg, &keys[nkeys++]) < 0)
                die(2, "invalid key specification '%s'", o.arg);
            break;
        case 't':
            if (strlen(o.arg) != 1)
                die(2, "the separator must be one character: '%s'", o.arg);
            separator = (unsigned char)o.arg[0];
            break;
        default:
            return 2;
        }
    }
    for (int i = 0; i < nkeys; i++)
        sort_key_inherit(&keys[i], &global);
    for (int i = 0; i < nkeys; i++)
        if (keys[i].numeric && (keys[i].dictionary || keys[i].printable))
            die(2, "options '-%cn' are incompatible", keys[i].dictionary ? 'd' : 'i');
    if (global.numeric && (global.dictionary || global.printable))
        die(2, "options '-%cn' are incompatible", global.dictionary ? 'd' : 'i');
    if (nkeys == 0) {
        keys[0] = global;
        keys[0].whole_line = 1;
        nkeys = 1;
    }
    if (check && argc - o.index > 1)
        die(2, "extra operand '%s' not allowed with -%c", argv[o.index + 1], check);
    struct line *lines = NULL;
    size_t n = 0, cap = 0;
    if (o.index >= argc && read_lines(0, "-", &lines, &n, &cap) < 0)
        return 2;
    for (int i = o.index; i < argc; i++) {
        int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);
        if (fd < 0)
            die(2, "cannot read: %s: %s", argv[i], strerror(errno));
        if (read_lines(fd, argv[i], &lines, &n, &cap) < 0)
            return 2;
        if (fd != 0)
            close(fd);
    }
    int last_resort = !unique && !stable;
    if (check)
        return check_order(lines, n, last_resort, unique, o.index < argc ? argv[o.index] : "-",
                           check == 'C');
    struct line *tmp = xmalloc((n ? n : 1) * sizeof(*tmp));
    merge_sort(lines, tmp, n, last_resort);
    // The output is opened only now, so that it may be one of the inputs.
    FILE *out = output ? fopen(output, "w") : stdout;
    if (!out)
        die(2, "open failed: %s: %s", output, strerror(errno));
    for (size_t i = 0; i < n; i++) {
        if (unique && i > 0 && compare_lines(&lines[i - 1], &lines[i], 0) == 0)
            continue;
        fwrite(lines[i].text, 1, lines[i].len, out);
        putc('\n', out);
    }
    if (fflush(out) != 0 || (out != stdout && fclose(out) != 0)) {
        warn_errno("write failed");
        return 2;
    }
    return 0;
}
