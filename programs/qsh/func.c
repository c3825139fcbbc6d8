/* Shell functions and aliases: their tables, and calling a function with its own positional
   parameters and local-variable scope. */
#include <stdlib.h>
#include <string.h>

#include "qsh.h"

/* Deeper recursion than this is almost surely a runaway; dash stops at the same depth. */
#define MAX_FUNC_DEPTH 1000

static struct func *funcs;

struct alias {
    char *name, *value;
    struct alias *next;
};
static struct alias *aliases;

struct func *func_find(const char *name)
{
    for (struct func *f = funcs; f; f = f->next)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

void func_define(const char *name, struct node *body, struct arena *a)
{
    struct func *f = func_find(name);
    if (!f) {
        f = xmalloc(sizeof *f);
        f->name = xstrdup(name);
        f->next = funcs;
        funcs = f;
    } else {
        arena_unref(f->arena);
    }
    f->body = body;
    f->arena = a;
    arena_ref(a);
}

int func_unset(const char *name)
{
    for (struct func **p = &funcs; *p; p = &(*p)->next) {
        if (strcmp((*p)->name, name) == 0) {
            struct func *f = *p;
            *p = f->next;
            arena_unref(f->arena);
            free(f->name);
            free(f);
            return 0;
        }
    }
    return 1;
}

void func_each(void (*fn)(struct func *f, void *ctx), void *ctx)
{
    for (struct func *f = funcs; f; f = f->next)
        fn(f, ctx);
}

/* Calls f with argv[1..] as its positional parameters; `return` ends it. The body's arena is
   held for the call, so a function may redefine itself while it runs. */
int func_call(struct func *f, char **argv)
{
    if (sh.func_depth >= MAX_FUNC_DEPTH)
        sh_error(2, "Maximum function recursion depth (%d) reached", MAX_FUNC_DEPTH);
    int n = 0;
    while (argv[n + 1])
        n++;
    struct arena *a = f->arena;
    struct node *body = f->body;
    arena_ref(a);
    struct params *saved = params_push(n, argv + 1);
    int loop_depth = sh.loop_depth;
    sh.loop_depth = 0;
    var_scope_push();
    sh.func_depth++;
    struct arena *outer = exec_set_arena(a);
    int status = exec_node(body);
    exec_set_arena(outer);
    if (sh.returning) {
        status = sh.status;
        sh.returning = 0;
    }
    sh.func_depth--;
    var_scope_pop();
    sh.loop_depth = loop_depth;
    params_pop(saved);
    arena_unref(a);
    return status;
}

const char *alias_get(const char *name)
{
    for (struct alias *a = aliases; a; a = a->next)
        if (strcmp(a->name, name) == 0)
            return a->value;
    return NULL;
}

void alias_set(const char *name, const char *value)
{
    struct alias *a;
    for (a = aliases; a; a = a->next)
        if (strcmp(a->name, name) == 0)
            break;
    if (!a) {
        a = xmalloc(sizeof *a);
        a->name = xstrdup(name);
        a->value = NULL;
        a->next = aliases;
        aliases = a;
    }
    free(a->value);
    a->value = xstrdup(value);
}

int alias_unset(const char *name)
{
    for (struct alias **p = &aliases; *p; p = &(*p)->next) {
        if (strcmp((*p)->name, name) == 0) {
            struct alias *a = *p;
            *p = a->next;
            free(a->name);
            free(a->value);
            free(a);
            return 0;
        }
    }
    return 1;
}

static int cmp_alias(const void *a, const void *b)
{
    return strcmp((*(struct alias *const *)a)->name, (*(struct alias *const *)b)->name);
}

void alias_each(void (*fn)(const char *name, const char *value, void *ctx), void *ctx)
{
    int n = 0;
    for (struct alias *a = aliases; a; a = a->next)
        n++;
    struct alias **v = xmalloc(sizeof *v * (size_t)(n + 1));
    n = 0;
    for (struct alias *a = aliases; a; a = a->next)
        v[n++] = a;
    qsort(v, (size_t)n, sizeof *v, cmp_alias);
    for (int i = 0; i < n; i++)
        fn(v[i]->name, v[i]->value, ctx);
    free(v);
}
