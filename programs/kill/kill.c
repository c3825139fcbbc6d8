/*
 * kill: sends a signal (TERM by default; -s NAME, -NAME or -NUMBER) to processes; -l lists the
 * signal names, or gives the name of a number (or of the signal that ended a process, given
 * its exit status).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "signame.h"
#include "util.h"

// kill -l: every signal name, or the name of each number (exit statuses above 128 count as
// 128 + signal) and the number of each name.
static int list(int argc, char **argv)
{
    if (argc == 0) {
        for (int s = 1; s <= signame_max(); s++)
            if (signame_name(s))
                puts(signame_name(s));
        return 0;
    }
    int status = 0;
    for (int i = 0; i < argc; i++) {
        char *end;
        long v = strtol(argv[i], &end, 10);
        if (*end == '\0' && *argv[i]) {
            const char *name = signame_name(v > 128 ? (int)(v - 128) : (int)v);
            if (name) {
                puts(name);
                continue;
            }
        } else {
            int s = signame_number(argv[i]);
            if (s > 0) {
                printf("%d\n", s);
                continue;
            }
        }
        warn("unknown signal '%s'", argv[i]);
        status = 1;
    }
    return status;
}

int main(int argc, char **argv)
{
    util_init("kill");
    int sig = SIGTERM, i = 1;
    if (i < argc && strcmp(argv[i], "-l") == 0)
        return list(argc - 2, argv + 2);
    if (i < argc && strcmp(argv[i], "-s") == 0) {
        if (i + 1 >= argc)
            die(1, "option requires an argument -- 's'");
        sig = signame_number(argv[i + 1]);
        if (sig < 0)
            die(1, "unknown signal '%s'", argv[i + 1]);
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0) {
        sig = signame_number(argv[i] + 1);
        if (sig < 0)
            die(1, "unknown signal '%s'", argv[i] + 1);
        i++;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i >= argc)
        die(1, "no process ID specified");
    int status = 0;
    for (; i < argc; i++) {
        long pid;
        if (parse_long(argv[i], &pid) < 0) {
            warn("invalid process id '%s'", argv[i]);
            status = 1;
        } else if (kill((pid_t)pid, sig) < 0) {
            warn_errno("(%ld)", pid);
            status = 1;
        }
    }
    return status;
}
