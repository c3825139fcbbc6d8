/* Turns a syntax tree back into shell text: how functions, subshell bodies and pipeline
   elements travel to a child qsh. Here-document bodies follow the next newline. */
#include <stdlib.h>
#include <string.h>

#include "qsh.h"

struct unparser {
    struct strbuf sb;
    struct redir **pending; /* here-documents whose bodies wait for the end of the line */
    int npending;
};

static void emit(struct unparser *u, struct node *n);

/* Ends the line and writes the here-document bodies announced on it. */
static void newline(struct unparser *u)
{
    sb_addc(&u->sb, '\n');
    for (int i = 0; i < u->npending; i++) {
        sb_adds(&u->sb, u->pending[i]->body);
        sb_adds(&u->sb, u->pending[i]->word);
        sb_addc(&u->sb, '\n');
    }
    u->npending = 0;
}

static void emit_redirs(struct unparser *u, struct redir *r)
{
    static const char *const ops[] = {
        [R_IN] = "<",    [R_OUT] = ">",    [R_APPEND] = ">>", [R_CLOBBER] = ">|",
        [R_RDWR] = "<>", [R_DUPIN] = "<&", [R_DUPOUT] = ">&", [R_HEREDOC] = "<<"};
    for (; r; r = r->next) {
        sb_printf(&u->sb, " %d%s", r->fd, ops[r->kind]);
        if (r->kind == R_HEREDOC) {
            sb_adds(&u->sb, r->body_quoted ? "'" : "");
            sb_adds(&u->sb, r->word);
            sb_adds(&u->sb, r->body_quoted ? "'" : "");
            u->pending = xrealloc(u->pending, sizeof *u->pending * (size_t)(u->npending + 1));
            u->pending[u->npending++] = r;
        } else {
            sb_adds(&u->sb, r->word);
        }
    }
}

/* Writes a list so that each element ends with a newline (safe for here-documents). */
static void emit_body(struct unparser *u, struct node *n)
{
    if (n)
        emit(u, n);
    else
        sb_adds(&u->sb, ":");
    newline(u);
}

static void emit_words(struct unparser *u, char **w, int n)
{
    for (int i = 0; i < n; i++) {
        if (u->sb.len && u->sb.s[u->sb.len - 1] != '\n' && u->sb.s[u->sb.len - 1] != ' ')
            sb_addc(&u->sb, ' ');
        sb_adds(&u->sb, w[i]);
    }
}

static void emit_compound(struct unparser *u, struct node *n)
{
    switch (n->kind) {
    case N_SUBSHELL:
        sb_adds(&u->sb, "(");
        emit_body(u, n->left);
        sb_adds(&u->sb, ")");
        break;
    case N_GROUP:
        sb_adds(&u->sb, "{ ");
        emit_body(u, n->left);
        sb_adds(&u->sb, "}");
        break;
    case N_IF:
        sb_adds(&u->sb, "if ");
        for (;;) {
            emit_body(u, n->left);
            sb_adds(&u->sb, "then ");
            emit_body(u, n->right);
            if (n->third && n->third->kind == N_IF && !n->third->redirs) {
                n = n->third;
                sb_adds(&u->sb, "elif ");
                continue;
            }
            if (n->third) {
                sb_adds(&u->sb, "else ");
                emit_body(u, n->third);
            }
            break;
        }
        sb_adds(&u->sb, "fi");
        break;
    case N_WHILE:
    case N_UNTIL:
        sb_adds(&u->sb, n->kind == N_WHILE ? "while " : "until ");
        emit_body(u, n->left);
        sb_adds(&u->sb, "do ");
        emit_body(u, n->right);
        sb_adds(&u->sb, "done");
        break;
    case N_FOR:
        sb_printf(&u->sb, "for %s", n->name);
        if (n->has_in) {
            sb_adds(&u->sb, " in");
            emit_words(u, n->items, n->nitems);
        }
        newline(u);
        sb_adds(&u->sb, "do ");
        emit_body(u, n->right);
        sb_adds(&u->sb, "done");
        break;
    case N_CASE:
        sb_printf(&u->sb, "case %s in", n->name);
        newline(u);
        for (struct case_item *c = n->cases; c; c = c->next) {
            sb_adds(&u->sb, "(");
            for (int i = 0; i < c->npatterns; i++)
                sb_printf(&u->sb, "%s%s", i ? "|" : "", c->patterns[i]);
            sb_adds(&u->sb, ") ");
            emit_body(u, c->body);
            sb_adds(&u->sb, ";;");
            newline(u);
        }
        sb_adds(&u->sb, "esac");
        break;
    default:
        break;
    }
}

static void emit(struct unparser *u, struct node *n)
{
    switch (n->kind) {
    case N_SIMPLE:
        emit_words(u, n->assigns, n->nassigns);
        emit_words(u, n->words, n->nwords);
        break;
    case N_PIPE:
        for (int i = 0; i < n->ncmds; i++) {
            if (i) {
                sb_adds(&u->sb, " |");
                newline(u);
            }
            emit(u, n->cmds[i]);
        }
        return;
    case N_AND:
    case N_OR:
        emit(u, n->left);
        sb_adds(&u->sb, n->kind == N_AND ? " &&" : " ||");
        newline(u);
        emit(u, n->right);
        return;
    case N_SEQ:
        emit(u, n->left);
        newline(u);
        emit(u, n->right);
        return;
    case N_BACKGROUND:
        emit(u, n->left);
        sb_adds(&u->sb, " &");
        newline(u);
        return;
    case N_NOT:
        sb_adds(&u->sb, "! ");
        emit(u, n->left);
        return;
    case N_FUNCDEF:
        sb_printf(&u->sb, "%s() ", n->name);
        emit(u, n->left);
        return;
    default:
        emit_compound(u, n);
        break;
    }
    emit_redirs(u, n->redirs);
}

char *unparse(struct node *n)
{
    struct unparser u = {0};
    if (n)
        emit(&u, n);
    newline(&u);
    free(u.pending);
    return sb_take(&u.sb);
}
