/*
 * wc: counts the newlines, words, characters and bytes of each file (-l -w -m -c; lines, words
 * and bytes by default; characters are bytes in the C locale), with a total line when there
 * are several files. Column widths follow GNU wc.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"

struct counts {
    unsigned long long lines, words, bytes;
};

struct input {
    const char *name; // NULL for standard input without a name
    int fd;           // -1 if it could not be opened
    struct stat st;
};

static int show_lines, show_words, show_chars, show_bytes;

// Counts everything fd holds; 0, or -1 after a message.
static int count_fd(int fd, const char *name, struct counts *c)
{
    char buf[65536];
    int in_word = 0;
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
        c->bytes += (unsigned long long)n;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)buf[i];
            if (ch == '\n')
                c->lines++;
            if (isspace(ch)) {
                in_word = 0;
            } else if (!in_word && isprint(ch)) {
                in_word = 1;
                c->words++;
            }
        }
    }
}

// One output line: the chosen counts in columns of width, then the name if there is one.
static void print_counts(const struct counts *c, int width, const char *name)
{
    const char *sep = "";
    if (show_lines) {
        printf("%*llu", width, c->lines);
        sep = " ";
    }
    if (show_words) {
        printf("%s%*llu", sep, width, c->words);
        sep = " ";
    }
    if (show_chars) {
        printf("%s%*llu", sep, width, c->bytes);
        sep = " ";
    }
    if (show_bytes)
        printf("%s%*llu", sep, width, c->bytes);
    if (name)
        printf(" %s", name);
    putchar('\n');
}

// The column width: wide enough for the total size of the regular files, at least 7 when
// some input is not a regular file.
static int column_width(const struct input *in, int n)
{
    unsigned long long total = 0;
    int width = 1, minimum = 1;
    for (int i = 0; i < n; i++) {
        if (in[i].fd < 0)
            continue;
        if (S_ISREG(in[i].st.st_mode))
            total += (unsigned long long)in[i].st.st_size;
        else
            minimum = 7;
    }
    for (; total >= 10; total /= 10)
        width++;
    return width < minimum ? minimum : width;
}

int main(int argc, char **argv)
{
    util_init("wc");
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "lwcm")) != -1) {
        if (c == '?')
            return 1;
        show_lines |= c == 'l';
        show_words |= c == 'w';
        show_chars |= c == 'm';
        show_bytes |= c == 'c';
    }
    if (!show_lines && !show_words && !show_chars && !show_bytes)
        show_lines = show_words = show_bytes = 1;
    int n = argc - o.index, status = 0;
    struct input in[n > 0 ? n : 1];
    if (n == 0) {
        in[0] = (struct input){NULL, 0, {0}};
        fstat(0, &in[0].st);
    }
    for (int i = 0; i < n; i++) {
        const char *name = argv[o.index + i];
        in[i].name = name;
        in[i].fd = strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
        if (in[i].fd < 0 || fstat(in[i].fd, &in[i].st) < 0) {
            warn_errno("%s", name);
            if (in[i].fd > 0)
                close(in[i].fd);
            in[i].fd = -1;
            status = 1;
        }
    }
    int ninputs = n > 0 ? n : 1;
    int width = column_width(in, ninputs);
    if (show_lines + show_words + show_chars + show_bytes == 1 && ninputs == 1)
        width = 1;
    struct counts total = {0, 0, 0};
    for (int i = 0; i < ninputs; i++) {
        if (in[i].fd < 0)
            continue;
        struct counts cnt = {0, 0, 0};
        if (count_fd(in[i].fd, in[i].name ? in[i].name : "standard input", &cnt) < 0)
            status = 1;
        if (in[i].fd > 0)
            close(in[i].fd);
        print_counts(&cnt, width, in[i].name);
        total.lines += cnt.lines;
        total.words += cnt.words;
        total.bytes += cnt.bytes;
    }
    if (n > 1)
        print_counts(&total, width, "total");
    return status;
}
