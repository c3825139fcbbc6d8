/*
 * Running another program and waiting for it, for find -exec, xargs, env and time. QSOE has
 * no fork(), so this is posix_spawnp and waitpid everywhere.
 */
#ifndef RUN_H
#define RUN_H

#include <sys/types.h>

// Starts argv[0] (searched on PATH) with argv; its pid, or -1 after a message naming it
// (errno says why: ENOENT when it was not found).
pid_t run_start(char *const argv[]);

// Runs argv to the end; its exit status as the shell reports it: 0-255, 128+signal if a
// signal ended it, 127 if it was not found, 126 if it could not be run.
int run_wait(char *const argv[]);

// The shell-style exit status for a waitpid status.
int run_status(int status);

#endif
