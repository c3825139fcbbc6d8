/* Builtins about the process's place and permissions: cd (logical paths with PWD/OLDPWD and
   CDPATH), pwd and umask. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"

/* Resolves . and .. and repeated slashes in an absolute path, textually. */
static char *canonical(const char *path)
{
    struct strbuf sb = {0};
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 0)
            break;
        if (n == 1 && p[0] == '.') {
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (sb.len > 0 && sb.s[sb.len - 1] != '/')
                sb.len--;
            if (sb.len > 0)
                sb.len--;
            if (sb.s)
                sb.s[sb.len] = 0;
        } else {
            sb_addc(&sb, '/');
            sb_addn(&sb, p, n);
        }
        p += n;
    }
    if (sb.len == 0)
        sb_addc(&sb, '/');
    return sb_take(&sb);
}

/* The shell's idea of the current directory: $PWD when it names ".", else the real path. */
static char *current_dir(void)
{
    const char *pwd = var_get("PWD");
    struct stat a, b;
    if (pwd && pwd[0] == '/' && stat(pwd, &a) == 0 && stat(".", &b) == 0 && a.st_dev == b.st_dev &&
        a.st_ino == b.st_ino)
        return xstrdup(pwd);
    char buf[PATH_MAX];
    return xstrdup(getcwd(buf, sizeof buf) ? buf : ".");
}

/* Changes to dir, logically (PWD/.. resolved as text) unless physical, and updates PWD and
   OLDPWD. Returns 1 on success. */
static int try_cd(const char *dir, int physical)
{
    char *cur = current_dir();
    char *target = dir[0] == '/' ? xstrdup(dir) : xasprintf("%s/%s", cur, dir);
    char *canon = canonical(target);
    free(target);
    int ok = chdir(physical ? dir : canon) == 0;
    if (!ok && !physical)
        ok = chdir(dir) == 0;
    if (ok) {
        var_set("OLDPWD", cur, 0);
        if (physical || canon[0] != '/') {
            char buf[PATH_MAX];
            var_set("PWD", getcwd(buf, sizeof buf) ? buf : canon, 0);
        } else {
            var_set("PWD", canon, 0);
        }
    }
    free(canon);
    free(cur);
    return ok;
}

/* cd [-L|-P] [dir|-]: HOME without a directory, OLDPWD for -, CDPATH for relative names. */
int bi_cd(char **argv)
{
    int i = 1, physical = 0;
    for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "-P") == 0)
            physical = 1;
        else if (strcmp(argv[i], "-L") == 0)
            physical = 0;
        else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else
            break;
    }
    const char *dir = argv[i];
    int print = 0;
    if (!dir) {
        dir = var_get("HOME");
        if (!dir)
            sh_error(2, "cd: HOME not set");
    } else if (strcmp(dir, "-") == 0) {
        dir = var_get("OLDPWD");
        if (!dir)
            sh_error(2, "cd: OLDPWD not set");
        print = 1;
    }
    char *d = xstrdup(dir);
    int ok = 0;
    const char *cdpath = var_get("CDPATH");
    if (cdpath && d[0] != '/' && strncmp(d, "./", 2) != 0 && strncmp(d, "../", 3) != 0 &&
        strcmp(d, ".") != 0 && strcmp(d, "..") != 0) {
        for (const char *p = cdpath; p && !ok;) {
            const char *end = strchr(p, ':');
            size_t n = end ? (size_t)(end - p) : strlen(p);
            char *cand = n ? xasprintf("%.*s/%s", (int)n, p, d) : xstrdup(d);
            struct stat st;
            if (stat(cand, &st) == 0 && S_ISDIR(st.st_mode) && try_cd(cand, physical)) {
                ok = 1;
                print |= n > 0;
            }
            free(cand);
            p = end ? end + 1 : NULL;
        }
    }
    if (!ok && !try_cd(d, physical)) {
        char msg[PATH_MAX + 32];
        snprintf(msg, sizeof msg, "cd: can't cd to %s", d);
        free(d);
        sh_error(2, "%s", msg);
    }
    free(d);
    if (print)
        printf("%s\n", var_get("PWD"));
    return 0;
}

int bi_pwd(char **argv)
{
    if (argv[1] && strcmp(argv[1], "-P") == 0) {
        char buf[PATH_MAX];
        if (!getcwd(buf, sizeof buf))
            sh_error(2, "pwd: cannot get the current directory");
        printf("%s\n", buf);
        return 0;
    }
    char *d = current_dir();
    printf("%s\n", d);
    free(d);
    return 0;
}

/* Reads an octal mask or a symbolic one ("u=rwx,g+r,o-w", applied to the permissions the
   present mask allows). Returns -1 if it is neither. */
static int parse_mask(const char *arg, mode_t *out)
{
    if (*arg >= '0' && *arg <= '7') {
        char *end;
        long m = strtol(arg, &end, 8);
        if (*end || m > 0777)
            return -1;
        *out = (mode_t)m;
        return 0;
    }
    mode_t old = umask(0);
    umask(old);
    unsigned perm = ~(unsigned)old & 0777;
    for (const char *p = arg; *p;) {
        unsigned who = 0;
        for (; *p && strchr("ugoa", *p); p++)
            who |= *p == 'u' ? 0700 : *p == 'g' ? 070 : *p == 'o' ? 07 : 0777;
        if (!who)
            who = 0777;
        char op = *p++;
        if (op != '+' && op != '-' && op != '=')
            return -1;
        unsigned bits = 0;
        for (; *p && strchr("rwx", *p); p++)
            bits |= *p == 'r' ? 0444 : *p == 'w' ? 0222 : 0111;
        bits &= who;
        if (op == '+')
            perm |= bits;
        else if (op == '-')
            perm &= ~bits;
        else
            perm = (perm & ~who) | bits;
        if (*p == ',')
            p++;
        else if (*p)
            return -1;
    }
    *out = (mode_t)(~perm & 0777);
    return 0;
}

int bi_umask(char **argv)
{
    int symbolic = argv[1] && strcmp(argv[1], "-S") == 0;
    const char *arg = argv[1 + symbolic];
    if (!arg) {
        mode_t m = umask(0);
        umask(m);
        if (!symbolic) {
            printf("%04o\n", (unsigned)m);
            return 0;
        }
        const char *who = "ugo";
        for (int k = 0; k < 3; k++) {
            unsigned bits = ~((unsigned)m >> (6 - 3 * k)) & 7;
            printf("%c=%s%s%s%s", who[k], bits & 4 ? "r" : "", bits & 2 ? "w" : "",
                   bits & 1 ? "x" : "", k < 2 ? "," : "\n");
        }
        return 0;
    }
    mode_t m;
    if (parse_mask(arg, &m) < 0)
        sh_error(2, "umask: Illegal mode: %s", arg);
    umask(m);
    return 0;
}
