/*
 * pidin: every thread of every process, QNX style: pid, tid, name, priority and scheduling
 * policy (f FIFO, r round robin, o other), state (RECEIVE, REPLY, SEND, NANOSLEEP, MUTEX, ...)
 * and the CPU it belongs to, from /proc/<pid>/threads and status.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../lib/procstat.h"

// Prints the threads of process pid; nothing if it ended meanwhile.
static void show(const char *pid)
{
    struct procstat st;
    char path[64], text[4096];
    if (procstat_read(pid, &st) < 0)
        return;
    snprintf(path, sizeof(path), "/proc/%s/threads", pid);
    int fd = open(path, O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, text, sizeof(text) - 1);
    if (fd >= 0)
        close(fd);
    if (n <= 0) {
        printf("%8s %4s %-24s %5s %-12s\n", pid, "-", st.name, "-", st.state);
        return;
    }
    text[n] = '\0';
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        int tid, prio, cpu;
        char state[24], policy[4];
        if (sscanf(line, "%d %23s %d %3s %d", &tid, state, &prio, policy, &cpu) != 5)
            continue;
        char pp[16];
        snprintf(pp, sizeof(pp), "%d%s", prio, policy);
        printf("%8s %4d %-24s %5s %-12s %3d\n", pid, tid, st.name, pp, state, cpu);
    }
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        fprintf(stderr, "usage: %s (no options)\n", argv[0]);
        return 2;
    }
    printf("%8s %4s %-24s %5s %-12s %3s\n", "pid", "tid", "name", "prio", "STATE", "cpu");
    return procstat_each("pidin", show) < 0 ? 1 : 0;
}
