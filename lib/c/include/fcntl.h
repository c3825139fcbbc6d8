/* open() and its flags (QNX values), and fcntl() on descriptors (lib/c/src/io.c, fd.c). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>

#define O_RDONLY    0
#define O_WRONLY    1
#define O_RDWR      2
#define O_ACCMODE   3
#define O_APPEND    000010
#define O_NONBLOCK  000200
#define O_CREAT     000400
#define O_TRUNC     001000
#define O_EXCL      002000
#define O_NOCTTY    004000
#define O_CLOEXEC   020000
#define O_NOFOLLOW  040000
#define O_DIRECTORY 0100000

#define F_DUPFD         0
#define F_GETFD         1
#define F_SETFD         2
#define F_GETFL         3
#define F_SETFL         4
#define F_DUPFD_CLOEXEC 5

#define FD_CLOEXEC 1

#define AT_FDCWD            (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR        0x200

int open(const char *path, int oflag, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
