/*
 * File attributes: modes, owners, times, sizes and syncing, as attribute messages on an open
 * file (include/proto/io.h). The path forms open the file, send, and close it again.
 */
#include <errno.h>
#include <fcntl.h>
#include <proto/io.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

static int send_attr(int fd, const struct io_attr *m)
{
    return MsgSend(fd, m, sizeof(*m), NULL, 0) < 0 ? -1 : 0;
}

// Opens path with oflag, sends m on it and closes it.
static int path_attr(const char *path, int oflag, const struct io_attr *m)
{
    int fd = open(path, oflag);
    if (fd < 0)
        return -1;
    int r = send_attr(fd, m);
    int err = errno;
    close(fd);
    errno = err;
    return r;
}

int fchmod(int fd, mode_t mode)
{
    struct io_attr m = {.type = IO_CHMOD, .mode = mode & 07777};
    return send_attr(fd, &m);
}

int chmod(const char *path, mode_t mode)
{
    struct io_attr m = {.type = IO_CHMOD, .mode = mode & 07777};
    return path_attr(path, O_RDONLY, &m);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
    struct io_attr m = {.type = IO_CHOWN, .uid = uid, .gid = gid};
    return send_attr(fd, &m);
}

int chown(const char *path, uid_t uid, gid_t gid)
{
    struct io_attr m = {.type = IO_CHOWN, .uid = uid, .gid = gid};
    return path_attr(path, O_RDONLY, &m);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
    struct io_attr m = {.type = IO_CHOWN, .uid = uid, .gid = gid};
    return path_attr(path, O_RDONLY | O_NOFOLLOW, &m);
}

// The io_attr time for a timespec of futimens (NULL times: now).
static int64_t wire_time(const struct timespec *times, int i)
{
    if (!times || times[i].tv_nsec == UTIME_NOW)
        return IO_UTIME_NOW;
    if (times[i].tv_nsec == UTIME_OMIT)
        return IO_UTIME_OMIT;
    return times[i].tv_sec;
}

static int check_times(const struct timespec *times)
{
    for (int i = 0; times && i < 2; i++) {
        long ns = times[i].tv_nsec;
        if ((ns < 0 || ns >= 1000000000) && ns != UTIME_NOW && ns != UTIME_OMIT) {
            errno = EINVAL;
            return -1;
        }
    }
    return 0;
}

int futimens(int fd, const struct timespec times[2])
{
    if (check_times(times) < 0)
        return -1;
    struct io_attr m = {
        .type = IO_UTIME, .atime = wire_time(times, 0), .mtime = wire_time(times, 1)};
    return send_attr(fd, &m);
}

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
    if (dirfd != AT_FDCWD && path && path[0] != '/') {
        errno = ENOSYS; /* names relative to a directory descriptor are not supported */
        return -1;
    }
    if (check_times(times) < 0)
        return -1;
    struct io_attr m = {
        .type = IO_UTIME, .atime = wire_time(times, 0), .mtime = wire_time(times, 1)};
    return path_attr(path, O_RDONLY | ((flags & AT_SYMLINK_NOFOLLOW) ? O_NOFOLLOW : 0), &m);
}

int utime(const char *path, const struct utimbuf *times)
{
    struct timespec ts[2] = {{times ? times->actime : 0, times ? 0 : UTIME_NOW},
                             {times ? times->modtime : 0, times ? 0 : UTIME_NOW}};
    return utimensat(AT_FDCWD, path, ts, 0);
}

int ftruncate(int fd, off_t length)
{
    if (length < 0) {
        errno = EINVAL;
        return -1;
    }
    struct io_attr m = {.type = IO_TRUNCATE, .size = (uint64_t)length};
    return send_attr(fd, &m);
}

int truncate(const char *path, off_t length)
{
    if (length < 0) {
        errno = EINVAL;
        return -1;
    }
    struct io_attr m = {.type = IO_TRUNCATE, .size = (uint64_t)length};
    return path_attr(path, O_WRONLY, &m);
}

int fsync(int fd)
{
    struct io_hdr m = {IO_SYNC, 0};
    return MsgSend(fd, &m, sizeof(m), NULL, 0) < 0 ? -1 : 0;
}
