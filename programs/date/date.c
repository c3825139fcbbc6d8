/*
 * date: prints the current time (or, with -r, a file's modification time) in the C locale's
 * default form "%a %b %e %H:%M:%S %Z %Y" or in a +FORMAT given to strftime; -u uses UTC.
 * Setting the clock is not supported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "opt.h"
#include "util.h"

// format with each %Z replaced by "UTC": gmtime's zone name is not always that (glibc says
// "GMT"), and setting TZ instead would need setenv.
static char *name_utc(const char *format)
{
    char *out = xmalloc(strlen(format) * 2 + 1), *o = out;
    for (const char *p = format; *p; p++) {
        if (p[0] == '%' && p[1] == 'Z') {
            o = stpcpy(o, "UTC");
            p++;
        } else if (p[0] == '%' && p[1] != '\0') {
            *o++ = *p++;
            *o++ = *p;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}

int main(int argc, char **argv)
{
    util_init("date");
    int utc = 0;
    const char *file = NULL;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "ur:")) != -1) {
        if (c == '?')
            return 1;
        if (c == 'u')
            utc = 1;
        else
            file = o.arg;
    }
    const char *format = "%a %b %e %H:%M:%S %Z %Y";
    if (o.index < argc) {
        if (argv[o.index][0] != '+')
            die(1, "setting the date is not supported: '%s'", argv[o.index]);
        if (o.index + 1 < argc)
            die(1, "extra operand '%s'", argv[o.index + 1]);
        format = argv[o.index] + 1;
    }
    time_t t = time(NULL);
    if (file) {
        struct stat st;
        if (stat(file, &st) < 0) {
            warn_errno("%s", file);
            return 1;
        }
        t = st.st_mtime;
    }
    struct tm *tm = utc ? gmtime(&t) : localtime(&t);
    if (!tm)
        die(1, "time out of range");
    if (*format == '\0') {
        putchar('\n');
        return 0;
    }
    char *fmt = utc ? name_utc(format) : xstrdup(format);
    // strftime cannot tell an empty result from one that does not fit: grow until it fits.
    for (size_t size = 256;; size *= 2) {
        char *buf = xmalloc(size);
        size_t n = strftime(buf, size, fmt, tm);
        if (n > 0 || size > 65536) {
            fwrite(buf, 1, n, stdout);
            putchar('\n');
            free(buf);
            free(fmt);
            return 0;
        }
        free(buf);
    }
}
