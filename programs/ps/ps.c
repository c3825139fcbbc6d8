/*
 * ps: lists every process taskman knows, one line each (PID PPID PGID STATE NAME), from the
 * status files under /proc. Not a full POSIX ps: it takes no options.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

// The value of the line "key: value" in text, copied into out; "?" if there is none.
static void field(const char *text, const char *key, char *out, size_t size)
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

// Prints the line of process pid (a name under /proc); nothing if it ended meanwhile.
static void show(const char *pid)
{
    char path[64], text[256];
    snprintf(path, sizeof(path), "/proc/%s/status", pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return;
    ssize_t n = read(fd, text, sizeof(text) - 1);
    close(fd);
    if (n < 0)
        return;
    text[n] = '\0';
    char ppid[16], pgid[16], state[16], name[64];
    field(text, "ppid", ppid, sizeof(ppid));
    field(text, "pgid", pgid, sizeof(pgid));
    field(text, "state", state, sizeof(state));
    field(text, "name", name, sizeof(name));
    printf("%5s %5s %5s %-8s %s\n", pid, ppid, pgid, state, name);
}

int main(void)
{
    DIR *d = opendir("/proc");
    if (!d) {
        printf("ps: cannot open /proc: %s\n", strerror(errno));
        return 1;
    }
    printf("%5s %5s %5s %-8s %s\n", "PID", "PPID", "PGID", "STATE", "NAME");
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] >= '0' && e->d_name[0] <= '9')
            show(e->d_name);
    closedir(d);
    return 0;
}
