/*
 * grep: prints the lines of files that match regular expressions (BRE by default, ERE with
 * -E, fixed strings with -F), with -i -v -w -x -o -n -c -l -L -q -s -H -h -r -e. Not context
 * lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "opt.h"
#include "regex.h"
#include "util.h"
#include "walk.h"

struct grep {
    struct regex **res;
    int nres;
    int invert, numbers, count, list, unlisted, quiet, silent, recursive, names, only;
    int matched; // some line was selected
    int errors;
};

// Adds each newline-separated pattern of text; -F escapes them into BREs first.
static void add_patterns(struct grep *g, const char *text, int flags, int fixed)
{
    for (;;) {
        const char *nl = strchr(text, '\n');
        size_t len = nl ? (size_t)(nl - text) : strlen(text);
        char *pattern = xmalloc(len * 2 + 1);
        size_t n = 0;
        for (size_t i = 0; i < len; i++) {
            if (fixed && strchr(".[]*^$\\", text[i]))
                pattern[n++] = '\\';
            pattern[n++] = text[i];
        }
        const char *error;
        struct regex *re =
            regex_compile(pattern, n, fixed ? flags & ~REGEX_EXTENDED : flags, &error);
        free(pattern);
        if (!re)
            die(2, "%s", error);
        g->res = xrealloc(g->res, (size_t)(g->nres + 1) * sizeof(*g->res));
        g->res[g->nres++] = re;
        if (!nl)
            return;
        text = nl + 1;
    }
}

static int line_matches(struct grep *g, const char *line, size_t len)
{
    for (int i = 0; i < g->nres; i++)
        if (regex_search(g->res[i], line, len))
            return !g->invert;
    return g->invert;
}

// -o: prints each non-empty leftmost-longest match in line (of any pattern) on its own line.
static void print_matches(struct grep *g, const char *line, size_t len, const char *name,
                          long number)
{
    for (size_t from = 0; from <= len;) {
        size_t best_start = (size_t)-1, best_end = 0, s, e;
        for (int i = 0; i < g->nres; i++)
            if (regex_find(g->res[i], line, len, from, &s, &e) &&
                (s < best_start || (s == best_start && e > best_end))) {
                best_start = s;
                best_end = e;
            }
        if (best_start == (size_t)-1)
            return;
        if (best_end == best_start) {
            from = best_start + 1;
            continue;
        }
        if (g->names)
            printf("%s:", name);
        if (g->numbers)
            printf("%ld:", number);
        fwrite(line + best_start, 1, best_end - best_start, stdout);
        putchar('\n');
        from = best_end;
    }
}

// Searches the contents of one file, shown as name; the number of selected lines.
static long search(struct grep *g, const char *buf, size_t len, const char *name)
{
    int binary = memchr(buf, '\0', len) != NULL;
    long selected = 0, number = 0;
    for (size_t start = 0; start < len;) {
        const char *nl = memchr(buf + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - buf) : len;
        number++;
        if (line_matches(g, buf + start, end - start)) {
            selected++;
            g->matched = 1;
            if (g->quiet)
                exit(0);
            if (g->list || g->unlisted)
                break;
            if (!g->count && binary) {
                fflush(stdout);
                fprintf(stderr, "grep: %s: binary file matches\n", name);
                break;
            }
            if (!g->count && g->only && !g->invert) {
                print_matches(g, buf + start, end - start, name, number);
            } else if (!g->count && !g->only) {
                if (g->names)
                    printf("%s:", name);
                if (g->numbers)
                    printf("%ld:", number);
                fwrite(buf + start, 1, end - start, stdout);
                putchar('\n');
            }
        }
        start = end + 1;
    }
    // -q says nothing, -l and -L say only names, and -c only counts.
    if (g->count && !g->list && !g->unlisted && !g->quiet) {
        if (g->names)
            printf("%s:", name);
        printf("%ld\n", selected);
    }
    if (!g->quiet && ((g->list && selected) || (g->unlisted && !selected)))
        printf("%s\n", name);
    return selected;
}

// Searches everything fd holds, shown as name.
static void search_fd(struct grep *g, int fd, const char *name)
{
    size_t len;
    char *buf = read_all(fd, &len);
    if (!buf) {
        if (!g->silent)
            warn_errno("%s", name);
        g->errors = 1;
        return;
    }
    search(g, buf, len, name);
    free(buf);
}

// Searches the file at path, shown as shown; a directory is an error without -r.
static void search_path(struct grep *g, const char *path, const char *shown)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        if (!g->silent)
            warn_errno("%s", shown);
        g->errors = 1;
        return;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (!g->silent)
            warn("%s: Is a directory", shown);
        g->errors = 1;
    } else {
        search_fd(g, fd, shown);
    }
    close(fd);
}

// A walk callback for -r: searches regular files, skips links met below the operand.
static int visit(struct walk_entry *e, enum walk_event event, void *ctx)
{
    struct grep *g = ctx;
    const char *shown = e->path;
    if (strncmp(shown, "./", 2) == 0 && g->recursive == 2)
        shown += 2;
    if (event == WALK_ERROR) {
        if (!g->silent)
            warn_errno("%s", shown);
        g->errors = 1;
    } else if (event == WALK_FILE && (S_ISREG(e->st.st_mode) || e->depth == 0)) {
        search_path(g, e->path, shown);
    }
    return WALK_CONTINUE;
}

int main(int argc, char **argv)
{
    util_init("grep");
    struct grep g;
    memset(&g, 0, sizeof(g));
    int flags = 0, fixed = 0, force_names = -1;
    char matcher = 0; // -E, -F or -G, which exclude each other
    const char *patterns[64];
    int npatterns = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "EFGHLRce:hilnoqrsvwx")) != -1) {
        switch (c) {
        case 'E':
        case 'F':
        case 'G':
            if (matcher && matcher != c)
                die(2, "conflicting matchers specified");
            matcher = (char)c;
            flags |= c == 'E' ? REGEX_EXTENDED : 0;
            fixed = c == 'F';
            break;
        case 'H':
            force_names = 1;
            break;
        case 'h':
            force_names = 0;
            break;
        case 'R':
        case 'r':
            g.recursive = 1;
            break;
        case 'c':
            g.count = 1;
            break;
        case 'e':
            if (npatterns == 64)
                die(2, "too many patterns");
            patterns[npatterns++] = o.arg;
            break;
        case 'i':
            flags |= REGEX_ICASE;
            break;
        case 'l':
        case 'L':
            g.list = c == 'l';
            g.unlisted = c == 'L';
            break;
        case 'n':
            g.numbers = 1;
            break;
        case 'q':
            g.quiet = 1;
            break;
        case 's':
            g.silent = 1;
            break;
        case 'v':
            g.invert = 1;
            break;
        case 'w':
            flags |= REGEX_WORD;
            break;
        case 'o':
            g.only = 1;
            break;
        case 'x':
            flags |= REGEX_LINE;
            break;
        default:
            fprintf(stderr, "usage: grep [-EFcHhLlnoqrsvwx] [-e pattern] pattern [file...]\n");
            return 2;
        }
    }
    int i = o.index;
    if (npatterns == 0) {
        if (i >= argc) {
            fprintf(stderr, "usage: grep [-EFcHhLlnoqrsvwx] [-e pattern] pattern [file...]\n");
            return 2;
        }
        patterns[npatterns++] = argv[i++];
    }
    for (int k = 0; k < npatterns; k++)
        add_patterns(&g, patterns[k], flags, fixed);
    int nfiles = argc - i;
    g.names = force_names >= 0 ? force_names : (nfiles > 1 || g.recursive);
    if (nfiles == 0 && g.recursive) {
        g.recursive = 2;
        walk(".", 1, visit, &g);
    } else if (nfiles == 0) {
        search_fd(&g, 0, "(standard input)");
    }
    for (; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0)
            search_fd(&g, 0, "(standard input)");
        else if (g.recursive)
            walk(argv[i], 1, visit, &g);
        else
            search_path(&g, argv[i], argv[i]);
    }
    fflush(stdout);
    if (g.errors && !(g.quiet && g.matched))
        return 2;
    return g.matched ? 0 : 1;
}
