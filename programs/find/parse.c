/*
 * find's expression parser: POSIX's grammar of primaries joined by ! -a -o and parentheses
 * (with -not, -and, -or), plus the global options -maxdepth and -mindepth.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "find.h"
#include "util.h"

struct parser {
    int argc, pos;
    char **argv;
    struct find_options *opts;
};

static struct find_node *parse_or(struct parser *p);

static struct find_node *node(enum find_kind kind)
{
    struct find_node *n = xmalloc(sizeof(*n));
    memset(n, 0, sizeof(*n));
    n->kind = kind;
    return n;
}

static const char *need_arg(struct parser *p, const char *primary)
{
    if (p->pos >= p->argc)
        die(1, "missing argument to '%s'", primary);
    return p->argv[p->pos++];
}

static long long number_arg(const char *text, const char *primary)
{
    char *end;
    long long v = strtoll(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v < 0)
        die(1, "invalid argument '%s' to '%s'", text, primary);
    return v;
}

// -exec's command up to ";" or "{} +".
static struct find_node *parse_exec(struct parser *p)
{
    struct find_node *n = node(F_EXEC);
    int start = p->pos;
    for (; p->pos < p->argc; p->pos++) {
        const char *a = p->argv[p->pos];
        if (strcmp(a, ";") == 0)
            break;
        if (strcmp(a, "+") == 0 && p->pos > start && strcmp(p->argv[p->pos - 1], "{}") == 0) {
            n->kind = F_EXEC_PLUS;
            break;
        }
    }
    if (p->pos >= p->argc || p->pos == start)
        die(1, "missing argument to '-exec'");
    n->argv = p->argv + start;
    n->argc = p->pos - start;
    p->pos++;
    p->opts->has_action = 1;
    return n;
}

// A number with an optional + or - in front, into n->number and n->cmp.
static void signed_number(struct find_node *n, const char *arg, const char *primary)
{
    if (*arg == '+' || *arg == '-')
        n->cmp = *arg++ == '+' ? 1 : -1;
    n->number = number_arg(arg, primary);
}

// -user / -group: a name, or else a number.
static struct find_node *parse_owner(const char *arg, int group)
{
    struct find_node *n = node(group ? F_GROUP : F_USER);
    struct passwd *p = group ? NULL : getpwnam(arg);
    struct group *g = group ? getgrnam(arg) : NULL;
    if (p || g) {
        n->number = p ? (long long)p->pw_uid : (long long)g->gr_gid;
        return n;
    }
    char *end;
    n->number = strtoll(arg, &end, 10);
    if (*arg == '\0' || *end != '\0')
        die(1, "'%s' is not the name of a known %s", arg, group ? "group" : "user");
    return n;
}

// -size [+-]N[c]: blocks of 512 bytes, or bytes with c.
static struct find_node *parse_size(const char *arg)
{
    struct find_node *n = node(F_SIZE);
    char buf[64];
    snprintf(buf, sizeof(buf), "%s", arg);
    char *s = buf;
    if (*s == '+' || *s == '-')
        n->cmp = *s++ == '+' ? 1 : -1;
    size_t len = strlen(s);
    if (len > 0 && s[len - 1] == 'c') {
        n->bytes = 1;
        s[len - 1] = '\0';
    }
    n->number = number_arg(s, "-size");
    return n;
}

// One primary, a negation or a parenthesised expression.
static struct find_node *parse_primary(struct parser *p)
{
    if (p->pos >= p->argc)
        die(1, "expected an expression");
    const char *a = p->argv[p->pos++];
    struct find_node *n;
    if (strcmp(a, "(") == 0) {
        n = parse_or(p);
        if (p->pos >= p->argc || strcmp(p->argv[p->pos], ")") != 0)
            die(1, "missing ')'");
        p->pos++;
        return n;
    }
    if (strcmp(a, "!") == 0 || strcmp(a, "-not") == 0) {
        n = node(F_NOT);
        n->left = parse_primary(p);
        return n;
    }
    if (strcmp(a, "-name") == 0 || strcmp(a, "-iname") == 0 || strcmp(a, "-path") == 0) {
        n = node(a[1] == 'n' ? F_NAME : a[1] == 'i' ? F_INAME : F_PATH);
        n->arg = need_arg(p, a);
        return n;
    }
    if (strcmp(a, "-type") == 0) {
        n = node(F_TYPE);
        n->arg = need_arg(p, a);
        if (strlen(n->arg) != 1 || !strchr("bcdflps", n->arg[0]))
            die(1, "unknown argument to -type: %s", n->arg);
        return n;
    }
    if (strcmp(a, "-maxdepth") == 0 || strcmp(a, "-mindepth") == 0) {
        long long v = number_arg(need_arg(p, a), a);
        if (a[2] == 'a')
            p->opts->maxdepth = (int)v;
        else
            p->opts->mindepth = (int)v;
        return node(F_TRUE);
    }
    if (strcmp(a, "-print") == 0 || strcmp(a, "-print0") == 0) {
        p->opts->has_action = 1;
        return node(a[6] ? F_PRINT0 : F_PRINT);
    }
    if (strcmp(a, "-exec") == 0)
        return parse_exec(p);
    if (strcmp(a, "-prune") == 0)
        return node(F_PRUNE);
    if (strcmp(a, "-depth") == 0 || strcmp(a, "-xdev") == 0 || strcmp(a, "-mount") == 0) {
        if (a[1] == 'd')
            p->opts->depth_first = 1;
        else
            p->opts->same_device = 1;
        return node(F_TRUE);
    }
    if (a[0] == '-' && a[1] && strchr("acm", a[1]) &&
        (strcmp(a + 2, "time") == 0 || strcmp(a + 2, "min") == 0)) {
        n = node(F_TIME);
        n->which = a[1];
        n->unit = a[2] == 't' ? 86400 : 60;
        signed_number(n, need_arg(p, a), a);
        return n;
    }
    if (strcmp(a, "-user") == 0 || strcmp(a, "-group") == 0)
        return parse_owner(need_arg(p, a), a[1] == 'g');
    if (strcmp(a, "-nouser") == 0 || strcmp(a, "-nogroup") == 0)
        return node(a[3] == 'u' ? F_NOUSER : F_NOGROUP);
    if (strcmp(a, "-links") == 0) {
        n = node(F_LINKS);
        signed_number(n, need_arg(p, a), a);
        return n;
    }
    if (strcmp(a, "-true") == 0 || strcmp(a, "-false") == 0)
        return node(a[1] == 't' ? F_TRUE : F_FALSE);
    if (strcmp(a, "-empty") == 0)
        return node(F_EMPTY);
    if (strcmp(a, "-size") == 0)
        return parse_size(need_arg(p, a));
    if (strcmp(a, "-newer") == 0) {
        n = node(F_NEWER);
        const char *file = need_arg(p, a);
        if (stat(file, &n->ref) < 0)
            die(1, "'%s': No such file or directory", file);
        return n;
    }
    if (strcmp(a, "-perm") == 0) {
        n = node(F_PERM);
        const char *arg = need_arg(p, a);
        if (*arg == '-' || *arg == '/')
            n->cmp = *arg++ == '-' ? -1 : 1;
        char *end;
        n->number = strtoll(arg, &end, 8);
        if (*arg == '\0' || *end != '\0')
            die(1, "invalid mode '%s'", arg);
        return n;
    }
    die(1, "unknown predicate '%s'", a);
}

// Primaries side by side, or joined by -a / -and.
static struct find_node *parse_and(struct parser *p)
{
    struct find_node *left = parse_primary(p);
    while (p->pos < p->argc) {
        const char *a = p->argv[p->pos];
        if (strcmp(a, "-o") == 0 || strcmp(a, "-or") == 0 || strcmp(a, ")") == 0)
            break;
        if (strcmp(a, "-a") == 0 || strcmp(a, "-and") == 0)
            p->pos++;
        struct find_node *n = node(F_AND);
        n->left = left;
        n->right = parse_primary(p);
        left = n;
    }
    return left;
}

static struct find_node *parse_or(struct parser *p)
{
    struct find_node *left = parse_and(p);
    while (p->pos < p->argc &&
           (strcmp(p->argv[p->pos], "-o") == 0 || strcmp(p->argv[p->pos], "-or") == 0)) {
        p->pos++;
        struct find_node *n = node(F_OR);
        n->left = left;
        n->right = parse_and(p);
        left = n;
    }
    return left;
}

struct find_node *find_parse(int argc, char **argv, struct find_options *opts)
{
    if (argc == 0)
        return NULL;
    struct parser p = {argc, 0, argv, opts};
    struct find_node *n = parse_or(&p);
    if (p.pos < argc)
        die(1, "unexpected '%s'", argv[p.pos]);
    return n;
}
