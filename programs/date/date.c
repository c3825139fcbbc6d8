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
    // Through TZ rather than gmtime, so that %Z names the zone "UTC".
    if (utc && setenv("TZ", "UTC0", 1) < 0)
        die(1, "cannot set TZ");
    tzset();
    struct tm *tm = localtime(&t);
    if (!tm)
        die(1, "time out of range");
    if (*format == '\0') {
        putchar('\n');
        return 0;
    }
    // strftime cannot tell an empty result from one that does not fit: grow until it fits.
    for (size_t size = 256;; size *= 2) {
        char *buf = xmalloc(size);
        size_t n = strftime(buf, size, format, tm);
        if (n > 0 || size > 65536) {
            fwrite(buf, 1, n, stdout);
            putchar('\n');
            free(buf);
            return 0;
        }
        free(buf);
    }
}
