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

#endif
