/*
 * The pathname space: which server (process and channel) holds which path prefix. open()
 * resolves the longest registered prefix that matches the path at a component boundary.
 */
#ifndef TASKMAN_PATHMGR_H
#define TASKMAN_PATHMGR_H

#include <proto/io.h>

int pathmgr_register(const char *prefix, int pid, int chid);
int pathmgr_unregister(const char *prefix, int pid);
int pathmgr_resolve(const char *path, struct path_resolved *out);
void pathmgr_forget(int pid);

// Marks pid's prefix as a mounted file system of type, from source, with options (each at
// most PATHMGR_MOUNT_FIELD - 1 bytes, no blanks). 0, -ENOENT (pid has no such prefix) or
// -EINVAL.
#define PATHMGR_MOUNT_FIELD 64
int pathmgr_mount(const char *prefix, int pid, const char *source, const char *type,
                  const char *options);

// The mounted file systems in /proc/mounts form ("source prefix type options 0 0" a line),
// oldest first, as allocated text with its length in *len (NULL, *len -ENOMEM).
char *pathmgr_mounts(int *len);

#endif
