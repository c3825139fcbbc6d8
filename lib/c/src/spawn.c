/*
 * Process creation and waiting through taskman (include/proto/taskman.h): posix_spawn,
 * posix_spawnp, waitpid, wait, kill, getpid and getppid. These functions return an error number
 * (posix_spawn) or -1 with errno set (the others), as POSIX says. A child gets the caller's
 * descriptors 0-2 (docs/taskman.md, "Inherited descriptors").
 */
#include <errno.h>
#include <fcntl.h>
#include <proto/io.h>
#include <proto/taskman.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/wait.h>
#include <unistd.h>

#include "path.h"
#include "spawn_fds.h"

static int taskman_coid = -1;

// The connection to taskman, made on first use (a side channel: it is not a file descriptor).
int __taskman_coid(void)
{
    if (taskman_coid < 0)
        taskman_coid = ConnectAttach(0, TASKMAN_PID, TASKMAN_CHID, _NTO_SIDE_CHANNEL, 0);
    return taskman_coid;
}

static int taskman(void)
{
    return __taskman_coid();
}

extern int __libc_have_stdio;  /* start.c: descriptors 0-2 are the program's own */
extern uint64_t __sig_ignored; /* signal.c */

static size_t count(char *const v[])
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

// Appends the NUL-terminated s to data (size bytes of room, *len used); false if it is full.
static bool append(char *data, size_t size, size_t *len, const char *s)
{
    size_t n = strlen(s) + 1;
    if (*len + n > size)
        return false;
    memcpy(data + *len, s, n);
    *len += n;
    return true;
}

// Builds the spawn message (struct tm_spawn, descriptor records, strings) into buf, which has
// room for TM_SPAWN_MAX bytes after the header; returns its length, or 0 if it does not fit.
static size_t build(char *buf, const struct child_fds *fds, const char *path, char *const argv[],
                    char *const envp[])
{
    struct tm_spawn *m = (struct tm_spawn *)buf;
    struct tm_spawn_fd *rec = (struct tm_spawn_fd *)(m + 1);
    char *data = (char *)(rec + (fds ? fds->n : 0));
    size_t room = TM_SPAWN_MAX - (size_t)(data - (char *)(m + 1)), len = 0;
    for (int i = 0; fds && i < fds->n; i++)
        rec[i] = (struct tm_spawn_fd){fds->e[i].fd, fds->e[i].coid};
    bool fits = append(data, room, &len, path);
    for (size_t i = 0; fits && argv && argv[i]; i++)
        fits = append(data, room, &len, argv[i]);
    for (size_t i = 0; fits && envp && envp[i]; i++)
        fits = append(data, room, &len, envp[i]);
    fits = fits && append(data, room, &len, __cwd);
    if (!fits)
        return 0;
    *m = (struct tm_spawn){TM_SPAWN,
                           0,
                           (uint32_t)count(argv),
                           (uint32_t)count(envp),
                           (uint32_t)(data + len - (char *)(m + 1)),
                           __umask,
                           (uint16_t)(fds ? fds->n : 0),
                           0,
                           0,
                           0,
                           0,
                           0};
    return (size_t)(data + len - buf);
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions,
                const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    short flags = attr ? attr->__flags : 0;
    if (flags & ~(POSIX_SPAWN_QSOE_IO | POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                  POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_RESETIDS))
        return EINVAL;
    if (!path || !*path)
        return ENOENT;
    char abs[PATH_MAX_LEN];
    if (__path_absolute(path, abs) < 0)
        return errno;
    static struct child_fds fds; /* big: kept off the stack */
    bool pass_fds = __libc_have_stdio || (actions && actions->__actions);
    if (pass_fds) {
        int err = __spawn_fds_prepare(&fds, actions);
        if (err)
            return err;
    }
    char *msg = malloc(sizeof(struct tm_spawn) + TM_SPAWN_MAX);
    size_t len = msg ? build(msg, pass_fds ? &fds : NULL, abs, argv, envp) : 0;
    int err = !msg ? ENOMEM : !len ? E2BIG : 0;
    if (!err) {
        struct tm_spawn *m = (struct tm_spawn *)msg;
        m->pgroup = (flags & POSIX_SPAWN_SETPGROUP) ? attr->__pgroup : 0;
        m->sigignore = __sig_ignored;
        if (flags & POSIX_SPAWN_SETSIGDEF)
            m->sigignore &= ~attr->__sigdefault.__bits;
        if (flags & POSIX_SPAWN_SETSIGMASK)
            m->sigmask = attr->__sigmask.__bits;
        else
            SignalProcmask(0, 0, SIG_BLOCK, NULL, &m->sigmask);
        m->flags = (pass_fds ? TM_SPAWN_FDS : 0) |
                   ((flags & POSIX_SPAWN_QSOE_IO) ? TM_SPAWN_IO : 0) |
                   ((flags & POSIX_SPAWN_SETPGROUP) ? TM_SPAWN_SETPGROUP : 0) |
                   ((flags & POSIX_SPAWN_RESETIDS) ? TM_SPAWN_RESETIDS : 0);
        long r = MsgSend_r(taskman(), msg, len, NULL, 0);
        if (r < 0)
            err = (int)-r;
        else if (pid)
            *pid = (pid_t)r;
    }
    free(msg);
    if (pass_fds)
        __spawn_fds_release(&fds); /* only what taskman did not move */
    return err;
}

int posix_spawnattr_init(posix_spawnattr_t *attr)
{
    *attr = (posix_spawnattr_t){0};
    return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t *attr)
{
    (void)attr;
    return 0;
}

int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)
{
    attr->__flags = flags;
    return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t *attr, short *flags)
{
    *flags = attr->__flags;
    return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgroup)
{
    attr->__pgroup = pgroup;
    return 0;
}

int posix_spawnattr_getpgroup(const posix_spawnattr_t *attr, pid_t *pgroup)
{
    *pgroup = attr->__pgroup;
    return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *attr, const sigset_t *mask)
{
    attr->__sigmask = *mask;
    return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t *attr, sigset_t *mask)
{
    *mask = attr->__sigmask;
    return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *attr, const sigset_t *set)
{
    attr->__sigdefault = *set;
    return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t *attr, sigset_t *set)
{
    *set = attr->__sigdefault;
    return 0;
}

// posix_spawnp: a file name without a slash is looked for in the directories of PATH (the
// boot image's /proc/boot when PATH is not set), the first that holds it being used.
int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
                 const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    if (!file || !*file)
        return ENOENT;
    if (strchr(file, '/'))
        return posix_spawn(pid, file, actions, attr, argv, envp);
    const char *dirs = getenv("PATH");
    if (!dirs)
        dirs = "/proc/boot";
    int first_err = ENOENT;
    char path[PATH_MAX_LEN];
    for (const char *d = dirs;; d++) {
        size_t n = strcspn(d, ":");
        if (n + 1 + strlen(file) < sizeof(path)) {
            memcpy(path, d, n);
            path[n] = '\0';
            if (n == 0)
                strcpy(path, "."); /* an empty entry is the working directory */
            strcat(path, "/");
            strcat(path, file);
            if (access(path, F_OK) == 0) {
                int err = posix_spawn(pid, path, actions, attr, argv, envp);
                if (err != ENOENT)
                    return err;
            } else if (errno != ENOENT && errno != ENOTDIR && first_err == ENOENT) {
                first_err = errno;
            }
        }
        d += n;
        if (!*d)
            break;
    }
    return first_err;
}

pid_t waitpid(pid_t pid, int *status, int options)
{
    if (pid == 0 || pid < -1 || (options & ~(WNOHANG | WUNTRACED | WCONTINUED))) {
        errno = pid == 0 ? ENOSYS : EINVAL; /* process groups arrive with kill */
        return -1;
    }
    struct tm_wait msg = {TM_WAIT, 0, pid, (options & WNOHANG) ? TM_WNOHANG : 0};
    struct tm_wait_reply reply;
    if (MsgSend(taskman(), &msg, sizeof(msg), &reply, sizeof(reply)) < 0)
        return -1;
    if (status && reply.pid)
        *status = reply.status;
    return reply.pid;
}

pid_t wait(int *status)
{
    return waitpid(-1, status, 0);
}

pid_t getpid(void)
{
    return __tls()->__pid;
}

pid_t getppid(void)
{
    struct tm_header msg = {TM_GETPPID, 0};
    return (pid_t)MsgSend(taskman(), &msg, sizeof(msg), NULL, 0);
}

int kill(pid_t pid, int sig)
{
    if (pid == 0)
        pid = -getpgrp();
    if (pid == -1) {
        errno = ENOSYS; /* "every process" is not for ordinary programs */
        return -1;
    }
    struct tm_kill msg = {TM_KILL, 0, pid, sig};
    return MsgSend(taskman(), &msg, sizeof(msg), NULL, 0) < 0 ? -1 : 0;
}

int setpgid(pid_t pid, pid_t pgid)
{
    struct tm_kill msg = {TM_SETPGID, 0, pid, pgid};
    return MsgSend(taskman(), &msg, sizeof(msg), NULL, 0) < 0 ? -1 : 0;
}

pid_t getpgrp(void)
{
    struct tm_header msg = {TM_GETPGRP, 0};
    return (pid_t)MsgSend(taskman(), &msg, sizeof(msg), NULL, 0);
}

void _exit(int status)
{
    _Exit(status);
}

int killpg(pid_t pgrp, int sig)
{
    if (pgrp <= 1) {
        errno = EINVAL;
        return -1;
    }
    return kill(-pgrp, sig);
}
