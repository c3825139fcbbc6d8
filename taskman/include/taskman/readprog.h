/*
 * Reading a program file for a spawn as a client of its server (taskman/lib/readprog.c):
 * shared by taskman's loader thread (QSOE/N) and its reader process (QSOE/L).
 */
#ifndef TASKMAN_READPROG_H
#define TASKMAN_READPROG_H

#include <stddef.h>

// Reads the whole of path, as user euid and group egid may run it: a regular file with an
// execute bit for them, of 1 to SPAWN_MAX_IMAGE bytes. The bytes go to *buf, which has room
// for *cap of them and is made larger (malloc) when the file needs it; *size is the file's
// length. Returns 0 or an errno (EACCES, ENOEXEC for an empty file, E2BIG, ENOMEM, or what
// open, fstat and read gave).
int readprog(const char *path, int euid, int egid, void **buf, size_t *cap, size_t *size);

#endif
