/*
 * ls: lists files and directory contents, sorted by name (C locale). Options: -l long format,
 * -a all names, -A all but . and .., -R recursive, -1 one per line, -d directories themselves,
 * -h human-readable sizes, -r reverse, -t by time. Columns when standard output is a terminal.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__has_include)
#if __has_include(<sys/ioctl.h>)
#include <sys/ioctl.h>
#endif
#endif

#include "ls.h"
#include "opt.h"
#include "util.h"

struct ls_options ls_opts;
static int status;
static int first_block = 1;

// qsort's order: by name in byte order, or newest first with -t; reversed with -r.
static int compare_entries(const void *pa, const void *pb)
{
    const struct ls_entry *a = pa, *b = pb;
    int r = 0;
    if (ls_opts.by_time) {
        if (a->st.st_mtim.tv_sec != b->st.st_mtim.tv_sec)
            r = a->st.st_mtim.tv_sec > b->st.st_mtim.tv_sec ? -1 : 1;
        else if (a->st.st_mtim.tv_nsec != b->st.st_mtim.tv_nsec)
            r = a->st.st_mtim.tv_nsec > b->st.st_mtim.tv_nsec ? -1 : 1;
    }
    if (r == 0)
        r = strcmp(a->name, b->name);
    return ls_opts.reverse ? -r : r;
}

static void free_entries(struct ls_entry *entries, int n)
{
    for (int i = 0; i < n; i++) {
        free(entries[i].name);
        free(entries[i].path);
    }
    free(entries);
}

// Lists directory path (shown as name); with -R, then each subdirectory in turn.
static void list_directory(const char *path, int header)
{
    DIR *d = opendir(path);
    if (!d) {
        warn_errno("cannot open directory '%s'", path);
        status = status > 1 ? status : 1;
        return;
    }
    int n = 0, cap = 32;
    struct ls_entry *entries = xmalloc((size_t)cap * sizeof(*entries));
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        int dots = strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
        if (name[0] == '.' && !ls_opts.all && !(ls_opts.almost_all && !dots))
            continue;
        if (n == cap)
            entries = xrealloc(entries, (size_t)(cap *= 2) * sizeof(*entries));
        struct ls_entry *e = &entries[n++];
        e->name = xstrdup(name);
        e->path = path_join(path, name);
        e->stat_ok = lstat(e->path, &e->st) == 0;
        if (!e->stat_ok) {
            memset(&e->st, 0, sizeof(e->st));
            warn_errno("cannot access '%s'", e->path);
            status = 1;
        }
    }
    closedir(d);
    qsort(entries, (size_t)n, sizeof(*entries), compare_entries);
    if (!first_block)
        putchar('\n');
    first_block = 0;
    if (header)
        printf("%s:\n", path);
    ls_print(entries, n, n, 1);
    if (ls_opts.recursive)
        for (int i = 0; i < n; i++) {
            const char *name = entries[i].name;
            if (entries[i].stat_ok && S_ISDIR(entries[i].st.st_mode) && strcmp(name, ".") != 0 &&
                strcmp(name, "..") != 0)
                list_directory(entries[i].path, 1);
        }
    free_entries(entries, n);
}

static void parse_options(int argc, char **argv, struct opt *o)
{
    int c;
    while ((c = opt_next(o, argc, argv, "1ACRadhlrt")) != -1) {
        switch (c) {
        case '1':
            ls_opts.one_per_line = 1;
            ls_opts.long_format = 0;
            break;
        case 'A':
            ls_opts.almost_all = 1;
            break;
        case 'C':
            ls_opts.columns = 1;
            ls_opts.one_per_line = 0;
            ls_opts.long_format = 0;
            break;
        case 'R':
            ls_opts.recursive = 1;
            break;
        case 'a':
            ls_opts.all = 1;
            break;
        case 'd':
            ls_opts.directory = 1;
            break;
        case 'h':
            ls_opts.human = 1;
            break;
        case 'l':
            ls_opts.long_format = 1;
            ls_opts.one_per_line = 0;
            break;
        case 'r':
            ls_opts.reverse = 1;
            break;
        case 't':
            ls_opts.by_time = 1;
            break;
        default:
            exit(2);
        }
    }
}

// The terminal's width: the terminal's own idea, else $COLUMNS, else 80.
static int terminal_width(void)
{
#ifdef TIOCGWINSZ
    struct winsize ws;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
#endif
    const char *env = getenv("COLUMNS");
    long v;
    if (env && parse_long(env, &v) == 0 && v > 0 && v < 10000)
        return (int)v;
    return 80;
}

int main(int argc, char **argv)
{
    util_init("ls");
    if (isatty(1)) {
        ls_opts.columns = 1;
        ls_opts.width = terminal_width();
    }
    struct opt o;
    opt_init(&o);
    parse_options(argc, argv, &o);
    if (ls_opts.columns && !ls_opts.width)
        ls_opts.width = terminal_width();
    char *dot[] = {".", NULL};
    char **operands = o.index < argc ? argv + o.index : dot;
    int n = o.index < argc ? argc - o.index : 1;
    // Files fill the array from the front, directories from the back.
    struct ls_entry *all = xmalloc((size_t)n * sizeof(*all));
    struct ls_entry *files = all, *dirs;
    int nfiles = 0, ndirs = 0;
    for (int i = 0; i < n; i++) {
        struct ls_entry e = {xstrdup(operands[i]), xstrdup(operands[i]), {0}, 1};
        int follow = !ls_opts.long_format && !ls_opts.directory;
        if ((follow ? stat(e.path, &e.st) : lstat(e.path, &e.st)) < 0 &&
            (!follow || lstat(e.path, &e.st) < 0)) {
            warn_errno("cannot access '%s'", operands[i]);
            status = 2;
            free(e.name);
            free(e.path);
            continue;
        }
        if (S_ISDIR(e.st.st_mode) && !ls_opts.directory)
            all[n - 1 - ndirs++] = e;
        else
            files[nfiles++] = e;
    }
    dirs = all + n - ndirs;
    qsort(files, (size_t)nfiles, sizeof(*files), compare_entries);
    qsort(dirs, (size_t)ndirs, sizeof(*dirs), compare_entries);
    memmove(all + nfiles, dirs, (size_t)ndirs * sizeof(*all));
    dirs = all + nfiles;
    if (nfiles > 0) {
        ls_print(files, nfiles, nfiles + ndirs, 0);
        first_block = 0;
    }
    for (int i = 0; i < ndirs; i++)
        list_directory(dirs[i].path, n > 1 || ls_opts.recursive);
    free_entries(all, nfiles + ndirs);
    if (fflush(stdout) != 0) {
        warn_errno("write error");
        return 2;
    }
    return status;
}
