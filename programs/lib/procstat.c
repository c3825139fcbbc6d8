/* Reading /proc/<pid>/status, the text taskman makes (docs/taskman.md, "/proc"). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "procstat.h"

void procstat_field(const char *text, const char *key, char *out, size_t size)
{
    size_t klen = strlen(key);
    for (const char *line = text; line && *line; line = strchr(line, '\n')) {
        if (*line == '\n')
            line++;
        if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
            const char *v = line + klen + 1;
            while (*v == ' ')
                v++;
            size_t n = strcspn(v, "\n");
            if (n >= size)
                n = size - 1;
            memcpy(out, v, n);
            out[n] = '\0';
            return;
        }
    }
    snprintf(out, size, "?");
}

int procstat_read(const char *pid, struct procstat *st)
{
    char path[64], text[600];
    snprintf(path, sizeof(path), "/proc/%s/status", pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, text, sizeof(text) - 1);
    close(fd);
    if (n < 0)
        return -1;
    text[n] = '\0';
    procstat_field(text, "ppid", st->ppid, sizeof(st->ppid));
    procstat_field(text, "pgid", st->pgid, sizeof(st->pgid));
    procstat_field(text, "threads", st->threads, sizeof(st->threads));
    procstat_field(text, "state", st->state, sizeof(st->state));
    procstat_field(text, "priority", st->priority, sizeof(st->priority));
    procstat_field(text, "memory", st->memory, sizeof(st->memory));
    procstat_field(text, "name", st->name, sizeof(st->name));
    char *space = strchr(st->memory, ' ');
    if (space)
        strcpy(space, "K"); /* "120 KiB" as "120K" */
    return 0;
}

int procstat_each(const char *prog, void (*show)(const char *pid))
{
    DIR *d = opendir("/proc");
    if (!d) {
        fprintf(stderr, "%s: cannot open /proc: %s\n", prog, strerror(errno));
        return -1;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] >= '0' && e->d_name[0] <= '9')
            show(e->d_name);
    closedir(d);
    return 0;
}
