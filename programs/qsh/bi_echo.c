/* Output builtins: echo (as dash does it: -n, and backslash escapes always on) and printf. */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"

/* Writes s to sb, interpreting backslash escapes; returns 1 if \c asked to stop all output.
   In printf's format an octal escape has up to three digits; in echo and %b a leading 0. */
static int escapes(struct strbuf *sb, const char *s, int echo_style)
{
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            sb_addc(sb, *s);
            continue;
        }
        char c = *++s;
        switch (c) {
        case 'a':
            sb_addc(sb, '\a');
            break;
        case 'b':
            sb_addc(sb, '\b');
            break;
        case 'c':
            if (echo_style)
                return 1;
            sb_adds(sb, "\\c");
            break;
        case 'f':
            sb_addc(sb, '\f');
            break;
        case 'n':
            sb_addc(sb, '\n');
            break;
        case 'r':
            sb_addc(sb, '\r');
            break;
        case 't':
            sb_addc(sb, '\t');
            break;
        case 'v':
            sb_addc(sb, '\v');
            break;
        case '\\':
            sb_addc(sb, '\\');
            break;
        default:
            if ((echo_style && c == '0') || (!echo_style && c >= '0' && c <= '7')) {
                int v = 0, n = 0;
                const char *p = echo_style ? s + 1 : s;
                while (n < 3 && *p >= '0' && *p <= '7') {
                    v = v * 8 + (*p++ - '0');
                    n++;
                }
                sb_addc(sb, (char)v);
                s = p - 1;
            } else {
                sb_addc(sb, '\\');
                sb_addc(sb, c);
            }
        }
    }
    return 0;
}

int bi_echo(char **argv)
{
    int i = 1, newline = 1;
    if (argv[1] && strcmp(argv[1], "-n") == 0) {
        newline = 0;
        i++;
    }
    struct strbuf sb = {0};
    int stop = 0;
    for (; argv[i] && !stop; i++) {
        if (sb.len || i > (newline ? 1 : 2))
            sb_addc(&sb, ' ');
        stop = escapes(&sb, argv[i], 1);
    }
    if (newline && !stop)
        sb_addc(&sb, '\n');
    if (sb.len)
        fwrite(sb.s, 1, sb.len, stdout);
    sb_free(&sb);
    return 0;
}

struct pf {
    char **args;
    int status;
};

static const char *next_arg(struct pf *pf)
{
    return *pf->args ? *pf->args++ : NULL;
}

static intmax_t num_arg(struct pf *pf)
{
    const char *a = next_arg(pf);
    if (!a)
        return 0;
    if (a[0] == '\'' || a[0] == '"')
        return (unsigned char)a[1];
    char *end;
    errno = 0;
    intmax_t v = strtoimax(a, &end, 0);
    if (*a && *end == 0 && errno == 0)
        return v;
    sh_warn("printf: %s: %s", a, errno ? "Result too large" : "expected numeric value");
    pf->status = 1;
    return end != a ? v : 0;
}

static double float_arg(struct pf *pf)
{
    const char *a = next_arg(pf);
    if (!a)
        return 0;
    if (a[0] == '\'' || a[0] == '"')
        return (unsigned char)a[1];
    char *end;
    double v = strtod(a, &end);
    if (*end) {
        sh_warn("printf: %s: expected numeric value", a);
        pf->status = 1;
    }
    return v;
}

/* Formats one conversion spec (from '%' up to the conversion letter) with the next args.
   Returns 1 if a %b argument contained \c. */
static int convert(struct strbuf *out, const char *spec, size_t len, struct pf *pf)
{
    struct strbuf f = {0};
    char conv = spec[len - 1];
    for (size_t i = 0; i + 1 < len; i++) {
        if (spec[i] == '*')
            sb_printf(&f, "%d", (int)num_arg(pf));
        else
            sb_addc(&f, spec[i]);
    }
    int stop = 0;
    char *s = NULL;
    switch (conv) {
    case 'd':
    case 'i':
        sb_adds(&f, "jd");
        s = xasprintf(f.s, num_arg(pf));
        break;
    case 'o':
    case 'u':
    case 'x':
    case 'X':
        sb_addc(&f, 'j');
        sb_addc(&f, conv);
        s = xasprintf(f.s, (uintmax_t)num_arg(pf));
        break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
        sb_addc(&f, conv);
        s = xasprintf(f.s, float_arg(pf));
        break;
    case 'c': {
        const char *a = next_arg(pf);
        sb_addc(&f, 'c');
        s = xasprintf(f.s, a && *a ? a[0] : 0);
        break;
    }
    case 'b': {
        struct strbuf b = {0};
        const char *a = next_arg(pf);
        stop = escapes(&b, a ? a : "", 1);
        sb_addc(&f, 's');
        s = xasprintf(f.s, b.s ? b.s : "");
        sb_free(&b);
        break;
    }
    default: {
        const char *a = next_arg(pf);
        sb_addc(&f, 's');
        s = xasprintf(f.s, a ? a : "");
        break;
    }
    }
    if (s)
        sb_adds(out, s);
    free(s);
    sb_free(&f);
    return stop;
}

int bi_printf(char **argv)
{
    int i = 1;
    if (argv[i] && strcmp(argv[i], "--") == 0)
        i++;
    if (!argv[i])
        sh_error(2, "printf: usage: printf format [arg ...]");
    const char *fmt = argv[i];
    struct pf pf = {argv + i + 1, 0};
    struct strbuf out = {0};
    for (;;) {
        char **before = pf.args;
        for (const char *p = fmt; *p;) {
            if (*p == '\\') {
                const char *start = p++;
                if (*p >= '0' && *p <= '7') {
                    int n = 0;
                    while (n < 3 && p[n] >= '0' && p[n] <= '7')
                        n++;
                    p += n;
                } else if (*p) {
                    p++;
                }
                char *esc = xstrndup(start, (size_t)(p - start));
                if (escapes(&out, esc, 0))
                    p = "";
                free(esc);
                continue;
            }
            if (*p != '%') {
                sb_addc(&out, *p++);
                continue;
            }
            if (p[1] == '%') {
                sb_addc(&out, '%');
                p += 2;
                continue;
            }
            size_t n = 1 + strspn(p + 1, "-+ #0123456789.*");
            if (!p[n] || !strchr("diouxXeEfFgGaAcsb", p[n])) {
                fwrite(out.s ? out.s : "", 1, out.len, stdout);
                sb_free(&out);
                sh_error(2, "printf: %.*s: invalid directive", (int)n + (p[n] != 0), p);
            }
            if (convert(&out, p, n + 1, &pf)) {
                fwrite(out.s ? out.s : "", 1, out.len, stdout);
                sb_free(&out);
                return pf.status;
            }
            p += n + 1;
        }
        if (!*pf.args || pf.args == before)
            break;
    }
    if (out.len)
        fwrite(out.s, 1, out.len, stdout);
    sb_free(&out);
    return pf.status;
}
