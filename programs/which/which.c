/*
 * which: prints the path of each named command as the shell would find it on PATH; -a prints
 * every match. Exit status 1 if some command was not found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"

// Whether path is a regular file this process may execute.
static int executable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

// Prints where name is found; returns whether it was.
static int which(const char *name, int all)
{
    if (strchr(name, '/')) {
        if (!executable(name))
            return 0;
        puts(name);
        return 1;
    }
    const char *path = getenv("PATH");
    if (!path)
        path = "/bin:/usr/bin";
    int found = 0;
    for (const char *p = path;;) {
        size_t len = strcspn(p, ":");
        char dir[4096];
        snprintf(dir, sizeof(dir), "%.*s", (int)len, len ? p : ".");
        char *full = path_join(dir, name);
        if (executable(full)) {
            puts(full);
            found = 1;
        }
        free(full);
        if ((found && !all) || p[len] == '\0')
            break;
        p += len + 1;
    }
    return found;
}

int main(int argc, char **argv)
{
    util_init("which");
    int all = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "a")) != -1) {
        if (c == '?')
            return 2;
        all = 1;
    }
    int status = 0;
    for (int i = o.index; i < argc; i++)
        if (!which(argv[i], all))
            status = 1;
    if (o.index >= argc)
        status = 1;
    return status;
}
