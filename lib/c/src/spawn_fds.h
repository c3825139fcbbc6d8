/* Private to libc: the descriptors of a process being spawned (spawn_fds.c). */
#ifndef QSOE_LIBC_SPAWN_FDS_H
#define QSOE_LIBC_SPAWN_FDS_H

#include <limits.h>
#include <proto/taskman.h>
#include <spawn.h>
#include <stdbool.h>

struct child_fd {
    int fd;       /* the descriptor in the child */
    int source;   /* the caller's descriptor it is a copy of, until the copy is made */
    int coid;     /* the connection made for the child, or -1 */
    int scoid;    /* its server's id of it */
    bool must;    /* named by a file action: failing to make it fails the spawn */
    bool cloexec; /* the caller's close-on-exec descriptor: actions may use it, the child not */
};

struct child_fds {
    int n;
    struct child_fd e[OPEN_MAX]; /* at most TM_SPAWN_MAX_FDS of them go to the child */
};

// Works out the child's descriptors: the caller's inheritable ones, then the file actions.
// Returns 0 or an error number (and then nothing is left behind).
int __spawn_fds_prepare(struct child_fds *t, const posix_spawn_file_actions_t *fa);

// Closes the connections made for the child that are still the caller's.
void __spawn_fds_release(struct child_fds *t);

#endif
