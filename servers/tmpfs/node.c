/*
 * tmpfs nodes and directories: making and freeing nodes, the entries of a directory, time
 * stamps, owners, and the space budget that bounds file contents and nodes. It knows nothing of
 * path names (lookup.c) or of file contents (data.c).
 */
#include <errno.h>
#include <proto/io.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/resmgr.h>
#include <time.h>

#include "tmpfs.h"

static char prefix[PATH_MAX_LEN];
static struct node *root;
static uint64_t limit, used; /* bytes of file contents allowed and in use */
static uint64_t nodes, max_nodes;
static uint64_t last_ino;

int64_t tmpfs_now(void)
{
    struct timespec ts;
    return clock_gettime(CLOCK_REALTIME, &ts) == 0 ? ts.tv_sec : 0;
}

// Makes the empty root directory of a file system served at prefix, with limit bytes for file
// contents and a node for every KiB of them. False when there is no memory for the root.
bool tmpfs_init(const char *at, uint64_t bytes)
{
    strcpy(prefix, at);
    limit = bytes;
    max_nodes = bytes / 1024 + 16;
    root = node_new(IO_S_IFDIR | 01777);
    if (!root)
        return false;
    root->nlink = 2;
    root->dir.parent = root;
    return true;
}

struct node *tmpfs_root(void)
{
    return root;
}

const char *tmpfs_prefix(void)
{
    return prefix;
}

bool node_is(const struct node *n, uint32_t type)
{
    return (n->mode & IO_S_IFMT) == type;
}

bool space_take(uint64_t bytes)
{
    if (bytes > limit - used)
        return false;
    used += bytes;
    return true;
}

void space_give(uint64_t bytes)
{
    used -= bytes;
}

// statvfs: the space and file budgets in 4 KiB units, and what is left of them.
int tmpfs_statvfs(void *ocb, struct io_statvfs *st)
{
    (void)ocb;
    *st = (struct io_statvfs){4096,
                              4096,
                              limit / 4096,
                              (limit - used) / 4096,
                              (limit - used) / 4096,
                              max_nodes,
                              max_nodes - nodes,
                              max_nodes - nodes,
                              0,
                              255};
    return 0;
}

// The effective user and group of the client being served; 0 when the kernel does not say.
static void set_owner(struct node *n)
{
    struct _msg_info info;
    struct _client_info ci;
    n->uid = n->gid = 0;
    if (MsgInfo(resmgr_rcvid(), &info) == 0 && ConnectClientInfo(info.scoid, &ci, 0) == 0) {
        n->uid = (uint32_t)ci.cred.euid;
        n->gid = (uint32_t)ci.cred.egid;
    }
}

// A new node with no names, owned by the client being served; NULL when the file system has
// no room for it. A directory counts its own "." as a link.
struct node *node_new(uint32_t mode)
{
    if (nodes >= max_nodes)
        return NULL;
    struct node *n = calloc(1, sizeof(*n));
    if (!n)
        return NULL;
    nodes++;
    n->ino = ++last_ino;
    n->mode = mode;
    n->atime = n->mtime = n->ctime = tmpfs_now();
    if (node_is(n, IO_S_IFDIR)) {
        n->nlink = 1;
        n->dir.next_cookie = 2;
    }
    if (root)
        set_owner(n);
    return n;
}

// Frees a node once it has neither names nor open files.
void node_release(struct node *n)
{
    if (n == root || n->nlink > 0 || n->opens > 0)
        return;
    if (node_is(n, IO_S_IFREG)) {
        data_truncate(n, 0);
        free(n->file.pages);
    } else if (node_is(n, IO_S_IFLNK)) {
        free(n->link.target);
    }
    free(n);
    nodes--;
}

struct node *dir_find(const struct node *dir, const char *name)
{
    for (struct entry *e = dir->dir.first; e; e = e->next)
        if (strcmp(e->name, name) == 0)
            return e->node;
    return NULL;
}

// An entry for name, not yet in a directory; NULL when memory is short.
struct entry *entry_new(const char *name)
{
    size_t len = strlen(name);
    struct entry *e = malloc(sizeof(*e) + len + 1);
    if (e)
        memcpy(e->name, name, len + 1);
    return e;
}

// Puts e, naming n, at the end of dir: a link more for n, and for dir when n is a directory
// (its "..").
void dir_insert(struct node *dir, struct entry *e, struct node *n)
{
    e->next = NULL;
    e->node = n;
    e->cookie = dir->dir.next_cookie++;
    if (dir->dir.last)
        dir->dir.last->next = e;
    else
        dir->dir.first = e;
    dir->dir.last = e;
    dir->dir.count++;
    n->nlink++;
    if (node_is(n, IO_S_IFDIR)) {
        n->dir.parent = dir;
        dir->nlink++;
    }
    touch(dir, true);
    touch(n, false);
}

int dir_add(struct node *dir, const char *name, struct node *n)
{
    struct entry *e = entry_new(name);
    if (!e)
        return ENOSPC;
    dir_insert(dir, e, n);
    return 0;
}

// Takes name out of dir, undoing what dir_insert did; the node is not freed (node_release).
void dir_remove(struct node *dir, const char *name)
{
    struct entry *prev = NULL, *e = dir->dir.first;
    while (e && strcmp(e->name, name) != 0) {
        prev = e;
        e = e->next;
    }
    if (!e)
        return;
    if (prev)
        prev->next = e->next;
    else
        dir->dir.first = e->next;
    if (dir->dir.last == e)
        dir->dir.last = prev;
    dir->dir.count--;
    struct node *n = e->node;
    n->nlink--;
    if (node_is(n, IO_S_IFDIR)) {
        n->dir.parent = NULL;
        dir->nlink--;
    }
    free(e);
    touch(dir, true);
    touch(n, false);
}

// Marks a node changed now (ctime), and its contents too (mtime) when modified.
void touch(struct node *n, bool modified)
{
    n->ctime = tmpfs_now();
    if (modified)
        n->mtime = n->ctime;
}
