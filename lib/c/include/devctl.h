/*
 * Device control, as QNX spells it: a command and a buffer that carries data to the server
 * and back (the commands are in proto/io.h).
 */
#ifndef _DEVCTL_H
#define _DEVCTL_H

#include <stddef.h>

/* Sends dcmd with nbytes of data on fd; the answer overwrites data. Returns 0 (EOK) or an
   errno value, as QNX's devctl does, leaving errno alone. info, if not NULL, gets 0. */
int devctl(int fd, int dcmd, void *data, size_t nbytes, int *info);

#endif
