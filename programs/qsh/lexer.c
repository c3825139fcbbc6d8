/* The tokenizer: turns shell input into words (kept with their quoting, expanded later),
   operators and newlines, and reads here-document bodies after the line that asked for them. */
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "parse.h"

static int is_op_char(int c)
{
    return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
}

static void read_dollar(struct parser *p, struct strbuf *sb, int dq);

_Noreturn static void unterminated(struct parser *p, const char *what)
{
    sh_error(2, "line %d: syntax error: unterminated %s", input_line(p->in), what);
}

/* Reads a backquoted command up to the closing backquote, keeping backslashes for later. */
static void read_backquote(struct parser *p, struct strbuf *sb)
{
    for (;;) {
        int c = in_getc(p->in);
        if (c < 0)
            unterminated(p, "backquote");
        sb_addc(sb, (char)c);
        if (c == '`')
            return;
        if (c == '\\') {
            c = in_getc(p->in);
            if (c < 0)
                unterminated(p, "backquote");
            sb_addc(sb, (char)c);
        }
    }
}

/* Reads the inside of a double-quoted string up to and including the closing quote. */
static void read_dq(struct parser *p, struct strbuf *sb)
{
    for (;;) {
        int c = in_getc(p->in);
        if (c < 0)
            unterminated(p, "double quote");
        if (c == '\\') {
            int n = in_getc(p->in);
            if (n == '\n')
                continue;
            sb_addc(sb, '\\');
            if (n < 0)
                unterminated(p, "double quote");
            sb_addc(sb, (char)n);
            continue;
        }
        if (c == '$') {
            read_dollar(p, sb, 1);
            continue;
        }
        sb_addc(sb, (char)c);
        if (c == '"')
            return;
        if (c == '`')
            read_backquote(p, sb);
    }
}

/* Reads ${...} up to its closing brace, following quotes and nested expansions. */
static void read_brace(struct parser *p, struct strbuf *sb, int dq)
{
    for (;;) {
        int c = in_getc(p->in);
        if (c < 0)
            unterminated(p, "${");
        if (c == '\\') {
            int n = in_getc(p->in);
            if (n == '\n')
                continue;
            sb_addc(sb, '\\');
            if (n >= 0)
                sb_addc(sb, (char)n);
            continue;
        }
        if (c == '$') {
            read_dollar(p, sb, dq);
            continue;
        }
        sb_addc(sb, (char)c);
        if (c == '}')
            return;
        if (c == '"')
            read_dq(p, sb);
        else if (c == '`')
            read_backquote(p, sb);
        else if (c == '\'' && !dq) {
            do {
                c = in_getc(p->in);
                if (c < 0)
                    unterminated(p, "quote");
                sb_addc(sb, (char)c);
            } while (c != '\'');
        }
    }
}

/* Reads $((...)) after the two opening parentheses, up to the matching "))". */
static void read_arith(struct parser *p, struct strbuf *sb)
{
    int depth = 0;
    for (;;) {
        int c = in_getc(p->in);
        if (c < 0)
            unterminated(p, "$((");
        if (c == '$') {
            read_dollar(p, sb, 1);
            continue;
        }
        sb_addc(sb, (char)c);
        if (c == '(') {
            depth++;
        } else if (c == ')') {
            if (depth > 0) {
                depth--;
                continue;
            }
            int n = in_getc(p->in);
            if (n != ')')
                unterminated(p, "$((");
            sb_addc(sb, ')');
            return;
        }
    }
}

/* Reads what follows a '$': a brace expansion, a command substitution (parsed for real, so
   that case patterns and nested quotes inside it are understood) or arithmetic. */
static void read_dollar(struct parser *p, struct strbuf *sb, int dq)
{
    sb_addc(sb, '$');
    int c = in_getc(p->in);
    if (c == '{') {
        sb_addc(sb, '{');
        read_brace(p, sb, dq);
    } else if (c == '(') {
        int n = in_getc(p->in);
        if (n == '(') {
            sb_adds(sb, "((");
            read_arith(p, sb);
            return;
        }
        in_ungetc(p->in, n);
        sb_addc(sb, '(');
        struct strbuf body = {0};
        in_capture_begin(&body);
        struct parser sub = {.in = p->in, .a = p->a, .nested = 1};
        parse_subst_body(&sub);
        in_capture_end();
        sb_adds(sb, body.s ? body.s : ")");
        sb_free(&body);
    } else {
        in_ungetc(p->in, c);
    }
}

/* Reads a word starting with c, keeping its quotes and expansions as written. */
static void read_word(struct parser *p, struct strbuf *sb, int c)
{
    for (;; c = in_getc(p->in)) {
        if (c < 0)
            return;
        if (c == ' ' || c == '\t' || c == '\n' || is_op_char(c)) {
            in_ungetc(p->in, c);
            return;
        }
        if (c == '\\') {
            int n = in_getc(p->in);
            if (n == '\n')
                continue;
            sb_addc(sb, '\\');
            if (n < 0)
                return;
            sb_addc(sb, (char)n);
        } else if (c == '\'') {
            sb_addc(sb, '\'');
            do {
                c = in_getc(p->in);
                if (c < 0)
                    unterminated(p, "quoted string");
                sb_addc(sb, (char)c);
            } while (c != '\'');
        } else if (c == '"') {
            sb_addc(sb, '"');
            read_dq(p, sb);
        } else if (c == '`') {
            sb_addc(sb, '`');
            read_backquote(p, sb);
        } else if (c == '$') {
            read_dollar(p, sb, 0);
        } else {
            sb_addc(sb, (char)c);
        }
    }
}

/* Removes quotes from a here-document delimiter and says whether there were any. */
static char *unquote_delim(const char *w, int *quoted)
{
    struct strbuf sb = {0};
    *quoted = 0;
    for (; *w; w++) {
        if (*w == '\'' || *w == '"') {
            *quoted = 1;
        } else if (*w == '\\' && w[1]) {
            *quoted = 1;
            sb_addc(&sb, *++w);
        } else {
            sb_addc(&sb, *w);
        }
    }
    return sb_take(&sb);
}

/* Reads the bodies of the here-documents the finished line announced. */
static void read_heredocs(struct parser *p)
{
    for (int i = 0; i < p->nheredocs; i++) {
        struct redir *r = p->heredocs[i];
        int strip = r->body_quoted; /* set by the parser for <<- */
        int quoted;
        char *delim = unquote_delim(r->word, &quoted);
        struct strbuf body = {0};
        for (;;) {
            struct strbuf line = {0};
            int c;
            while ((c = in_getc(p->in)) >= 0 && c != '\n')
                sb_addc(&line, (char)c);
            const char *l = line.s ? line.s : "";
            if (strip)
                while (*l == '\t')
                    l++;
            if (strcmp(l, delim) == 0 || (c < 0 && !*l)) {
                sb_free(&line);
                break;
            }
            sb_adds(&body, l);
            sb_addc(&body, '\n');
            sb_free(&line);
            if (c < 0)
                break;
        }
        char *text = sb_take(&body);
        r->body = astrdup(p->a, text);
        r->body_quoted = quoted;
        r->word = astrdup(p->a, delim);
        free(text);
        free(delim);
    }
    p->nheredocs = 0;
}

/* Reads an operator that starts with c, the longest one that matches. */
static enum tok read_operator(struct parser *p, int c)
{
    int n = in_getc(p->in);
    switch (c) {
    case ';':
        if (n == ';')
            return T_DSEMI;
        in_ungetc(p->in, n);
        return T_SEMI;
    case '&':
        if (n == '&')
            return T_AND_IF;
        in_ungetc(p->in, n);
        return T_AMP;
    case '|':
        if (n == '|')
            return T_OR_IF;
        in_ungetc(p->in, n);
        return T_PIPE;
    case '(':
        in_ungetc(p->in, n);
        return T_LPAREN;
    case ')':
        in_ungetc(p->in, n);
        return T_RPAREN;
    case '<':
        if (n == '<') {
            int m = in_getc(p->in);
            if (m == '-')
                return T_DLESSDASH;
            in_ungetc(p->in, m);
            return T_DLESS;
        }
        if (n == '&')
            return T_LESSAND;
        if (n == '>')
            return T_LESSGREAT;
        in_ungetc(p->in, n);
        return T_LESS;
    default:
        if (n == '>')
            return T_DGREAT;
        if (n == '&')
            return T_GREATAND;
        if (n == '|')
            return T_CLOBBER;
        in_ungetc(p->in, n);
        return T_GREAT;
    }
}

/* Reads the next token: blanks and comments skipped, here-documents read after a newline. */
static enum tok lex_read(struct parser *p)
{
    int c;
    for (;;) {
        c = in_getc(p->in);
        if (c == ' ' || c == '\t')
            continue;
        if (c == '\\') {
            int n = in_getc(p->in);
            if (n == '\n')
                continue;
            in_ungetc(p->in, n);
        }
        break;
    }
    if (c == '#') {
        while ((c = in_getc(p->in)) >= 0 && c != '\n')
            ;
    }
    if (c < 0)
        return T_EOF;
    if (c == '\n') {
        if (p->nheredocs)
            read_heredocs(p);
        return T_NEWLINE;
    }
    if (is_op_char(c))
        return read_operator(p, c);
    struct strbuf sb = {0};
    read_word(p, &sb, c);
    char *w = sb_take(&sb);
    p->text = astrdup(p->a, w);
    free(w);
    int n = in_getc(p->in);
    in_ungetc(p->in, n);
    if ((n == '<' || n == '>') && strspn(p->text, "0123456789") == strlen(p->text))
        return T_IO_NUMBER;
    return T_WORD;
}

enum tok lex_peek(struct parser *p)
{
    if (!p->have_peek) {
        p->tok = lex_read(p);
        p->have_peek = 1;
    }
    return p->tok;
}

enum tok lex_next(struct parser *p)
{
    enum tok t = lex_peek(p);
    p->have_peek = 0;
    return t;
}

const char *tok_describe(struct parser *p, enum tok t)
{
    static const char *names[] = {
        [T_NEWLINE] = "newline", [T_EOF] = "end of file", [T_AND_IF] = "&&",     [T_OR_IF] = "||",
        [T_DSEMI] = ";;",        [T_SEMI] = ";",          [T_AMP] = "&",         [T_PIPE] = "|",
        [T_LPAREN] = "(",        [T_RPAREN] = ")",        [T_LESS] = "<",        [T_GREAT] = ">",
        [T_DGREAT] = ">>",       [T_DLESS] = "<<",        [T_DLESSDASH] = "<<-", [T_LESSAND] = "<&",
        [T_GREATAND] = ">&",     [T_LESSGREAT] = "<>",    [T_CLOBBER] = ">|"};
    if (t == T_WORD || t == T_IO_NUMBER)
        return p->text;
    return names[t];
}
