/*
 * sleep: waits for the sum of its operands, each a number of seconds that may have a
 * fraction and an s, m, h or d suffix.
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "util.h"

int main(int argc, char **argv)
{
    util_init("sleep");
    if (argc < 2)
        die(1, "missing operand");
    double total = 0;
    for (int i = 1; i < argc; i++) {
        char *end;
        double v = strtod(argv[i], &end);
        double scale = 1;
        if (*end == 's' || *end == 'm' || *end == 'h' || *end == 'd') {
            scale = *end == 'm' ? 60 : *end == 'h' ? 3600 : *end == 'd' ? 86400 : 1;
            end++;
        }
        if (end == argv[i] || *end != '\0' || !(v >= 0))
            die(1, "invalid time interval '%s'", argv[i]);
        total += v * scale;
    }
    struct timespec ts;
    ts.tv_sec = (time_t)total;
    ts.tv_nsec = (long)((total - (double)ts.tv_sec) * 1e9);
    while (nanosleep(&ts, &ts) < 0)
        if (errno != EINTR) {
            warn_errno("cannot sleep");
            return 1;
        }
    return 0;
}
