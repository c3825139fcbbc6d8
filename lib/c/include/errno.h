/* errno and the error numbers (QNX values, include/abi/errno.h). */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <abi/errno.h>

extern int errno;

#endif
