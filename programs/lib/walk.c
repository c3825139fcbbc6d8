/*
 * The tree walker (see walk.h). A directory's names are read completely and the directory
 * closed before its entries are visited, so that callers may remove entries as they go and a
 * deep tree does not hold a descriptor per level.
 */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

// The names in directory path other than "." and "..", NULL-terminated, or NULL on error.
static char **read_names(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    size_t n = 0, cap = 16;
    char **names = xmalloc(cap * sizeof(char *));
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n + 1 >= cap) {
            cap *= 2;
            names = xrealloc(names, cap * sizeof(char *));
        }
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    names[n] = NULL;
    return names;
}

// Visits path and, for a directory the callback does not skip, its entries.
static void visit(const char *path, int depth, int follow, walk_fn fn, void *ctx)
{
    struct walk_entry e;
    e.path = path;
    e.depth = depth;
    int r = follow ? stat(path, &e.st) : lstat(path, &e.st);
    if (r < 0 && follow && errno == ENOENT)
        r = lstat(path, &e.st);
    if (r < 0) {
        memset(&e.st, 0, sizeof(e.st));
        fn(&e, WALK_ERROR, ctx);
        return;
    }
    if (!S_ISDIR(e.st.st_mode)) {
        fn(&e, WALK_FILE, ctx);
        return;
    }
    if (fn(&e, WALK_DIR, ctx) == WALK_SKIP)
        return;
    char **names = read_names(path);
    if (!names) {
        fn(&e, WALK_ERROR, ctx);
    } else {
        for (char **n = names; *n; n++) {
            char *child = path_join(path, *n);
            visit(child, depth + 1, 0, fn, ctx);
            free(child);
            free(*n);
        }
        free(names);
    }
    fn(&e, WALK_DIR_POST, ctx);
}

void walk(const char *root, int follow, walk_fn fn, void *ctx)
{
    visit(root, 0, follow, fn, ctx);
}
