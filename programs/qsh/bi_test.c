/* test and [: POSIX's rules by number of arguments, and a recursive-descent reading of
   longer expressions with ! -a -o and parentheses. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/filetest.h"
#include "builtins.h"

struct t {
    char **a;
    int n, i;
};

/* An integer operand (blanks around it allowed), or the builtin fails. */
static long number(const char *s)
{
    char *end;
    errno = 0;
    while (*s == ' ' || *s == '\t')
        s++;
    long v = strtol(s, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (!*s || *end || errno)
        sh_error(2, "test: Illegal number: %s", s);
    return v;
}

static int is_unary(const char *op)
{
    return op[0] == '-' && op[1] && !op[2] && strchr("bcdefghLknprsStuwxzOG", op[1]);
}

static int is_binary(const char *op)
{
    static const char *const ops[] = {"=",   "!=",  "<",   ">",   "-eq", "-ne", "-gt",
                                      "-ge", "-lt", "-le", "-nt", "-ot", "-ef", NULL};
    for (int i = 0; ops[i]; i++)
        if (strcmp(op, ops[i]) == 0)
            return 1;
    return 0;
}

static int unary(const char *op, const char *arg)
{
    char c = op[1];
    if (c == 'n')
        return *arg != 0;
    if (c == 'z')
        return *arg == 0;
    if (c == 't')
        return isatty((int)number(arg));
    return file_test(c, arg);
}

static int newer(const struct stat *a, const struct stat *b)
{
    if (a->st_mtim.tv_sec != b->st_mtim.tv_sec)
        return a->st_mtim.tv_sec > b->st_mtim.tv_sec;
    return a->st_mtim.tv_nsec > b->st_mtim.tv_nsec;
}

static int binary(const char *l, const char *op, const char *r)
{
    if (strcmp(op, "=") == 0)
        return strcmp(l, r) == 0;
    if (strcmp(op, "!=") == 0)
        return strcmp(l, r) != 0;
    if (strcmp(op, "<") == 0)
        return strcmp(l, r) < 0;
    if (strcmp(op, ">") == 0)
        return strcmp(l, r) > 0;
    if (strcmp(op, "-nt") == 0 || strcmp(op, "-ot") == 0 || strcmp(op, "-ef") == 0) {
        struct stat a, b;
        int ha = stat(l, &a) == 0, hb = stat(r, &b) == 0;
        if (strcmp(op, "-ef") == 0)
            return ha && hb && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
        if (strcmp(op, "-nt") == 0)
            return ha && (!hb || newer(&a, &b));
        return hb && (!ha || newer(&b, &a));
    }
    long x = number(l), y = number(r);
    if (strcmp(op, "-eq") == 0)
        return x == y;
    if (strcmp(op, "-ne") == 0)
        return x != y;
    if (strcmp(op, "-gt") == 0)
        return x > y;
    if (strcmp(op, "-ge") == 0)
        return x >= y;
    if (strcmp(op, "-lt") == 0)
        return x < y;
    return x <= y;
}

static int or_expr(struct t *t);

static const char *peek(struct t *t, int k)
{
    return t->i + k < t->n ? t->a[t->i + k] : NULL;
}

/* ! expr, ( expr ), a unary or binary test, or a lone string. */
static int primary(struct t *t)
{
    const char *a = peek(t, 0);
    if (!a)
        sh_error(2, "test: argument expected");
    if (strcmp(a, "!") == 0) {
        t->i++;
        return !primary(t);
    }
    if (strcmp(a, "(") == 0 && t->n - t->i > 1) {
        t->i++;
        int v = or_expr(t);
        if (!peek(t, 0) || strcmp(peek(t, 0), ")") != 0)
            sh_error(2, "test: closing paren expected");
        t->i++;
        return v;
    }
    if (peek(t, 1) && is_binary(peek(t, 1)) && peek(t, 2)) {
        t->i += 3;
        return binary(a, t->a[t->i - 2], t->a[t->i - 1]);
    }
    if (is_unary(a) && peek(t, 1)) {
        t->i += 2;
        return unary(a, t->a[t->i - 1]);
    }
    t->i++;
    return *a != 0;
}

static int and_expr(struct t *t)
{
    int v = primary(t);
    while (peek(t, 0) && strcmp(peek(t, 0), "-a") == 0) {
        t->i++;
        int r = primary(t);
        v = v && r;
    }
    return v;
}

static int or_expr(struct t *t)
{
    int v = and_expr(t);
    while (peek(t, 0) && strcmp(peek(t, 0), "-o") == 0) {
        t->i++;
        int r = and_expr(t);
        v = v || r;
    }
    return v;
}

/* Evaluates n arguments by POSIX's table for up to four, else by the grammar. */
static int eval_n(char **a, int n)
{
    switch (n) {
    case 0:
        return 0;
    case 1:
        return *a[0] != 0;
    case 2:
        if (strcmp(a[0], "!") == 0)
            return *a[1] == 0;
        if (is_unary(a[0]))
            return unary(a[0], a[1]);
        sh_error(2, "test: %s: unary operator expected", a[0]);
    case 3:
        if (is_binary(a[1]))
            return binary(a[0], a[1], a[2]);
        if (strcmp(a[0], "!") == 0)
            return !eval_n(a + 1, 2);
        if (strcmp(a[0], "(") == 0 && strcmp(a[2], ")") == 0)
            return *a[1] != 0;
        break;
    case 4:
        if (strcmp(a[0], "!") == 0)
            return !eval_n(a + 1, 3);
        if (strcmp(a[0], "(") == 0 && strcmp(a[3], ")") == 0)
            return eval_n(a + 1, 2);
        break;
    default:
        break;
    }
    struct t t = {a, n, 0};
    int v = or_expr(&t);
    if (t.i != n)
        sh_error(2, "test: %s: unexpected operator", a[t.i]);
    return v;
}

int bi_test(char **argv)
{
    int n = 0;
    while (argv[n])
        n++;
    if (strcmp(argv[0], "[") == 0) {
        if (strcmp(argv[n - 1], "]") != 0)
            sh_error(2, "[: missing ]");
        n--;
    }
    int v = eval_n(argv + 1, n - 1);
    return v ? 0 : 1;
}
