/*
 * time: runs a command and then writes its real, user and system times to standard error in
 * POSIX's "time -p" form; the exit status is the command's (127 if it was not found, 126 if
 * it could not be run).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run.h"
#include "util.h"

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
    util_init("time");
    int i = 1;
    if (i < argc && strcmp(argv[i], "-p") == 0)
        i++;
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i >= argc)
        die(125, "missing program to run");
    struct timespec start, end;
    struct tms before, after;
    clock_gettime(CLOCK_MONOTONIC, &start);
    times(&before);
    pid_t pid = run_start(argv + i);
    if (pid < 0)
        return errno == ENOENT ? 127 : 126;
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            warn_errno("waitpid");
            return 1;
        }
    clock_gettime(CLOCK_MONOTONIC, &end);
    times(&after);
    double tick = (double)sysconf(_SC_CLK_TCK);
    fprintf(stderr, "real %.2f\nuser %.2f\nsys %.2f\n", seconds_between(&start, &end),
            (double)(after.tms_cutime - before.tms_cutime) / tick,
            (double)(after.tms_cstime - before.tms_cstime) / tick);
    return run_status(status);
}
