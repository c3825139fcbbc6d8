/*
 * test and [: evaluates a conditional expression of file tests, string and integer comparisons
 * joined by ! -a -o and parentheses, using POSIX's rules for one to four arguments. Exit status
 * 0 if true, 1 if false, 2 on an error.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "filetest.h"
#include "util.h"

static char **args;
static int nargs, pos;

static int expr_or(void);

static void syntax_error(const char *what)
{
    die(2, "%s", what);
}

// The value of an integer operand (blanks around it allowed); exits with status 2 if it is not
// one.
static long long integer(const char *s)
{
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    char *end;
    errno = 0;
    long long v = strtoll(p, &end, 10);
    while (isspace((unsigned char)*end))
        end++;
    if (end == p || *end != '\0' || errno == ERANGE ||
        !(isdigit((unsigned char)*p) || ((*p == '-' || *p == '+') && isdigit((unsigned char)p[1]))))
        die(2, "invalid integer '%s'", s);
    return v;
}

static int is_unary(const char *s)
{
    return s[0] == '-' && s[1] && !s[2] && strchr("bcdefghLkprsStuwxznOG", s[1]);
}

static int is_binary(const char *s)
{
    static const char *const ops[] = {"=",   "==",  "!=",  "-eq", "-ne", "-gt", "-ge",
                                      "-lt", "-le", "-nt", "-ot", "-ef", NULL};
    for (int i = 0; ops[i]; i++)
        if (strcmp(s, ops[i]) == 0)
            return 1;
    return 0;
}

// Evaluates the unary primary -op on arg.
static int unary(char op, const char *arg)
{
    if (op == 'n')
        return *arg != '\0';
    if (op == 'z')
        return *arg == '\0';
    if (op == 't')
        return isatty((int)integer(arg));
    return file_test(op, arg);
}

// Compares modification times for -nt (sign 1) and -ot (sign -1); a missing file is older.
static int newer(const char *a, const char *b, int sign)
{
    struct stat sa, sb;
    int ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;
    if (!ha || !hb)
        return sign > 0 ? ha && !hb : hb && !ha;
    long long d = (long long)sa.st_mtim.tv_sec - (long long)sb.st_mtim.tv_sec;
    if (d == 0)
        d = sa.st_mtim.tv_nsec - sb.st_mtim.tv_nsec;
    return sign > 0 ? d > 0 : d < 0;
}

// Evaluates the binary primary a op b.
static int binary(const char *a, const char *op, const char *b)
{
    if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
        return strcmp(a, b) == 0;
    if (strcmp(op, "!=") == 0)
        return strcmp(a, b) != 0;
    if (strcmp(op, "-nt") == 0 || strcmp(op, "-ot") == 0)
        return newer(a, b, op[1] == 'n' ? 1 : -1);
    if (strcmp(op, "-ef") == 0) {
        struct stat sa, sb;
        return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
               sa.st_ino == sb.st_ino;
    }
    long long x = integer(a), y = integer(b);
    switch (op[1] * 256 + op[2]) {
    case 'e' * 256 + 'q':
        return x == y;
    case 'n' * 256 + 'e':
        return x != y;
    case 'g' * 256 + 't':
        return x > y;
    case 'g' * 256 + 'e':
        return x >= y;
    case 'l' * 256 + 't':
        return x < y;
    }
    return x <= y;
}

// The general grammar (more than four arguments): a primary, a parenthesised expression or a
// lone string.
static int primary(void)
{
    if (pos >= nargs)
        syntax_error("argument expected");
    const char *a = args[pos];
    if (pos + 2 < nargs && is_binary(args[pos + 1])) {
        pos += 3;
        return binary(a, args[pos - 2], args[pos - 1]);
    }
    if (strcmp(a, "(") == 0) {
        pos++;
        int r = expr_or();
        if (pos >= nargs || strcmp(args[pos], ")") != 0)
            syntax_error("')' expected");
        pos++;
        return r;
    }
    if (is_unary(a) && pos + 1 < nargs) {
        pos += 2;
        return unary(a[1], args[pos - 1]);
    }
    pos++;
    return *a != '\0';
}

static int expr_not(void)
{
    if (pos < nargs && strcmp(args[pos], "!") == 0) {
        pos++;
        return !expr_not();
    }
    return primary();
}

static int expr_and(void)
{
    int r = expr_not();
    while (pos < nargs && strcmp(args[pos], "-a") == 0) {
        pos++;
        r = expr_not() && r;
    }
    return r;
}

static int expr_or(void)
{
    int r = expr_and();
    while (pos < nargs && strcmp(args[pos], "-o") == 0) {
        pos++;
        r = expr_and() || r;
    }
    return r;
}

// POSIX's fixed meanings for up to four arguments; -1 when the general grammar applies.
static int evaluate_short(char **a, int n)
{
    switch (n) {
    case 0:
        return 0;
    case 1:
        return *a[0] != '\0';
    case 2:
        if (strcmp(a[0], "!") == 0)
            return *a[1] == '\0';
        if (is_unary(a[0]))
            return unary(a[0][1], a[1]);
        die(2, "'%s': unary operator expected", a[0]);
    case 3:
        if (is_binary(a[1]))
            return binary(a[0], a[1], a[2]);
        if (strcmp(a[0], "!") == 0)
            return !evaluate_short(a + 1, 2);
        if (strcmp(a[0], "(") == 0 && strcmp(a[2], ")") == 0)
            return *a[1] != '\0';
        break;
    case 4:
        if (strcmp(a[0], "!") == 0)
            return !evaluate_short(a + 1, 3);
        if (strcmp(a[0], "(") == 0 && strcmp(a[3], ")") == 0)
            return evaluate_short(a + 1, 2);
        break;
    }
    return -1;
}

int main(int argc, char **argv)
{
    const char *slash = strrchr(argv[0], '/');
    const char *name = slash ? slash + 1 : argv[0];
    int bracket = strcmp(name, "[") == 0;
    util_init(bracket ? "[" : "test");
    if (bracket) {
        if (argc < 2 || strcmp(argv[argc - 1], "]") != 0)
            die(2, "missing ']'");
        argc--;
    }
    args = argv + 1;
    nargs = argc - 1;
    int r = evaluate_short(args, nargs);
    if (r < 0) {
        r = expr_or();
        if (pos < nargs)
            die(2, "extra argument '%s'", args[pos]);
    }
    return r ? 0 : 1;
}
