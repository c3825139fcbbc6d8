/* Builtins about variables, options and aliases: set export readonly unset local alias
   unalias. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"

static void print_var(const char *name, const char *value, int flags, void *ctx)
{
    (void)flags;
    (void)ctx;
    if (!value)
        return;
    char *q = shell_quote(value);
    printf("%s=%s\n", name, q);
    free(q);
}

static void print_options(int as_commands)
{
    for (int i = 0; i < OPT_COUNT; i++) {
        if (!opt_names[i].name)
            continue;
        if (as_commands)
            printf("set %co %s\n", sh.opts[i] ? '-' : '+', opt_names[i].name);
        else
            printf("%-16s%s\n", opt_names[i].name, sh.opts[i] ? "on" : "off");
    }
}

static void set_option(int opt, int on)
{
    sh.opts[opt] = (char)on;
}

/* set: lists variables, changes options (-e, +e, -o name), sets positional parameters. */
int bi_set(char **argv)
{
    if (!argv[1]) {
        var_each(print_var, NULL);
        return 0;
    }
    int i = 1;
    for (; argv[i]; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            goto positional;
        }
        if ((a[0] != '-' && a[0] != '+') || !a[1]) {
            if (strcmp(a, "-") == 0) {
                sh.opts[OPT_XTRACE] = sh.opts[OPT_VERBOSE] = 0;
                i++;
            }
            break;
        }
        int on = a[0] == '-';
        for (const char *c = a + 1; *c; c++) {
            if (*c == 'o') {
                if (!argv[i + 1]) {
                    print_options(!on);
                    continue;
                }
                int opt = opt_by_name(argv[++i]);
                if (opt < 0)
                    sh_error(2, "set: Illegal option -o %s", argv[i]);
                set_option(opt, on);
                continue;
            }
            int opt = opt_by_letter(*c);
            if (opt < 0 || opt == OPT_INTERACTIVE || opt == OPT_STDIN)
                sh_error(2, "set: Illegal option %c%c", a[0], *c);
            set_option(opt, on);
        }
    }
    if (!argv[i])
        return 0;
positional:;
    int n = 0;
    while (argv[i + n])
        n++;
    params_set(n, argv + i);
    return 0;
}

struct print_ctx {
    int flag;
    const char *cmd;
};

static void print_flagged(const char *name, const char *value, int flags, void *ctx)
{
    struct print_ctx *pc = ctx;
    if (!(flags & pc->flag))
        return;
    if (!value) {
        printf("%s %s\n", pc->cmd, name);
        return;
    }
    char *q = shell_quote(value);
    printf("%s %s=%s\n", pc->cmd, name, q);
    free(q);
}

/* export and readonly: set a flag on each name, assigning first when given name=value. */
static int flag_names(char **argv, int flag)
{
    int i = 1;
    if (argv[i] && strcmp(argv[i], "-p") == 0)
        i++;
    if (!argv[i]) {
        struct print_ctx pc = {flag, argv[0]};
        var_each(print_flagged, &pc);
        return 0;
    }
    for (; argv[i]; i++) {
        const char *eq = strchr(argv[i], '=');
        char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i])) : xstrdup(argv[i]);
        if (!is_name(name)) {
            sh_warn("%s: %s: bad variable name", argv[0], name);
            free(name);
            sh_exit(2);
        }
        if (eq)
            var_assign_word(argv[i], flag);
        else
            var_add_flags(name, flag);
        free(name);
    }
    return 0;
}

int bi_export(char **argv)
{
    return flag_names(argv, V_EXPORT);
}

int bi_readonly(char **argv)
{
    return flag_names(argv, V_READONLY);
}

/* unset [-f|-v] name...: readonly variables cannot be unset. */
int bi_unset(char **argv)
{
    int funcs = 0, i = 1;
    for (; argv[i] && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-f") == 0)
            funcs = 1;
        else if (strcmp(argv[i], "-v") == 0)
            funcs = 0;
        else
            break;
    }
    for (; argv[i]; i++) {
        if (funcs) {
            func_unset(argv[i]);
            continue;
        }
        if (var_flags(argv[i]) & V_READONLY)
            sh_error(2, "unset: %s: is read only", argv[i]);
        var_unset(argv[i]);
    }
    return 0;
}

/* local name[=value]...: the names revert when the function returns. */
int bi_local(char **argv)
{
    if (sh.func_depth == 0)
        sh_error(2, "local: not in a function");
    for (int i = 1; argv[i]; i++) {
        const char *eq = strchr(argv[i], '=');
        char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i])) : xstrdup(argv[i]);
        var_make_local(name);
        if (eq)
            var_assign_word(argv[i], 0);
        free(name);
    }
    return 0;
}

static void print_alias(const char *name, const char *value, void *ctx)
{
    (void)ctx;
    char *q = shell_quote(value);
    printf("%s=%s\n", name, q);
    free(q);
}

int bi_alias(char **argv)
{
    if (!argv[1]) {
        alias_each(print_alias, NULL);
        return 0;
    }
    int status = 0;
    for (int i = 1; argv[i]; i++) {
        const char *eq = strchr(argv[i], '=');
        if (eq) {
            char *name = xstrndup(argv[i], (size_t)(eq - argv[i]));
            alias_set(name, eq + 1);
            free(name);
        } else if (alias_get(argv[i])) {
            print_alias(argv[i], alias_get(argv[i]), NULL);
        } else {
            sh_warn("alias: %s not found", argv[i]);
            status = 1;
        }
    }
    return status;
}

static void drop_alias(const char *name, const char *value, void *ctx)
{
    (void)value;
    sv_push(ctx, xstrdup(name));
}

int bi_unalias(char **argv)
{
    if (argv[1] && strcmp(argv[1], "-a") == 0) {
        struct strvec names = {0};
        alias_each(drop_alias, &names);
        for (int i = 0; i < names.n; i++)
            alias_unset(names.v[i]);
        sv_free(&names);
        return 0;
    }
    int status = 0;
    for (int i = 1; argv[i]; i++) {
        if (alias_unset(argv[i])) {
            sh_warn("unalias: %s not found", argv[i]);
            status = 1;
        }
    }
    return status;
}
