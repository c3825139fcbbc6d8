/*
 * rm: removes files; -r/-R removes directories with everything below them, -f ignores
 * missing files and never asks, -i asks before each removal, -d removes empty directories.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"
#include "walk.h"

static int force, recursive, dirs, interactive, status;

// For -i: whether the user agrees to remove path, described by st.
static int confirm(const char *path, const struct stat *st, int descend)
{
    if (!interactive)
        return 1;
    const char *what = S_ISDIR(st->st_mode)                       ? "directory"
                       : S_ISLNK(st->st_mode)                     ? "symbolic link"
                       : S_ISREG(st->st_mode) && st->st_size == 0 ? "regular empty file"
                       : S_ISREG(st->st_mode)                     ? "regular file"
                                                                  : "file";
    return ask("%s %s '%s'? ", descend ? "descend into" : "remove", what, path);
}

// Removes one entry, children before their directory (a walk callback).
static int remove_entry(struct walk_entry *e, enum walk_event event, void *ctx)
{
    (void)ctx;
    if (event == WALK_DIR)
        return confirm(e->path, &e->st, 1) ? WALK_CONTINUE : WALK_SKIP;
    if (event != WALK_ERROR && !confirm(e->path, &e->st, 0))
        return WALK_CONTINUE;
    if (event == WALK_ERROR) {
        if (!(force && errno == ENOENT)) {
            warn_errno("cannot remove '%s'", e->path);
            status = 1;
        }
        return WALK_CONTINUE;
    }
    if ((event == WALK_DIR_POST ? rmdir(e->path) : unlink(e->path)) < 0 &&
        !(force && errno == ENOENT)) {
        warn_errno("cannot remove '%s'", e->path);
        status = 1;
    }
    return WALK_CONTINUE;
}

// Whether the last component of path is "." or "..", which POSIX forbids removing.
static int dot_or_dotdot(const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t start = n;
    while (start > 0 && path[start - 1] != '/')
        start--;
    return (n - start == 1 && path[start] == '.') ||
           (n - start == 2 && path[start] == '.' && path[start + 1] == '.');
}

// Removes one operand as the options allow.
static void remove_path(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0) {
        if (!force || errno != ENOENT) {
            warn_errno("cannot remove '%s'", path);
            status = 1;
        }
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        if (dot_or_dotdot(path)) {
            warn("refusing to remove '.' or '..' directory: skipping '%s'", path);
            status = 1;
        } else if (strcmp(path, "/") == 0) {
            warn("it is dangerous to operate recursively on '/'");
            status = 1;
        } else if (recursive) {
            walk(path, 0, remove_entry, NULL);
        } else if (dirs) {
            if (confirm(path, &st, 0) && rmdir(path) < 0) {
                warn_errno("cannot remove '%s'", path);
                status = 1;
            }
        } else {
            warn("cannot remove '%s': Is a directory", path);
            status = 1;
        }
        return;
    }
    if (confirm(path, &st, 0) && unlink(path) < 0) {
        warn_errno("cannot remove '%s'", path);
        status = 1;
    }
}

int main(int argc, char **argv)
{
    util_init("rm");
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "dfirR")) != -1) {
        if (c == '?')
            return 1;
        if (c == 'f' || c == 'i') {
            force = c == 'f';
            interactive = c == 'i';
        } else if (c == 'r' || c == 'R')
            recursive = 1;
        else if (c == 'd')
            dirs = 1;
    }
    if (o.index >= argc && !force)
        die(1, "missing operand");
    for (int i = o.index; i < argc; i++)
        remove_path(argv[i]);
    return status;
}
