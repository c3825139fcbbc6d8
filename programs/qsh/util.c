/* Memory, string buffers, string vectors, arenas and small string helpers used throughout qsh.
   Allocation failure ends the shell: there is nothing sensible to continue with. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qsh.h"

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        out_str(2, "qsh: out of memory\n");
        _exit(2);
    }
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        out_str(2, "qsh: out of memory\n");
        _exit(2);
    }
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

static void sb_grow(struct strbuf *sb, size_t extra)
{
    if (sb->len + extra + 1 > sb->cap) {
        sb->cap = (sb->len + extra + 1) * 2;
        sb->s = xrealloc(sb->s, sb->cap);
    }
}

void sb_addc(struct strbuf *sb, char c)
{
    sb_grow(sb, 1);
    sb->s[sb->len++] = c;
    sb->s[sb->len] = 0;
}

void sb_addn(struct strbuf *sb, const char *s, size_t n)
{
    sb_grow(sb, n);
    memcpy(sb->s + sb->len, s, n);
    sb->len += n;
    sb->s[sb->len] = 0;
}

void sb_adds(struct strbuf *sb, const char *s)
{
    sb_addn(sb, s, strlen(s));
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    sb_grow(sb, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

/* Hands the buffer's string to the caller (never NULL) and leaves the buffer empty. */
char *sb_take(struct strbuf *sb)
{
    char *s = sb->s ? sb->s : xstrdup("");
    sb->s = NULL;
    sb->len = sb->cap = 0;
    return s;
}

void sb_free(struct strbuf *sb)
{
    free(sb->s);
    sb->s = NULL;
    sb->len = sb->cap = 0;
}

void sv_push(struct strvec *sv, char *s)
{
    if (sv->n + 2 > sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 8;
        sv->v = xrealloc(sv->v, sizeof(char *) * (size_t)sv->cap);
    }
    sv->v[sv->n++] = s;
    sv->v[sv->n] = NULL;
}

void sv_free(struct strvec *sv)
{
    for (int i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

struct arena_block {
    struct arena_block *next;
    size_t used, size;
    char data[];
};

struct arena {
    struct arena_block *blocks;
    int refs;
};

struct arena *arena_new(void)
{
    struct arena *a = xmalloc(sizeof *a);
    a->blocks = NULL;
    a->refs = 1;
    return a;
}

void arena_ref(struct arena *a)
{
    a->refs++;
}

void arena_unref(struct arena *a)
{
    if (--a->refs > 0)
        return;
    while (a->blocks) {
        struct arena_block *b = a->blocks;
        a->blocks = b->next;
        free(b);
    }
    free(a);
}

void *amalloc(struct arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    struct arena_block *b = a->blocks;
    if (!b || b->used + n > b->size) {
        size_t size = n > 4000 ? n : 4000;
        b = xmalloc(sizeof *b + size);
        b->size = size;
        b->used = 0;
        b->next = a->blocks;
        a->blocks = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *astrdup(struct arena *a, const char *s)
{
    size_t n = strlen(s);
    char *p = amalloc(a, n + 1);
    memcpy(p, s, n + 1);
    return p;
}

int is_name_prefix(const char *s, size_t n)
{
    if (n == 0 || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return 0;
    for (size_t i = 1; i < n; i++) {
        char c = s[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return 0;
    }
    return 1;
}

int is_name(const char *s)
{
    return is_name_prefix(s, strlen(s));
}

/* Writes all of s to fd, retrying short writes; output errors are ignored like dash does. */
void out_str(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

/* Quotes s so that the shell reads it back as the same word ('...' with '\'' for quotes). */
char *shell_quote(const char *s)
{
    struct strbuf sb = {0};
    sb_addc(&sb, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            sb_adds(&sb, "'\\''");
        else
            sb_addc(&sb, *s);
    }
    sb_addc(&sb, '\'');
    return sb_take(&sb);
}
