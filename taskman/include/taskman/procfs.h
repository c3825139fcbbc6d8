/*
 * What taskman shows of its processes under /proc: the directory's entries and each process's
 * status text. The files themselves (opening, reading, offsets) are nodes.c's business.
 */
#ifndef TASKMAN_PROCFS_H
#define TASKMAN_PROCFS_H

#include <stddef.h>
#include <stdint.h>

#define PROCFS_STATUS_MAX 128 /* bytes of a status text, NUL included */

int procfs_status(int pid, char *buf, size_t size);
int procfs_entry(uint64_t index, char *name, size_t size);

#endif
