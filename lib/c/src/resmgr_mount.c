/*
 * File systems in the resource-manager framework: listing a prefix in taskman's mount table
 * (/proc/mounts), and unmounting on DCMD_FS_UNMOUNT: the request must come from root on the
 * mount point itself, with no other file open; the server's prefixes are detached before the
 * answer, so the name space no longer shows it when umount returns, and resmgr_run ends.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "resmgr_impl.h"

int __taskman_coid(void);

int resmgr_mount(const char *prefix, const char *source, const char *type, const char *options)
{
    char buf[128 + 3 * 64];
    size_t lens[4] = {strlen(prefix), strlen(source), strlen(type), strlen(options)};
    size_t total = lens[0] + lens[1] + lens[2] + lens[3] + 3;
    if (total > sizeof(buf)) {
        errno = EINVAL;
        return -1;
    }
    snprintf(buf, sizeof(buf), "%s%c%s%c%s%c%s", prefix, 0, source, 0, type, 0, options);
    struct path_msg m = {PATH_MOUNT, (uint16_t)total, 0};
    iov_t iov[2] = {{&m, sizeof(m)}, {buf, total}};
    return MsgSendv(__taskman_coid(), iov, 2, NULL, 0) < 0 ? -1 : 0;
}

// The real user id of process pid as taskman's /proc shows it; -1 if it cannot be read.
static int uid_of(int pid)
{
    char path[32], text[512];
    snprintf(path, sizeof(path), "/proc/%d/status", pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, text, sizeof(text) - 1);
    close(fd);
    if (n <= 0)
        return -1;
    text[n] = '\0';
    char *line = strstr(text, "\nuid: ");
    return line ? atoi(line + 6) : -1;
}

void __resmgr_unmount(int rcvid, const struct _msg_info *info, struct open_file *f)
{
    int open_files = 0;
    for (int i = 0; i < RESMGR_MAX_OPEN; i++)
        open_files += __rm.files[i].refs > 0;
    int err = !f->at_prefix            ? EINVAL
              : uid_of(info->pid) != 0 ? EPERM
              : open_files > 1         ? EBUSY
                                       : __rm.funcs->unmount(__rm.handle);
    if (err) {
        MsgError(rcvid, err);
        return;
    }
    for (int i = 0; i < __rm.nprefixes; i++) {
        size_t len = strlen(__rm.prefixes[i]);
        struct path_msg m = {PATH_UNREGISTER, (uint16_t)len, 0};
        iov_t iov[2] = {{&m, sizeof(m)}, {__rm.prefixes[i], len}};
        MsgSendv(__taskman_coid(), iov, 2, NULL, 0);
    }
    MsgReply(rcvid, 0, NULL, 0);
    __rm.stop = true;
}
