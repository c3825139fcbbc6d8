/*
 * File I/O over messages (include/proto/io.h): a file descriptor is a connection to the
 * server that holds the file. open() asks taskman which server that is; the rest are messages
 * on the connection. Functions return -1 with errno set on failure.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <proto/io.h>
#include <proto/taskman.h>
#include <stdarg.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <unistd.h>

int __taskman_coid(void);

int open(const char *path, int oflag, ...)
{
    va_list ap;
    va_start(ap, oflag);
    unsigned mode = (oflag & O_CREAT) ? va_arg(ap, unsigned) : 0;
    va_end(ap);
    size_t len = path ? strnlen(path, PATH_MAX_LEN) : 0;
    if (len == 0 || len >= PATH_MAX_LEN) {
        errno = len ? ENAMETOOLONG : ENOENT;
        return -1;
    }
    struct path_msg req = {PATH_RESOLVE, (uint16_t)len, 0};
    iov_t riov[2] = {{&req, sizeof(req)}, {(void *)path, len}};
    struct path_resolved where;
    if (MsgSendvs(__taskman_coid(), riov, 2, &where, sizeof(where)) < 0)
        return -1;
    int fd = ConnectAttach(0, where.pid, where.chid, 0, 0);
    if (fd < 0)
        return -1;
    struct io_connect c = {IO_CONNECT, IO_OPEN,       (uint32_t)oflag,
                           mode,       (uint16_t)len, where.prefixlen};
    iov_t ciov[2] = {{&c, sizeof(c)}, {(void *)path, len}};
    if (MsgSendv(fd, ciov, 2, NULL, 0) < 0) {
        int err = errno;
        ConnectDetach(fd);
        errno = err == EBADF || err == ESRCH ? ENOENT : err; /* the server went meanwhile */
        return -1;
    }
    return fd;
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
    struct io_stat s;
    if (MsgSend(fd, &m, sizeof(m), &s, sizeof(s)) < 0)
        return -1;
    st->st_ino = s.ino;
    st->st_size = (off_t)s.size;
    st->st_mode = s.mode;
    st->st_nlink = s.nlink;
    st->st_uid = s.uid;
    st->st_gid = s.gid;
    st->st_mtime = s.mtime;
    return 0;
}

int stat(const char *path, struct stat *st)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    int r = fstat(fd, st);
    int err = errno;
    close(fd);
    errno = err;
    return r;
}

struct __dir {
    int fd;
    size_t used, next;
    char buf[2048];
    struct dirent entry;
};

DIR *opendir(const char *path)
{
    static struct __dir dirs[4]; /* until malloc: a few directories open at once */
    for (int i = 0; i < 4; i++) {
        if (dirs[i].fd == 0) {
            int fd = open(path, O_RDONLY);
            if (fd < 0)
                return NULL;
            dirs[i].fd = fd + 1;
            dirs[i].used = dirs[i].next = 0;
            return &dirs[i];
        }
    }
    errno = EMFILE;
    return NULL;
}

struct dirent *readdir(DIR *d)
{
    if (d->next >= d->used) {
        struct io_rw m = {IO_READDIR, 0, sizeof(d->buf)};
        long n = MsgSend(d->fd - 1, &m, sizeof(m), d->buf, sizeof(d->buf));
        if (n <= 0)
            return NULL;
        d->used = (size_t)n;
        d->next = 0;
    }
    struct io_dirent *e = (struct io_dirent *)(d->buf + d->next);
    if (e->reclen < sizeof(*e) || d->next + e->reclen > d->used)
        return NULL;
    d->next += e->reclen;
    d->entry.d_ino = e->ino;
    size_t n = e->namelen < sizeof(d->entry.d_name) - 1 ? e->namelen : sizeof(d->entry.d_name) - 1;
    memcpy(d->entry.d_name, e->name, n);
    d->entry.d_name[n] = '\0';
    return &d->entry;
}

int closedir(DIR *d)
{
    int r = close(d->fd - 1);
    d->fd = 0;
    return r;
}
