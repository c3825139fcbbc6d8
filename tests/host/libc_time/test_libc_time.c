/*
 * Host tests of libc's calendar (lib/c/src/time_calendar.c) against glibc in UTC: gmtime for
 * times across and far beyond 1970, timegm as its inverse with carried fields, and strftime for
 * every conversion the C locale defines.
 */
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct tm *qsoe_gmtime_r(const time_t *t, struct tm *out);
time_t qsoe_timegm(struct tm *tm);
size_t qsoe_strftime(char *s, size_t max, const char *fmt, const struct tm *tm);

#define TEST_MODULE "libc_time"
#include "../harness.h"

static bool same_tm(const struct tm *a, const struct tm *b)
{
    return a->tm_sec == b->tm_sec && a->tm_min == b->tm_min && a->tm_hour == b->tm_hour &&
           a->tm_mday == b->tm_mday && a->tm_mon == b->tm_mon && a->tm_year == b->tm_year &&
           a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday;
}

int main(void)
{
    setenv("TZ", "UTC", 1); /* glibc's %s goes through mktime, which reads the local zone */
    tzset();
    srand(11);
    int bad = 0;
    char first[700] = "";
    static const long fixed[] = {0,         -1,          86399,        86400,         951782400,
                                 951868800, 4107542400l, -2208988800l, 253402300799l, -62135596800l,
                                 1700000000};
    for (int i = 0; i < 200000 + 11; i++) {
        time_t t =
            i < 11 ? fixed[i]
                   : (time_t)(((long long)rand() << 31 | rand()) % 400000000000ll - 200000000000ll);
        struct tm a, b;
        qsoe_gmtime_r(&t, &a);
        gmtime_r(&t, &b);
        if (!same_tm(&a, &b) && !bad++)
            snprintf(first, sizeof(first), "time %ld", (long)t);
    }
    report(bad == 0, "gmtime matches glibc for 200,000 times from year -4400 to 8300",
           "%d bad, first %s", bad, first);

    bad = 0;
    for (int i = 0; i < 50000; i++) {
        struct tm a = {0}, b;
        a.tm_year = rand() % 400 - 100;
        a.tm_mon = rand() % 40 - 14;
        a.tm_mday = rand() % 70 - 5;
        a.tm_hour = rand() % 50 - 10;
        a.tm_min = rand() % 130 - 30;
        a.tm_sec = rand() % 130 - 30;
        b = a;
        time_t ta = qsoe_timegm(&a), tb = timegm(&b);
        if ((ta != tb || !same_tm(&a, &b)) && !bad++)
            snprintf(first, sizeof(first), "%d-%d-%d %d:%d:%d", b.tm_year, b.tm_mon, b.tm_mday,
                     b.tm_hour, b.tm_min, b.tm_sec);
    }
    report(bad == 0, "timegm carries out-of-range fields and normalises as glibc does",
           "%d bad, first %s", bad, first);

    bad = 0;
    static const char *const formats[] = {
        "%a %A %b %B %h", "%c",    "%C %y %Y", "%d %e %j", "%D %F %T %R %r", "%H %I %M %S %p",
        "%m %n%t%%",      "%u %w", "%x %X",    "%z %Z",    "plain text",     "%s"};
    for (int i = 0; i < 20000; i++) {
        time_t t = (time_t)(((long long)rand() << 31 | rand()) % 8000000000ll);
        struct tm tm;
        gmtime_r(&t, &tm);
        for (size_t f = 0; f < sizeof(formats) / sizeof(*formats); f++) {
            char a[256], b[256];
            size_t na = qsoe_strftime(a, sizeof(a), formats[f], &tm);
            size_t nb = strftime(b, sizeof(b), formats[f], &tm);
            if ((na != nb || strcmp(a, b) != 0) && !bad++)
                snprintf(first, sizeof(first), "\"%s\": glibc \"%s\", ours \"%s\"", formats[f], b,
                         a);
        }
    }
    report(bad == 0, "strftime matches glibc (C locale, UTC) for every conversion",
           "%d bad, first %s", bad, first);
    char small[8];
    struct tm tm0;
    time_t zero = 0;
    gmtime_r(&zero, &tm0);
    report(qsoe_strftime(small, sizeof(small), "%Y-%m-%d", &tm0) == 0,
           "strftime returns 0 when the result does not fit", NULL);
    return test_summary();
}
