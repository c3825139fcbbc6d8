/*
 * Process creation and waiting through taskman (include/proto/taskman.h): posix_spawn,
 * posix_spawnp, waitpid, wait, kill, getpid and getppid. These functions return an error number
 * (posix_spawn) or -1 with errno set (the others), as POSIX says.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/wait.h>
#include <unistd.h>

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

static size_t count(char *const v[])
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions,
                const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    if ((actions && actions->__actions) ||
        (attr && (attr->__flags & ~(POSIX_SPAWN_QSOE_IO | POSIX_SPAWN_SETPGROUP))))
        return ENOSYS;
    if (!path)
        return EINVAL;
    char data[TM_SPAWN_MAX];
    size_t len = 0;
    size_t argc = count(argv), envc = count(envp);
    for (size_t i = 0; i < 1 + argc + envc; i++) {
        const char *s = i == 0 ? path : i <= argc ? argv[i - 1] : envp[i - 1 - argc];
        size_t n = strlen(s) + 1;
        if (len + n > sizeof(data))
            return E2BIG;
        memcpy(data + len, s, n);
        len += n;
    }
    uint16_t flags = 0;
    if (attr && (attr->__flags & POSIX_SPAWN_QSOE_IO))
        flags |= TM_SPAWN_IO;
    if (attr && (attr->__flags & POSIX_SPAWN_SETPGROUP))
        flags |= TM_SPAWN_SETPGROUP; /* the child leads its own group (pgroup 0 only) */
    struct tm_spawn msg = {TM_SPAWN, flags, (uint32_t)argc, (uint32_t)envc, (uint32_t)len};
    iov_t iov[2] = {{&msg, sizeof(msg)}, {data, len}};
    long r = MsgSendv_r(taskman(), iov, 2, NULL, 0);
    if (r < 0)
        return (int)-r;
    if (pid)
        *pid = (pid_t)r;
    return 0;
}

int posix_spawnattr_init(posix_spawnattr_t *attr)
{
    attr->__flags = 0;
    return 0;
}

int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)
{
    attr->__flags = (unsigned short)flags;
    return 0;
}

int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
                 const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    return posix_spawn(pid, file, actions, attr, argv, envp);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
    if (pid == 0 || pid < -1 || (options & ~WNOHANG)) {
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
