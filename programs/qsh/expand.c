/* Word expansion: walks a word as the lexer kept it, resolving quotes, parameters, command
   substitution, arithmetic and tildes into text with a flag per character, then hands the
   result to field splitting and pathname expansion or turns it into a string or pattern. */
#include <stdlib.h>
#include <string.h>

#include "qsh.h"

void xb_add(struct xbuf *x, char c, unsigned char attr)
{
    if (x->len + 1 >= x->cap) {
        x->cap = x->cap ? x->cap * 2 : 64;
        x->s = xrealloc(x->s, x->cap);
        x->a = xrealloc(x->a, x->cap);
    }
    x->s[x->len] = c;
    x->a[x->len++] = attr;
}

void xb_adds(struct xbuf *x, const char *s, unsigned char attr)
{
    while (*s)
        xb_add(x, *s++, attr);
}

void xb_free(struct xbuf *x)
{
    free(x->s);
    free(x->a);
    memset(x, 0, sizeof *x);
}

/* Finds the end of a ${...} starting at w[i] == '{'; returns the index of the closing brace. */
static size_t brace_end(const char *w, size_t i, size_t len)
{
    int depth = 0;
    int dq = 0;
    for (; i < len; i++) {
        char c = w[i];
        if (c == '\\') {
            i++;
        } else if (c == '\'' && !dq) {
            while (++i < len && w[i] != '\'')
                ;
        } else if (c == '"') {
            dq = !dq;
        } else if (c == '`') {
            while (++i < len && w[i] != '`')
                if (w[i] == '\\')
                    i++;
        } else if (c == '$' && i + 1 < len && w[i + 1] == '(') {
            i += parse_subst_length(w + i + 2) + 1;
        } else if (c == '{') {
            depth++;
        } else if (c == '}' && --depth == 0) {
            return i;
        }
    }
    return len;
}

/* Finds the end of $((...)) given the index just after "$(("; returns the index after "))". */
static size_t arith_end(const char *w, size_t i, size_t len)
{
    int depth = 0;
    for (; i < len; i++) {
        if (w[i] == '(')
            depth++;
        else if (w[i] == ')' && depth > 0)
            depth--;
        else if (w[i] == ')' && i + 1 < len && w[i + 1] == ')')
            return i + 2;
    }
    return len;
}

static void add_value(struct xbuf *x, const char *v, int dq)
{
    xb_adds(x, v, dq ? A_QUOTED : A_SPLIT);
}

/* Runs the text of `...`, first undoing the backslashes that protected $, ` and \. */
static size_t expand_backquote(struct xbuf *x, const char *w, size_t i, size_t len, int dq)
{
    struct strbuf src = {0};
    for (i++; i < len && w[i] != '`'; i++) {
        if (w[i] == '\\' && i + 1 < len &&
            (w[i + 1] == '$' || w[i + 1] == '`' || w[i + 1] == '\\' || (dq && w[i + 1] == '"')))
            i++;
        sb_addc(&src, w[i]);
    }
    char *out = command_subst(src.s ? src.s : "");
    add_value(x, out, dq);
    free(out);
    sb_free(&src);
    return i + 1;
}

/* Expands the $-construct at w[i]; returns the index after it. */
static size_t expand_dollar(struct xbuf *x, const char *w, size_t i, size_t len, int dq,
                            enum exp_mode mode)
{
    char c = i + 1 < len ? w[i + 1] : 0;
    if (c == '{') {
        size_t end = brace_end(w, i + 1, len);
        expand_param(x, w + i + 2, end - i - 2, dq, mode);
        return end + 1;
    }
    if (c == '(' && i + 2 < len && w[i + 2] == '(') {
        size_t end = arith_end(w, i + 3, len);
        char *inner = xstrndup(w + i + 3, end - i - 5);
        struct xbuf ex = {0};
        expand_into(&ex, inner, strlen(inner), 1, EXP_HEREDOC);
        char *text = xb_to_string(&ex, 0);
        char *num = xasprintf("%ld", arith_eval(text));
        add_value(x, num, dq);
        free(num);
        free(text);
        xb_free(&ex);
        free(inner);
        return end;
    }
    if (c == '(') {
        size_t n = parse_subst_length(w + i + 2);
        char *src = xstrndup(w + i + 2, n ? n - 1 : 0);
        char *out = command_subst(src);
        add_value(x, out, dq);
        free(out);
        free(src);
        return i + 2 + n;
    }
    if (is_name_prefix(&c, 1)) {
        size_t j = i + 1;
        while (j < len && is_name_prefix(w + i + 1, j - i))
            j++;
        expand_param(x, w + i + 1, j - i - 1, dq, mode);
        return j;
    }
    if (c && strchr("@*#?-$!0123456789", c)) {
        expand_param(x, w + i + 1, 1, dq, mode);
        return i + 2;
    }
    xb_add(x, '$', dq ? A_QUOTED : 0);
    return i + 1;
}

/* Expands ~ or ~user at the start of a word (or after ':' in an assignment). */
static size_t expand_tilde(struct xbuf *x, const char *w, size_t i, size_t len, enum exp_mode m)
{
    size_t j = i + 1;
    while (j < len && w[j] != '/' && !(m == EXP_ASSIGN && w[j] == ':')) {
        if (strchr("'\"\\$`", w[j])) {
            xb_add(x, '~', 0);
            return i + 1;
        }
        j++;
    }
    char *user = xstrndup(w + i + 1, j - i - 1);
    char *home = tilde_expand(user);
    if (home) {
        xb_adds(x, home, A_QUOTED);
        free(home);
    } else {
        xb_add(x, '~', 0);
        xb_adds(x, user, 0);
    }
    free(user);
    return j;
}

/* Whether the text at w[i] is exactly "$@" (or "${@}"), which gives no field when there are
   no positional parameters. */
static int only_at(const char *w, size_t i, size_t len)
{
    return (i + 3 < len && strncmp(w + i, "\"$@\"", 4) == 0) ||
           (i + 5 < len && strncmp(w + i, "\"${@}\"", 6) == 0);
}

/* Inside the word of an unquoted ${x-word}, literal text is split into fields like the
   results of expansions are. */
int expanding_param_word;

/* Expands w[0..len) into x. dq says the text is inside double quotes; mode says what the
   result is for (fields, a string, a pattern, a here-document body, an assignment). */
void expand_into(struct xbuf *x, const char *w, size_t len, int dq, enum exp_mode mode)
{
    int heredoc = mode == EXP_HEREDOC;
    int outer_dq = dq;
    if (heredoc)
        dq = 1;
    for (size_t i = 0; i < len;) {
        char c = w[i];
        if (c == '\'' && !dq) {
            xb_add(x, 0, A_MARK);
            for (i++; i < len && w[i] != '\''; i++)
                xb_add(x, w[i], A_QUOTED);
            i++;
        } else if (c == '"' && !heredoc && outer_dq) {
            i++; /* a quote inside "${x-"..."}" nests: the text stays quoted */
        } else if (c == '"' && !heredoc) {
            if (!dq && !only_at(w, i, len))
                xb_add(x, 0, A_MARK);
            dq = !dq;
            i++;
        } else if (c == '\\') {
            char n = i + 1 < len ? w[i + 1] : 0;
            if (!dq || (n && strchr(heredoc ? "$`\\\n" : "$`\"\\\n", n))) {
                if (n && n != '\n')
                    xb_add(x, n, A_QUOTED);
                i += 2;
            } else {
                xb_add(x, '\\', A_QUOTED);
                i++;
            }
        } else if (c == '$') {
            i = expand_dollar(x, w, i, len, dq, mode);
        } else if (c == '`') {
            i = expand_backquote(x, w, i, len, dq);
        } else if (c == '~' && !dq &&
                   (i == 0 || (mode == EXP_ASSIGN && (w[i - 1] == ':' || w[i - 1] == '=')))) {
            i = expand_tilde(x, w, i, len, mode);
        } else {
            xb_add(x, c, dq ? A_QUOTED : expanding_param_word ? A_SPLIT : 0);
            i++;
        }
    }
}

/* The expanded text as a pattern: quoted pattern characters get a protecting backslash. */
char *xb_to_pattern(struct xbuf *x, size_t from)
{
    struct strbuf sb = {0};
    for (size_t i = from; i < x->len; i++) {
        if (x->a[i] & (A_MARK | A_BREAK))
            continue;
        if ((x->a[i] & A_QUOTED) && strchr("*?[]\\", x->s[i]))
            sb_addc(&sb, '\\');
        sb_addc(&sb, x->s[i]);
    }
    return sb_take(&sb);
}

char *xb_to_string(struct xbuf *x, size_t from)
{
    struct strbuf sb = {0};
    for (size_t i = from; i < x->len; i++)
        if (!(x->a[i] & (A_MARK | A_BREAK)))
            sb_addc(&sb, x->s[i]);
    return sb_take(&sb);
}

char *expand_string(const char *word, enum exp_mode mode)
{
    struct xbuf x = {0};
    expand_into(&x, word, strlen(word), 0, mode);
    char *s = mode == EXP_PATTERN ? xb_to_pattern(&x, 0) : xb_to_string(&x, 0);
    xb_free(&x);
    return s;
}

char *expand_heredoc(const char *body)
{
    return expand_string(body, EXP_HEREDOC);
}

/* Expands command words into fields: splitting, then pathname expansion. */
void expand_fields(char **words, int nwords, struct strvec *out)
{
    for (int i = 0; i < nwords; i++) {
        struct xbuf x = {0};
        expand_into(&x, words[i], strlen(words[i]), 0, EXP_FIELDS);
        split_fields(&x, out, !sh.opts[OPT_NOGLOB]);
        xb_free(&x);
    }
}
