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

enum { ACTION_OPEN = 1, ACTION_CLOSE, ACTION_DUP2 };

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)
{
    fa->__actions = 0;
    return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)
{
    fa->__actions = 0;
    return 0;
}

// Records one action; only the standard descriptors can be given to a child (EBADF otherwise).
static int add_action(posix_spawn_file_actions_t *fa, int kind, int fd, int newfd, const char *path,
                      int oflag, mode_t mode)
{
    if (newfd < 0 || newfd > 2 || fd < 0)
        return EBADF;
    if (fa->__actions == __SPAWN_MAX_ACTIONS)
        return ENOMEM;
    if (path && strlen(path) >= __SPAWN_PATH_MAX)
        return ENAMETOOLONG;
    int i = fa->__actions++;
    fa->__action[i].kind = kind;
    fa->__action[i].fd = fd;
    fa->__action[i].newfd = newfd;
    fa->__action[i].oflag = oflag;
    fa->__action[i].mode = mode;
    fa->__action[i].path[0] = '\0';
    if (path)
        strcpy(fa->__action[i].path, path);
    return 0;
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd, const char *path,
                                     int oflag, mode_t mode)
{
    return add_action(fa, ACTION_OPEN, fd, fd, path, oflag, mode);
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd)
{
    return add_action(fa, ACTION_CLOSE, fd, fd, NULL, 0, 0);
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd)
{
    return add_action(fa, ACTION_DUP2, fd, newfd, NULL, 0, 0);
}

// Drops the connection prepared for child descriptor i, if any.
static void drop_prepared(int32_t coid[3], int scoid[3], int i)
{
    int32_t one[3] = {coid[i], -1, -1};
    int s[3] = {scoid[i], 0, 0};
    unshare(one, s);
    coid[i] = -1;
}

// Applies the file actions, in order, to the connections prepared for the child's 0-2. As in
// a child, a dup2 from 0-2 after an action on that descriptor sees the action's result.
static int apply_actions(const posix_spawn_file_actions_t *fa, int32_t coid[3], int scoid[3])
{
    int changed[3] = {0, 0, 0};
    for (int a = 0; a < fa->__actions; a++) {
        int kind = fa->__action[a].kind, fd = fa->__action[a].fd, newfd = fa->__action[a].newfd;
        if (kind == ACTION_DUP2 && fd == newfd)
            continue; /* dup2 onto itself changes nothing */
        int source = fd;
        if (kind == ACTION_DUP2 && fd <= 2 && changed[fd]) {
            if (coid[fd] < 0)
                return EBADF; /* closed by an earlier action */
            source = coid[fd];
        }
        int32_t made = -1;
        int made_scoid = 0, err = 0;
        if (kind == ACTION_DUP2) {
            err = share_fd(source, &made, &made_scoid);
            if (!err && made < 0)
                err = EBADF; /* dup2 of a descriptor the parent does not have */
        } else if (kind == ACTION_OPEN) {
            int opened = open(fa->__action[a].path, fa->__action[a].oflag, fa->__action[a].mode);
            struct _server_info si;
            if (opened < 0)
                err = errno;
            else if (ConnectServerInfo(0, opened, &si) != opened) {
                close(opened);
                err = EBADF;
            } else {
                made = opened; /* the connection itself goes to the child */
                made_scoid = si.scoid;
            }
        }
        if (err)
            return err;
        drop_prepared(coid, scoid, newfd);
        coid[newfd] = made;
        scoid[newfd] = made_scoid;
        changed[newfd] = 1;
    }
    return 0;
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions,
                const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    if (attr && (attr->__flags & ~(POSIX_SPAWN_QSOE_IO | POSIX_SPAWN_SETPGROUP)))
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
    if (__libc_have_stdio || (actions && actions->__actions)) {
        msg.flags |= TM_SPAWN_STDIO;
        for (int fd = 0; fd < 3 && __libc_have_stdio; fd++) {
            int err = share_fd(fd, &msg.stdcoid[fd], &scoid[fd]);
            if (err) {
                unshare(msg.stdcoid, scoid);
                return err;
            }
        }
        int err = actions ? apply_actions(actions, msg.stdcoid, scoid) : 0;
        if (err) {
            unshare(msg.stdcoid, scoid);
            return err;
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
