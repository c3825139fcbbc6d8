/*
 * ps: lists every process taskman knows, one line each: PID PPID PGID THR STATE PRI MEM and the
 * name, from the status files under /proc. -o is not supported; the columns are fixed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../lib/procstat.h"

// Prints the line of process pid (a name under /proc); nothing if it ended meanwhile.
static void show(const char *pid)
{
    struct procstat st;
    if (procstat_read(pid, &st) < 0)
        return;
    printf("%5s %5s %5s %3s %-8s %3s %7s %s\n", pid, st.ppid, st.pgid, st.threads, st.state,
           st.priority, st.memory, st.name);
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        fprintf(stderr, "usage: %s (no options)\n", argv[0]);
        return 2;
    }
    printf("%5s %5s %5s %3s %-8s %3s %7s %s\n", "PID", "PPID", "PGID", "THR", "STATE", "PRI", "MEM",
           "NAME");
    return procstat_each("ps", show) < 0 ? 1 : 0;
}
