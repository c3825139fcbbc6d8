/*
 * mkdir: creates directories; -p creates missing parents too and accepts directories that
 * exist, -m sets the mode (octal or symbolic, as chmod takes it).
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "mode.h"
#include "opt.h"
#include "util.h"

// Creates each missing directory along path (which it changes temporarily).
static int make_parents(char *path, mode_t mode)
{
    mode_t mask = umask(0);
    umask(mask);
    mode_t parent_mode = (0777 & ~mask) | 0300;
    for (char *p = path + 1; *p; p++) {
        if (*p != '/' || p[-1] == '/')
            continue;
        *p = '\0';
        struct stat st;
        if (mkdir(path, parent_mode) < 0 &&
            !(errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
            warn_errno("cannot create directory '%s'", path);
            *p = '/';
            return -1;
        }
        *p = '/';
    }
    struct stat st;
    if (mkdir(path, mode) < 0) {
        if (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            return 0;
        warn_errno("cannot create directory '%s'", path);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    util_init("mkdir");
    int parents = 0;
    const char *mode_spec = NULL;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "pm:")) != -1) {
        if (c == '?')
            return 1;
        if (c == 'p')
            parents = 1;
        else
            mode_spec = o.arg;
    }
    if (o.index >= argc)
        die(1, "missing operand");
    mode_t mask = umask(0);
    umask(mask);
    mode_t mode = 0777;
    if (mode_spec && mode_apply(mode_spec, 0777, 1, mask, &mode) < 0)
        die(1, "invalid mode '%s'", mode_spec);
    int status = 0;
    for (int i = o.index; i < argc; i++) {
        char *path = xstrdup(argv[i]);
        int r = parents ? make_parents(path, mode) : mkdir(path, mode);
        if (r < 0 && !parents)
            warn_errno("cannot create directory '%s'", path);
        // The umask must not narrow an explicit -m mode.
        if (r == 0 && mode_spec && chmod(path, mode) < 0) {
            warn_errno("cannot set permissions of '%s'", path);
            r = -1;
        }
        status |= r < 0;
        free(path);
    }
    return status;
}
