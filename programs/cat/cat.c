/*
 * cat: copies files (or standard input, also for "-") to standard output. Plain copying by
 * default (-u is accepted; output is not buffered anyway); GNU's decorations on request: -n
 * numbers lines, -b non-blank lines, -s squeezes runs of blank lines, -v shows control and
 * high bytes as ^X and M-X, -E marks line ends with $, -T shows tabs as ^I, -A is -vET, -e is
 * -vE, -t is -vT.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"

static int number, number_nonblank, squeeze, show_nonprinting, show_ends, show_tabs;

// Where the decorated output stands, carried from one read (and one file) to the next.
static long line_number;
static int at_line_start = 1, blank_lines;

// Writes byte c as -v shows it.
static void put_visible(unsigned char c)
{
    int high = c >= 128;
    if (high) {
        fputs("M-", stdout);
        c -= 128;
    }
    if (c < 32 && (high || (c != '\t' && c != '\n')))
        printf("^%c", c + 64);
    else if (c == 127)
        fputs("^?", stdout);
    else
        putchar(c);
}

// Writes n bytes with the decorations asked for.
static int write_decorated(const char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (at_line_start) {
            blank_lines = c == '\n' ? blank_lines + 1 : 0;
            if (squeeze && blank_lines > 1)
                continue;
            if (number && !(number_nonblank && c == '\n'))
                printf("%6ld\t", ++line_number);
        }
        at_line_start = c == '\n';
        if (c == '\n' && show_ends)
            putchar('$');
        if (c == '\t' && show_tabs)
            fputs("^I", stdout);
        else if (show_nonprinting)
            put_visible(c);
        else
            putchar(c);
    }
    return ferror(stdout) ? -1 : 0;
}

// Copies fd to standard output; 0, or -1 after a message.
static int copy(int fd, const char *name, int decorate)
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
        int r = decorate ? write_decorated(buf, (size_t)n) : write_all(1, buf, (size_t)n);
        if (r < 0) {
            warn_errno("write error");
            return -1;
        }
    }
}

int main(int argc, char **argv)
{
    util_init("cat");
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "AETbenstuv")) != -1) {
        if (c == '?')
            return 1;
        number |= c == 'n' || c == 'b';
        number_nonblank |= c == 'b';
        squeeze |= c == 's';
        show_nonprinting |= strchr("Aetv", c) != NULL;
        show_ends |= c == 'A' || c == 'E' || c == 'e';
        show_tabs |= c == 'A' || c == 'T' || c == 't';
    }
    int decorate = number || squeeze || show_nonprinting || show_ends || show_tabs;
    int status = 0;
    if (o.index >= argc)
        status |= copy(0, "-", decorate) < 0;
    for (int i = o.index; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            status |= copy(0, "-", decorate) < 0;
            continue;
        }
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            warn_errno("%s", argv[i]);
            status = 1;
            continue;
        }
        status |= copy(fd, argv[i], decorate) < 0;
        close(fd);
    }
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
