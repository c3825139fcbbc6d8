/*
 * The name space calls: unlink, rmdir, mkdir, rename, link, symlink, readlink, access, stat
 * and lstat, over IO_CONNECT messages of their own kinds (include/proto/io.h). Each asks
 * taskman which server holds the name, sends the request on a fresh connection and detaches
 * it. Functions return -1 with errno set on failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <proto/taskman.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path.h"

int __taskman_coid(void);

// Asks taskman which server holds the absolute path abs.
static int resolve(const char *abs, struct path_resolved *where)
{
    size_t len = strlen(abs);
    struct path_msg req = {PATH_RESOLVE, (uint16_t)len, 0};
    iov_t iov[2] = {{&req, sizeof(req)}, {(void *)abs, len}};
    return MsgSendvs(__taskman_coid(), iov, 2, where, sizeof(*where)) < 0 ? -1 : 0;
}

int __path_connect(const char *abs, struct path_resolved *where)
{
    if (resolve(abs, where) < 0)
        return -1;
    return ConnectAttach(0, where->pid, where->chid, 0, 0);
}

long __path_request(int kind, const char *path, int oflag, mode_t mode, const char *extra,
                    bool extra_is_path, void *reply, size_t replylen)
{
    char abs[PATH_MAX_LEN], other[PATH_MAX_LEN];
    struct path_resolved where, there;
    if (__path_absolute(path, abs) < 0)
        return -1;
    size_t extralen = 0;
    uint16_t extraprefix = 0;
    if (extra && extra_is_path) {
        if (__path_absolute(extra, other) < 0 || resolve(other, &there) < 0)
            return -1;
        extra = other;
        extraprefix = there.prefixlen;
    }
    if (extra && (extralen = strlen(extra)) >= PATH_MAX_LEN) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int coid = __path_connect(abs, &where);
    if (coid < 0)
        return -1;
    if (extra && extra_is_path && (there.pid != where.pid || there.chid != where.chid)) {
        ConnectDetach(coid);
        errno = EXDEV; /* the two names are on different servers */
        return -1;
    }
    struct io_connect c = {
        IO_CONNECT,      (uint16_t)kind,     (uint32_t)oflag, (uint32_t)mode, (uint16_t)strlen(abs),
        where.prefixlen, (uint16_t)extralen, extraprefix};
    iov_t iov[3] = {{&c, sizeof(c)}, {abs, c.pathlen}, {(void *)extra, extralen}};
    long r = MsgSendvs(coid, iov, extra ? 3 : 2, reply, replylen);
    int err = errno;
    ConnectDetach(coid);
    if (r < 0)
        errno = err == EBADF || err == ESRCH ? ENOENT : err; /* the server went meanwhile */
    return r;
}

int unlink(const char *path)
{
    return __path_request(IO_UNLINK, path, 0, 0, NULL, false, NULL, 0) < 0 ? -1 : 0;
}

int rmdir(const char *path)
{
    return __path_request(IO_UNLINK, path, IO_UNLINK_DIR, 0, NULL, false, NULL, 0) < 0 ? -1 : 0;
}

int remove(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return -1;
    return S_ISDIR(st.st_mode) ? rmdir(path) : unlink(path);
}

int mkdir(const char *path, mode_t mode)
{
    mode_t m = mode & ~__umask & 07777;
    return __path_request(IO_MKDIR, path, 0, m, NULL, false, NULL, 0) < 0 ? -1 : 0;
}

int rename(const char *from, const char *to)
{
    return __path_request(IO_RENAME, to, 0, 0, from, true, NULL, 0) < 0 ? -1 : 0;
}

int link(const char *existing, const char *path)
{
    return __path_request(IO_LINK, path, 0, 0, existing, true, NULL, 0) < 0 ? -1 : 0;
}

int symlink(const char *target, const char *path)
{
    if (!target || !*target) {
        errno = ENOENT;
        return -1;
    }
    return __path_request(IO_SYMLINK, path, 0, 0777, target, false, NULL, 0) < 0 ? -1 : 0;
}

ssize_t readlink(const char *restrict path, char *restrict buf, size_t size)
{
    return __path_request(IO_READLINK, path, 0, 0, NULL, false, buf, size);
}

// fstat of path opened with oflag.
static int stat_opened(const char *path, int oflag, struct stat *st)
{
    int fd = open(path, oflag);
    if (fd < 0)
        return -1;
    int r = fstat(fd, st);
    int err = errno;
    close(fd);
    errno = err;
    return r;
}

// stat of the name itself: a symbolic link is not followed.
int lstat(const char *path, struct stat *st)
{
    return stat_opened(path, O_RDONLY | O_NOFOLLOW, st);
}

int stat(const char *path, struct stat *st)
{
    return stat_opened(path, O_RDONLY, st);
}

// Whether gid is the caller's real group or one of its supplementary groups.
static bool in_group(gid_t gid)
{
    gid_t groups[NGROUPS_MAX];
    int n = getgroups(NGROUPS_MAX, groups);
    for (int i = 0; i < n; i++)
        if (groups[i] == gid)
            return true;
    return getgid() == gid;
}

// access: whether the caller's real user and group may use path as mode asks. Root may read
// and write anything, and execute what anyone may.
int access(const char *path, int mode)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return -1;
    if (mode == F_OK)
        return 0;
    if (mode & ~(R_OK | W_OK | X_OK)) {
        errno = EINVAL;
        return -1;
    }
    unsigned allowed;
    uid_t uid = getuid();
    if (uid == 0)
        allowed = R_OK | W_OK | ((st.st_mode & 0111) || S_ISDIR(st.st_mode) ? X_OK : 0);
    else if (uid == st.st_uid)
        allowed = (st.st_mode >> 6) & 7;
    else if (in_group(st.st_gid))
        allowed = (st.st_mode >> 3) & 7;
    else
        allowed = st.st_mode & 7;
    if ((unsigned)mode & ~allowed) {
        errno = EACCES;
        return -1;
    }
    return 0;
}
