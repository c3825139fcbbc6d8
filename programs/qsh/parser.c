/* The parser: builds the syntax tree of the POSIX shell grammar by recursive descent, one
   complete command at a time so that each line runs before the next is read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "parse.h"

static const char *const keywords[] = {"if",   "then", "else", "elif",  "fi",    "do",
                                       "done", "case", "esac", "while", "until", "for",
                                       "{",    "}",    "!",    "in",    NULL};

int is_keyword(const char *s)
{
    for (int i = 0; keywords[i]; i++)
        if (strcmp(s, keywords[i]) == 0)
            return 1;
    return 0;
}

void syntax_error(struct parser *p, const char *what)
{
    sh_error(2, "line %d: syntax error: %s", input_line(p->in), what);
}

_Noreturn void parse_unexpected(struct parser *p)
{
    enum tok t = lex_peek(p);
    char *msg = xasprintf("\"%s\" unexpected", tok_describe(p, t));
    char buf[256];
    strncpy(buf, msg, sizeof buf - 1);
    buf[sizeof buf - 1] = 0;
    free(msg);
    syntax_error(p, buf);
}

int parse_peek_word(struct parser *p, const char *w)
{
    return lex_peek(p) == T_WORD && strcmp(p->text, w) == 0;
}

void parse_expect_word(struct parser *p, const char *w)
{
    if (!parse_peek_word(p, w))
        parse_unexpected(p);
    lex_next(p);
}

void parse_skip_newlines(struct parser *p)
{
    while (lex_peek(p) == T_NEWLINE)
        lex_next(p);
}

struct node *parse_new_node(struct parser *p, enum node_kind k)
{
    struct node *n = amalloc(p->a, sizeof *n);
    n->kind = k;
    return n;
}

char **parse_push_str(struct parser *p, char **v, int *n, const char *s)
{
    char **nv = amalloc(p->a, sizeof(char *) * (size_t)(*n + 2));
    if (*n)
        memcpy(nv, v, sizeof(char *) * (size_t)*n);
    nv[(*n)++] = astrdup(p->a, s);
    return nv;
}

/* pipeline [&& pipeline | || pipeline]... */
static struct node *and_or(struct parser *p);
/* A compound command, or else a simple command (a closing keyword here is an error). */
static struct node *command(struct parser *p);

/* A word that ends a compound list: a closing keyword, ')', ';;' or the end of input. */
static int at_list_end(struct parser *p)
{
    static const char *const enders[] = {"then", "else", "elif", "fi", "do",
                                         "done", "esac", "}",    NULL};
    enum tok t = lex_peek(p);
    if (t == T_RPAREN || t == T_DSEMI || t == T_EOF)
        return 1;
    if (t != T_WORD)
        return 0;
    for (int i = 0; enders[i]; i++)
        if (strcmp(p->text, enders[i]) == 0)
            return 1;
    return 0;
}

static struct node *join(struct parser *p, enum node_kind k, struct node *l, struct node *r)
{
    if (!l)
        return r;
    struct node *n = parse_new_node(p, k);
    n->left = l;
    n->right = r;
    return n;
}

/* compound_list: and-or lists separated by ';', '&' or newlines, up to a closing word. */
struct node *parse_compound_list(struct parser *p, int allow_empty)
{
    struct node *list = NULL;
    parse_skip_newlines(p);
    while (!at_list_end(p)) {
        struct node *c = and_or(p);
        enum tok t = lex_peek(p);
        if (t == T_AMP) {
            struct node *bg = parse_new_node(p, N_BACKGROUND);
            bg->left = c;
            c = bg;
        }
        list = join(p, N_SEQ, list, c);
        if (t == T_SEMI || t == T_AMP) {
            lex_next(p);
        } else if (t != T_NEWLINE) {
            break;
        }
        parse_skip_newlines(p);
    }
    if (!list && !allow_empty)
        parse_unexpected(p);
    return list;
}

/* [n]op word; a here-document is queued to be read after the line. */
static struct redir *redirection(struct parser *p)
{
    int fd = -1;
    if (lex_peek(p) == T_IO_NUMBER) {
        fd = atoi(p->text);
        lex_next(p);
    }
    enum tok t = lex_next(p);
    struct redir *r = amalloc(p->a, sizeof *r);
    switch (t) {
    case T_LESS:
        r->kind = R_IN;
        break;
    case T_GREAT:
        r->kind = R_OUT;
        break;
    case T_DGREAT:
        r->kind = R_APPEND;
        break;
    case T_CLOBBER:
        r->kind = R_CLOBBER;
        break;
    case T_LESSGREAT:
        r->kind = R_RDWR;
        break;
    case T_LESSAND:
        r->kind = R_DUPIN;
        break;
    case T_GREATAND:
        r->kind = R_DUPOUT;
        break;
    default:
        r->kind = R_HEREDOC;
        break;
    }
    r->fd = fd >= 0 ? fd
            : (r->kind == R_IN || r->kind == R_RDWR || r->kind == R_DUPIN || r->kind == R_HEREDOC)
                ? 0
                : 1;
    if (lex_peek(p) != T_WORD)
        parse_unexpected(p);
    lex_next(p);
    r->word = p->text;
    if (r->kind == R_HEREDOC) {
        r->body_quoted = t == T_DLESSDASH; /* read_heredocs takes this as "strip tabs" */
        if (p->nheredocs >= MAX_HEREDOCS)
            syntax_error(p, "too many here-documents");
        p->heredocs[p->nheredocs++] = r;
    }
    return r;
}

static int is_redir_tok(enum tok t)
{
    return t == T_IO_NUMBER || (t >= T_LESS && t <= T_CLOBBER);
}

struct redir *parse_redir_list(struct parser *p, struct redir *r)
{
    struct redir **tail = &r;
    while (*tail)
        tail = &(*tail)->next;
    while (is_redir_tok(lex_peek(p))) {
        *tail = redirection(p);
        tail = &(*tail)->next;
    }
    return r;
}

static int is_assignment(const char *w)
{
    const char *eq = strchr(w, '=');
    return eq && is_name_prefix(w, (size_t)(eq - w));
}

static struct node *funcdef(struct parser *p, const char *name)
{
    lex_next(p);
    if (lex_next(p) != T_RPAREN)
        syntax_error(p, "expected \")\" in function definition");
    parse_skip_newlines(p);
    struct node *n = parse_new_node(p, N_FUNCDEF);
    n->name = astrdup(p->a, name);
    n->left = parse_compound(p);
    if (!n->left)
        parse_unexpected(p);
    return n;
}

/* Assignments, words and redirections; the first word may be an alias or start a function
   definition. */
static struct node *simple_command(struct parser *p)
{
    struct node *n = parse_new_node(p, N_SIMPLE);
    struct redir **tail = &n->redirs;
    const char *blank_alias = NULL; /* an alias ending in a blank: the word after it may be one */
    for (;;) {
        enum tok t = lex_peek(p);
        if (is_redir_tok(t)) {
            *tail = redirection(p);
            tail = &(*tail)->next;
        } else if (t == T_WORD) {
            const char *w = p->text;
            if (n->nwords == 0 && is_assignment(w)) {
                n->assigns = parse_push_str(p, n->assigns, &n->nassigns, w);
                lex_next(p);
                continue;
            }
            int after_blank = blank_alias && !in_alias_active(p->in, blank_alias);
            if ((n->nwords == 0 || after_blank) && !p->nested) {
                const char *al = alias_get(w);
                if (al && !in_alias_active(p->in, w)) {
                    size_t len = strlen(al);
                    int blank = len > 0 && (al[len - 1] == ' ' || al[len - 1] == '\t');
                    blank_alias = blank ? astrdup(p->a, w) : NULL;
                    lex_next(p);
                    in_push_text(p->in, al, w);
                    continue;
                }
            }
            if (after_blank)
                blank_alias = NULL;
            lex_next(p);
            if (n->nwords == 0 && n->nassigns == 0 && !n->redirs && lex_peek(p) == T_LPAREN &&
                is_name(w))
                return funcdef(p, w);
            n->words = parse_push_str(p, n->words, &n->nwords, w);
        } else {
            break;
        }
    }
    if (!n->nwords && !n->nassigns && !n->redirs)
        parse_unexpected(p);
    return n;
}

static struct node *command(struct parser *p)
{
    if (lex_peek(p) == T_WORD) {
        static const char *const closers[] = {"then", "else", "elif", "fi", "do",
                                              "done", "esac", "}",    "in", NULL};
        for (int i = 0; closers[i]; i++)
            if (strcmp(p->text, closers[i]) == 0)
                parse_unexpected(p);
    }
    struct node *n = parse_compound(p);
    return n ? n : simple_command(p);
}

/* [!] command [| command]... */
static struct node *pipeline(struct parser *p)
{
    int bang = 0;
    while (parse_peek_word(p, "!")) {
        lex_next(p);
        bang = !bang;
    }
    struct node *first = command(p);
    struct node *n = first;
    if (lex_peek(p) == T_PIPE) {
        n = parse_new_node(p, N_PIPE);
        n->cmds = amalloc(p->a, sizeof(struct node *));
        n->cmds[0] = first;
        n->ncmds = 1;
        while (lex_peek(p) == T_PIPE) {
            lex_next(p);
            parse_skip_newlines(p);
            struct node **v = amalloc(p->a, sizeof(struct node *) * (size_t)(n->ncmds + 1));
            memcpy(v, n->cmds, sizeof(struct node *) * (size_t)n->ncmds);
            v[n->ncmds++] = command(p);
            n->cmds = v;
        }
    }
    if (bang) {
        struct node *b = parse_new_node(p, N_NOT);
        b->left = n;
        n = b;
    }
    return n;
}

static struct node *and_or(struct parser *p)
{
    struct node *n = pipeline(p);
    for (;;) {
        enum tok t = lex_peek(p);
        if (t != T_AND_IF && t != T_OR_IF)
            return n;
        lex_next(p);
        parse_skip_newlines(p);
        n = join(p, t == T_AND_IF ? N_AND : N_OR, n, pipeline(p));
    }
}

/* The inside of $(...): a possibly empty list and the closing parenthesis. */
struct node *parse_subst_body(struct parser *p)
{
    struct node *n = parse_compound_list(p, 1);
    if (lex_next(p) != T_RPAREN)
        syntax_error(p, "expected \")\" to end $(");
    return n;
}

int parse_command(struct input *in, struct arena *a, struct node **out)
{
    struct parser p = {.in = in, .a = a};
    in_set_prompt(in, 1);
    *out = NULL;
    enum tok t = lex_peek(&p);
    if (t == T_EOF)
        return 0;
    if (t == T_NEWLINE) {
        lex_next(&p);
        return 1;
    }
    struct node *list = NULL;
    for (;;) {
        struct node *c = and_or(&p);
        t = lex_peek(&p);
        if (t == T_AMP) {
            struct node *bg = parse_new_node(&p, N_BACKGROUND);
            bg->left = c;
            c = bg;
        }
        list = join(&p, N_SEQ, list, c);
        if (t == T_SEMI || t == T_AMP) {
            lex_next(&p);
            t = lex_peek(&p);
            if (t != T_NEWLINE && t != T_EOF)
                continue;
        }
        if (t == T_NEWLINE) {
            lex_next(&p);
            break;
        }
        if (t == T_EOF)
            break;
        parse_unexpected(&p);
    }
    *out = list;
    return 1;
}

/* How many characters of s, which follows "$(", belong to the command substitution,
   closing parenthesis included. */
size_t parse_subst_length(const char *s)
{
    struct arena *a = arena_new();
    struct input *in = input_from_string(s, 1);
    struct strbuf cap = {0};
    in_capture_begin(&cap);
    struct parser p = {.in = in, .a = a, .nested = 1};
    struct err_frame f;
    size_t n = strlen(s);
    err_push(&f);
    if (setjmp(f.jb) == 0) {
        parse_subst_body(&p);
        n = cap.len;
    }
    err_pop(&f);
    in_capture_end();
    sb_free(&cap);
    input_free(in);
    arena_unref(a);
    return n;
}
