/* Input builtins: read (IFS splitting into variables, backslash handling without -r) and
   getopts. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"

struct line {
    struct strbuf text;
    struct strbuf escaped; /* '1' where the character was protected by a backslash */
};

static void add(struct line *l, char c, int esc)
{
    sb_addc(&l->text, c);
    sb_addc(&l->escaped, esc ? '1' : '0');
}

/* Reads one line a byte at a time (so nothing after it is consumed); returns 0 at EOF. */
static int read_line(struct line *l, int raw)
{
    for (;;) {
        char c;
        ssize_t n = read(0, &c, 1);
        if (n < 0 && errno == EINTR) {
            if (trap_pending)
                trap_run_pending();
            continue;
        }
        if (n <= 0)
            return 0;
        if (c == '\n')
            return 1;
        if (c == '\\' && !raw) {
            n = read(0, &c, 1);
            if (n <= 0)
                return 0;
            if (c != '\n')
                add(l, c, 1);
            continue;
        }
        add(l, c, 0);
    }
}

static int is_ifs(struct line *l, size_t i, const char *ifs)
{
    return l->escaped.s[i] == '0' && strchr(ifs, l->text.s[i]);
}

static int is_ifs_ws(struct line *l, size_t i, const char *ifs)
{
    return is_ifs(l, i, ifs) && strchr(" \t\n", l->text.s[i]);
}

/* The last variable takes the rest of the line; when that rest is one field and a final
   delimiter, the delimiter goes (as dash does). */
static size_t drop_last_delimiter(struct line *l, size_t p, size_t end, const char *ifs)
{
    if (end <= p || !is_ifs(l, end - 1, ifs) || is_ifs_ws(l, end - 1, ifs))
        return end;
    size_t e = end - 1;
    while (e > p && is_ifs_ws(l, e - 1, ifs))
        e--;
    for (size_t i = p; i < e; i++)
        if (is_ifs(l, i, ifs))
            return end;
    return e;
}

/* read [-r] [-p prompt] name...: one line split by IFS, the last name taking the rest. */
int bi_read(char **argv)
{
    int raw = 0, i = 1;
    const char *prompt = NULL;
    for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'r')
                raw = 1;
            else if (*o == 'p' && argv[i + 1])
                prompt = argv[++i];
            else
                sh_error(2, "read: Illegal option -%c", *o);
            if (*o == 'p')
                break;
        }
    }
    if (!argv[i])
        sh_error(2, "read: arg count");
    if (prompt && isatty(0))
        out_str(2, prompt);
    struct line l = {{0}, {0}};
    int got = read_line(&l, raw);
    sb_addc(&l.text, 0);
    l.text.len--;
    sb_addc(&l.escaped, 0);
    l.escaped.len--;
    const char *ifs = var_get("IFS");
    if (!ifs)
        ifs = " \t\n";
    size_t p = 0, n = l.text.len;
    while (p < n && is_ifs_ws(&l, p, ifs))
        p++;
    for (; argv[i]; i++) {
        struct strbuf field = {0};
        if (!argv[i + 1]) {
            size_t end = n;
            while (end > p && is_ifs_ws(&l, end - 1, ifs))
                end--;
            end = drop_last_delimiter(&l, p, end, ifs);
            sb_addn(&field, l.text.s + p, end - p);
        } else {
            while (p < n && !is_ifs(&l, p, ifs))
                sb_addc(&field, l.text.s[p++]);
            while (p < n && is_ifs_ws(&l, p, ifs))
                p++;
            if (p < n && is_ifs(&l, p, ifs)) {
                p++;
                while (p < n && is_ifs_ws(&l, p, ifs))
                    p++;
            }
        }
        char *v = sb_take(&field);
        if (var_set_checked(argv[i], v) < 0) {
            free(v);
            sb_free(&l.text);
            sb_free(&l.escaped);
            sh_error(2, "read: %s: is read only", argv[i]);
        }
        free(v);
    }
    sb_free(&l.text);
    sb_free(&l.escaped);
    return got ? 0 : 1;
}

static int optpos = 1;
static int last_optind = 1;

static void set_opt_result(const char *name, char c)
{
    char s[2] = {c, 0};
    var_set(name, s, 0);
}

/* getopts optstring name [arg...]: the next option, tracking the place inside a word of
   bundled options between calls. */
int bi_getopts(char **argv)
{
    if (!argv[1] || !argv[2])
        sh_error(2, "getopts: usage: getopts optstring var [arg ...]");
    const char *spec = argv[1], *name = argv[2];
    char **args = argv[3] ? argv + 3 : params->v;
    int nargs = 0;
    while (args && args[nargs])
        nargs++;
    const char *oi = var_get("OPTIND");
    int optind = oi ? atoi(oi) : 1;
    if (optind != last_optind || optind < 1) {
        optpos = 1;
        if (optind < 1)
            optind = 1;
    }
    int silent = spec[0] == ':';
    const char *arg = optind <= nargs ? args[optind - 1] : NULL;
    if (!arg || arg[0] != '-' || !arg[1] || (optpos == 1 && strcmp(arg, "--") == 0)) {
        if (arg && strcmp(arg, "--") == 0)
            optind++;
        set_opt_result(name, '?');
        var_unset("OPTARG");
        char num[16];
        snprintf(num, sizeof num, "%d", optind);
        var_set("OPTIND", num, 0);
        last_optind = optind;
        optpos = 1;
        return 1;
    }
    char c = arg[optpos++];
    const char *hit = c != ':' ? strchr(spec + silent, c) : NULL;
    if (!hit) {
        if (silent) {
            char s[2] = {c, 0};
            var_set("OPTARG", s, 0);
        } else {
            sh_warn("Illegal option -%c", c);
            var_unset("OPTARG");
        }
        set_opt_result(name, '?');
    } else if (hit[1] == ':') {
        char result = c;
        if (arg[optpos]) {
            var_set("OPTARG", arg + optpos, 0);
            optind++;
        } else if (optind < nargs) {
            var_set("OPTARG", args[optind], 0);
            optind += 2;
        } else if (silent) {
            char s[2] = {c, 0};
            var_set("OPTARG", s, 0);
            result = ':';
            optind++;
        } else {
            sh_warn("No arg for -%c option", c);
            var_unset("OPTARG");
            result = '?';
            optind++;
        }
        optpos = 1;
        set_opt_result(name, result);
    } else {
        set_opt_result(name, c);
        var_unset("OPTARG");
    }
    if (optpos > 1 && !arg[optpos]) {
        optind++;
        optpos = 1;
    }
    char num[16];
    snprintf(num, sizeof num, "%d", optind);
    var_set("OPTIND", num, 0);
    last_optind = optind;
    return 0;
}
