/*
 * devctl (devctl.h): one IO_DEVCTL message on a descriptor, the data going out and the
 * answer coming back in the same buffer.
 */
#include <devctl.h>
#include <errno.h>
#include <proto/io.h>
#include <sys/neutrino.h>

int devctl(int fd, int dcmd, void *data, size_t nbytes, int *info)
{
    struct io_devctl m = {IO_DEVCTL, 0, (uint32_t)dcmd, (uint32_t)nbytes};
    iov_t siov[2] = {{&m, sizeof(m)}, {data, nbytes}};
    int saved = errno;
    long r = MsgSendvs(fd, siov, nbytes ? 2 : 1, data, nbytes);
    int err = r < 0 ? errno : 0;
    errno = saved;
    if (info)
        *info = 0;
    return err;
}
