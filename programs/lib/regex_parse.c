/*
 * The regular expression parser: BRE and ERE text to a syntax tree (regex_internal.h). It
 * follows POSIX, with the GNU extensions grep users expect (\+ \? \| in BRE, back-references
 * in ERE); it does not generate or run code.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "regex.h"
#include "regex_internal.h"
#include "util.h"

struct parser {
    const char *p, *end;
    int ere, icase;
    const char *error;
    struct node *nodes;
    int nnodes, cap;
    uint8_t (*classes)[32];
    int nclasses;
    int ngroups;
    int open_groups;
    int closed[REGEX_GROUPS];
};

// Branches separated by "|" (ERE) or "\|" (BRE).
static int parse_alt(struct parser *ps);

static int add_node(struct parser *ps, enum node_kind kind, int a, int b)
{
    if (ps->nnodes == ps->cap) {
        ps->cap = ps->cap ? ps->cap * 2 : 32;
        ps->nodes = xrealloc(ps->nodes, (size_t)ps->cap * sizeof(*ps->nodes));
    }
    struct node *n = &ps->nodes[ps->nnodes];
    memset(n, 0, sizeof(*n));
    n->kind = kind;
    n->a = a;
    n->b = b;
    return ps->nnodes++;
}

// Records the first error; returns -1 for the caller to pass on.
static int fail(struct parser *ps, const char *message)
{
    if (!ps->error)
        ps->error = message;
    return -1;
}

// A new empty byte set; its index in *index. Earlier set pointers may move.
static uint8_t *new_class(struct parser *ps, int *index)
{
    ps->classes = xrealloc(ps->classes, (size_t)(ps->nclasses + 1) * sizeof(*ps->classes));
    memset(ps->classes[ps->nclasses], 0, 32);
    *index = ps->nclasses++;
    return ps->classes[*index];
}

// A literal byte: a letter under REGEX_ICASE becomes a two-member class.
static int literal(struct parser *ps, int c)
{
    if (ps->icase && isalpha(c)) {
        int index;
        uint8_t *set = new_class(ps, &index);
        regex_set_add(set, tolower(c));
        regex_set_add(set, toupper(c));
        int n = add_node(ps, N_CLASS, 0, 0);
        ps->nodes[n].value = index;
        return n;
    }
    int n = add_node(ps, N_CHAR, 0, 0);
    ps->nodes[n].value = c;
    return n;
}

// A bracket expression, the '[' already consumed.
static int parse_bracket(struct parser *ps)
{
    int index;
    uint8_t *set = new_class(ps, &index);
    const char *error = NULL;
    if (regex_bracket(&ps->p, ps->end, ps->icase, set, &error) < 0)
        return fail(ps, error);
    int n = add_node(ps, N_CLASS, 0, 0);
    ps->nodes[n].value = index;
    return n;
}

// Reads "m}", "m,}", "m,n}" or ",n}" (BRE: with "\}") after the opening brace; 1 if it was
// an interval, 0 if not (ERE then takes the brace literally), -1 on an error.
static int parse_interval(struct parser *ps, int *min, int *max)
{
    const char *q = ps->p;
    long lo = 0, hi;
    int digits = 0;
    while (q < ps->end && isdigit((unsigned char)*q) && lo <= REGEX_DUP_MAX + 1) {
        lo = lo * 10 + (*q++ - '0');
        digits++;
    }
    hi = lo;
    if (q < ps->end && *q == ',') {
        q++;
        hi = -1;
        if (q < ps->end && isdigit((unsigned char)*q)) {
            hi = 0;
            while (q < ps->end && isdigit((unsigned char)*q) && hi <= REGEX_DUP_MAX + 1)
                hi = hi * 10 + (*q++ - '0');
        }
    } else if (digits == 0) {
        return ps->ere ? 0 : fail(ps, "Invalid content of \\{\\}");
    }
    if (!ps->ere) {
        if (q + 1 >= ps->end || q[0] != '\\' || q[1] != '}')
            return fail(ps, q >= ps->end ? "Unmatched \\{" : "Invalid content of \\{\\}");
        q += 2;
    } else {
        if (q >= ps->end || *q != '}')
            return 0;
        q++;
    }
    if (lo > REGEX_DUP_MAX || hi > REGEX_DUP_MAX)
        return fail(ps, "Regular expression too big");
    if (hi >= 0 && hi < lo)
        return fail(ps, "Invalid content of \\{\\}");
    ps->p = q;
    *min = (int)lo;
    *max = (int)hi;
    return 1;
}

// Whether the parser stands at the end of a branch: the pattern's end, "|" or ")" in the
// syntax in use. A BRE '$' is an anchor only there.
static int at_branch_end(const struct parser *ps, const char *q)
{
    if (q >= ps->end)
        return 1;
    if (ps->ere)
        return *q == '|' || (*q == ')' && ps->open_groups > 0);
    return q + 1 < ps->end && q[0] == '\\' && (q[1] == ')' || q[1] == '|');
}

// A group after its opening parenthesis.
static int parse_group(struct parser *ps)
{
    int number = ++ps->ngroups;
    ps->open_groups++;
    int body = parse_alt(ps);
    if (body < 0)
        return -1;
    if (ps->ere) {
        if (ps->p >= ps->end || *ps->p != ')')
            return fail(ps, "Unmatched ( or \\(");
        ps->p++;
    } else {
        if (ps->p + 1 >= ps->end || ps->p[0] != '\\' || ps->p[1] != ')')
            return fail(ps, "Unmatched ( or \\(");
        ps->p += 2;
    }
    ps->open_groups--;
    if (number < REGEX_GROUPS)
        ps->closed[number] = 1;
    int n = add_node(ps, N_GROUP, body, 0);
    ps->nodes[n].min = number;
    return n;
}

// An escaped character after its backslash.
static int parse_escape(struct parser *ps)
{
    if (ps->p >= ps->end)
        return fail(ps, "Trailing backslash");
    int c = (unsigned char)*ps->p++;
    if (c >= '1' && c <= '9') {
        if (!ps->closed[c - '0'])
            return fail(ps, "Invalid back reference");
        int n = add_node(ps, N_BACKREF, 0, 0);
        ps->nodes[n].min = c - '0';
        return n;
    }
    if (!ps->ere && c == '(')
        return parse_group(ps);
    if (!ps->ere && (c == ')' || c == '}'))
        return fail(ps, c == ')' ? "Unmatched ) or \\)" : "Unmatched \\{");
    if (!ps->ere && c == '{')
        return fail(ps, "Invalid preceding regular expression");
    return literal(ps, c);
}

// One atom, or -2 at the end of a branch. first says whether it opens the branch (where a
// '*' is literal in BRE and a repetition of nothing in ERE).
static int parse_atom(struct parser *ps, int first)
{
    if (at_branch_end(ps, ps->p))
        return -2;
    int c = (unsigned char)*ps->p++;
    switch (c) {
    case '.':
        return add_node(ps, N_ANY, 0, 0);
    case '[':
        return parse_bracket(ps);
    case '\\':
        return parse_escape(ps);
    case '^':
        if (ps->ere || first)
            return add_node(ps, N_BOL, 0, 0);
        return literal(ps, c);
    case '$':
        if (ps->ere || at_branch_end(ps, ps->p))
            return add_node(ps, N_EOL, 0, 0);
        return literal(ps, c);
    case '*':
        if (ps->ere && first)
            return add_node(ps, N_EMPTY, 0, 0);
        return literal(ps, c);
    }
    if (ps->ere) {
        if (c == '(')
            return parse_group(ps);
        if ((c == '+' || c == '?') && first)
            return add_node(ps, N_EMPTY, 0, 0);
        if (c == '{' && first)
            return literal(ps, c);
    }
    return literal(ps, c);
}

// The repetition operator at the parser's position, if any: 1 with the bounds, 0 if there is
// none, -1 on an error.
static int parse_repeat_op(struct parser *ps, int *min, int *max)
{
    if (ps->p >= ps->end)
        return 0;
    char c = *ps->p;
    int bre_escape = !ps->ere && c == '\\' && ps->p + 1 < ps->end;
    char e = bre_escape ? ps->p[1] : 0;
    if (c == '*') {
        ps->p++;
        *min = 0;
        *max = -1;
        return 1;
    }
    if ((ps->ere && c == '+') || e == '+') {
        ps->p += bre_escape ? 2 : 1;
        *min = 1;
        *max = -1;
        return 1;
    }
    if ((ps->ere && c == '?') || e == '?') {
        ps->p += bre_escape ? 2 : 1;
        *min = 0;
        *max = 1;
        return 1;
    }
    if ((ps->ere && c == '{') || e == '{') {
        const char *save = ps->p;
        ps->p += bre_escape ? 2 : 1;
        int r = parse_interval(ps, min, max);
        if (r == 0)
            ps->p = save;
        return r;
    }
    return 0;
}

// A concatenation of repeated atoms, up to "|", ")" or the end.
static int parse_cat(struct parser *ps)
{
    int result = -1;
    for (int first = 1;; first = 0) {
        int atom = parse_atom(ps, first);
        if (atom == -2)
            break;
        if (atom < 0)
            return -1;
        int min, max, r;
        while ((r = parse_repeat_op(ps, &min, &max)) == 1) {
            if (ps->nodes[atom].kind == N_BOL && !ps->ere) {
                atom = add_node(ps, N_CAT, atom, literal(ps, '*'));
                continue;
            }
            atom = add_node(ps, N_REPEAT, atom, 0);
            ps->nodes[atom].min = min;
            ps->nodes[atom].max = max;
        }
        if (r < 0)
            return -1;
        result = result < 0 ? atom : add_node(ps, N_CAT, result, atom);
    }
    return result < 0 ? add_node(ps, N_EMPTY, 0, 0) : result;
}

static int parse_alt(struct parser *ps)
{
    int left = parse_cat(ps);
    while (left >= 0 && ps->p < ps->end) {
        if (ps->ere && *ps->p == '|')
            ps->p++;
        else if (!ps->ere && ps->p + 1 < ps->end && ps->p[0] == '\\' && ps->p[1] == '|')
            ps->p += 2;
        else
            break;
        int right = parse_cat(ps);
        if (right < 0)
            return -1;
        left = add_node(ps, N_ALT, left, right);
    }
    return left;
}

int regex_parse(const char *pattern, size_t len, int flags, struct parse_result *out,
                const char **error)
{
    struct parser ps;
    memset(&ps, 0, sizeof(ps));
    ps.p = pattern;
    ps.end = pattern + len;
    ps.ere = (flags & REGEX_EXTENDED) != 0;
    ps.icase = (flags & REGEX_ICASE) != 0;
    int root = parse_alt(&ps);
    if (root >= 0 && ps.p < ps.end)
        root = fail(&ps, ps.ere ? "Unmatched ) or \\)" : "Unmatched ) or \\)");
    if (root < 0) {
        *error = ps.error ? ps.error : "Invalid regular expression";
        free(ps.nodes);
        free(ps.classes);
        return -1;
    }
    out->nodes = ps.nodes;
    out->root = root;
    out->ngroups = ps.ngroups;
    out->classes = ps.classes;
    out->nclasses = ps.nclasses;
    return 0;
}
