/*
 * Process creation for taskman (taskman/lib/spawn.c): TM_SPAWN of a program from the boot
 * image, done at once, or from a file some server holds, read by the kernel's reader
 * (reader.h) so that taskman's loop keeps serving meanwhile (the wake-path rule, DESIGN.md).
 */
#ifndef TASKMAN_SPAWN_H
#define TASKMAN_SPAWN_H

#include <stddef.h>
#include <sys/neutrino.h>
#include <taskman/server.h>

#define SPAWN_MAX_IMAGE (64ul << 20) /* bytes of a program file taskman will read */

void spawn_init(const struct taskman_boot *boot, int chid);

// Starts path as a child of parent (for init: no descriptors passed); the pid or a negated
// errno. Only for programs in the boot image.
int spawn_boot_program(const char *path, char *const argv[], char *const envp[], int parent,
                       bool io);

// TM_SPAWN: msg (got bytes) is reused by the caller after this returns.
void spawn_request(int rcvid, const struct _msg_info *info, const void *msg, size_t got);

#endif
