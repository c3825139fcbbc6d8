/* posix_spawn: start a program in a new process (through taskman). */
#ifndef _SPAWN_H
#define _SPAWN_H

#include <sys/types.h>

/* File actions shape the child's standard descriptors 0, 1 and 2 (QSOE passes only those). */
#define __SPAWN_MAX_ACTIONS 8
#define __SPAWN_PATH_MAX    128

typedef struct {
    int __actions;
    struct {
        int kind; /* open, close or dup2 */
        int fd, newfd, oflag;
        unsigned mode;
        char path[__SPAWN_PATH_MAX];
    } __action[__SPAWN_MAX_ACTIONS];
} posix_spawn_file_actions_t;

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa);
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa);
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd, const char *path,
                                     int oflag, mode_t mode);
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd);
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd);

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
