/*
 * Splitting xargs's standard input into items (see xargs.h), as POSIX describes: blanks and
 * newlines separate, single and double quotes group (within one line), a backslash escapes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xargs.h"

static int input_error;

struct text {
    char *s;
    size_t len, cap;
};

static void append(struct text *t, int c)
{
    if (t->len + 2 > t->cap)
        t->s = xrealloc(t->s, t->cap = t->cap ? t->cap * 2 : 64);
    t->s[t->len++] = (char)c;
    t->s[t->len] = '\0';
}

char *xargs_next_word(int *line_end)
{
    *line_end = 0;
    int c;
    do
        c = getchar();
    while (c == ' ' || c == '\t' || c == '\n');
    if (c == EOF)
        return NULL;
    struct text t = {NULL, 0, 0};
    int quote = 0;
    for (; c != EOF; c = getchar()) {
        if (quote) {
            if (c == quote) {
                quote = 0;
            } else if (c == '\n') {
                warn("unmatched %s quote", quote == '\'' ? "single" : "double");
                input_error = 1;
                free(t.s);
                return NULL;
            } else {
                append(&t, c);
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n') {
            *line_end = c == '\n';
            break;
        }
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '\\') {
            c = getchar();
            if (c == EOF)
                break;
            append(&t, c);
        } else {
            append(&t, c);
        }
    }
    if (quote) {
        warn("unmatched %s quote", quote == '\'' ? "single" : "double");
        input_error = 1;
        free(t.s);
        return NULL;
    }
    return t.s ? t.s : xstrdup("");
}

char *xargs_next_line(void)
{
    int c;
    do
        c = getchar();
    while (c == ' ' || c == '\t');
    if (c == EOF)
        return NULL;
    struct text t = {NULL, 0, 0};
    for (; c != EOF && c != '\n'; c = getchar())
        append(&t, c);
    return t.s ? t.s : xstrdup("");
}

char *xargs_next_nul(void)
{
    int c = getchar();
    if (c == EOF)
        return NULL;
    struct text t = {NULL, 0, 0};
    for (; c != EOF && c != '\0'; c = getchar())
        append(&t, c);
    return t.s ? t.s : xstrdup("");
}

int xargs_input_error(void)
{
    return input_error;
}

char *xargs_substitute(const char *arg, const char *replace, const char *item)
{
    struct text t = {NULL, 0, 0};
    size_t rlen = strlen(replace);
    for (const char *p = arg; *p;) {
        if (rlen && strncmp(p, replace, rlen) == 0) {
            for (const char *q = item; *q; q++)
                append(&t, *q);
            p += rlen;
        } else {
            append(&t, *p++);
        }
    }
    return t.s ? t.s : xstrdup("");
}
