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

/* QSOE: the new process may attach interrupts and map device registers (for drivers); taskman
   grants it only to a parent that has it itself. */
#define POSIX_SPAWN_QSOE_IO   0x1000
#define POSIX_SPAWN_SETPGROUP 0x0002 /* the child leads a new process group */

int posix_spawnattr_init(posix_spawnattr_t *attr);
int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags);

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions,
                const posix_spawnattr_t *attr, char *const argv[], char *const envp[]);
int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
                 const posix_spawnattr_t *attr, char *const argv[], char *const envp[]);

#endif
