/* The shell state a child qsh inherits (qsh --subshell FD): variables with their flags,
   functions as source text, aliases, positional parameters, options, traps, $?, $$, $!, $0
   and the working directory, then the text the child is to run. Records are a tag letter followed
   by length-prefixed strings ("5:hello"), so any byte can travel. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qsh.h"

enum { FLAG_UNSET = 8 };

static void put(struct strbuf *sb, const char *s)
{
    sb_printf(sb, "%zu:", strlen(s));
    sb_adds(sb, s);
}

static void put_var(const char *name, const char *value, int flags, void *ctx)
{
    struct strbuf *sb = ctx;
    char f[8];
    snprintf(f, sizeof f, "%d", flags | (value ? 0 : FLAG_UNSET));
    sb_addc(sb, 'V');
    put(sb, f);
    put(sb, name);
    put(sb, value ? value : "");
}

static void put_func(struct func *fn, void *ctx)
{
    struct strbuf *sb = ctx;
    char *body = unparse(fn->body);
    char *text = xasprintf("%s() %s", fn->name, body);
    sb_addc(sb, 'F');
    put(sb, text);
    free(text);
    free(body);
}

static void put_alias(const char *name, const char *value, void *ctx)
{
    struct strbuf *sb = ctx;
    sb_addc(sb, 'A');
    put(sb, name);
    put(sb, value);
}

/* Writes the whole state and the text to run on fd (the write end of the child's pipe). */
static void put_trap(int sig, const char *action, void *ctx)
{
    struct strbuf *sb = ctx;
    char num[16];
    snprintf(num, sizeof num, "%d", sig);
    sb_addc(sb, 'R');
    put(sb, num);
    put(sb, action);
}

void state_write(int fd, const char *text)
{
    struct strbuf sb = {0};
    char num[64];
    var_each(put_var, &sb);
    func_each(put_func, &sb);
    alias_each(put_alias, &sb);
    sb_addc(&sb, 'P');
    snprintf(num, sizeof num, "%d", params->n);
    put(&sb, num);
    for (int i = 0; i < params->n; i++)
        put(&sb, params->v[i]);
    sb_addc(&sb, 'O');
    for (int i = 0; i < OPT_COUNT; i++)
        num[i] = sh.opts[i] ? '1' : '0';
    num[OPT_COUNT] = 0;
    put(&sb, num);
    sb_addc(&sb, 'S');
    snprintf(num, sizeof num, "%d %ld %ld", sh.status, (long)sh.pid, (long)sh.last_bg);
    put(&sb, num);
    put(&sb, sh.arg0);
    trap_each(put_trap, &sb);
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd)) {
        sb_addc(&sb, 'D');
        put(&sb, cwd);
    }
    sb_addc(&sb, 'T');
    put(&sb, text);
    size_t off = 0;
    while (off < sb.len) {
        ssize_t n = write(fd, sb.s + off, sb.len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    sb_free(&sb);
}

struct reader {
    const char *p, *end;
};

static char *get(struct reader *r)
{
    char *colon;
    size_t n = strtoul(r->p, &colon, 10);
    if (colon >= r->end || *colon != ':' || (size_t)(r->end - colon - 1) < n) {
        out_str(2, "qsh: malformed shell state\n");
        _exit(2);
    }
    char *s = xstrndup(colon + 1, n);
    r->p = colon + 1 + n;
    return s;
}

/* Reads the whole state from fd, installs it and returns the text to run. */
char *state_read(int fd)
{
    struct strbuf sb = {0};
    char buf[8192];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        sb_addn(&sb, buf, (size_t)n);
    }
    close(fd);
    struct reader r = {sb.s ? sb.s : "", (sb.s ? sb.s : "") + sb.len};
    char *text = NULL;
    while (r.p < r.end && !text) {
        char tag = *r.p++;
        if (tag == 'V') {
            char *f = get(&r), *name = get(&r), *value = get(&r);
            int flags = atoi(f);
            var_set(name, flags & FLAG_UNSET ? NULL : value, flags & ~FLAG_UNSET);
            free(f);
            free(name);
            free(value);
        } else if (tag == 'F') {
            char *src = get(&r);
            exec_list_string(src);
            free(src);
        } else if (tag == 'A') {
            char *name = get(&r), *value = get(&r);
            alias_set(name, value);
            free(name);
            free(value);
        } else if (tag == 'P') {
            char *count = get(&r);
            int n = atoi(count);
            free(count);
            struct strvec sv = {0};
            for (int i = 0; i < n; i++)
                sv_push(&sv, get(&r));
            params_set(sv.n, sv.v);
            sv_free(&sv);
        } else if (tag == 'O') {
            char *o = get(&r);
            for (int i = 0; i < OPT_COUNT && o[i]; i++)
                sh.opts[i] = o[i] == '1';
            free(o);
        } else if (tag == 'S') {
            char *s = get(&r);
            long pid, bg;
            sscanf(s, "%d %ld %ld", &sh.status, &pid, &bg);
            sh.pid = (pid_t)pid;
            sh.last_bg = (pid_t)bg;
            free(s);
            free(sh.arg0);
            sh.arg0 = get(&r);
        } else if (tag == 'R') {
            char *sig = get(&r), *action = get(&r);
            trap_inherit(atoi(sig), action);
            free(sig);
            free(action);
        } else if (tag == 'D') {
            char *dir = get(&r);
            if (chdir(dir) < 0)
                sh_warn("cannot go to %s: %s", dir, strerror(errno));
            free(dir);
        } else if (tag == 'T') {
            text = get(&r);
        } else {
            break;
        }
    }
    sb_free(&sb);
    return text ? text : xstrdup("");
}
