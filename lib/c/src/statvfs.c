/* statvfs and fstatvfs: the sizes of the file system a file is on, from its server (IO_STATVFS). */
#include <errno.h>
#include <fcntl.h>
#include <proto/io.h>
#include <sys/neutrino.h>
#include <sys/statvfs.h>
#include <unistd.h>

int fstatvfs(int fd, struct statvfs *buf)
{
    struct io_hdr m = {IO_STATVFS, 0};
    struct io_statvfs s;
    struct _server_info si;
    if (MsgSend(fd, &m, sizeof(m), &s, sizeof(s)) < 0 || ConnectServerInfo(0, fd, &si) != fd)
        return -1;
    *buf = (struct statvfs){s.bsize,
                            s.frsize,
                            s.blocks,
                            s.bfree,
                            s.bavail,
                            s.files,
                            s.ffree,
                            s.favail,
                            ((unsigned long)si.pid << 16) | (unsigned)si.chid,
                            s.flag & IO_ST_RDONLY ? ST_RDONLY : 0,
                            s.namemax};
    return 0;
}

int statvfs(const char *restrict path, struct statvfs *restrict buf)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    int r = fstatvfs(fd, buf);
    int err = errno;
    close(fd);
    errno = err;
    return r;
}
