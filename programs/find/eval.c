/*
 * find's expression evaluation (see find.h): the tests and actions for one file, and the
 * batches of -exec ... +.
 */
#include <ctype.h>
#include <dirent.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "find.h"
#include "pattern.h"
#include "run.h"
#include "util.h"

#define BATCH_MAX 1000 // paths per command run by -exec ... +

int find_status;
static long long now;

void find_set_now(long long t)
{
    now = t;
}

// -atime/-ctime/-mtime/-amin/...: the whole units elapsed since the file's time, compared.
static int time_matches(const struct find_node *n, const struct stat *st)
{
    long long t = n->which == 'a' ? st->st_atime : n->which == 'c' ? st->st_ctime : st->st_mtime;
    long long age = now - t;
    // Whole units, rounded towards minus infinity also for times in the future.
    long long units = age >= 0 ? age / n->unit : -((-age + n->unit - 1) / n->unit);
    return n->cmp > 0 ? units > n->number : n->cmp < 0 ? units < n->number : units == n->number;
}

// The last component of path without trailing slashes, in buf.
static const char *base_name(const char *path, char *buf, size_t size)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t start = n;
    while (start > 0 && path[start - 1] != '/')
        start--;
    if (start == n && n > 0 && path[0] == '/')
        start = 0;
    size_t len = n - start < size - 1 ? n - start : size - 1;
    memcpy(buf, path + start, len);
    buf[len] = '\0';
    return buf;
}

// arg with every "{}" replaced by path, in new memory.
static char *substitute(const char *arg, const char *path)
{
    size_t count = 0;
    for (const char *p = strstr(arg, "{}"); p; p = strstr(p + 2, "{}"))
        count++;
    char *out = xmalloc(strlen(arg) + count * strlen(path) + 1), *o = out;
    for (const char *p = arg; *p;) {
        if (p[0] == '{' && p[1] == '}') {
            o = stpcpy(o, path);
            p += 2;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

// -exec ... ; for one path: true if the command exits with status 0.
static int run_exec(struct find_node *n, const char *path)
{
    char **argv = xmalloc((size_t)(n->argc + 1) * sizeof(char *));
    for (int i = 0; i < n->argc; i++)
        argv[i] = substitute(n->argv[i], path);
    argv[n->argc] = NULL;
    fflush(stdout);
    int status = run_wait(argv);
    for (int i = 0; i < n->argc; i++)
        free(argv[i]);
    free(argv);
    return status == 0;
}

// Runs -exec ... + with the paths collected so far; nonzero if the command failed.
static int flush_batch(struct find_node *n)
{
    if (n->npending == 0)
        return 0;
    char **argv = xmalloc((size_t)(n->argc - 1 + n->npending + 1) * sizeof(char *));
    int k = 0;
    for (int i = 0; i < n->argc - 1; i++)
        argv[k++] = n->argv[i];
    for (int i = 0; i < n->npending; i++)
        argv[k++] = n->pending[i];
    argv[k] = NULL;
    fflush(stdout);
    int status = run_wait(argv);
    for (int i = 0; i < n->npending; i++)
        free(n->pending[i]);
    n->npending = 0;
    free(argv);
    if (status != 0)
        find_status = 1;
    return status != 0;
}

int find_flush(struct find_node *n)
{
    if (!n)
        return 0;
    int r = find_flush(n->left) | find_flush(n->right);
    if (n->kind == F_EXEC_PLUS)
        r |= flush_batch(n);
    return r;
}

// -empty: an empty regular file, or a directory with nothing but . and ..
static int is_empty(const char *path, const struct stat *st)
{
    if (S_ISREG(st->st_mode))
        return st->st_size == 0;
    if (!S_ISDIR(st->st_mode))
        return 0;
    DIR *d = opendir(path);
    if (!d)
        return 0;
    struct dirent *e;
    int empty = 1;
    while (empty && (e = readdir(d)) != NULL)
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(d);
    return empty;
}

static int type_matches(char type, mode_t mode)
{
    switch (type) {
    case 'f':
        return S_ISREG(mode);
    case 'd':
        return S_ISDIR(mode);
    case 'l':
        return S_ISLNK(mode);
    case 'b':
        return S_ISBLK(mode);
    case 'c':
        return S_ISCHR(mode);
    case 'p':
        return S_ISFIFO(mode);
    case 's':
        return S_ISSOCK(mode);
    }
    return 0;
}

// The +N / -N / N comparisons of -size.
static int compare(long long value, long long wanted, int cmp)
{
    return cmp > 0 ? value > wanted : cmp < 0 ? value < wanted : value == wanted;
}

int find_eval(struct find_node *n, const char *path, const struct stat *st, int *prune)
{
    char buf[4096], lower_name[4096], lower_pattern[4096];
    switch (n->kind) {
    case F_AND:
        return find_eval(n->left, path, st, prune) && find_eval(n->right, path, st, prune);
    case F_OR:
        return find_eval(n->left, path, st, prune) || find_eval(n->right, path, st, prune);
    case F_NOT:
        return !find_eval(n->left, path, st, prune);
    case F_NAME:
        return pattern_match(n->arg, base_name(path, buf, sizeof(buf)));
    case F_INAME:
        base_name(path, buf, sizeof(buf));
        for (size_t i = 0; i < sizeof(lower_name); i++)
            if ((lower_name[i] = (char)tolower((unsigned char)buf[i])) == '\0')
                break;
        snprintf(lower_pattern, sizeof(lower_pattern), "%s", n->arg);
        for (char *p = lower_pattern; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        return pattern_match(lower_pattern, lower_name);
    case F_PATH:
        return pattern_match(n->arg, path);
    case F_TYPE:
        return type_matches(n->arg[0], st->st_mode);
    case F_PRINT:
        puts(path);
        return 1;
    case F_PRINT0:
        fputs(path, stdout);
        putchar('\0');
        return 1;
    case F_EXEC:
        return run_exec(n, path);
    case F_EXEC_PLUS:
        n->pending = xrealloc(n->pending, (size_t)(n->npending + 1) * sizeof(char *));
        n->pending[n->npending++] = xstrdup(path);
        if (n->npending >= BATCH_MAX)
            flush_batch(n);
        return 1;
    case F_PRUNE:
        *prune = 1;
        return 1;
    case F_TRUE:
        return 1;
    case F_FALSE:
        return 0;
    case F_EMPTY:
        return is_empty(path, st);
    case F_SIZE:
        return compare(n->bytes ? st->st_size : (st->st_size + 511) / 512, n->number, n->cmp);
    case F_NEWER:
        return st->st_mtim.tv_sec > n->ref.st_mtim.tv_sec ||
               (st->st_mtim.tv_sec == n->ref.st_mtim.tv_sec &&
                st->st_mtim.tv_nsec > n->ref.st_mtim.tv_nsec);
    case F_TIME:
        return time_matches(n, st);
    case F_USER:
        return (long long)st->st_uid == n->number;
    case F_GROUP:
        return (long long)st->st_gid == n->number;
    case F_NOUSER:
        return getpwuid(st->st_uid) == NULL;
    case F_NOGROUP:
        return getgrgid(st->st_gid) == NULL;
    case F_LINKS:
        return compare((long long)st->st_nlink, n->number, n->cmp);
    case F_PERM: {
        long long mode = st->st_mode & 07777;
        if (n->cmp < 0)
            return (mode & n->number) == n->number;
        if (n->cmp > 0)
            return n->number == 0 || (mode & n->number) != 0;
        return mode == n->number;
    }
    }
    return 0;
}
