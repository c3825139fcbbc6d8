/*
 * ln: makes hard links, or symbolic links with -s, to a target (named as the last operand,
 * or inside a directory given last); -f replaces existing destinations, -n does not enter a
 * symbolic link to a directory given last.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"

static int symbolic, force, no_deref;

// Makes name a link to target; with -f an existing name is replaced (never by itself).
static int make_link(const char *target, const char *name)
{
    int r = symbolic ? symlink(target, name) : link(target, name);
    if (r < 0 && errno == EEXIST && force) {
        struct stat a, b;
        if (!symbolic && stat(target, &a) == 0 && lstat(name, &b) == 0 && a.st_dev == b.st_dev &&
            a.st_ino == b.st_ino) {
            warn("'%s' and '%s' are the same file", target, name);
            return -1;
        }
        if (unlink(name) == 0)
            r = symbolic ? symlink(target, name) : link(target, name);
    }
    if (r < 0) {
        warn_errno("failed to create %slink '%s' -> '%s'", symbolic ? "symbolic " : "hard ", name,
                   target);
        return -1;
    }
    return 0;
}

// The last component of path (trailing slashes ignored), in new memory.
static char *last_component(const char *path)
{
    char *copy = xstrdup(path);
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    char *slash = strrchr(copy, '/');
    char *r = xstrdup(slash ? slash + 1 : copy);
    free(copy);
    return r;
}

int main(int argc, char **argv)
{
    util_init("ln");
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "fns")) != -1) {
        if (c == '?')
            return 1;
        if (c == 's')
            symbolic = 1;
        else if (c == 'n')
            no_deref = 1;
        else
            force = 1;
    }
    int n = argc - o.index;
    if (n < 1)
        die(1, "missing file operand");
    if (n == 1) {
        char *base = last_component(argv[o.index]);
        int r = make_link(argv[o.index], base);
        free(base);
        return r < 0;
    }
    const char *dest = argv[argc - 1];
    struct stat st;
    // With -n a link to a directory is replaced rather than entered.
    int to_dir = (no_deref ? lstat(dest, &st) : stat(dest, &st)) == 0 && S_ISDIR(st.st_mode);
    if (n > 2 && !to_dir)
        die(1, "target '%s' is not a directory", dest);
    if (!to_dir)
        return make_link(argv[o.index], dest) < 0;
    int status = 0;
    for (int i = o.index; i < argc - 1; i++) {
        char *base = last_component(argv[i]);
        char *name = path_join(dest, base);
        status |= make_link(argv[i], name) < 0;
        free(base);
        free(name);
    }
    return status;
}
