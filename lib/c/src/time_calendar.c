/*
 * Broken-down time in UTC (QSOE has no time zones yet, so local time is UTC): gmtime and its
 * inverse timegm over the proleptic Gregorian calendar, for any time_t, and strftime.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const day_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

static long long floor_div(long long a, long long b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

// Days since 1970-01-01 of a civil date (month 1-12), for any year: the era arithmetic keeps
// every step exact for negative years too.
static long long days_from_civil(long long y, int m, int d)
{
    y -= m <= 2;
    long long era = floor_div(y, 400);
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct tm *gmtime_r(const time_t *t, struct tm *out)
{
    long long secs = *t;
    long long days = floor_div(secs, 86400);
    long long rem = secs - days * 86400;
    out->tm_hour = (int)(rem / 3600);
    out->tm_min = (int)(rem / 60 % 60);
    out->tm_sec = (int)(rem % 60);
    out->tm_wday = (int)((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
    long long z = days + 719468;
    long long era = floor_div(z, 146097);
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    y += m <= 2;
    if (y - 1900 > 0x7fffffff || y - 1900 < -0x7fffffffll - 1)
        return NULL;
    out->tm_year = (int)(y - 1900);
    out->tm_mon = m - 1;
    out->tm_mday = d;
    out->tm_yday = (int)(days - days_from_civil(y, 1, 1));
    out->tm_isdst = 0;
    out->tm_gmtoff = 0;
    out->tm_zone = "UTC";
    return out;
}

struct tm *gmtime(const time_t *t)
{
    static struct tm tm;
    return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *t, struct tm *out)
{
    return gmtime_r(t, out);
}

struct tm *localtime(const time_t *t)
{
    return gmtime(t);
}

// The time_t of a broken-down UTC time; out-of-range fields are carried (61 seconds is the
// next minute, month 12 is January of the next year), and tm is normalised as mktime does.
time_t timegm(struct tm *tm)
{
    long long mon = tm->tm_mon;
    long long year = 1900ll + tm->tm_year + floor_div(mon, 12);
    mon -= floor_div(mon, 12) * 12;
    long long days = days_from_civil(year, (int)mon + 1, 1) + tm->tm_mday - 1;
    time_t t = (time_t)(days * 86400 + (long long)tm->tm_hour * 3600 + (long long)tm->tm_min * 60 +
                        tm->tm_sec);
    gmtime_r(&t, tm);
    return t;
}

time_t mktime(struct tm *tm)
{
    return timegm(tm);
}

static size_t put(char *s, size_t max, size_t n, const char *text)
{
    for (; *text; text++, n++)
        if (n < max)
            s[n] = *text;
    return n;
}

size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
{
    size_t n = 0;
    char tmp[64];
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            if (n < max)
                s[n] = *fmt;
            n++;
            continue;
        }
        fmt++;
        if (*fmt == 'E' || *fmt == 'O') /* alternative forms: the same in the C locale */
            fmt++;
        const char *text = tmp;
        long long year = 1900ll + tm->tm_year;
        int wday = tm->tm_wday >= 0 && tm->tm_wday < 7 ? tm->tm_wday : 0;
        int mon = tm->tm_mon >= 0 && tm->tm_mon < 12 ? tm->tm_mon : 0;
        int hour12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
        switch (*fmt) {
        case 'a':
            snprintf(tmp, sizeof(tmp), "%.3s", day_names[wday]);
            break;
        case 'A':
            text = day_names[wday];
            break;
        case 'b':
        case 'h':
            snprintf(tmp, sizeof(tmp), "%.3s", month_names[mon]);
            break;
        case 'B':
            text = month_names[mon];
            break;
        case 'c':
            snprintf(tmp, sizeof(tmp), "%.3s %.3s %2d %02d:%02d:%02d %lld", day_names[wday],
                     month_names[mon], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, year);
            break;
        case 'C':
            snprintf(tmp, sizeof(tmp), "%02lld", floor_div(year, 100));
            break;
        case 'd':
            snprintf(tmp, sizeof(tmp), "%02d", tm->tm_mday);
            break;
        case 'D':
            snprintf(tmp, sizeof(tmp), "%02d/%02d/%02lld", tm->tm_mon + 1, tm->tm_mday,
                     (year % 100 + 100) % 100);
            break;
        case 'e':
            snprintf(tmp, sizeof(tmp), "%2d", tm->tm_mday);
            break;
        case 'F':
            snprintf(tmp, sizeof(tmp), "%lld-%02d-%02d", year, tm->tm_mon + 1, tm->tm_mday);
            break;
        case 'H':
            snprintf(tmp, sizeof(tmp), "%02d", tm->tm_hour);
            break;
        case 'I':
            snprintf(tmp, sizeof(tmp), "%02d", hour12);
            break;
        case 'j':
            snprintf(tmp, sizeof(tmp), "%03d", tm->tm_yday + 1);
            break;
        case 'm':
            snprintf(tmp, sizeof(tmp), "%02d", tm->tm_mon + 1);
            break;
        case 'M':
            snprintf(tmp, sizeof(tmp), "%02d", tm->tm_min);
            break;
        case 'n':
            text = "\n";
            break;
        case 'p':
            text = tm->tm_hour < 12 ? "AM" : "PM";
            break;
        case 'r':
            snprintf(tmp, sizeof(tmp), "%02d:%02d:%02d %s", hour12, tm->tm_min, tm->tm_sec,
                     tm->tm_hour < 12 ? "AM" : "PM");
            break;
        case 'R':
            snprintf(tmp, sizeof(tmp), "%02d:%02d", tm->tm_hour, tm->tm_min);
            break;
        case 's': {
            struct tm copy = *tm;
            snprintf(tmp, sizeof(tmp), "%ld", (long)timegm(&copy));
            break;
        }
        case 'S':
            snprintf(tmp, sizeof(tmp), "%02d", tm->tm_sec);
            break;
        case 't':
            text = "\t";
            break;
        case 'T':
        case 'X':
            snprintf(tmp, sizeof(tmp), "%02d:%02d:%02d", tm->tm_hour, tm->tm_min, tm->tm_sec);
            break;
        case 'u':
            snprintf(tmp, sizeof(tmp), "%d", wday == 0 ? 7 : wday);
            break;
        case 'w':
            snprintf(tmp, sizeof(tmp), "%d", wday);
            break;
        case 'x':
            snprintf(tmp, sizeof(tmp), "%02d/%02d/%02lld", tm->tm_mon + 1, tm->tm_mday,
                     (year % 100 + 100) % 100);
            break;
        case 'y':
            snprintf(tmp, sizeof(tmp), "%02lld", (year % 100 + 100) % 100);
            break;
        case 'Y':
            snprintf(tmp, sizeof(tmp), "%lld", year);
            break;
        case 'z':
            text = "+0000";
            break;
        case 'Z':
            text = tm->tm_zone ? tm->tm_zone : "UTC";
            break;
        case '%':
            text = "%";
            break;
        default: /* an unknown conversion is copied as it stands */
            snprintf(tmp, sizeof(tmp), "%%%c", *fmt ? *fmt : ' ');
            if (!*fmt)
                fmt--;
        }
        n = put(s, max, n, text);
    }
    if (n >= max) {
        if (max)
            s[0] = '\0';
        return 0;
    }
    s[n] = '\0';
    return n;
}
