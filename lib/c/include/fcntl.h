/* open() and its flags (QNX values). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>

#define O_RDONLY   0
#define O_WRONLY   1
#define O_RDWR     2
#define O_ACCMODE  3
#define O_APPEND   000010
#define O_CREAT    000400
#define O_TRUNC    001000
#define O_EXCL     002000
#define O_NOCTTY   004000
#define O_NONBLOCK 000200

int open(const char *path, int oflag, ...);

#endif
