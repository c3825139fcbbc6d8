/*
 * The descriptors of a process being spawned: the file actions in the order they were added,
 * worked out on a table of the parent's descriptors before anything is sent, as a child would
 * do them before it closes what is close-on-exec (a dup2 may copy such a descriptor; the copy
 * is not). Each descriptor the child gets is a
 * connection the parent makes for it (a copy through IO_DUP, or a fresh open), which taskman
 * moves into the child (docs/taskman.md, "Inherited descriptors").
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <unistd.h>

#include "fd.h"
#include "spawn_fds.h"

enum { ACTION_OPEN = 1, ACTION_CLOSE, ACTION_DUP2 };

// The copies made for a child are made from here up, away from the low descriptors the parent
// opens next: on QSOE/L a connection taskman moves keeps the name (scoid) of the slot it was
// made in, and that slot cannot connect again while the child holds it (docs/qsoe-l.md).
#define TRANSFER_COID (OPEN_MAX / 2)

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)
{
    *fa = (posix_spawn_file_actions_t){0, 0, NULL};
    return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)
{
    for (int i = 0; i < fa->__actions; i++)
        free(fa->__action[i].path);
    free(fa->__action);
    *fa = (posix_spawn_file_actions_t){0, 0, NULL};
    return 0;
}

static int add_action(posix_spawn_file_actions_t *fa, int kind, int fd, int newfd, const char *path,
                      int oflag, mode_t mode)
{
    if (newfd < 0 || newfd >= OPEN_MAX || fd < 0 || fd >= OPEN_MAX)
        return EBADF;
    if (fa->__actions == fa->__capacity) {
        int want = fa->__capacity ? fa->__capacity * 2 : 8;
        struct __spawn_action *grown = realloc(fa->__action, (size_t)want * sizeof(*grown));
        if (!grown)
            return ENOMEM;
        fa->__action = grown;
        fa->__capacity = want;
    }
    char *copy = NULL;
    if (path && !(copy = strdup(path)))
        return ENOMEM;
    fa->__action[fa->__actions++] = (struct __spawn_action){kind, fd, newfd, oflag, mode, copy};
    return 0;
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd, const char *path,
                                     int oflag, mode_t mode)
{
    return add_action(fa, ACTION_OPEN, fd, fd, path, oflag, mode);
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd)
{
    return add_action(fa, ACTION_CLOSE, fd, fd, NULL, 0, 0);
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd)
{
    return add_action(fa, ACTION_DUP2, fd, newfd, NULL, 0, 0);
}

static struct child_fd *find(struct child_fds *t, int fd)
{
    for (int i = 0; i < t->n; i++)
        if (t->e[i].fd == fd)
            return &t->e[i];
    return NULL;
}

// Closes a connection made for the child if it is still the caller's (taskman has not moved
// it, or moved it into a child that is gone again).
static void drop_connection(const struct child_fd *e)
{
    struct _server_info si;
    if (e->coid >= 0 && ConnectServerInfo(0, e->coid, &si) == e->coid && si.scoid == e->scoid)
        close(e->coid);
}

// Takes descriptor fd out of the table.
static void remove_fd(struct child_fds *t, int fd)
{
    struct child_fd *e = find(t, fd);
    if (!e)
        return;
    drop_connection(e);
    *e = t->e[--t->n];
}

static int add_fd(struct child_fds *t, struct child_fd e)
{
    remove_fd(t, e.fd);
    if (t->n == OPEN_MAX)
        return EMFILE;
    t->e[t->n++] = e;
    return 0;
}

// Starts the table with every descriptor of the caller, each still to be copied.
static int inherit(struct child_fds *t)
{
    struct _server_info si;
    for (int fd = 0; (fd = ConnectServerInfo(0, fd, &si)) >= 0 && fd < OPEN_MAX; fd++) {
        int flags = ConnectFlags(0, fd, 0, 0);
        if (flags < 0)
            continue;
        int err =
            add_fd(t, (struct child_fd){fd, fd, -1, 0, false, (flags & _NTO_COF_CLOEXEC) != 0});
        if (err)
            return err;
    }
    return 0;
}

// One file action, as the child would see it done.
static int apply(struct child_fds *t, const struct __spawn_action *a)
{
    if (a->kind == ACTION_CLOSE) {
        remove_fd(t, a->fd);
        return 0;
    }
    if (a->kind == ACTION_OPEN) {
        int opened = open(a->path, a->oflag & ~O_CLOEXEC, a->mode);
        struct _server_info si;
        if (opened < 0)
            return errno;
        ConnectServerInfo(0, opened, &si);
        return add_fd(t, (struct child_fd){a->fd, -1, opened, si.scoid, true, false});
    }
    struct child_fd *from = find(t, a->fd);
    if (!from)
        return EBADF;
    if (a->fd == a->newfd) {
        from->must = true;
        from->cloexec = false; /* POSIX: dup2 onto itself clears close-on-exec */
        return 0;
    }
    struct child_fd e = {a->newfd, from->source, -1, 0, true, false};
    if (from->coid >= 0 && (e.coid = __fd_dup_at(from->coid, TRANSFER_COID, &e.scoid)) < 0)
        return errno;
    return add_fd(t, e);
}

// Drops what is close-on-exec and makes the copies still to be made. A descriptor the child
// would only have inherited is left out if it cannot be copied (a connection that is not a
// file).
static int make_copies(struct child_fds *t)
{
    for (int i = 0; i < t->n; i++) {
        struct child_fd *e = &t->e[i];
        if (e->cloexec) {
            remove_fd(t, e->fd);
            i--;
            continue;
        }
        if (e->coid >= 0)
            continue;
        e->coid = __fd_dup_at(e->source, TRANSFER_COID, &e->scoid);
        if (e->coid >= 0)
            continue;
        if (e->must)
            return errno;
        *e = t->e[--t->n];
        i--;
    }
    return 0;
}

int __spawn_fds_prepare(struct child_fds *t, const posix_spawn_file_actions_t *fa)
{
    t->n = 0;
    int err = inherit(t);
    for (int a = 0; !err && fa && a < fa->__actions; a++)
        err = apply(t, &fa->__action[a]);
    if (!err)
        err = make_copies(t);
    if (!err && t->n > TM_SPAWN_MAX_FDS)
        err = EMFILE; /* more descriptors than a spawn can carry */
    if (err)
        __spawn_fds_release(t);
    return err;
}

void __spawn_fds_release(struct child_fds *t)
{
    for (int i = 0; i < t->n; i++)
        drop_connection(&t->e[i]);
    t->n = 0;
}
