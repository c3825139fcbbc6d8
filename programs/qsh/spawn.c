/* Starting processes without fork: programs are started with posix_spawn, and everything the
   shell must run in a child of its own (subshells, pipeline elements that are builtins or
   compound commands, background lists, command substitutions) is started as a new qsh that
   receives this shell's complete state and the text to run over a pipe. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qsh.h"

static char *self;

/* The file qsh was started from, for starting copies of itself. On Linux /proc/self/exe
   names it exactly; elsewhere argv[0] made absolute (or looked up in PATH) has to do. */
const char *self_path(void)
{
    if (self)
        return self;
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = 0;
        self = xstrdup(buf);
    } else if (strchr(sh.arg0, '/')) {
        char cwd[PATH_MAX];
        if (sh.arg0[0] != '/' && getcwd(cwd, sizeof cwd))
            self = xasprintf("%s/%s", cwd, sh.arg0);
        else
            self = xstrdup(sh.arg0);
    } else {
        int not_exec;
        self = path_search(sh.arg0, &not_exec);
        if (!self)
            self = xstrdup("/bin/qsh");
    }
    return self;
}

/* Looks name up in PATH. Returns the path of an executable file, or NULL; *not_exec says that
   a file was found but cannot be executed. */
char *path_search(const char *name, int *not_exec)
{
    const char *path = var_get("PATH");
    *not_exec = 0;
    if (!path)
        return NULL;
    char *found_noexec = NULL;
    for (const char *p = path;; p++) {
        const char *end = strchr(p, ':');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *cand = n ? xasprintf("%.*s/%s", (int)n, p, name) : xstrdup(name);
        struct stat st;
        if (stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
            if (access(cand, X_OK) == 0) {
                free(found_noexec);
                return cand;
            }
            if (!found_noexec)
                found_noexec = xstrdup(cand);
        }
        free(cand);
        if (!end)
            break;
        p = end;
    }
    if (found_noexec) {
        *not_exec = 1;
        free(found_noexec);
    }
    return NULL;
}

static int do_spawn(pid_t *pid, const char *path, posix_spawn_file_actions_t *fa,
                    posix_spawnattr_t *attr, char **argv, char **envp)
{
    int err = posix_spawn(pid, path, fa, attr, argv, envp);
    if (err == ENOEXEC) {
        /* A file without a #! line is a shell script: run it with a new qsh. */
        struct strvec sv = {0};
        sv_push(&sv, xstrdup(argv[0]));
        sv_push(&sv, xstrdup(path));
        for (int i = 1; argv[i]; i++)
            sv_push(&sv, xstrdup(argv[i]));
        err = posix_spawn(pid, self_path(), fa, attr, sv.v, envp);
        sv_free(&sv);
    }
    return err;
}

/* Starts one child as described by r; returns its pid or -1 after reporting why not. */
pid_t spawn_child(struct spawn_req *r)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&attr);
    short flags = 0;
    if (r->pgid >= 0) {
        flags |= POSIX_SPAWN_SETPGROUP;
        posix_spawnattr_setpgroup(&attr, r->pgid);
    }
    int hold = r->background && r->pgid < 0;
    trap_for_child(&attr, hold);
    flags |= POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
    posix_spawnattr_setflags(&attr, flags);
    if (r->background && r->pgid < 0 && r->in_fd < 0)
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (r->in_fd >= 0)
        posix_spawn_file_actions_adddup2(&fa, r->in_fd, 0);
    if (r->out_fd >= 0)
        posix_spawn_file_actions_adddup2(&fa, r->out_fd, 1);
    redir_plan_actions(r->plan, &fa);

    pid_t pid = -1;
    int err;
    if (hold)
        trap_hold_keyboard(1);
    int state[2] = {-1, -1};
    char fdarg[16];
    if (r->text) {
        if (pipe(state) < 0) {
            sh_warn("pipe: %s", strerror(errno));
            if (hold)
                trap_hold_keyboard(0);
            posix_spawn_file_actions_destroy(&fa);
            posix_spawnattr_destroy(&attr);
            return -1;
        }
        state[0] = fd_move_high(state[0]);
        state[1] = fd_move_high(state[1]);
        fcntl(state[0], F_SETFD, 0);
        snprintf(fdarg, sizeof fdarg, "%d", state[0]);
        char *argv[] = {sh.arg0, "--subshell", fdarg, NULL};
        char **envp = var_environ(NULL, 0);
        err = posix_spawn(&pid, self_path(), &fa, &attr, argv, envp);
        for (int i = 0; envp[i]; i++)
            free(envp[i]);
        free(envp);
        close(state[0]);
    } else {
        err = do_spawn(&pid, r->path, &fa, &attr, r->argv, r->envp);
    }
    if (hold)
        trap_hold_keyboard(0);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (err) {
        if (state[1] >= 0)
            close(state[1]);
        sh_warn("%s: %s", r->text ? "cannot start a subshell" : r->argv[0], strerror(err));
        return -1;
    }
    if (r->pgid >= 0 && setpgid(pid, r->pgid ? r->pgid : pid) < 0 && errno != EACCES)
        errno = 0;
    if (r->text) {
        state_write(state[1], r->text);
        close(state[1]);
    }
    return pid;
}

int subst_count;

/* Runs src in a child qsh and returns its output without trailing newlines. The output is
   read while the child runs, so large outputs cannot fill the pipe and stall it. */
char *command_subst(const char *src)
{
    int p[2];
    if (pipe(p) < 0)
        sh_error(2, "pipe: %s", strerror(errno));
    p[0] = fd_move_high(p[0]);
    p[1] = fd_move_high(p[1]);
    struct spawn_req r = {.text = src, .in_fd = -1, .out_fd = p[1], .pgid = -1};
    fflush(NULL);
    pid_t pid = spawn_child(&r);
    close(p[1]);
    struct strbuf sb = {0};
    char buf[4096];
    for (;;) {
        ssize_t n = read(p[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n; i++)
            if (buf[i])
                sb_addc(&sb, buf[i]); /* NUL bytes cannot be in a shell string */
    }
    close(p[0]);
    int status = 127;
    if (pid > 0) {
        int ws;
        while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
            ;
        status = wait_status_code(ws);
    }
    subst_count++;
    sh.status = status;
    char *out = sb_take(&sb);
    size_t len = strlen(out);
    while (len > 0 && out[len - 1] == '\n')
        out[--len] = 0;
    return out;
}
