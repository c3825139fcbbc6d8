/* Parameter expansion: $name, the special parameters, positional parameters, and every
   ${...} form (defaults, assignment, errors, alternatives, length, prefix/suffix removal). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qsh.h"

static char ifs_first(void)
{
    const char *ifs = var_get("IFS");
    return ifs ? ifs[0] : ' ';
}

/* "$@", "$*" and their unquoted forms: separate fields where the context keeps them apart. */
void expand_special_list(struct xbuf *x, char which, int dq, enum exp_mode mode)
{
    char sep = which == '*' ? ifs_first() : ' ';
    for (int i = 0; i < params->n; i++) {
        if (mode == EXP_FIELDS && (which == '@' || !dq)) {
            if (i)
                xb_add(x, 0, A_BREAK);
            if (dq)
                xb_add(x, 0, A_MARK);
        } else if (i && sep) {
            xb_add(x, sep, dq ? A_QUOTED : A_SPLIT);
        }
        xb_adds(x, params->v[i], dq ? A_QUOTED : A_SPLIT);
    }
}

/* The value of a parameter as one string, or NULL when it is unset. */
static char *param_value(const char *name)
{
    char c = name[0];
    if (c >= '0' && c <= '9') {
        int n = atoi(name);
        if (n == 0)
            return xstrdup(sh.arg0);
        return n <= params->n ? xstrdup(params->v[n - 1]) : NULL;
    }
    if (name[1] == 0) {
        switch (c) {
        case '#':
            return xasprintf("%d", params->n);
        case '?':
            return xasprintf("%d", sh.status);
        case '-':
            return opt_string();
        case '$':
            return xasprintf("%ld", (long)sh.pid);
        case '!':
            return sh.last_bg ? xasprintf("%ld", (long)sh.last_bg) : NULL;
        case '@':
        case '*': {
            if (params->n == 0)
                return NULL;
            struct strbuf sb = {0};
            char sep = c == '*' ? ifs_first() : ' ';
            for (int i = 0; i < params->n; i++) {
                if (i && sep)
                    sb_addc(&sb, sep);
                sb_adds(&sb, params->v[i]);
            }
            return sb_take(&sb);
        }
        default:
            break;
        }
    }
    const char *v = var_get(name);
    return v ? xstrdup(v) : NULL;
}

/* Length of the parameter name at the start of body: a name, digits, or one special char. */
static size_t name_length(const char *body, size_t len)
{
    if (len == 0)
        return 0;
    if (body[0] >= '0' && body[0] <= '9') {
        size_t n = 0;
        while (n < len && body[n] >= '0' && body[n] <= '9')
            n++;
        return n;
    }
    if (strchr("@*#?-$!", body[0]))
        return 1;
    size_t n = 0;
    while (n < len && is_name_prefix(body, n + 1))
        n++;
    return n;
}

/* Removes the shortest or longest prefix or suffix of v that matches pat. */
static char *remove_affix(const char *v, const char *pat, int suffix, int longest)
{
    size_t n = strlen(v);
    char *tmp = xmalloc(n + 1);
    for (size_t k = 0; k <= n; k++) {
        size_t cut = longest ? n - k : k;
        if (suffix) {
            if (pattern_match(pat, v + (n - cut))) {
                free(tmp);
                return xstrndup(v, n - cut);
            }
        } else {
            memcpy(tmp, v, cut);
            tmp[cut] = 0;
            if (pattern_match(pat, tmp)) {
                free(tmp);
                return xstrdup(v + cut);
            }
        }
    }
    free(tmp);
    return xstrdup(v);
}

static char *expand_word_string(const char *w, size_t len, enum exp_mode mode)
{
    struct xbuf t = {0};
    expand_into(&t, w, len, 0, mode);
    char *s = mode == EXP_PATTERN ? xb_to_pattern(&t, 0) : xb_to_string(&t, 0);
    xb_free(&t);
    return s;
}

/* Expands one parameter: body is the inside of ${...} or the name after $. */
void expand_param(struct xbuf *x, const char *body, size_t len, int dq, enum exp_mode mode)
{
    int length_of = 0;
    if (len > 1 && body[0] == '#' && name_length(body + 1, len - 1) == len - 1) {
        length_of = 1;
        body++;
        len--;
    }
    size_t nl = name_length(body, len);
    if (nl == 0)
        sh_error(2, "${%.*s}: bad substitution", (int)len, body);
    char *name = xstrndup(body, nl);
    const char *op = body + nl;
    size_t oplen = len - nl;
    char *val = param_value(name);
    int special_list = (name[0] == '@' || name[0] == '*') && !name[1];
    int colon = oplen > 0 && op[0] == ':';
    char kind = oplen > (size_t)colon ? op[colon] : 0;
    const char *word = op + colon + (kind ? 1 : 0);
    size_t wlen = oplen - (size_t)colon - (kind ? 1 : 0);
    if (oplen && !strchr("-=?+#%", kind))
        sh_error(2, "${%.*s}: bad substitution", (int)len, body);
    if (colon && (kind == '#' || kind == '%'))
        sh_error(2, "${%.*s}: bad substitution", (int)len, body);
    int missing = !val || (colon && !*val);
    if (!val && sh.opts[OPT_NOUNSET] && !special_list && !strchr("-=?+", kind ? kind : 'x')) {
        free(name);
        sh_error(2, "%s: parameter not set", body[0] == '#' && nl == 1 ? "#" : body);
    }
    if (length_of) {
        char *n = xasprintf("%zu", val ? strlen(val) : 0);
        xb_adds(x, n, dq ? A_QUOTED : A_SPLIT);
        free(n);
    } else if (kind == '-' || kind == '+') {
        if ((kind == '-') == missing) {
            expanding_param_word++;
            expand_into(x, word, wlen, dq, mode);
            expanding_param_word--;
        } else if (kind == '-' && special_list)
            expand_special_list(x, name[0], dq, mode);
        else if (kind == '-')
            xb_adds(x, val, dq ? A_QUOTED : A_SPLIT);
    } else if (kind == '=') {
        if (missing) {
            if (!is_name(name))
                sh_error(2, "%s: cannot assign in this way", name);
            free(val);
            val = expand_word_string(word, wlen, EXP_ASSIGN);
            if (var_set_checked(name, val) < 0)
                sh_error(2, "%s: is read only", name);
        }
        xb_adds(x, val, dq ? A_QUOTED : A_SPLIT);
    } else if (kind == '?') {
        if (missing) {
            char *msg = wlen ? expand_word_string(word, wlen, EXP_STRING)
                             : xstrdup(val ? "parameter null" : "parameter not set");
            char buf[512];
            snprintf(buf, sizeof buf, "%s: %s", name, msg);
            free(msg);
            free(name);
            free(val);
            sh_error(2, "%s", buf);
        }
        xb_adds(x, val, dq ? A_QUOTED : A_SPLIT);
    } else if (kind == '#' || kind == '%') {
        int longest = wlen > 0 && word[0] == kind;
        char *pat = expand_word_string(word + longest, wlen - (size_t)longest, EXP_PATTERN);
        char *r = remove_affix(val ? val : "", pat, kind == '%', longest);
        xb_adds(x, r, dq ? A_QUOTED : A_SPLIT);
        free(r);
        free(pat);
    } else if (special_list) {
        expand_special_list(x, name[0], dq, mode);
    } else if (val) {
        xb_adds(x, val, dq ? A_QUOTED : A_SPLIT);
    }
    free(val);
    free(name);
}
