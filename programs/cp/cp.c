/*
 * cp: copies a file to a file, or files into a directory; -r/-R copies directories with
 * everything below them (symbolic links as links), -p keeps modes, owners and times, -f
 * replaces destinations that cannot be opened, -i asks before overwriting. Not -L/-H or -a.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "copy.h"
#include "opt.h"
#include "util.h"

// The last component of path, ignoring trailing slashes, in new memory.
static char *last_component(const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t start = n;
    while (start > 0 && path[start - 1] != '/')
        start--;
    char *s = xmalloc(n - start + 1);
    memcpy(s, path + start, n - start);
    s[n - start] = '\0';
    return s;
}

// Whether dst lies inside the directory src (copying src there would never end).
static int inside(const char *src, const char *dst)
{
    char *a = realpath(src, NULL);
    char *parent = xstrdup(dst);
    char *slash = strrchr(parent, '/');
    if (slash)
        *slash = '\0';
    char *b = realpath(slash ? (*parent ? parent : "/") : ".", NULL);
    int r = 0;
    if (a && b) {
        size_t n = strlen(a);
        r = strncmp(a, b, n) == 0 && (b[n] == '/' || b[n] == '\0');
    }
    free(a);
    free(b);
    free(parent);
    return r;
}

// Copies one operand to its destination name after the checks POSIX asks for: not onto
// itself, not a directory into itself.
static int copy_one(const char *src, const char *dst, const struct copy_options *opts)
{
    struct stat st, dst_st;
    int r = opts->recursive ? lstat(src, &st) : stat(src, &st);
    if (r < 0) {
        warn_errno("cannot stat '%s'", src);
        return -1;
    }
    if (stat(dst, &dst_st) == 0 && st.st_dev == dst_st.st_dev && st.st_ino == dst_st.st_ino) {
        warn("'%s' and '%s' are the same file", src, dst);
        return -1;
    }
    if (S_ISDIR(st.st_mode) && opts->recursive && inside(src, dst)) {
        warn("cannot copy a directory, '%s', into itself, '%s'", src, dst);
        return -1;
    }
    return copy_path(src, &st, dst, opts);
}

int main(int argc, char **argv)
{
    util_init("cp");
    struct copy_options opts = {0, 0, 0, 0};
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "PRfipr")) != -1) {
        if (c == '?')
            return 1;
        if (c == 'r' || c == 'R')
            opts.recursive = 1;
        else if (c == 'p')
            opts.preserve = 1;
        else if (c == 'f')
            opts.force = 1;
        else if (c == 'i')
            opts.interactive = 1;
    }
    const char *target = argv[argc - 1];
    int to_dir = copy_target(argc - o.index, argv + o.index);
    int status = 0;
    for (int i = o.index; i < argc - 1; i++) {
        char *dst = xstrdup(target);
        if (to_dir) {
            char *base = last_component(argv[i]);
            free(dst);
            dst = path_join(target, base);
            free(base);
        }
        if (copy_one(argv[i], dst, &opts) < 0)
            status = 1;
        free(dst);
    }
    return status;
}
