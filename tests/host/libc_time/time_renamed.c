/*
 * libc's calendar built as qsoe_* for the host test: glibc's <time.h> and <stdio.h> are read
 * first with their own names, then libc's definitions are renamed as they are compiled.
 */
#define _DEFAULT_SOURCE /* glibc's struct tm shows tm_gmtoff and tm_zone */
#include <stdio.h>
#include <time.h>

#define gmtime_r    qsoe_gmtime_r
#define gmtime      qsoe_gmtime
#define localtime_r qsoe_localtime_r
#define localtime   qsoe_localtime
#define timegm      qsoe_timegm
#define mktime      qsoe_mktime
#define strftime    qsoe_strftime

#include "../../../lib/c/src/time_calendar.c"
