/* Builtins that steer execution: : true false exit return break continue eval . exec shift. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "builtins.h"

int bi_number(const char *cmd, const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (!*s || *end || n < 0 || n > 0x7fffffff)
        sh_error(2, "%s: Illegal number: %s", cmd, s);
    return (int)n;
}

int bi_true(char **argv)
{
    (void)argv;
    return 0;
}

int bi_false(char **argv)
{
    (void)argv;
    return 1;
}

int bi_exit(char **argv)
{
    int status = argv[1] ? bi_number("exit", argv[1]) & 255 : sh.status;
    sh_exit(status);
}

int bi_return(char **argv)
{
    sh.status = argv[1] ? bi_number("return", argv[1]) & 255 : sh.status;
    sh.returning = 1;
    return sh.status;
}

static int loop_control(char **argv, int *counter)
{
    int n = argv[1] ? bi_number(argv[0], argv[1]) : 1;
    if (n == 0)
        sh_error(2, "%s: Illegal number: %s", argv[0], argv[1]);
    if (sh.loop_depth == 0)
        return 0;
    *counter = n > sh.loop_depth ? sh.loop_depth : n;
    return 0;
}

int bi_break(char **argv)
{
    return loop_control(argv, &sh.breaking);
}

int bi_continue(char **argv)
{
    return loop_control(argv, &sh.continuing);
}

int bi_eval(char **argv)
{
    struct strbuf sb = {0};
    for (int i = 1; argv[i]; i++) {
        if (i > 1)
            sb_addc(&sb, ' ');
        sb_adds(&sb, argv[i]);
    }
    sh.status = 0;
    int status = exec_list_string(sb.s ? sb.s : "");
    sb_free(&sb);
    return status;
}

/* Runs the commands of a file in this shell; `return` ends the file early. */
int sh_source_file(const char *path)
{
    int fd = fd_move_high(open(path, O_RDONLY | O_CLOEXEC));
    if (fd < 0)
        sh_error(2, ".: cannot open %s", path);
    struct input *in = input_from_fd(fd, 0);
    sh.status = 0;
    int status = run_input(in, 0);
    if (sh.returning) {
        status = sh.status;
        sh.returning = 0;
    }
    input_free(in);
    close(fd);
    return status;
}

int bi_dot(char **argv)
{
    if (!argv[1])
        sh_error(2, ".: filename argument required");
    if (strchr(argv[1], '/'))
        return sh_source_file(argv[1]);
    const char *path = var_get("PATH");
    for (const char *p = path ? path : ""; p;) {
        const char *end = strchr(p, ':');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *cand = n ? xasprintf("%.*s/%s", (int)n, p, argv[1]) : xstrdup(argv[1]);
        if (access(cand, R_OK) == 0) {
            int status = sh_source_file(cand);
            free(cand);
            return status;
        }
        free(cand);
        p = end ? end + 1 : NULL;
    }
    sh_error(2, ".: %s: not found", argv[1]);
}

/* exec with a command: QSOE has no way to replace a process's image, so the program is
   started with the shell's descriptors and the shell ends with its status, skipping traps. */
int bi_exec(char **argv)
{
    if (!argv[1])
        return 0;
    char *path;
    int not_exec = 0;
    if (strchr(argv[1], '/'))
        path = access(argv[1], X_OK) == 0 ? xstrdup(argv[1]) : NULL;
    else
        path = path_search(argv[1], &not_exec);
    if (!path) {
        sh_warn("exec: %s: %s", argv[1], not_exec ? "Permission denied" : "not found");
        fflush(NULL);
        _exit(not_exec ? 126 : 127);
    }
    char **envp = var_environ(NULL, 0);
    struct spawn_req r = {
        .path = path, .argv = argv + 1, .envp = envp, .in_fd = -1, .out_fd = -1, .pgid = -1};
    fflush(NULL);
    pid_t pid = spawn_child(&r);
    if (pid < 0)
        _exit(126);
    int ws;
    while (waitpid(pid, &ws, 0) < 0)
        ;
    _exit(wait_status_code(ws));
}

int bi_shift(char **argv)
{
    int n = argv[1] ? bi_number("shift", argv[1]) : 1;
    if (n > params->n)
        sh_error(2, "shift: can't shift that many");
    char **rest = params->v + n;
    params_set(params->n - n, rest);
    return 0;
}
