/*
 * mv: renames a file, or moves files into a directory; across file systems it copies
 * (keeping modes, owners and times) and then removes the original. -i asks before replacing
 * a file, -f does not (the last of the two counts).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copy.h"
#include "opt.h"
#include "util.h"
#include "walk.h"

// Removes one entry of a tree that was copied elsewhere (a walk callback).
static int remove_entry(struct walk_entry *e, enum walk_event event, void *ctx)
{
    int *status = ctx;
    if (event == WALK_DIR)
        return WALK_CONTINUE;
    if (event == WALK_ERROR || (event == WALK_DIR_POST ? rmdir(e->path) : unlink(e->path)) < 0) {
        warn_errno("cannot remove '%s'", e->path);
        *status = -1;
    }
    return WALK_CONTINUE;
}

// Moves src to dst by copying and removing, for a rename across file systems.
static int move_by_copy(const char *src, const struct stat *st, const char *dst)
{
    struct copy_options opts = {1, 1, 1, 0};
    struct stat dst_st;
    if (lstat(dst, &dst_st) == 0 && !S_ISDIR(dst_st.st_mode))
        unlink(dst);
    if (copy_path(src, st, dst, &opts) < 0)
        return -1;
    int status = 0;
    walk(src, 0, remove_entry, &status);
    return status;
}

// Renames src to dst, copying across file systems.
static int move(const char *src, const char *dst, int interactive)
{
    struct stat st, dst_st;
    if (lstat(src, &st) < 0) {
        warn_errno("cannot stat '%s'", src);
        return -1;
    }
    int exists = lstat(dst, &dst_st) == 0;
    if (exists && st.st_dev == dst_st.st_dev && st.st_ino == dst_st.st_ino) {
        warn("'%s' and '%s' are the same file", src, dst);
        return -1;
    }
    if (exists && interactive && !ask("overwrite '%s'? ", dst))
        return 0;
    if (rename(src, dst) == 0)
        return 0;
    if (errno == EXDEV)
        return move_by_copy(src, &st, dst);
    if (errno == EINVAL)
        warn("cannot move '%s' to a subdirectory of itself, '%s'", src, dst);
    else
        warn_errno("cannot move '%s' to '%s'", src, dst);
    return -1;
}

int main(int argc, char **argv)
{
    util_init("mv");
    int interactive = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "fi")) != -1) {
        if (c == '?')
            return 1;
        interactive = c == 'i';
    }
    const char *target = argv[argc - 1];
    int to_dir = copy_target(argc - o.index, argv + o.index);
    int status = 0;
    for (int i = o.index; i < argc - 1; i++) {
        char *dst;
        if (to_dir) {
            char *copy = xstrdup(argv[i]);
            size_t len = strlen(copy);
            while (len > 1 && copy[len - 1] == '/')
                copy[--len] = '\0';
            char *slash = strrchr(copy, '/');
            dst = path_join(target, slash ? slash + 1 : copy);
            free(copy);
        } else {
            dst = xstrdup(target);
        }
        if (move(argv[i], dst, interactive) < 0)
            status = 1;
        free(dst);
    }
    return status;
}
