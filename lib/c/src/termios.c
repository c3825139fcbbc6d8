/*
 * Terminal control through device-control messages (IO_DEVCTL) to the terminal's server.
 */
#include <errno.h>
#include <proto/io.h>
#include <sys/neutrino.h>
#include <termios.h>

// Sends a device-control request with data in (size in) and out (size out).
static int devctl(int fd, uint32_t dcmd, const void *in, size_t in_n, void *out, size_t out_n)
{
    struct io_devctl m = {IO_DEVCTL, 0, dcmd, (uint32_t)(in_n > out_n ? in_n : out_n)};
    iov_t siov[2] = {{&m, sizeof(m)}, {(void *)in, in_n}};
    return MsgSendvs(fd, siov, in_n ? 2 : 1, out, out_n) < 0 ? -1 : 0;
}

int tcgetattr(int fd, struct termios *t)
{
    return devctl(fd, DCMD_TCGETATTR, NULL, 0, t, sizeof(*t));
}

int tcsetattr(int fd, int when, const struct termios *t)
{
    if (when != TCSANOW && when != TCSADRAIN && when != TCSAFLUSH) {
        errno = EINVAL;
        return -1;
    }
    return devctl(fd, DCMD_TCSETATTR, t, sizeof(*t), NULL, 0);
}

pid_t tcgetpgrp(int fd)
{
    int32_t pgrp;
    return devctl(fd, DCMD_TCGETPGRP, NULL, 0, &pgrp, sizeof(pgrp)) < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
    int32_t v = pgrp;
    return devctl(fd, DCMD_TCSETPGRP, &v, sizeof(v), NULL, 0);
}

int isatty(int fd)
{
    struct termios t;
    if (tcgetattr(fd, &t) < 0) {
        errno = ENOTTY;
        return 0;
    }
    return 1;
}
