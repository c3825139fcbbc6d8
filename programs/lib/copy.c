/*
 * Copying (see copy.h). Directories are made writable while their contents are copied and
 * given their final mode afterwards, so that a read-only directory can still be filled.
 */
#include "copy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"
#include "walk.h"

// Gives dst the owner, mode and times of st (mode alone when not preserving).
static int set_attributes(const char *dst, const struct stat *st, int preserve)
{
    int r = 0;
    if (preserve) {
        struct timespec times[2] = {st->st_atim, st->st_mtim};
        if (utimensat(AT_FDCWD, dst, times, AT_SYMLINK_NOFOLLOW) < 0) {
            warn_errno("preserving times for '%s'", dst);
            r = -1;
        }
        if (lchown(dst, st->st_uid, st->st_gid) < 0 && errno != EPERM) {
            warn_errno("failed to preserve ownership for '%s'", dst);
            r = -1;
        }
    }
    if (!S_ISLNK(st->st_mode) && chmod(dst, st->st_mode & (preserve ? 07777 : 0777)) < 0) {
        warn_errno("setting permissions for '%s'", dst);
        r = -1;
    }
    return r;
}

// Copies in to out until end of file; src and dst name them in messages.
static int copy_contents(int in, int out, const char *src, const char *dst)
{
    char buf[65536];
    for (;;) {
        ssize_t n = read(in, buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            warn_errno("error reading '%s'", src);
            return -1;
        }
        if (n == 0)
            return 0;
        if (write_all(out, buf, (size_t)n) < 0) {
            warn_errno("error writing '%s'", dst);
            return -1;
        }
    }
}

// Copies a regular file's contents; a new file gets src's mode less the umask, an existing one
// keeps its own unless preserving.
static int copy_regular(const char *src, const struct stat *st, const char *dst,
                        const struct copy_options *opts)
{
    struct stat dst_st;
    if (opts->interactive && lstat(dst, &dst_st) == 0 && !ask("overwrite '%s'? ", dst))
        return 0;
    int in = open(src, O_RDONLY);
    if (in < 0) {
        warn_errno("cannot open '%s' for reading", src);
        return -1;
    }
    int existed = stat(dst, &dst_st) == 0;
    int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 0777);
    if (out < 0 && opts->force && existed && unlink(dst) == 0) {
        existed = 0;
        out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 0777);
    }
    if (out < 0) {
        warn_errno("cannot create regular file '%s'", dst);
        close(in);
        return -1;
    }
    int r = copy_contents(in, out, src, dst);
    close(in);
    if (close(out) < 0) {
        warn_errno("error writing '%s'", dst);
        r = -1;
    }
    if (r == 0 && (opts->preserve || !existed)) {
        struct stat mode_st = *st;
        if (!opts->preserve) {
            mode_t mask = umask(0);
            umask(mask);
            mode_st.st_mode = st->st_mode & ~mask;
        }
        r = set_attributes(dst, &mode_st, opts->preserve);
    }
    return r;
}

// Makes dst a symbolic link with src's target, replacing what dst was.
static int copy_link(const char *src, const struct stat *st, const char *dst,
                     const struct copy_options *opts)
{
    struct stat dst_st;
    if (opts->interactive && lstat(dst, &dst_st) == 0 && !ask("overwrite '%s'? ", dst))
        return 0;
    char target[4096];
    ssize_t n = readlink(src, target, sizeof(target) - 1);
    if (n < 0) {
        warn_errno("cannot read symbolic link '%s'", src);
        return -1;
    }
    target[n] = '\0';
    if (symlink(target, dst) < 0 &&
        !(errno == EEXIST && unlink(dst) == 0 && symlink(target, dst) == 0)) {
        warn_errno("cannot create symbolic link '%s'", dst);
        return -1;
    }
    return opts->preserve ? set_attributes(dst, st, 1) : 0;
}

struct tree_copy {
    const char *src_root, *dst_root;
    const struct copy_options *opts;
    int status;
};

// A walk callback copying one entry of a tree to the same place under the destination.
static int copy_entry(struct walk_entry *e, enum walk_event event, void *ctx)
{
    struct tree_copy *t = ctx;
    const char *rest = e->path + strlen(t->src_root);
    while (*rest == '/')
        rest++;
    char *dst = e->depth == 0 ? xstrdup(t->dst_root) : path_join(t->dst_root, rest);
    if (event == WALK_ERROR) {
        warn_errno("cannot access '%s'", e->path);
        t->status = -1;
    } else if (event == WALK_DIR) {
        struct stat dst_st;
        if (mkdir(dst, (e->st.st_mode & 0777) | 0700) == 0) {
            free(dst);
            return WALK_CONTINUE;
        }
        if (errno != EEXIST || stat(dst, &dst_st) < 0 || !S_ISDIR(dst_st.st_mode)) {
            warn_errno("cannot create directory '%s'", dst);
            t->status = -1;
            free(dst);
            return WALK_SKIP;
        }
        chmod(dst, (dst_st.st_mode & 0777) | 0700);
    } else if (event == WALK_DIR_POST) {
        struct stat mode_st = e->st;
        if (!t->opts->preserve) {
            mode_t mask = umask(0);
            umask(mask);
            mode_st.st_mode &= ~mask;
        }
        if (set_attributes(dst, &mode_st, t->opts->preserve) < 0)
            t->status = -1;
    } else if (copy_path(e->path, &e->st, dst, t->opts) < 0) {
        t->status = -1;
    }
    free(dst);
    return WALK_CONTINUE;
}

int copy_path(const char *src, const struct stat *st, const char *dst,
              const struct copy_options *opts)
{
    if (S_ISDIR(st->st_mode)) {
        if (!opts->recursive) {
            warn("-r not specified; omitting directory '%s'", src);
            return -1;
        }
        struct tree_copy t = {src, dst, opts, 0};
        walk(src, 0, copy_entry, &t);
        return t.status;
    }
    if (S_ISLNK(st->st_mode))
        return copy_link(src, st, dst, opts);
    if (S_ISREG(st->st_mode))
        return copy_regular(src, st, dst, opts);
    warn("cannot copy special file '%s'", src);
    return -1;
}

int copy_target(int n, char **operands)
{
    if (n < 1)
        die(1, "missing file operand");
    if (n < 2)
        die(1, "missing destination file operand after '%s'", operands[0]);
    const char *target = operands[n - 1];
    struct stat st;
    int to_dir = stat(target, &st) == 0 && S_ISDIR(st.st_mode);
    if (n > 2 && !to_dir)
        die(1, "target '%s' is not a directory", target);
    return to_dir;
}
