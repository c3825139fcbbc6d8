/* Arithmetic expansion: the C integer operators POSIX asks for (including assignment
   operators, the conditional operator and variables), evaluated in long integers by recursive
   descent. Operands that are not evaluated (after && || ?:) do not assign. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qsh.h"

struct arith {
    const char *expr, *p;
};

_Noreturn static void arith_error(struct arith *a, const char *msg)
{
    sh_error(2, "arithmetic expression: %s: \"%s\"", msg, a->expr);
}

static void skip_space(struct arith *a)
{
    while (isspace((unsigned char)*a->p))
        a->p++;
}

/* Consumes the operator op if it comes next and is not the start of a longer operator
   (an assignment operator, or && || << >> when op is their first character). */
static int accept(struct arith *a, const char *op)
{
    skip_space(a);
    size_t n = strlen(op);
    if (strncmp(a->p, op, n) != 0)
        return 0;
    char next = a->p[n];
    if (next == '=' && strchr("*/%+-<>&^|!", op[n - 1]))
        return 0;
    if (n == 1 && strchr("&|<>", op[0]) && next == op[0])
        return 0;
    a->p += n;
    return 1;
}

/* Reads a C integer constant (decimal, 0x hex, 0 octal) at s; anything glued to it is an error. */
static long parse_number(struct arith *a, const char *s, const char **end)
{
    char *e;
    long v = strtol(s, &e, 0);
    if (e == s || isalnum((unsigned char)*e) || *e == '_')
        arith_error(a, "bad number");
    *end = e;
    return v;
}

/* The value of a variable used in an expression: unset or empty is 0. */
static long var_value(struct arith *a, const char *name)
{
    const char *v = var_get(name);
    if (!v || !*v) {
        if (!v && sh.opts[OPT_NOUNSET])
            sh_error(2, "%s: parameter not set", name);
        return 0;
    }
    while (isspace((unsigned char)*v))
        v++;
    const char *end;
    long n = parse_number(a, v, &end);
    while (isspace((unsigned char)*end))
        end++;
    if (*end)
        sh_error(2, "Illegal number: %s", v);
    return n;
}

/* name op= expr, or a conditional expression; assignments bind right to left. */
static long assign_expr(struct arith *a, int ev);

/* A number, a variable or a parenthesized expression. With ev clear nothing is evaluated. */
static long primary(struct arith *a, int ev)
{
    skip_space(a);
    if (accept(a, "(")) {
        long v = assign_expr(a, ev);
        if (!accept(a, ")"))
            arith_error(a, "expecting ')'");
        return v;
    }
    if (isdigit((unsigned char)*a->p)) {
        const char *end;
        long v = parse_number(a, a->p, &end);
        a->p = end;
        return v;
    }
    if (isalpha((unsigned char)*a->p) || *a->p == '_') {
        const char *s = a->p;
        while (isalnum((unsigned char)*a->p) || *a->p == '_')
            a->p++;
        char *name = xstrndup(s, (size_t)(a->p - s));
        long v = ev ? var_value(a, name) : 0;
        free(name);
        return v;
    }
    arith_error(a, *a->p ? "syntax error" : "missing operand");
}

/* Arithmetic wraps around on overflow, as in dash, instead of being undefined. */
static long wrap_neg(long v)
{
    return (long)(0UL - (unsigned long)v);
}

static long unary(struct arith *a, int ev)
{
    if (accept(a, "+"))
        return unary(a, ev);
    if (accept(a, "-"))
        return wrap_neg(unary(a, ev));
    if (accept(a, "!"))
        return !unary(a, ev);
    if (accept(a, "~"))
        return ~unary(a, ev);
    return primary(a, ev);
}

/* Applies a binary operator; division by zero is only an error where it is evaluated. */
static long apply(struct arith *a, const char *op, long l, long r, int ev)
{
    switch (op[0]) {
    case '*':
        return (long)((unsigned long)l * (unsigned long)r);
    case '/':
    case '%':
        if (!ev)
            return 0;
        if (r == 0)
            arith_error(a, "division by zero");
        if (r == -1)
            return op[0] == '/' ? wrap_neg(l) : 0;
        return op[0] == '/' ? l / r : l % r;
    case '+':
        return (long)((unsigned long)l + (unsigned long)r);
    case '-':
        return (long)((unsigned long)l - (unsigned long)r);
    case '<':
        if (op[1] == '<')
            return (long)((unsigned long)l << (r & 63));
        return op[1] == '=' ? l <= r : l < r;
    case '>':
        if (op[1] == '>')
            return l >> (r & 63);
        return op[1] == '=' ? l >= r : l > r;
    case '=':
        return l == r;
    case '!':
        return l != r;
    case '&':
        return l & r;
    case '^':
        return l ^ r;
    default:
        return l | r;
    }
}

/* Binary operators by precedence level, loosest first (|| and && are handled apart). */
static const char *const levels[][5] = {{"|", NULL},
                                        {"^", NULL},
                                        {"&", NULL},
                                        {"==", "!=", NULL},
                                        {"<=", ">=", "<", ">", NULL},
                                        {"<<", ">>", NULL},
                                        {"+", "-", NULL},
                                        {"*", "/", "%", NULL}};
#define NLEVELS ((int)(sizeof levels / sizeof levels[0]))

/* One precedence level of the binary operators (left-associative). */
static long binary(struct arith *a, int level, int ev)
{
    if (level == NLEVELS)
        return unary(a, ev);
    long l = binary(a, level + 1, ev);
    for (;;) {
        const char *op = NULL;
        for (int i = 0; levels[level][i]; i++)
            if (accept(a, levels[level][i])) {
                op = levels[level][i];
                break;
            }
        if (!op)
            return l;
        long r = binary(a, level + 1, ev);
        l = apply(a, op, l, r, ev);
    }
}

static long and_expr(struct arith *a, int ev)
{
    long l = binary(a, 0, ev);
    while (accept(a, "&&")) {
        long r = binary(a, 0, ev && l);
        l = l && r;
    }
    return l;
}

static long or_expr(struct arith *a, int ev)
{
    long l = and_expr(a, ev);
    while (accept(a, "||")) {
        long r = and_expr(a, ev && !l);
        l = l || r;
    }
    return l;
}

/* cond ? a : b, evaluating only the chosen branch. */
static long cond_expr(struct arith *a, int ev)
{
    long c = or_expr(a, ev);
    if (!accept(a, "?"))
        return c;
    long t = assign_expr(a, ev && c);
    if (!accept(a, ":"))
        arith_error(a, "expecting ':'");
    long f = cond_expr(a, ev && !c);
    return c ? t : f;
}

static long assign_expr(struct arith *a, int ev)
{
    static const char *const ops[] = {
        "=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=", "|=", NULL};
    skip_space(a);
    const char *save = a->p;
    if (isalpha((unsigned char)*a->p) || *a->p == '_') {
        const char *s = a->p;
        while (isalnum((unsigned char)*a->p) || *a->p == '_')
            a->p++;
        size_t n = (size_t)(a->p - s);
        skip_space(a);
        for (int i = 0; ops[i]; i++) {
            size_t on = strlen(ops[i]);
            if (strncmp(a->p, ops[i], on) != 0 || a->p[on] == '=')
                continue;
            a->p += on;
            char *name = xstrndup(s, n);
            long r = assign_expr(a, ev);
            if (ev) {
                if (ops[i][0] != '=')
                    r = apply(a, ops[i], var_value(a, name), r, ev);
                char num[32];
                snprintf(num, sizeof num, "%ld", r);
                if (var_set_checked(name, num) < 0)
                    sh_error(2, "%s: is read only", name);
            }
            free(name);
            return r;
        }
    }
    a->p = save;
    return cond_expr(a, ev);
}

/* Evaluates the text of $((...)) after its parameters were expanded. */
long arith_eval(const char *expr)
{
    struct arith a = {expr, expr};
    skip_space(&a);
    if (!*a.p)
        return 0;
    long v = assign_expr(&a, 1);
    skip_space(&a);
    if (*a.p)
        arith_error(&a, "syntax error");
    return v;
}
