/*
 * chmod: changes file modes, given in octal or in POSIX's symbolic form (u+x,go-w,a=r ...);
 * -R changes whole trees (symbolic links met inside them are left alone).
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "mode.h"
#include "util.h"
#include "walk.h"

static const char *spec;
static mode_t mask;
static int status;

// Applies the mode operand to path, whose current status is st.
static void change(const char *path, const struct stat *st)
{
    mode_t mode, naive;
    int is_dir = S_ISDIR(st->st_mode);
    if (mode_apply(spec, st->st_mode, is_dir, mask, &mode) < 0)
        die(1, "invalid mode: '%s'", spec);
    if (chmod(path, mode) < 0) {
        warn_errno("changing permissions of '%s'", path);
        status = 1;
        return;
    }
    // Like GNU chmod, say when the umask left bits that the mode, read without it, clears.
    mode_apply(spec, st->st_mode, is_dir, 0, &naive);
    if (mode & ~naive) {
        char got[11], wanted[11];
        mode_string(mode, got);
        mode_string(naive, wanted);
        warn("%s: new permissions are %s, not %s", path, got + 1, wanted + 1);
        status = 1;
    }
}

// Changes one entry of a tree; links below the operand are skipped (a walk callback).
static int visit(struct walk_entry *e, enum walk_event event, void *ctx)
{
    (void)ctx;
    if (event == WALK_ERROR) {
        warn_errno("cannot access '%s'", e->path);
        status = 1;
    } else if (event == WALK_DIR || (event == WALK_FILE && !S_ISLNK(e->st.st_mode))) {
        change(e->path, &e->st);
    }
    return WALK_CONTINUE;
}

// Whether arg, which starts with '-', is a symbolic mode such as -w or -x,o+r rather than an
// option: what follows the '-' is a mode's letter.
static int looks_like_mode(const char *arg)
{
    return arg[0] == '-' && arg[1] && strchr("rwxXstugoa,+=01234567", arg[1]);
}

int main(int argc, char **argv)
{
    util_init("chmod");
    int recursive = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] && !looks_like_mode(argv[i]); i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(argv[i], "-R") != 0)
            die(1, "invalid option -- '%s'", argv[i] + 1);
        recursive = 1;
    }
    if (i >= argc)
        die(1, "missing operand");
    spec = argv[i++];
    if (i >= argc)
        die(1, "missing operand after '%s'", spec);
    mask = umask(0);
    umask(mask);
    mode_t probe;
    if (mode_apply(spec, 0, 0, mask, &probe) < 0)
        die(1, "invalid mode: '%s'", spec);
    for (; i < argc; i++) {
        struct stat st;
        if (recursive) {
            walk(argv[i], 1, visit, NULL);
        } else if (stat(argv[i], &st) < 0) {
            warn_errno("cannot access '%s'", argv[i]);
            status = 1;
        } else {
            change(argv[i], &st);
        }
    }
    return status;
}
