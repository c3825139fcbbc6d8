/*
 * File I/O over messages (include/proto/io.h): a file descriptor is a connection to the
 * server that holds the file. open() asks taskman which server that is; the rest are messages
 * on the connection. Functions return -1 with errno set on failure. Directories are in dir.c,
 * the other name space calls in names.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <proto/io.h>
#include <proto/taskman.h>
#include <stdarg.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path.h"

int open(const char *path, int oflag, ...)
{
    va_list ap;
    va_start(ap, oflag);
    unsigned mode = (oflag & O_CREAT) ? va_arg(ap, unsigned) & ~__umask & 07777 : 0;
    va_end(ap);
    char abs[PATH_MAX_LEN];
    struct path_resolved where;
    if (__path_absolute(path, abs) < 0)
        return -1;
    size_t len = strlen(abs);
    int fd = __path_connect(abs, &where);
    if (fd < 0)
        return -1;
    struct io_connect c = {
        IO_CONNECT, IO_OPEN, (uint32_t)(oflag & ~O_CLOEXEC), mode, (uint16_t)len, where.prefixlen,
        0,          0};
    iov_t ciov[2] = {{&c, sizeof(c)}, {abs, len}};
    if (MsgSendv(fd, ciov, 2, NULL, 0) < 0) {
        int err = errno;
        ConnectDetach(fd);
        errno = err == EBADF || err == ESRCH ? ENOENT : err; /* the server went meanwhile */
        return -1;
    }
    if (oflag & O_CLOEXEC)
        ConnectFlags(0, fd, _NTO_COF_CLOEXEC, _NTO_COF_CLOEXEC);
    return fd;
}

int creat(const char *path, mode_t mode)
{
    return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

ssize_t read(int fd, void *buf, size_t n)
{
    struct io_rw m = {IO_READ, 0, n > 0x7fffffff ? 0x7fffffff : (uint32_t)n};
    return MsgSend(fd, &m, sizeof(m), buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
    struct io_rw m = {IO_WRITE, 0, n > 0x7fffffff ? 0x7fffffff : (uint32_t)n};
    iov_t iov[2] = {{&m, sizeof(m)}, {(void *)buf, m.nbytes}};
    return MsgSendv(fd, iov, 2, NULL, 0);
}

off_t lseek(int fd, off_t offset, int whence)
{
    struct io_lseek m = {IO_LSEEK, (int16_t)whence, 0, offset};
    struct io_lseek_reply r;
    if (MsgSend(fd, &m, sizeof(m), &r, sizeof(r)) < 0)
        return -1;
    return (off_t)r.offset;
}

int close(int fd)
{
    struct io_hdr m = {IO_CLOSE, 0};
    long r = MsgSend(fd, &m, sizeof(m), NULL, 0);
    int err = errno;
    if (ConnectDetach(fd) < 0)
        return -1;
    if (r < 0 && err != EBADF) {
        errno = err;
        return -1;
    }
    return 0;
}

int fstat(int fd, struct stat *st)
{
    struct io_hdr m = {IO_STAT, 0};
    struct io_stat s = {0};
    if (MsgSend(fd, &m, sizeof(m), &s, sizeof(s)) < 0)
        return -1;
    *st = (struct stat){0};
    st->st_ino = s.ino;
    st->st_size = (off_t)s.size;
    st->st_mode = s.mode;
    st->st_nlink = s.nlink;
    st->st_uid = s.uid;
    st->st_gid = s.gid;
    st->st_mtime = s.mtime;
    st->st_atime = s.atime ? s.atime : s.mtime;
    st->st_ctime = s.ctime ? s.ctime : s.mtime;
    st->st_blocks = (int64_t)(s.blocks ? s.blocks : (s.size + 511) / 512);
    st->st_blksize = 4096;
    struct _server_info si; /* the device: which server's file system it is */
    if (ConnectServerInfo(0, fd, &si) == fd)
        st->st_dev = ((dev_t)si.pid << 16) | (unsigned)si.chid;
    return 0;
}
