/*
 * uniq: writes each run of equal adjacent lines once; -c prefixes the run's length, -d shows
 * only repeated lines, -u only unrepeated ones, -i compares without case, -f N and -s N skip
 * fields and characters before comparing. Input and output may be named as operands.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "opt.h"
#include "util.h"

static int count, repeated, unrepeated, icase;
static long skip_fields, skip_chars;

// Writes a run of n equal lines as the options say.
static void emit(FILE *out, const char *line, size_t len, long n)
{
    if ((repeated && n < 2) || (unrepeated && n > 1))
        return;
    if (count)
        fprintf(out, "%7ld ", n);
    fwrite(line, 1, len, out);
    fputc('\n', out);
}

// The part of a line that is compared: after -f's fields (blanks then non-blanks) and -s's
// characters.
static const char *compared(const char *line, size_t *len)
{
    size_t i = 0;
    for (long f = 0; f < skip_fields; f++) {
        while (i < *len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        while (i < *len && line[i] != ' ' && line[i] != '\t')
            i++;
    }
    i = i + (size_t)skip_chars < *len ? i + (size_t)skip_chars : *len;
    *len -= i;
    return line + i;
}

static int same(const char *a, size_t alen, const char *b, size_t blen)
{
    a = compared(a, &alen);
    b = compared(b, &blen);
    if (alen != blen)
        return 0;
    return icase ? strncasecmp(a, b, alen) == 0 : memcmp(a, b, alen) == 0;
}

int main(int argc, char **argv)
{
    util_init("uniq");
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "cduif:s:")) != -1) {
        switch (c) {
        case 'c':
            count = 1;
            break;
        case 'd':
            repeated = 1;
            break;
        case 'u':
            unrepeated = 1;
            break;
        case 'i':
            icase = 1;
            break;
        case 'f':
        case 's':
            if (parse_long(o.arg, c == 'f' ? &skip_fields : &skip_chars) < 0 ||
                (c == 'f' ? skip_fields : skip_chars) < 0)
                die(1, "invalid number of %s to skip: '%s'", c == 'f' ? "fields" : "bytes", o.arg);
            break;
        default:
            return 1;
        }
    }
    FILE *in = stdin, *out = stdout;
    if (argc - o.index > 2)
        die(1, "extra operand '%s'", argv[o.index + 2]);
    if (o.index < argc && strcmp(argv[o.index], "-") != 0 && !(in = fopen(argv[o.index], "r"))) {
        warn_errno("%s", argv[o.index]);
        return 1;
    }
    if (o.index + 1 < argc && !(out = fopen(argv[o.index + 1], "w"))) {
        warn_errno("%s", argv[o.index + 1]);
        return 1;
    }
    char *prev = NULL, *line = NULL;
    size_t prev_cap = 0, cap = 0, prev_len = 0;
    long n = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, in)) >= 0) {
        if (len > 0 && line[len - 1] == '\n')
            len--;
        if (n > 0 && same(prev, prev_len, line, (size_t)len)) {
            n++;
            continue;
        }
        if (n > 0)
            emit(out, prev, prev_len, n);
        if ((size_t)len + 1 > prev_cap)
            prev = xrealloc(prev, prev_cap = (size_t)len + 1);
        memcpy(prev, line, (size_t)len);
        prev_len = (size_t)len;
        n = 1;
    }
    if (n > 0)
        emit(out, prev, prev_len, n);
    if (ferror(in)) {
        warn_errno("read error");
        return 1;
    }
    if (fflush(out) != 0) {
        warn_errno("write error");
        return 1;
    }
    return 0;
}
