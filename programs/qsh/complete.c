/* Tab completion for the line editor: command names (builtins, functions, aliases and
   programs in PATH) for the first word of a command, file names elsewhere. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qsh.h"

static void add_unique(struct strvec *sv, const char *s)
{
    for (int i = 0; i < sv->n; i++)
        if (strcmp(sv->v[i], s) == 0)
            return;
    sv_push(sv, xstrdup(s));
}

struct func_ctx {
    const char *prefix;
    struct strvec *out;
};

static void add_func(struct func *f, void *ctx)
{
    struct func_ctx *fc = ctx;
    if (strncmp(f->name, fc->prefix, strlen(fc->prefix)) == 0)
        add_unique(fc->out, f->name);
}

static void complete_command(const char *prefix, struct strvec *out)
{
    size_t n = strlen(prefix);
    for (int i = 0; builtin_name(i); i++)
        if (strncmp(builtin_name(i), prefix, n) == 0)
            add_unique(out, builtin_name(i));
    const char *path = var_get("PATH");
    for (const char *p = path ? path : ""; p;) {
        const char *end = strchr(p, ':');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char *dir = len ? xstrndup(p, len) : xstrdup(".");
        DIR *d = opendir(dir);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (strncmp(e->d_name, prefix, n) != 0 || e->d_name[0] == '.')
                continue;
            char *full = xasprintf("%s/%s", dir, e->d_name);
            struct stat st;
            if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0)
                add_unique(out, e->d_name);
            free(full);
        }
        if (d)
            closedir(d);
        free(dir);
        p = end ? end + 1 : NULL;
    }
}

static void complete_path(const char *word, struct strvec *out)
{
    const char *slash = strrchr(word, '/');
    char *dir = slash ? xstrndup(word, (size_t)(slash - word) + 1) : xstrdup("");
    const char *base = slash ? slash + 1 : word;
    size_t n = strlen(base);
    DIR *d = opendir(*dir ? dir : ".");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strncmp(e->d_name, base, n) != 0 || strcmp(e->d_name, ".") == 0 ||
            strcmp(e->d_name, "..") == 0 || (e->d_name[0] == '.' && base[0] != '.'))
            continue;
        char *full = xasprintf("%s%s", dir, e->d_name);
        struct stat st;
        int is_dir = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
        char *cand = xasprintf("%s%s", full, is_dir ? "/" : "");
        add_unique(out, cand);
        free(cand);
        free(full);
    }
    if (d)
        closedir(d);
    free(dir);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The candidates for the word that ends at cursor (sorted, NULL-terminated), and where that
   word starts. */
char **complete_word(const char *line, size_t cursor, size_t *start)
{
    size_t s = cursor;
    while (s > 0 && line[s - 1] != ' ' && line[s - 1] != '\t' && !strchr(";|&<>(", line[s - 1]))
        s--;
    *start = s;
    size_t k = s;
    while (k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t'))
        k--;
    int command_position = k == 0 || strchr(";|&(", line[k - 1]);
    char *word = xstrndup(line + s, cursor - s);
    struct strvec out = {0};
    if (command_position && !strchr(word, '/')) {
        struct func_ctx fc = {word, &out};
        func_each(add_func, &fc);
        complete_command(word, &out);
    } else {
        complete_path(word, &out);
    }
    free(word);
    if (!out.v) {
        char **none = xmalloc(sizeof(char *));
        none[0] = NULL;
        return none;
    }
    qsort(out.v, (size_t)out.n, sizeof(char *), cmp);
    return out.v;
}
