/* Shared types and interfaces of qsh, the QSOE POSIX shell: the syntax tree, the shell's state
   and the functions each module offers the others. Module internals stay static in their files. */
#ifndef QSH_H
#define QSH_H

#include <setjmp.h>
#include <stddef.h>
#include <sys/types.h>

/* ---- memory and strings (util.c) ---- */

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct strbuf {
    char *s;
    size_t len, cap;
};
void sb_addc(struct strbuf *sb, char c);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_take(struct strbuf *sb);
void sb_free(struct strbuf *sb);

/* A growable array of strings, NULL-terminated once finished. */
struct strvec {
    char **v;
    int n, cap;
};
void sv_push(struct strvec *sv, char *s);
void sv_free(struct strvec *sv);

/* Syntax trees live in reference-counted arenas: a function definition keeps its arena. */
struct arena;
struct arena *arena_new(void);
void arena_ref(struct arena *a);
void arena_unref(struct arena *a);
void *amalloc(struct arena *a, size_t n);
char *astrdup(struct arena *a, const char *s);

int is_name(const char *s);
int is_name_prefix(const char *s, size_t n);

/* ---- errors (error.c) ---- */

/* A place to return to when a command fails in a way that abandons it (syntax errors, expansion
   errors, errors of special builtins). */
struct err_frame {
    jmp_buf jb;
    struct err_frame *prev;
    int redir_mark;
    int aborted; /* left by sh_abort: the whole command line is being abandoned */
};
extern struct err_frame *err_top;
void err_push(struct err_frame *f);
void err_pop(struct err_frame *f);
_Noreturn void sh_error(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sh_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void sh_abort(int status);

/* ---- syntax tree (parser.c, unparse.c) ---- */

enum redir_kind { R_IN, R_OUT, R_APPEND, R_CLOBBER, R_RDWR, R_DUPIN, R_DUPOUT, R_HEREDOC };

struct redir {
    enum redir_kind kind;
    int fd;
    char *word;      /* target word, unexpanded; for here-documents the delimiter */
    char *body;      /* here-document text (tabs already stripped for <<-) */
    int body_quoted; /* the delimiter was quoted: no expansion in the body */
    struct redir *next;
};

enum node_kind {
    N_SIMPLE,
    N_PIPE,
    N_AND,
    N_OR,
    N_SEQ,
    N_BACKGROUND,
    N_NOT,
    N_SUBSHELL,
    N_GROUP,
    N_IF,
    N_WHILE,
    N_UNTIL,
    N_FOR,
    N_CASE,
    N_FUNCDEF
};

struct case_item {
    char **patterns;
    int npatterns;
    struct node *body;
    struct case_item *next;
};

struct node {
    enum node_kind kind;
    struct redir *redirs;
    char **assigns, **words; /* N_SIMPLE */
    int nassigns, nwords;
    struct node *left, *right, *third; /* lists; if: cond/then/else; loops: cond/body */
    struct node **cmds;                /* N_PIPE */
    int ncmds;
    char *name;   /* N_FOR variable, N_FUNCDEF name, N_CASE subject */
    char **items; /* N_FOR list */
    int nitems, has_in;
    struct case_item *cases;
};

/* Where source text comes from: a string, a file descriptor, or the line editor. */
struct input;
struct input *input_from_string(const char *s, int first_line);
struct input *input_from_fd(int fd, int interactive);
void input_free(struct input *in);
int input_line(struct input *in);

/* Parses one complete command (up to a newline) into *out; returns 0 at end of input. */
int parse_command(struct input *in, struct arena *a, struct node **out);
int is_keyword(const char *s);

char *unparse(struct node *n);
size_t parse_subst_length(const char *s);

/* ---- variables and parameters (vars.c) ---- */

enum { V_EXPORT = 1, V_READONLY = 2 };

const char *var_get(const char *name);
void var_set(const char *name, const char *value, int flags);
int var_set_checked(const char *name, const char *value); /* returns -1 if readonly */
void var_unset(const char *name);
int var_flags(const char *name);
void var_add_flags(const char *name, int flags);
void var_make_local(const char *name);
void var_scope_push(void);
void var_scope_pop(void);
void var_scope_unwind(int mark);
char **var_environ(char **extra, int nextra);
/* Calls fn for each variable in name order (set, export -p, state transfer). */
void var_each(void (*fn)(const char *name, const char *value, int flags, void *ctx), void *ctx);
void var_assign_word(const char *assignment, int flags);
void var_import_environ(char **envp);

struct params {
    int n;
    char **v;
};
extern struct params *params;
void params_set(int n, char **v); /* copies */
struct params *params_push(int n, char **v);
void params_pop(struct params *saved);

/* ---- options and global state (main.c) ---- */

enum opt {
    OPT_ERREXIT,
    OPT_NOUNSET,
    OPT_XTRACE,
    OPT_NOGLOB,
    OPT_NOEXEC,
    OPT_VERBOSE,
    OPT_NOCLOBBER,
    OPT_ALLEXPORT,
    OPT_MONITOR,
    OPT_NOTIFY,
    OPT_IGNOREEOF,
    OPT_INTERACTIVE,
    OPT_STDIN,
    OPT_COUNT
};
struct opt_name {
    char letter;
    const char *name;
};
extern const struct opt_name opt_names[OPT_COUNT];

struct shell {
    int status;    /* $? */
    pid_t pid;     /* $$ */
    pid_t last_bg; /* $! */
    char *arg0;    /* $0 */
    char opts[OPT_COUNT];
    int is_subshell;
    int loop_depth, breaking, continuing, returning, func_depth;
    int errexit_off; /* >0 where set -e does not apply (conditions, && || left sides) */
    int tty_fd;
    pid_t pgid;
    int exiting;
};
extern struct shell sh;
char *opt_string(void);
int opt_by_letter(char c);
int opt_by_name(const char *name);
_Noreturn void sh_exit(int status);

/* ---- expansion (expand.c, param.c, arith.c, split.c, tilde.c, pattern.c, glob.c) ---- */

enum exp_mode { EXP_FIELDS, EXP_STRING, EXP_PATTERN, EXP_HEREDOC, EXP_ASSIGN };

/* Expanded text with a flag byte per character, before field splitting. */
enum { A_QUOTED = 1, A_SPLIT = 2, A_BREAK = 4, A_MARK = 8 };
struct xbuf {
    char *s;
    unsigned char *a;
    size_t len, cap;
};
void xb_add(struct xbuf *x, char c, unsigned char attr);
void xb_adds(struct xbuf *x, const char *s, unsigned char attr);
void xb_free(struct xbuf *x);

void expand_fields(char **words, int nwords, struct strvec *out);
char *expand_string(const char *word, enum exp_mode mode);
char *expand_heredoc(const char *body);
void expand_into(struct xbuf *x, const char *word, size_t len, int dq, enum exp_mode mode);
extern int expanding_param_word;
char *xb_to_pattern(struct xbuf *x, size_t from);
char *xb_to_string(struct xbuf *x, size_t from);

void expand_param(struct xbuf *x, const char *body, size_t len, int dq, enum exp_mode mode);
void expand_special_list(struct xbuf *x, char which, int dq, enum exp_mode mode);
long arith_eval(const char *expr);
void split_fields(struct xbuf *x, struct strvec *out, int glob);
char *tilde_expand(const char *user);
int pattern_match(const char *pat, const char *s);
int pattern_has_magic(const char *pat);
int glob_expand(const char *pat, struct strvec *out);
char *command_subst(const char *src);
extern int subst_count; /* command substitutions run so far: $? of a bare assignment */

/* ---- execution (exec.c, command.c, redir.c, spawn.c) ---- */

int exec_node(struct node *n);
int exec_list_string(const char *src);
struct arena *exec_set_arena(struct arena *a);
int exec_simple(struct node *n);
int exec_command_argv(char **argv);

struct redir_plan;
struct redir_plan *redir_plan_build(struct redir *r, int *failed);
void redir_plan_free(struct redir_plan *p);
void redir_apply(struct redir_plan *p, int permanent);
int redir_mark(void);
void redir_unwind(int mark);
void redir_plan_actions(struct redir_plan *p, void *file_actions);
int fd_move_high(int fd);

/* One element of a job to start: either a program or a piece of shell text to run in a child. */
struct spawn_req {
    const char *path; /* program path, or NULL to run `text` in a child qsh */
    char **argv, **envp;
    const char *text;
    int in_fd, out_fd; /* -1: inherit */
    struct redir_plan *plan;
    pid_t pgid; /* -1: no job control; 0: leads a new group */
    int background;
};
pid_t spawn_child(struct spawn_req *r);
const char *self_path(void);
char *path_search(const char *name, int *not_exec);

/* ---- jobs and traps (jobs.c, trap.c) ---- */

int job_add(pid_t pgid, pid_t *pids, int npids, const char *text, int background);
int job_wait_fg(int job);
int wait_status_code(int wstatus);
void jobs_reap(int report);
int jobs_builtin(char **argv);
int fg_builtin(char **argv);
int bg_builtin(char **argv);
int wait_builtin(char **argv);
int job_by_spec(const char *spec);
pid_t job_pgid(int job);
void job_control_init(void);
void job_give_terminal(pid_t pgid);

void trap_init(void);
int trap_run_pending(void);
void trap_run_exit(void);
int trap_builtin(char **argv);
int sig_by_name(const char *name);
const char *sig_name(int sig);
void trap_for_child(void *spawnattr, int background);
void trap_hold_keyboard(int hold);
extern volatile int trap_pending;
void trap_each(void (*fn)(int sig, const char *action, void *ctx), void *ctx);
void trap_inherit(int sig, const char *action);

/* ---- builtins, functions, aliases ---- */

typedef int (*builtin_fn)(char **argv);
struct builtin {
    const char *name;
    builtin_fn fn;
    int special;
};
const struct builtin *builtin_find(const char *name);
const char *builtin_name(int i);

struct func {
    char *name;
    struct node *body;
    struct arena *arena;
    struct func *next;
};
struct func *func_find(const char *name);
void func_define(const char *name, struct node *body, struct arena *a);
int func_unset(const char *name);
int func_call(struct func *f, char **argv);
void func_each(void (*fn)(struct func *f, void *ctx), void *ctx);

const char *alias_get(const char *name);
void alias_set(const char *name, const char *value);
int alias_unset(const char *name);
void alias_each(void (*fn)(const char *name, const char *value, void *ctx), void *ctx);

int sh_source_file(const char *path);
int run_input(struct input *in, int toplevel);

/* ---- shell state transfer to a child qsh (state.c) ---- */

void state_write(int fd, const char *text);
char *state_read(int fd);

/* ---- output helpers (util.c) ---- */

void out_str(int fd, const char *s);
char *shell_quote(const char *s);

/* ---- interactive (lineedit.c, history.c, complete.c) ---- */

char *lineedit_read(const char *prompt);
void history_add(const char *line);
int history_count(void);
const char *history_get(int i);
char **complete_word(const char *line, size_t cursor, size_t *start);

#endif
