/* Pathname expansion: matches a pattern one path component at a time against directory
   listings, never letting * or ? match a leading dot, and returns the names sorted. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "qsh.h"

static char *unescape(const char *s, size_t n)
{
    struct strbuf sb = {0};
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n)
            i++;
        sb_addc(&sb, s[i]);
    }
    return sb_take(&sb);
}

/* Expands the components of pat from `rest` onwards below the directory `base`. */
static void walk(const char *base, const char *rest, struct strvec *out)
{
    const char *slash = strchr(rest, '/');
    size_t n = slash ? (size_t)(slash - rest) : strlen(rest);
    char *comp = xstrndup(rest, n);
    const char *next = slash ? slash + 1 : NULL;
    if (!pattern_has_magic(comp)) {
        char *lit = unescape(comp, n);
        char *path = xasprintf("%s%s%s", base, lit, slash ? "/" : "");
        struct stat st;
        if (next && *next)
            walk(path, next, out);
        else if (lstat(path, &st) == 0 || (slash && stat(path, &st) == 0))
            sv_push(out, xstrdup(path));
        free(path);
        free(lit);
        free(comp);
        return;
    }
    DIR *d = opendir(*base ? base : ".");
    if (!d) {
        free(comp);
        return;
    }
    int dot_ok = comp[0] == '.' || (comp[0] == '\\' && comp[1] == '.');
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' && !dot_ok)
            continue;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            if (!dot_ok)
                continue;
        }
        if (!pattern_match(comp, e->d_name))
            continue;
        char *path = xasprintf("%s%s", base, e->d_name);
        struct stat st;
        if (!next) {
            sv_push(out, path);
            continue;
        }
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            char *dir = xasprintf("%s/", path);
            if (*next)
                walk(dir, next, out);
            else
                sv_push(out, xstrdup(dir));
            free(dir);
        }
        free(path);
    }
    closedir(d);
    free(comp);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the sorted matches of pat to out and returns how many there were. */
int glob_expand(const char *pat, struct strvec *out)
{
    struct strvec found = {0};
    if (pat[0] == '/')
        walk("/", pat + 1, &found);
    else
        walk("", pat, &found);
    if (found.n > 1)
        qsort(found.v, (size_t)found.n, sizeof(char *), cmp_str);
    for (int i = 0; i < found.n; i++)
        sv_push(out, found.v[i]);
    int n = found.n;
    free(found.v);
    return n;
}
