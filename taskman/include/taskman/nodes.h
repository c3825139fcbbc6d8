/*
 * The files taskman serves itself: /dev/null, /dev/zero, /dev/console (until a console driver
 * takes it over), the boot image under /proc/boot, and its processes under /proc.
 */
#ifndef TASKMAN_NODES_H
#define TASKMAN_NODES_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/neutrino.h>
#include <taskman/server.h>

void nodes_init(const struct taskman_boot *boot, int chid);
bool nodes_handle(int rcvid, const struct _msg_info *info, void *msg, size_t len);
void nodes_disconnect(int scoid);

#endif
