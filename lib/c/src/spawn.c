/*
 * Process creation and waiting through taskman (include/proto/taskman.h): posix_spawn,
 * posix_spawnp, waitpid, wait, kill, getpid and getppid. These functions return an error number
 * (posix_spawn) or -1 with errno set (the others), as POSIX says. A child gets the caller's
 * descriptors 0-2 (docs/taskman.md, "Inherited descriptors").
 */
#include <errno.h>
#include <proto/io.h>
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

extern int __libc_have_stdio; /* start.c: descriptors 0-2 are the program's own */

// Makes a connection for the child's descriptor fd: a new connection to the server behind
// the caller's fd that shares its open file (IO_DUP), which taskman then moves into the
// child. Sets *coid to it (-1 if fd is closed) and *scoid to its server id; returns 0 or an
// error number.
static int share_fd(int fd, int32_t *coid, int *scoid)
{
    struct _server_info si;
    *coid = -1;
    if (ConnectServerInfo(0, fd, &si) != fd)
        return 0;
    int c = ConnectAttach_r(0, si.pid, si.chid, 3, 0);
    if (c < 0)
        return -c;
    struct io_dup m = {IO_DUP, 0, si.scoid};
    long r = MsgSend_r(c, &m, sizeof(m), NULL, 0);
    if (r < 0 || ConnectServerInfo(0, c, &si) != c) {
        ConnectDetach(c);
        return r < 0 ? (int)-r : EBADF;
    }
    *coid = c;
    *scoid = si.scoid;
    return 0;
}

// Closes the connections share_fd made that are still the caller's: taskman moved none, or
// some into a child that is gone again, when a spawn fails.
static void unshare(const int32_t coid[3], const int scoid[3])
{
    for (int i = 0; i < 3; i++) {
        struct _server_info si;
        if (coid[i] >= 0 && ConnectServerInfo(0, coid[i], &si) == coid[i] && si.scoid == scoid[i])
            close(coid[i]);
    }
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
    struct tm_spawn msg = {TM_SPAWN,       flags,         (uint32_t)argc,
                           (uint32_t)envc, (uint32_t)len, {-1, -1, -1}};
    int scoid[3] = {0, 0, 0};
    if (__libc_have_stdio) {
        msg.flags |= TM_SPAWN_STDIO;
        for (int fd = 0; fd < 3; fd++) {
            int err = share_fd(fd, &msg.stdcoid[fd], &scoid[fd]);
            if (err) {
                unshare(msg.stdcoid, scoid);
                return err;
            }
        }
    }
    iov_t iov[2] = {{&msg, sizeof(msg)}, {data, len}};
    long r = MsgSendv_r(taskman(), iov, 2, NULL, 0);
    if (r < 0) {
        unshare(msg.stdcoid, scoid);
        return (int)-r;
    }
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
