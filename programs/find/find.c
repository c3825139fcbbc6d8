/*
 * find: walks directory trees and evaluates an expression for every file: -name -iname -path
 * -type -size -empty -newer -perm -user -group -nouser -nogroup -links -atime -ctime -mtime
 * -amin -cmin -mmin tests, -print -print0 -exec (; and +) -prune actions, the operators
 * ! -a -o ( ), and -maxdepth -mindepth -depth -xdev. Symbolic links are not followed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "find.h"
#include "util.h"
#include "walk.h"

static struct find_node *expr;
static struct find_options opts = {-1, -1, 0, 0, 0};
static int status;
static dev_t root_device;

// Evaluates the expression for one file and decides whether to descend (a walk callback).
static int visit(struct walk_entry *e, enum walk_event event, void *ctx)
{
    (void)ctx;
    if (event == WALK_ERROR) {
        warn_errno("'%s'", e->path);
        status = 1;
        return WALK_CONTINUE;
    }
    if (e->depth == 0)
        root_device = e->st.st_dev;
    // Whether the walk stops at this directory: -maxdepth, or -xdev at another file system.
    int stop = event == WALK_DIR && ((opts.maxdepth >= 0 && e->depth >= opts.maxdepth) ||
                                     (opts.same_device && e->st.st_dev != root_device));
    // With -depth a directory is evaluated after its entries, or now if it has none to visit.
    int evaluate = event == WALK_FILE || (event == WALK_DIR && (!opts.depth_first || stop)) ||
                   (event == WALK_DIR_POST && opts.depth_first);
    int prune = 0;
    if (evaluate && e->depth >= opts.mindepth) {
        int r = expr ? find_eval(expr, e->path, &e->st, &prune) : 1;
        if (r && !opts.has_action)
            puts(e->path);
    }
    if (event == WALK_DIR && (stop || (prune && !opts.depth_first)))
        return WALK_SKIP;
    return WALK_CONTINUE;
}

// Whether arg starts the expression rather than naming a path.
static int starts_expression(const char *arg)
{
    return (arg[0] == '-' && arg[1] != '\0') || strcmp(arg, "!") == 0 || strcmp(arg, "(") == 0;
}

int main(int argc, char **argv)
{
    util_init("find");
    int first_expr = 1;
    while (first_expr < argc && !starts_expression(argv[first_expr]))
        first_expr++;
    find_set_now((long long)time(NULL));
    expr = find_parse(argc - first_expr, argv + first_expr, &opts);
    if (opts.mindepth < 0)
        opts.mindepth = 0;
    if (first_expr == 1) {
        walk(".", 0, visit, NULL);
    } else {
        for (int i = 1; i < first_expr; i++)
            walk(argv[i], 0, visit, NULL);
    }
    find_flush(expr);
    fflush(stdout);
    return status || find_status;
}
