/*
 * Reading directories: a DIR holds an open descriptor of the directory and a buffer of the
 * io_dirent records the last IO_READDIR brought; the server keeps the position in the
 * directory as the descriptor's offset, so rewinddir is a seek to 0.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <proto/io.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <unistd.h>

struct __dir {
    int fd;
    size_t used, next;
    struct dirent entry;
    char buf[4096];
};

DIR *fdopendir(int fd)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return NULL;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return NULL;
    }
    DIR *d = malloc(sizeof(*d));
    if (!d) {
        errno = ENOMEM;
        return NULL;
    }
    d->fd = fd;
    d->used = d->next = 0;
    return d;
}

DIR *opendir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    DIR *d = fdopendir(fd);
    if (!d) {
        int err = errno;
        close(fd);
        errno = err;
    }
    return d;
}

// The d_type of a record's mode.
static unsigned char type_of(uint32_t mode)
{
    switch (mode & IO_S_IFMT) {
    case IO_S_IFREG:
        return DT_REG;
    case IO_S_IFDIR:
        return DT_DIR;
    case IO_S_IFCHR:
        return DT_CHR;
    case IO_S_IFLNK:
        return DT_LNK;
    case IO_S_IFIFO:
        return DT_FIFO;
    default:
        return DT_UNKNOWN;
    }
}

struct dirent *readdir(DIR *d)
{
    if (d->next >= d->used) {
        struct io_rw m = {IO_READDIR, 0, sizeof(d->buf)};
        long n = MsgSend(d->fd, &m, sizeof(m), d->buf, sizeof(d->buf));
        if (n <= 0)
            return NULL; /* the end (errno unchanged), or an error (errno set) */
        d->used = (size_t)n;
        d->next = 0;
    }
    struct io_dirent *e = (struct io_dirent *)(d->buf + d->next);
    if (d->next + sizeof(*e) > d->used || e->reclen < sizeof(*e) || d->next + e->reclen > d->used ||
        e->namelen > e->reclen - sizeof(*e)) {
        d->next = d->used = 0;
        errno = EIO; /* a malformed record from the server */
        return NULL;
    }
    d->next += e->reclen;
    d->entry.d_ino = e->ino;
    d->entry.d_type = type_of(e->mode);
    size_t n = e->namelen < sizeof(d->entry.d_name) - 1 ? e->namelen : sizeof(d->entry.d_name) - 1;
    memcpy(d->entry.d_name, e->name, n);
    d->entry.d_name[n] = '\0';
    return &d->entry;
}

void rewinddir(DIR *d)
{
    lseek(d->fd, 0, SEEK_SET);
    d->used = d->next = 0;
}

int dirfd(DIR *d)
{
    return d->fd;
}

int closedir(DIR *d)
{
    int r = close(d->fd);
    free(d);
    return r;
}
