/* posix_spawn: start a program in a new process (through taskman). */
#ifndef _SPAWN_H
#define _SPAWN_H

#include <sys/types.h>

typedef struct {
    int __actions; /* file actions are not supported yet: must be empty */
} posix_spawn_file_actions_t;

typedef struct {
    int __flags;
} posix_spawnattr_t;

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions,
                const posix_spawnattr_t *attr, char *const argv[], char *const envp[]);
int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
                 const posix_spawnattr_t *attr, char *const argv[], char *const envp[]);

#endif
