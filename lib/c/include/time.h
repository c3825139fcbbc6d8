/* Time: clocks, sleeping, and broken-down UTC time (there are no time zones yet). */
#ifndef _TIME_H
#define _TIME_H

#include <abi/sched.h>
#include <stddef.h>
#include <sys/types.h>

typedef long time_t;
typedef long clock_t;

#define CLOCKS_PER_SEC 1000000l

struct timespec {
    time_t tv_sec;
    long tv_nsec;
};

struct tm {
    int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
    long tm_gmtoff;
    const char *tm_zone;
};

time_t time(time_t *t);
clock_t clock(void);
double difftime(time_t a, time_t b);
int clock_gettime(clockid_t id, struct timespec *ts);
int clock_settime(clockid_t id, const struct timespec *ts);
int clock_getres(clockid_t id, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_nanosleep(clockid_t id, int flags, const struct timespec *req, struct timespec *rem);
struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *out);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *out);
time_t timegm(struct tm *tm);
time_t mktime(struct tm *tm);
size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm);

#endif
