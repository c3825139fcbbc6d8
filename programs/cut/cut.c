/*
 * cut: writes selected parts of each line: bytes or characters (-b, -c, the same in the C
 * locale) or fields separated by a delimiter (-f with -d, tab by default; -s drops lines
 * without one). Lists are like "1,3-5,7-".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "util.h"

#define LIST_MAX 4096 // positions past this are "to the end of the line"

static unsigned char selected[LIST_MAX + 2]; // 1-based; [LIST_MAX + 1]: everything beyond
static int only_delimited;
static char delimiter = '\t';

// Marks the positions of list (e.g. "1,3-5,7-"); -1 if it is malformed.
static int parse_list(const char *list)
{
    const char *p = list;
    for (;;) {
        long lo = 1, hi;
        char *end;
        int has_lo = *p != '-';
        if (has_lo) {
            lo = strtol(p, &end, 10);
            if (end == p || lo < 1)
                return -1;
            p = end;
        }
        hi = lo;
        if (*p == '-') {
            p++;
            hi = LIST_MAX + 1;
            if (*p >= '0' && *p <= '9') {
                hi = strtol(p, &end, 10);
                p = end;
                if (hi < lo)
                    return -1;
            } else if (!has_lo) {
                return -1;
            }
        }
        if (lo > LIST_MAX)
            lo = LIST_MAX + 1;
        if (hi > LIST_MAX)
            hi = LIST_MAX + 1;
        for (long i = lo; i <= hi; i++)
            selected[i] = 1;
        if (*p == '\0')
            return 0;
        if (*p != ',' && *p != ' ')
            return -1;
        p++;
    }
}

static int is_selected(size_t position)
{
    return selected[position > LIST_MAX ? LIST_MAX + 1 : position];
}

// Writes the selected bytes of line.
static void cut_chars(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (is_selected(i + 1))
            putchar(line[i]);
    putchar('\n');
}

// Writes the selected fields of line joined by the delimiter; a line without the delimiter is
// written whole, or not at all with -s.
static void cut_fields(const char *line, size_t len)
{
    if (!memchr(line, delimiter, len)) {
        if (!only_delimited) {
            fwrite(line, 1, len, stdout);
            putchar('\n');
        }
        return;
    }
    size_t field = 1, start = 0;
    int printed = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && line[i] != delimiter)
            continue;
        if (is_selected(field)) {
            if (printed)
                putchar(delimiter);
            fwrite(line + start, 1, i - start, stdout);
            printed = 1;
        }
        field++;
        start = i + 1;
    }
    putchar('\n');
}

int main(int argc, char **argv)
{
    util_init("cut");
    int mode = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "b:c:f:d:sn")) != -1) {
        switch (c) {
        case 'b':
        case 'c':
        case 'f':
            if (mode)
                die(1, "only one type of list may be specified");
            mode = c == 'f' ? 'f' : 'c';
            if (parse_list(o.arg) < 0)
                die(1, "invalid list '%s'", o.arg);
            break;
        case 'd':
            if (strlen(o.arg) != 1)
                die(1, "the delimiter must be a single character");
            delimiter = o.arg[0];
            break;
        case 's':
            only_delimited = 1;
            break;
        case 'n':
            break;
        default:
            return 1;
        }
    }
    if (!mode)
        die(1, "you must specify a list of bytes, characters, or fields");
    int status = 0;
    char *line = NULL;
    size_t cap = 0;
    for (int i = o.index; i < argc || i == o.index; i++) {
        FILE *f = stdin;
        if (i < argc && strcmp(argv[i], "-") != 0 && !(f = fopen(argv[i], "r"))) {
            warn_errno("%s", argv[i]);
            status = 1;
            continue;
        }
        ssize_t len;
        while ((len = getline(&line, &cap, f)) >= 0) {
            if (len > 0 && line[len - 1] == '\n')
                len--;
            if (mode == 'f')
                cut_fields(line, (size_t)len);
            else
                cut_chars(line, (size_t)len);
        }
        if (f != stdin)
            fclose(f);
        if (i >= argc)
            break;
    }
    return status;
}
