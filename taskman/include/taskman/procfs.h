/*
 * What taskman shows of its processes and the system under /proc: the directory's entries, each
 * process's status and threads, and /proc/sysinfo, as text made when a file is opened. The
 * files themselves (opening, reading, offsets) are nodes.c's business.
 */
#ifndef TASKMAN_PROCFS_H
#define TASKMAN_PROCFS_H

#include <stddef.h>
#include <stdint.h>

// Each returns allocated text and its length in *len, or NULL with *len -ENOENT (no such
// process) or -ENOMEM.
char *procfs_status(int pid, int *len);
char *procfs_threads(int pid, int *len);
char *procfs_sysinfo(int *len);
// The kernel's name /proc/sysinfo shows (taskman_serve sets it from its boot block).
void procfs_set_kernel(const char *name);

int procfs_entry(uint64_t index, char *name, size_t size);

#endif
