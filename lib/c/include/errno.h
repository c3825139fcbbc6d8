/* errno, one per thread (it lives in the thread's TLS block), and the error numbers. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <abi/errno.h>

int *__get_errno_ptr(void);
#define errno (*__get_errno_ptr())

#endif
