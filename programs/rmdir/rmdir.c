/*
 * rmdir: removes empty directories; -p also removes each parent named in the path once it
 * has become empty.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"

int main(int argc, char **argv)
{
    util_init("rmdir");
    int parents = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "p")) != -1) {
        if (c == '?')
            return 1;
        parents = 1;
    }
    if (o.index >= argc)
        die(1, "missing operand");
    int status = 0;
    for (int i = o.index; i < argc; i++) {
        char *path = xstrdup(argv[i]);
        for (;;) {
            size_t n = strlen(path);
            while (n > 1 && path[n - 1] == '/')
                path[--n] = '\0';
            if (rmdir(path) < 0) {
                warn_errno("failed to remove '%s'", path);
                status = 1;
                break;
            }
            char *slash = strrchr(path, '/');
            if (!parents || !slash || slash == path)
                break;
            *slash = '\0';
        }
        free(path);
    }
    return status;
}
