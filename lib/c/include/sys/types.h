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
typedef long time_t;

#endif
