/*
 * How taskman reads a program file that some server holds, one per kernel: QSOE/N starts a
 * loader thread inside taskman (taskman/skimmer/reader.c), QSOE/L hands the file to a reader
 * process (taskman/sel4/reader.c). Either way taskman's loop keeps serving while the file is
 * read, and the result comes back to the loop as a message, which ends in spawn_read_done.
 */
#ifndef TASKMAN_READER_H
#define TASKMAN_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/neutrino.h>

// Called once, with taskman's channel.
void reader_init(int chid);

// Has path read for spawn job `job`, as user euid and group egid may run it. 0 (the result
// comes later, through spawn_read_done) or a negated errno.
int reader_start(void *job, const char *path, int euid, int egid);

// TM_LOADED or TM_READER: a message from a loader thread or reader process.
void reader_message(int rcvid, const struct _msg_info *info, const void *msg, size_t got);

// Process pid ended: true if it was a reader of taskman's (whose spawn, if any, has failed
// with EIO); taskman then forgets it.
bool reader_gone(int pid);

// The end of a read (spawn.c): the program file's bytes (malloc'd, now the job's) or err.
void spawn_read_done(void *job, void *image, size_t size, int err);

#endif
