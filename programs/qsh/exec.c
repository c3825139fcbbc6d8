/* Running a syntax tree: lists, and-or lists, pipelines, background jobs, subshells and the
   compound commands, with set -e and the break/continue/return bookkeeping. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qsh.h"

/* Whether a simple command can be spawned directly as a program: its name is a plain word
   that is no builtin, function or alias, and no word has expansions with side effects. */
static int is_plain_program(struct node *n)
{
    if (n->kind != N_SIMPLE || n->nwords == 0 || n->nassigns > 0)
        return 0;
    const char *w = n->words[0];
    if (strpbrk(w, "'\"\\$`") || builtin_find(w) || func_find(w) || alias_get(w))
        return 0;
    for (int i = 0; i < n->nwords; i++)
        if (strstr(n->words[i], "$(") || strchr(n->words[i], '`') || strstr(n->words[i], "${"))
            return 0;
    for (struct redir *r = n->redirs; r; r = r->next)
        if (strchr(r->word, '$') || strchr(r->word, '`'))
            return 0;
    int not_exec;
    char *path = strchr(w, '/') ? xstrdup(w) : path_search(w, &not_exec);
    if (!path)
        return 0;
    free(path);
    return 1;
}

/* Starts one element of a pipeline or a background job without waiting for it. */
static pid_t start_element(struct node *n, int in_fd, int out_fd, pid_t pgid, int background)
{
    struct spawn_req r = {.in_fd = in_fd, .out_fd = out_fd, .pgid = pgid, .background = background};
    pid_t pid;
    fflush(NULL);
    if (is_plain_program(n)) {
        struct strvec args = {0};
        expand_fields(n->words, n->nwords, &args);
        int failed, not_exec;
        r.plan = redir_plan_build(n->redirs, &failed);
        r.path = strchr(args.v[0], '/') ? xstrdup(args.v[0]) : path_search(args.v[0], &not_exec);
        r.argv = args.v;
        r.envp = var_environ(NULL, 0);
        pid = failed || !r.path ? -1 : spawn_child(&r);
        free((char *)r.path);
        for (int i = 0; r.envp[i]; i++)
            free(r.envp[i]);
        free(r.envp);
        redir_plan_free(r.plan);
        sv_free(&args);
    } else {
        char *text = unparse(n);
        r.text = text;
        pid = spawn_child(&r);
        free(text);
    }
    return pid;
}

/* Runs a pipeline: every element in its own process, connected by pipes (dash does the same:
   only a one-element pipeline runs in the shell itself). */
static int exec_pipeline(struct node *n, int background)
{
    pid_t *pids = xmalloc(sizeof(pid_t) * (size_t)n->ncmds);
    int in_fd = -1;
    pid_t pgid = sh.opts[OPT_MONITOR] ? 0 : -1;
    for (int i = 0; i < n->ncmds; i++) {
        int p[2] = {-1, -1};
        if (i + 1 < n->ncmds && pipe(p) == 0) {
            p[0] = fd_move_high(p[0]);
            p[1] = fd_move_high(p[1]);
        }
        pids[i] = start_element(n->cmds[i], in_fd, p[1], pgid, background);
        if (pgid == 0 && pids[i] > 0)
            pgid = pids[i];
        if (in_fd >= 0)
            close(in_fd);
        if (p[1] >= 0)
            close(p[1]);
        in_fd = p[0];
    }
    char *text = unparse(n);
    text[strcspn(text, "\n")] = 0;
    int job = job_add(pgid > 0 ? pgid : -1, pids, n->ncmds, text, background);
    free(text);
    free(pids);
    if (background)
        return 0;
    return job_wait_fg(job);
}

/* cmd &: started without waiting; $! is its (last) process. */
static int exec_background(struct node *n)
{
    if (n->kind == N_PIPE)
        return exec_pipeline(n, 1);
    pid_t pgid = sh.opts[OPT_MONITOR] ? 0 : -1;
    pid_t pid = start_element(n, -1, -1, pgid, 1);
    if (pid > 0) {
        char *text = unparse(n);
        text[strcspn(text, "\n")] = 0;
        job_add(pgid >= 0 ? pid : -1, &pid, 1, text, 1);
        free(text);
    }
    return 0;
}

/* ( list ): run by a child qsh, with the subshell's redirections as file actions. */
static int exec_subshell(struct node *n)
{
    int failed;
    struct redir_plan *plan = redir_plan_build(n->redirs, &failed);
    if (failed)
        return 2;
    char *text = unparse(n->left);
    struct spawn_req r = {.text = text,
                          .in_fd = -1,
                          .out_fd = -1,
                          .plan = plan,
                          .pgid = sh.opts[OPT_MONITOR] ? 0 : -1};
    fflush(NULL);
    pid_t pid = spawn_child(&r);
    redir_plan_free(plan);
    free(text);
    if (pid < 0)
        return 2;
    return job_wait_fg(job_add(r.pgid >= 0 ? pid : -1, &pid, 1, "( ... )", 0));
}

/* After a break, continue or return inside a loop body: whether this loop ends. A pending
   break or continue N counts down one level per loop. */
static int loop_should_stop(void)
{
    if (sh.breaking) {
        sh.breaking--;
        return 1;
    }
    if (sh.continuing) {
        if (--sh.continuing > 0)
            return 1;
    }
    return sh.returning;
}

static int exec_loop(struct node *n)
{
    int status = 0;
    sh.loop_depth++;
    for (;;) {
        sh.errexit_off++;
        int c = exec_node(n->left);
        sh.errexit_off--;
        if (sh.breaking || sh.continuing || sh.returning) {
            if (loop_should_stop())
                break;
            continue;
        }
        if ((c == 0) != (n->kind == N_WHILE))
            break;
        status = exec_node(n->right);
        if ((sh.breaking || sh.continuing || sh.returning) && loop_should_stop())
            break;
    }
    sh.loop_depth--;
    return status;
}

static int exec_for(struct node *n)
{
    struct strvec items = {0};
    if (n->has_in)
        expand_fields(n->items, n->nitems, &items);
    else
        for (int i = 0; i < params->n; i++)
            sv_push(&items, xstrdup(params->v[i]));
    int status = 0;
    sh.loop_depth++;
    for (int i = 0; i < items.n; i++) {
        if (var_set_checked(n->name, items.v[i]) < 0)
            sh_error(2, "%s: is read only", n->name);
        status = exec_node(n->right);
        if ((sh.breaking || sh.continuing || sh.returning) && loop_should_stop())
            break;
    }
    sh.loop_depth--;
    sv_free(&items);
    return status;
}

/* case: the first item with a matching pattern runs; no match is status 0. */
static int exec_case(struct node *n)
{
    char *subject = expand_string(n->name, EXP_STRING);
    int status = 0;
    for (struct case_item *c = n->cases; c; c = c->next) {
        for (int i = 0; i < c->npatterns; i++) {
            char *pat = expand_string(c->patterns[i], EXP_PATTERN);
            int hit = pattern_match(pat, subject);
            free(pat);
            if (hit) {
                free(subject);
                return c->body ? exec_node(c->body) : 0;
            }
        }
    }
    free(subject);
    return status;
}

static int exec_compound(struct node *n)
{
    switch (n->kind) {
    case N_GROUP:
        return exec_node(n->left);
    case N_IF: {
        sh.errexit_off++;
        int c = exec_node(n->left);
        sh.errexit_off--;
        if (sh.breaking || sh.continuing || sh.returning)
            return c;
        if (c == 0)
            return exec_node(n->right);
        return n->third ? exec_node(n->third) : 0;
    }
    case N_WHILE:
    case N_UNTIL:
        return exec_loop(n);
    case N_FOR:
        return exec_for(n);
    default:
        return exec_case(n);
    }
}

/* Compound commands run in the shell with their redirections applied around them. */
static int exec_redirected(struct node *n)
{
    int mark = redir_mark();
    int failed;
    struct redir_plan *plan = redir_plan_build(n->redirs, &failed);
    if (failed)
        return 2;
    redir_apply(plan, 0);
    redir_plan_free(plan);
    int status = exec_compound(n);
    redir_unwind(mark);
    return status;
}

/* The arena of the syntax tree being run: function definitions keep it alive. */
static struct arena *current_arena;

struct arena *exec_set_arena(struct arena *a)
{
    struct arena *old = current_arena;
    current_arena = a;
    return old;
}

/* Runs shell text command by command in this shell (eval, traps, a child qsh's job). */
int exec_list_string(const char *src)
{
    struct input *in = input_from_string(src, 1);
    int status = run_input(in, 0);
    input_free(in);
    return status;
}

/* Reads and runs one complete command at a time until the input ends (or a return, break
   or continue leaves it). */
int run_input(struct input *in, int toplevel)
{
    int status = 0;
    struct arena *saved = current_arena;
    for (;;) {
        struct arena *a = arena_new();
        struct node *n;
        current_arena = a;
        int more = parse_command(in, a, &n);
        if (!more) {
            arena_unref(a);
            break;
        }
        if (n && !sh.opts[OPT_NOEXEC])
            status = exec_node(n);
        else if (!n && toplevel)
            status = sh.status;
        arena_unref(a);
        if (sh.returning || sh.breaking || sh.continuing)
            break;
    }
    current_arena = saved;
    return status;
}

/* set -e: a failed command ends the shell unless it is tested (if, while, && ||, !). */
static void check_errexit(int status)
{
    if (status != 0 && sh.opts[OPT_ERREXIT] && sh.errexit_off == 0)
        sh_exit(status);
}

/* Runs a syntax tree, records $? and applies set -e. */
int exec_node(struct node *n)
{
    int status = 0;
    if (!n)
        return 0;
    switch (n->kind) {
    case N_SIMPLE:
        status = exec_simple(n);
        break;
    case N_PIPE:
        status = exec_pipeline(n, 0);
        break;
    case N_AND:
    case N_OR:
        sh.errexit_off++;
        status = exec_node(n->left);
        sh.errexit_off--;
        if (sh.breaking || sh.continuing || sh.returning)
            return status;
        if ((status == 0) == (n->kind == N_AND))
            status = exec_node(n->right);
        sh.status = status;
        return status;
    case N_SEQ:
        exec_node(n->left);
        if (sh.breaking || sh.continuing || sh.returning)
            return sh.status;
        return exec_node(n->right);
    case N_BACKGROUND:
        status = exec_background(n->left);
        break;
    case N_NOT:
        sh.errexit_off++;
        status = !exec_node(n->left);
        sh.errexit_off--;
        sh.status = status;
        return status;
    case N_SUBSHELL:
        status = exec_subshell(n);
        break;
    case N_FUNCDEF:
        func_define(n->name, n->left, current_arena);
        break;
    default:
        status = exec_redirected(n);
        sh.status = status;
        if (trap_pending)
            trap_run_pending();
        return status;
    }
    sh.status = status;
    if (trap_pending)
        trap_run_pending();
    check_errexit(status);
    return status;
}
