/* Shell variables (with export and readonly flags), local-variable scopes for functions and
   temporary assignments, the environment given to programs, and the positional parameters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qsh.h"

#define NBUCKETS 128

struct var {
    char *name;
    char *value; /* NULL: unset (but it may still carry flags) */
    int flags;
    struct var *next;
};

/* A saved variable, put back when its scope ends. */
struct saved {
    char *name;
    char *value;
    int flags, existed;
    struct saved *next;
};

struct scope {
    struct saved *saved;
    struct scope *prev;
};

static struct var *table[NBUCKETS];
static struct scope *scopes;
static int nscopes;

static unsigned hash(const char *s)
{
    unsigned h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h % NBUCKETS;
}

static struct var *lookup(const char *name, int create)
{
    unsigned h = hash(name);
    for (struct var *v = table[h]; v; v = v->next)
        if (strcmp(v->name, name) == 0)
            return v;
    if (!create)
        return NULL;
    struct var *v = xmalloc(sizeof *v);
    v->name = xstrdup(name);
    v->value = NULL;
    v->flags = 0;
    v->next = table[h];
    table[h] = v;
    return v;
}

const char *var_get(const char *name)
{
    struct var *v = lookup(name, 0);
    return v ? v->value : NULL;
}

void var_set(const char *name, const char *value, int flags)
{
    struct var *v = lookup(name, 1);
    char *nv = value ? xstrdup(value) : NULL;
    free(v->value);
    v->value = nv;
    v->flags |= flags;
    if (sh.opts[OPT_ALLEXPORT])
        v->flags |= V_EXPORT;
}

int var_set_checked(const char *name, const char *value)
{
    if (var_flags(name) & V_READONLY)
        return -1;
    var_set(name, value, 0);
    return 0;
}

void var_unset(const char *name)
{
    struct var *v = lookup(name, 0);
    if (v) {
        free(v->value);
        v->value = NULL;
        v->flags = 0;
    }
}

int var_flags(const char *name)
{
    struct var *v = lookup(name, 0);
    return v ? v->flags : 0;
}

void var_add_flags(const char *name, int flags)
{
    lookup(name, 1)->flags |= flags;
}

/* Assigns "name=value" as written in a command, refusing readonly variables. */
void var_assign_word(const char *assignment, int flags)
{
    const char *eq = strchr(assignment, '=');
    char *name = xstrndup(assignment, (size_t)(eq - assignment));
    if (var_flags(name) & V_READONLY) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s", name);
        free(name);
        sh_error(2, "%s: is read only", msg);
    }
    var_set(name, eq + 1, flags);
    free(name);
}

void var_scope_push(void)
{
    struct scope *s = xmalloc(sizeof *s);
    s->saved = NULL;
    s->prev = scopes;
    scopes = s;
    nscopes++;
}

/* Makes name local to the innermost scope: its present state comes back when the scope ends. */
void var_make_local(const char *name)
{
    if (!scopes)
        return;
    for (struct saved *s = scopes->saved; s; s = s->next)
        if (strcmp(s->name, name) == 0)
            return;
    struct var *v = lookup(name, 0);
    struct saved *s = xmalloc(sizeof *s);
    s->name = xstrdup(name);
    s->existed = v != NULL;
    s->value = v && v->value ? xstrdup(v->value) : NULL;
    s->flags = v ? v->flags : 0;
    s->next = scopes->saved;
    scopes->saved = s;
}

void var_scope_pop(void)
{
    struct scope *sc = scopes;
    if (!sc)
        return;
    while (sc->saved) {
        struct saved *s = sc->saved;
        sc->saved = s->next;
        struct var *v = lookup(s->name, 1);
        free(v->value);
        v->value = s->value;
        v->flags = s->flags;
        free(s->name);
        free(s);
    }
    scopes = sc->prev;
    nscopes--;
    free(sc);
}

void var_scope_unwind(int mark)
{
    while (nscopes > mark)
        var_scope_pop();
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

void var_each(void (*fn)(const char *name, const char *value, int flags, void *ctx), void *ctx)
{
    int n = 0;
    for (int i = 0; i < NBUCKETS; i++)
        for (struct var *v = table[i]; v; v = v->next)
            n++;
    struct var **all = xmalloc(sizeof *all * (size_t)n);
    n = 0;
    for (int i = 0; i < NBUCKETS; i++)
        for (struct var *v = table[i]; v; v = v->next)
            all[n++] = v;
    qsort(all, (size_t)n, sizeof *all, cmp_names);
    for (int i = 0; i < n; i++)
        fn(all[i]->name, all[i]->value, all[i]->flags, ctx);
    free(all);
}

static int overridden(const char *name, char **extra, int nextra)
{
    size_t len = strlen(name);
    for (int i = 0; i < nextra; i++)
        if (strncmp(extra[i], name, len) == 0 && extra[i][len] == '=')
            return 1;
    return 0;
}

/* The environment of a program: exported variables plus the command's own assignments. */
char **var_environ(char **extra, int nextra)
{
    struct strvec sv = {0};
    for (int i = 0; i < NBUCKETS; i++)
        for (struct var *v = table[i]; v; v = v->next)
            if ((v->flags & V_EXPORT) && v->value && !overridden(v->name, extra, nextra))
                sv_push(&sv, xasprintf("%s=%s", v->name, v->value));
    for (int i = 0; i < nextra; i++)
        sv_push(&sv, xstrdup(extra[i]));
    if (!sv.v)
        sv_push(&sv, NULL);
    return sv.v;
}

void var_import_environ(char **envp)
{
    for (; envp && *envp; envp++) {
        const char *eq = strchr(*envp, '=');
        if (!eq || !is_name_prefix(*envp, (size_t)(eq - *envp)))
            continue;
        char *name = xstrndup(*envp, (size_t)(eq - *envp));
        var_set(name, eq + 1, V_EXPORT);
        free(name);
    }
}

static struct params top_params;
struct params *params = &top_params;

void params_set(int n, char **v)
{
    char **nv = xmalloc(sizeof(char *) * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        nv[i] = xstrdup(v[i]);
    nv[n] = NULL;
    for (int i = 0; i < params->n; i++)
        free(params->v[i]);
    free(params->v);
    params->n = n;
    params->v = nv;
}

/* Gives a function call its own positional parameters; returns what to restore afterwards. */
struct params *params_push(int n, char **v)
{
    struct params *saved = params;
    params = xmalloc(sizeof *params);
    params->n = 0;
    params->v = NULL;
    params_set(n, v);
    return saved;
}

void params_pop(struct params *saved)
{
    params_set(0, NULL);
    free(params->v);
    free(params);
    params = saved;
}
