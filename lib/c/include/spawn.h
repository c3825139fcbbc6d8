/* posix_spawn: start a program in a new process (through taskman). */
#ifndef _SPAWN_H
#define _SPAWN_H

#include <sys/types.h>

#include <signal.h>

/* File actions shape the child's descriptors, in the order they were added (spawn_fds.c). */
struct __spawn_action {
    int kind; /* open, close or dup2 */
    int fd, newfd, oflag;
    mode_t mode;
    char *path;
};

typedef struct {
    int __actions, __capacity;
    struct __spawn_action *__action;
} posix_spawn_file_actions_t;

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa);
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa);
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd, const char *path,
                                     int oflag, mode_t mode);
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd);
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd);

typedef struct {
    short __flags;
    pid_t __pgroup;
    sigset_t __sigmask, __sigdefault;
} posix_spawnattr_t;

#define POSIX_SPAWN_RESETIDS   0x0001 /* the child's effective ids are the real ones */
#define POSIX_SPAWN_SETPGROUP  0x0002 /* the child joins process group __pgroup (0: its own) */
#define POSIX_SPAWN_SETSIGDEF  0x0004 /* signals in __sigdefault go back to SIG_DFL */
#define POSIX_SPAWN_SETSIGMASK 0x0008 /* the child's signal mask is __sigmask */
/* QSOE: the new process may attach interrupts and map device registers (for drivers); taskman
   grants it only to a parent that has it itself. */
#define POSIX_SPAWN_QSOE_IO 0x1000

int posix_spawnattr_init(posix_spawnattr_t *attr);
int posix_spawnattr_destroy(posix_spawnattr_t *attr);
int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags);
int posix_spawnattr_getflags(const posix_spawnattr_t *attr, short *flags);
int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgroup);
int posix_spawnattr_getpgroup(const posix_spawnattr_t *attr, pid_t *pgroup);
int posix_spawnattr_setsigmask(posix_spawnattr_t *attr, const sigset_t *mask);
int posix_spawnattr_getsigmask(const posix_spawnattr_t *attr, sigset_t *mask);
int posix_spawnattr_setsigdefault(posix_spawnattr_t *attr, const sigset_t *set);
int posix_spawnattr_getsigdefault(const posix_spawnattr_t *attr, sigset_t *set);

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions,
                const posix_spawnattr_t *attr, char *const argv[], char *const envp[]);
int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
                 const posix_spawnattr_t *attr, char *const argv[], char *const envp[]);

#endif
