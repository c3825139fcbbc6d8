/*
 * Test helper: `test/unmountreq path` opens path and sends DCMD_FS_UNMOUNT on it, as umount
 * does but without umount's own checks, and prints what the server answered ("0" or the
 * errno's name), so that console tests can check the server's side of unmounting.
 */
#include <devctl.h>
#include <errno.h>
#include <fcntl.h>
#include <proto/io.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: unmountreq path\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        printf("open: %s\n", strerror(errno));
        return 1;
    }
    int err = devctl(fd, DCMD_FS_UNMOUNT, NULL, 0, NULL);
    printf("%s\n", err == 0        ? "0"
                   : err == EPERM  ? "EPERM"
                   : err == EINVAL ? "EINVAL"
                   : err == EBUSY  ? "EBUSY"
                                   : strerror(err));
    close(fd);
    return err != 0;
}
