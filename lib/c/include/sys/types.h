/* POSIX system types. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int pid_t;
typedef int clockid_t;
typedef unsigned uid_t;
typedef unsigned gid_t;
typedef long ssize_t;
typedef long off_t;
typedef unsigned mode_t;
typedef unsigned long dev_t;
typedef uint64_t ino_t;
typedef unsigned nlink_t;
typedef long blksize_t;
typedef int64_t blkcnt_t;
typedef long clock_t;
typedef long time_t;

#endif
