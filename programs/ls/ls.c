/*
 * ls: lists files and directory contents, sorted by name (C locale). Options: -l long format
 * (-n numeric ids, -g without owner, -o without group), -1 one per line, -C columns, -x columns
 * across, -a all names, -A all but . and .., -R recursive, -d directories themselves, -h
 * human-readable sizes, -i inode numbers, -F / -p type marks, -r reverse, -t by time, -S by
 * size. Columns when standard output is a terminal.
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

// qsort's order: by name in byte order, or newest first with -t, or largest first with -S;
// reversed with -r.
static int compare_entries(const void *pa, const void *pb)
{
    const struct ls_entry *a = pa, *b = pb;
    int r = 0;
    if (ls_opts.sort == 'S' && a->st.st_size != b->st.st_size)
        r = a->st.st_size > b->st.st_size ? -1 : 1;
    if (ls_opts.sort == 't') {
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

// Reads the options; among -C -x -l (and -n -g -o, which imply -l) the last wins, and -1
// unless -l came first; between -a and -A, -t and -S, and -F and -p the last wins too.
static void parse_options(int argc, char **argv, struct opt *o)
{
    int c;
    while ((c = opt_next(o, argc, argv, "1ACFRSadghilnoprtx")) != -1) {
        if (c == '1' && ls_opts.format != LS_LONG)
            ls_opts.format = LS_ONE_PER_LINE;
        if (strchr("Cxlngo", c))
            ls_opts.format = c == 'C' ? LS_COLUMNS : c == 'x' ? LS_ACROSS : LS_LONG;
        if (c == 't' || c == 'S')
            ls_opts.sort = (char)c;
        if (c == 'F' || c == 'p')
            ls_opts.indicator = (char)c;
        if (c == 'a' || c == 'A') {
            ls_opts.all = c == 'a';
            ls_opts.almost_all = c == 'A';
        }
        ls_opts.recursive |= c == 'R';
        ls_opts.directory |= c == 'd';
        ls_opts.human |= c == 'h';
        ls_opts.inode |= c == 'i';
        ls_opts.numeric |= c == 'n';
        ls_opts.no_owner |= c == 'g';
        ls_opts.no_group |= c == 'o';
        ls_opts.reverse |= c == 'r';
        if (c == '?')
            exit(2);
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
    ls_opts.format = isatty(1) ? LS_COLUMNS : LS_ONE_PER_LINE;
    struct opt o;
    opt_init(&o);
    parse_options(argc, argv, &o);
    if (ls_opts.format == LS_COLUMNS || ls_opts.format == LS_ACROSS)
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
        // A link to a directory given as an operand is followed unless -l, -d or -F.
        int follow = ls_opts.format != LS_LONG && !ls_opts.directory && ls_opts.indicator != 'F';
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
