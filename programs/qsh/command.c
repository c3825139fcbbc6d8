/* Simple commands: expansion of the words, assignments and redirections, then the search
   (special builtin, function, builtin, program in PATH) and the run. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"

/* set -x: the expanded command on standard error, after PS4. */
static void xtrace(char **assigns, int nassigns, char **argv)
{
    if (!sh.opts[OPT_XTRACE])
        return;
    const char *ps4 = var_get("PS4");
    struct strbuf sb = {0};
    sb_adds(&sb, ps4 ? ps4 : "+ ");
    for (int i = 0; i < nassigns; i++) {
        sb_adds(&sb, assigns[i]);
        sb_addc(&sb, ' ');
    }
    for (int i = 0; argv && argv[i]; i++) {
        sb_adds(&sb, argv[i]);
        if (argv[i + 1])
            sb_addc(&sb, ' ');
    }
    if (sb.len && sb.s[sb.len - 1] == ' ')
        sb.s[--sb.len] = 0;
    sb_addc(&sb, '\n');
    fflush(stdout);
    out_str(2, sb.s);
    sb_free(&sb);
}

/* Expands each "name=value" word's value (no splitting, tildes after : and =). With assign
   set, each is assigned before the next is expanded, so later ones see earlier ones. */
static char **expand_assigns(struct node *n, int assign)
{
    char **out = xmalloc(sizeof(char *) * (size_t)(n->nassigns + 1));
    for (int i = 0; i < n->nassigns; i++) {
        const char *eq = strchr(n->assigns[i], '=');
        char *v = expand_string(eq + 1, EXP_ASSIGN);
        out[i] = xasprintf("%.*s=%s", (int)(eq - n->assigns[i]), n->assigns[i], v);
        free(v);
        if (assign)
            var_assign_word(out[i], 0);
    }
    out[n->nassigns] = NULL;
    return out;
}

static void free_vec(char **v)
{
    for (int i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/* Runs a builtin with its redirections (kept by `exec` without a command); errors in a
   regular builtin give status 2 and the shell goes on, errors in a special builtin end a
   non-interactive shell. */
static int run_builtin(const struct builtin *b, char **argv, struct redir *redirs)
{
    int mark = redir_mark();
    int failed;
    struct redir_plan *plan = redir_plan_build(redirs, &failed);
    if (failed) {
        if (b->special && !sh.opts[OPT_INTERACTIVE])
            sh_exit(2);
        return 2;
    }
    int permanent = b->fn == bi_exec && !argv[1];
    redir_apply(plan, permanent);
    redir_plan_free(plan);
    int status;
    if (b->special) {
        status = b->fn(argv);
    } else {
        struct err_frame f;
        err_push(&f);
        if (setjmp(f.jb) == 0)
            status = b->fn(argv);
        else
            status = 2;
        err_pop(&f);
        if (f.aborted) {
            redir_unwind(mark);
            sh_abort(sh.status);
        }
    }
    if (ferror(stdout)) {
        clearerr(stdout);
        sh_warn("%s: I/O error", argv[0]);
        status = 1;
    }
    redir_unwind(mark);
    return status;
}

/* Reports why a command cannot run, through the command's own redirections as the child
   would have. */
static int cannot_run(struct redir_plan *plan, const char *fmt, const char *name, int status)
{
    int mark = redir_mark();
    redir_apply(plan, 0);
    sh_warn(fmt, name);
    redir_unwind(mark);
    redir_plan_free(plan);
    return status;
}

/* Starts a program and waits for it; 127 if it is not found, 126 if it cannot run. */
static int run_program(char **argv, char **assigns, int nassigns, struct redir *redirs)
{
    int failed;
    struct redir_plan *plan = redir_plan_build(redirs, &failed);
    if (failed)
        return 2;
    char *path;
    int not_exec = 0;
    struct stat st;
    if (strchr(argv[0], '/')) {
        if (stat(argv[0], &st) < 0)
            return cannot_run(plan, "%s: not found", argv[0], 127);
        if (S_ISDIR(st.st_mode) || access(argv[0], X_OK) < 0)
            return cannot_run(plan, "%s: Permission denied", argv[0], 126);
        path = xstrdup(argv[0]);
    } else {
        path = path_search(argv[0], &not_exec);
        if (!path)
            return cannot_run(plan, not_exec ? "%s: Permission denied" : "%s: not found", argv[0],
                              not_exec ? 126 : 127);
    }
    char **envp = var_environ(assigns, nassigns);
    fflush(NULL);
    struct spawn_req r = {.path = path,
                          .argv = argv,
                          .envp = envp,
                          .in_fd = -1,
                          .out_fd = -1,
                          .plan = plan,
                          .pgid = sh.opts[OPT_MONITOR] ? 0 : -1};
    pid_t pid = spawn_child(&r);
    redir_plan_free(plan);
    free_vec(envp);
    free(path);
    if (pid < 0)
        return 126;
    struct strbuf text = {0};
    for (int i = 0; argv[i]; i++)
        sb_printf(&text, "%s%s", i ? " " : "", argv[i]);
    int job = job_add(r.pgid >= 0 ? pid : -1, &pid, 1, text.s, 0);
    sb_free(&text);
    return job_wait_fg(job);
}

/* Runs a simple command that is not a program: assignments stay only for its duration. */
static int with_temp_assigns(char **assigns, int nassigns, int (*run)(void *), void *ctx)
{
    if (nassigns == 0)
        return run(ctx);
    var_scope_push();
    for (int i = 0; i < nassigns; i++) {
        char *name = xstrndup(assigns[i], (size_t)(strchr(assigns[i], '=') - assigns[i]));
        var_make_local(name);
        free(name);
        var_assign_word(assigns[i], V_EXPORT);
    }
    int status = run(ctx);
    var_scope_pop();
    return status;
}

struct call {
    const struct builtin *b;
    struct func *f;
    char **argv;
    struct redir *redirs;
};

static int call_builtin(void *ctx)
{
    struct call *c = ctx;
    return run_builtin(c->b, c->argv, c->redirs);
}

static int call_function(void *ctx)
{
    struct call *c = ctx;
    int mark = redir_mark();
    int failed;
    struct redir_plan *plan = redir_plan_build(c->redirs, &failed);
    if (failed)
        return 2;
    redir_apply(plan, 0);
    redir_plan_free(plan);
    int status = func_call(c->f, c->argv);
    redir_unwind(mark);
    return status;
}

/* A command with no words: its assignments (already made) change the shell, its
   redirections are opened and closed again. */
static int redirections_only(struct node *n)
{
    int failed;
    struct redir_plan *plan = redir_plan_build(n->redirs, &failed);
    redir_plan_free(plan);
    return failed ? 2 : -1;
}

/* Runs a simple command and returns its status. */
int exec_simple(struct node *n)
{
    int substs = subst_count;
    struct strvec args = {0};
    expand_fields(n->words, n->nwords, &args);
    const struct builtin *b = args.n ? builtin_find(args.v[0]) : NULL;
    int assign_now = args.n == 0 || (b && b->special);
    char **assigns = expand_assigns(n, assign_now);
    xtrace(assigns, n->nassigns, args.v);
    int status;
    if (args.n == 0) {
        status = redirections_only(n);
        if (status < 0)
            status = subst_count != substs ? sh.status : 0;
    } else {
        struct func *f = b && b->special ? NULL : func_find(args.v[0]);
        struct call c = {b, f, args.v, n->redirs};
        if (b && b->special) {
            status = run_builtin(b, args.v, n->redirs);
        } else if (f) {
            status = with_temp_assigns(assigns, n->nassigns, call_function, &c);
        } else if (b) {
            status = with_temp_assigns(assigns, n->nassigns, call_builtin, &c);
        } else {
            status = run_program(args.v, assigns, n->nassigns, n->redirs);
        }
    }
    free_vec(assigns);
    sv_free(&args);
    return status;
}

/* `command name args`: runs a builtin or program, never a function (the redirections of
   `command` itself are already in place). */
int exec_command_argv(char **argv)
{
    const struct builtin *b = builtin_find(argv[0]);
    if (b)
        return run_builtin(b, argv, NULL);
    return run_program(argv, NULL, 0, NULL);
}
