/* Private to libc: copying a descriptor (fd.c), for dup and for posix_spawn. */
#ifndef QSOE_LIBC_FD_H
#define QSOE_LIBC_FD_H

#include <stdbool.h>

// A new connection sharing fd's open file, at the lowest free descriptor from lowest up; its
// server's id of it goes to *scoid if scoid is not NULL. Returns it, or -1 with errno set
// (EBADF if fd is not an open file).
int __fd_dup_at(int fd, int lowest, int *scoid);

#endif
