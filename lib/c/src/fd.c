/*
 * Descriptor calls that need no name: dup, dup2 and fcntl. A copy of a descriptor is a new
 * connection to the same server that shares the original's open file (IO_DUP); the
 * close-on-exec flag is the kernel's flag on the connection (_NTO_COF_CLOEXEC), so
 * posix_spawn can see it.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <proto/io.h>
#include <stdarg.h>
#include <sys/neutrino.h>
#include <unistd.h>

#include "fd.h"

int __fd_dup_at(int fd, int lowest, int *scoid)
{
    struct _server_info si;
    if (fd < 0 || ConnectServerInfo(0, fd, &si) != fd) {
        errno = EBADF;
        return -1;
    }
    int c = ConnectAttach(0, si.pid, si.chid, lowest, 0);
    if (c < 0)
        return -1;
    struct io_dup m = {IO_DUP, 0, si.scoid};
    if (MsgSend(c, &m, sizeof(m), NULL, 0) < 0 || ConnectServerInfo(0, c, &si) != c) {
        int err = errno;
        ConnectDetach(c);
        errno = err == ENOSYS ? EBADF : err; /* a connection that is not a file */
        return -1;
    }
    if (scoid)
        *scoid = si.scoid;
    return c;
}

int dup(int fd)
{
    return __fd_dup_at(fd, 0, NULL);
}

int dup2(int fd, int newfd)
{
    struct _server_info si;
    if (fd < 0 || ConnectServerInfo(0, fd, &si) != fd || newfd < 0 || newfd >= OPEN_MAX) {
        errno = EBADF;
        return -1;
    }
    if (fd == newfd)
        return newfd;
    if (ConnectServerInfo(0, newfd, &si) == newfd)
        close(newfd);
    int c = __fd_dup_at(fd, newfd, NULL);
    if (c >= 0 && c != newfd) {
        close(c); /* another thread took newfd meanwhile */
        errno = EBUSY;
        return -1;
    }
    return c;
}

// IO_FLAGS on fd: the open file's O_* flags, after setting O_APPEND and O_NONBLOCK from flags
// if set.
static int file_flags(int fd, bool set, int flags)
{
    struct io_flags m = {IO_FLAGS, set, (uint32_t)flags};
    return (int)MsgSend(fd, &m, sizeof(m), NULL, 0);
}

int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    va_start(ap, cmd);
    long arg = cmd == F_GETFD || cmd == F_GETFL ? 0 : va_arg(ap, long);
    va_end(ap);
    switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
        if (arg < 0 || arg >= OPEN_MAX) {
            errno = EINVAL;
            return -1;
        }
        int c = __fd_dup_at(fd, (int)arg, NULL);
        if (c >= 0 && cmd == F_DUPFD_CLOEXEC)
            ConnectFlags(0, c, _NTO_COF_CLOEXEC, _NTO_COF_CLOEXEC);
        return c;
    }
    case F_GETFD: {
        int flags = ConnectFlags(0, fd, 0, 0);
        return flags < 0 ? -1 : (flags & _NTO_COF_CLOEXEC) ? FD_CLOEXEC : 0;
    }
    case F_SETFD:
        return ConnectFlags(0, fd, _NTO_COF_CLOEXEC, (arg & FD_CLOEXEC) ? _NTO_COF_CLOEXEC : 0) < 0
                   ? -1
                   : 0;
    case F_GETFL:
        return file_flags(fd, false, 0);
    case F_SETFL:
        return file_flags(fd, true, (int)arg) < 0 ? -1 : 0;
    default:
        errno = EINVAL;
        return -1;
    }
}
