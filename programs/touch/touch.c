/*
 * touch: sets the access and modification times of files to now (or to -t [[CC]YY]MMDDhhmm[.SS]
 * in local time, or to those of -r file), creating files that do not exist unless -c; -a or
 * -m changes only one of the two times. Not -d.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"

// Parses -t's [[CC]YY]MMDDhhmm[.SS]; -1 if malformed.
static int parse_stamp(const char *s, struct timespec *ts)
{
    const char *dot = strchr(s, '.');
    size_t digits = dot ? (size_t)(dot - s) : strlen(s);
    if ((digits != 8 && digits != 10 && digits != 12) || (dot && strlen(dot) != 3))
        return -1;
    for (size_t i = 0; i < strlen(s); i++)
        if (s + i != dot && (s[i] < '0' || s[i] > '9'))
            return -1;
    int v[7] = {0};
    int n = 0;
    for (size_t i = 0; i < digits; i += 2)
        v[n++] = (s[i] - '0') * 10 + (s[i + 1] - '0');
    struct tm tm;
    memset(&tm, 0, sizeof(tm));
    int k = 0;
    if (digits == 12) {
        tm.tm_year = v[0] * 100 + v[1] - 1900;
        k = 2;
    } else if (digits == 10) {
        tm.tm_year = v[0] < 69 ? v[0] + 100 : v[0];
        k = 1;
    } else {
        time_t now = time(NULL);
        tm.tm_year = localtime(&now)->tm_year;
    }
    tm.tm_mon = v[k] - 1;
    tm.tm_mday = v[k + 1];
    tm.tm_hour = v[k + 2];
    tm.tm_min = v[k + 3];
    tm.tm_sec = dot ? (dot[1] - '0') * 10 + (dot[2] - '0') : 0;
    tm.tm_isdst = -1;
    if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
        tm.tm_sec > 60)
        return -1;
    ts->tv_sec = mktime(&tm);
    ts->tv_nsec = 0;
    return 0;
}

int main(int argc, char **argv)
{
    util_init("touch");
    int no_create = 0, only_a = 0, only_m = 0;
    struct timespec times[2] = {{0, UTIME_NOW}, {0, UTIME_NOW}};
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "acmr:t:f")) != -1) {
        struct stat st;
        switch (c) {
        case 'a':
            only_a = 1;
            break;
        case 'c':
            no_create = 1;
            break;
        case 'm':
            only_m = 1;
            break;
        case 'f':
            break;
        case 'r':
            if (stat(o.arg, &st) < 0)
                die(1, "failed to get attributes of '%s': %s", o.arg, strerror(errno));
            times[0] = st.st_atim;
            times[1] = st.st_mtim;
            break;
        case 't':
            if (parse_stamp(o.arg, &times[0]) < 0)
                die(1, "invalid date format '%s'", o.arg);
            times[1] = times[0];
            break;
        default:
            return 1;
        }
    }
    if (only_a && !only_m)
        times[1].tv_nsec = UTIME_OMIT;
    if (only_m && !only_a)
        times[0].tv_nsec = UTIME_OMIT;
    if (o.index >= argc)
        die(1, "missing file operand");
    int status = 0;
    for (int i = o.index; i < argc; i++) {
        if (utimensat(AT_FDCWD, argv[i], times, 0) == 0)
            continue;
        if (errno == ENOENT && no_create)
            continue;
        if (errno == ENOENT) {
            int fd = open(argv[i], O_WRONLY | O_CREAT, 0666);
            if (fd >= 0) {
                close(fd);
                if (utimensat(AT_FDCWD, argv[i], times, 0) == 0)
                    continue;
            }
        }
        warn_errno("cannot touch '%s'", argv[i]);
        status = 1;
    }
    return status;
}
