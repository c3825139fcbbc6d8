/*
 * umount: asks the server of a mounted file system to detach it and end (DCMD_FS_UNMOUNT on
 * its mount point, docs/io.md). The server refuses while any of its files is open (EBUSY,
 * "target is busy", as Linux). Exit statuses as util-linux's: 1 for bad usage or
 * permissions, 32 when the unmount fails.
 */
#include <devctl.h>
#include <errno.h>
#include <fcntl.h>
#include <proto/io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define MOUNT_FAILURE 32

// Whether /proc/mounts lists a file system at dir.
static int is_mount_point(const char *dir)
{
    FILE *f = fopen("/proc/mounts", "r");
    char line[512], d[256];
    int found = 0;
    while (f && fgets(line, sizeof(line), f))
        found |= sscanf(line, "%*s %255s", d) == 1 && strcmp(d, dir) == 0;
    if (f)
        fclose(f);
    return found;
}

int main(int argc, char **argv)
{
    util_init("umount");
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: umount dir\n");
        return 1;
    }
    const char *dir = argv[1];
    if (geteuid() != 0) {
        warn("only root can do that");
        return 1;
    }
    char *abs = realpath(dir, NULL);
    if (!abs) {
        warn("%s: no mount point specified.", dir);
        return MOUNT_FAILURE;
    }
    if (!is_mount_point(abs)) {
        warn("%s: not mounted.", dir);
        return MOUNT_FAILURE;
    }
    int fd = open(abs, O_RDONLY);
    int err = fd < 0 ? errno : devctl(fd, DCMD_FS_UNMOUNT, NULL, 0, NULL);
    if (fd >= 0)
        close(fd);
    switch (err) {
    case 0:
        return 0;
    case EBUSY:
        warn("%s: target is busy.", dir);
        break;
    case EPERM:
        warn("%s: must be superuser to unmount.", dir);
        break;
    case ENOTTY:
    case ENOSYS:
        warn("%s: its file system cannot be unmounted.", dir);
        break;
    default:
        warn("%s: %s", dir, strerror(err));
    }
    return MOUNT_FAILURE;
}
