/* Builtins about commands and processes: type, command and kill. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"

/* Describes how name would be run; style 'v' as command -v, 'V' as type. Returns 0 if found. */
static int describe(const char *name, char style)
{
    const char *al = alias_get(name);
    const struct builtin *b = builtin_find(name);
    if (al) {
        char *q = shell_quote(al);
        if (style == 'v')
            printf("alias %s=%s\n", name, q);
        else
            printf("%s is an alias for %s\n", name, al);
        free(q);
        return 0;
    }
    if (is_keyword(name)) {
        printf(style == 'v' ? "%s\n" : "%s is a shell keyword\n", name);
        return 0;
    }
    if (b && b->special) {
        printf(style == 'v' ? "%s\n" : "%s is a special shell builtin\n", name);
        return 0;
    }
    if (func_find(name)) {
        printf(style == 'v' ? "%s\n" : "%s is a shell function\n", name);
        return 0;
    }
    if (b) {
        printf(style == 'v' ? "%s\n" : "%s is a shell builtin\n", name);
        return 0;
    }
    int not_exec;
    char *path = strchr(name, '/') ? xstrdup(name) : path_search(name, &not_exec);
    if (path) {
        printf(style == 'v' ? "%s\n" : "%s is %s\n", style == 'v' ? path : name, path);
        free(path);
        return 0;
    }
    if (style == 'V')
        printf("%s: not found\n", name);
    return 127;
}

int bi_type(char **argv)
{
    int status = 0;
    for (int i = 1; argv[i]; i++)
        if (describe(argv[i], 'V'))
            status = 127;
    return status;
}

int bi_command(char **argv)
{
    int i = 1;
    char style = 0;
    for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'v' || *o == 'V')
                style = *o;
            else if (*o != 'p')
                sh_error(2, "command: Illegal option -%c", *o);
        }
    }
    if (!argv[i])
        return 0;
    if (style) {
        int status = 0;
        for (; argv[i]; i++)
            if (describe(argv[i], style))
                status = 127;
        return status;
    }
    return exec_command_argv(argv + i);
}

static int parse_signal(const char *s)
{
    int sig = sig_by_name(s);
    if (sig < 0)
        sh_error(2, "kill: invalid signal %s", s);
    return sig;
}

/* kill [-s sig | -sig] pid|%job..., kill -l [status]. */
int bi_kill(char **argv)
{
    int sig = SIGTERM, i = 1;
    if (!argv[1])
        sh_error(2, "kill: usage: kill [-s sigspec | -signum | -sigspec] pid | job...");
    if (strcmp(argv[1], "-l") == 0 || strcmp(argv[1], "-L") == 0) {
        if (argv[2]) {
            int n = atoi(argv[2]);
            const char *name = sig_name(n > 128 ? n - 128 : n);
            if (!name)
                sh_error(2, "kill: invalid signal number %s", argv[2]);
            printf("%s\n", name);
            return 0;
        }
        for (int s = 1; s < 32; s++)
            if (sig_name(s))
                printf("%s\n", sig_name(s));
        return 0;
    }
    if (strcmp(argv[1], "-s") == 0 || strcmp(argv[1], "-n") == 0) {
        if (!argv[2])
            sh_error(2, "kill: option requires an argument");
        sig = parse_signal(argv[2]);
        i = 3;
    } else if (argv[1][0] == '-' && strcmp(argv[1], "--") != 0) {
        sig = parse_signal(argv[1] + 1);
        i = 2;
    } else if (strcmp(argv[1], "--") == 0) {
        i = 2;
    }
    int status = 0;
    for (; argv[i]; i++) {
        pid_t pid;
        if (argv[i][0] == '%') {
            int j = job_by_spec(argv[i]);
            if (j < 0) {
                sh_warn("kill: %s: no such job", argv[i]);
                status = 1;
                continue;
            }
            pid = -job_pgid(j);
            if (pid < 0 && -pid == 0)
                continue;
        } else {
            char *end;
            pid = (pid_t)strtol(argv[i], &end, 10);
            if (*end || !*argv[i]) {
                sh_warn("kill: Illegal number: %s", argv[i]);
                status = 1;
                continue;
            }
        }
        if (kill(pid, sig) < 0) {
            sh_warn("kill: %s: No such process", argv[i]);
            status = 1;
        }
    }
    return status;
}
