/*
 * tmpfs: a file system held in memory, served as a resource manager (docs/tmpfs.md). This header
 * is the server's own: the node (inode) and directory-entry structures, and the interfaces
 * between its files: node.c (nodes, directories, times, space), data.c (file contents),
 * lookup.c (path names and symbolic links), names.c (name-space requests) and tmpfs.c (open
 * files and main).
 */
#ifndef QSOE_TMPFS_H
#define QSOE_TMPFS_H

#include <proto/io.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define TMPFS_NAME_MAX  255
#define TMPFS_PAGE      4096
#define TMPFS_MAX_FILE  (1ull << 30) /* bytes a file may reach: EFBIG beyond */
#define TMPFS_MAX_LINKS 8            /* symbolic links followed in one lookup: ELOOP beyond */

struct entry;

struct node {
    uint64_t ino;
    uint32_t mode; /* type bits (IO_S_IF*) and permissions */
    uint32_t nlink;
    uint32_t uid, gid;
    int64_t atime, mtime, ctime;
    int opens; /* open files on it: a node goes when both this and nlink are 0 */
    union {
        struct {
            struct node *parent; /* NULL once removed (and for the root: itself) */
            struct entry *first, *last;
            uint32_t count;
            uint64_t next_cookie; /* readdir positions: 0 ".", 1 "..", then entry cookies */
        } dir;
        struct {
            char **pages; /* npages slots, NULL for a hole */
            size_t npages;
            uint64_t size;
            uint64_t used; /* pages allocated */
        } file;
        struct {
            char *target;
            size_t len;
        } link;
    };
};

struct entry {
    struct entry *next;
    struct node *node;
    uint64_t cookie;
    char name[]; /* NUL-terminated */
};

/* What a lookup found: the directory holding the last name and the name, and the node it names
   (NULL when there is none). dir is NULL when the path ends at a directory without a name of
   its own there (the root, "." or ".."). */
struct lookup {
    struct node *dir;
    struct node *node;
    char name[TMPFS_NAME_MAX + 1];
};

/* node.c */
bool tmpfs_init(const char *prefix, uint64_t limit);
struct node *tmpfs_root(void);
const char *tmpfs_prefix(void);
int64_t tmpfs_now(void);
bool node_is(const struct node *n, uint32_t type);
struct node *node_new(uint32_t mode);
void node_release(struct node *n);
struct node *dir_find(const struct node *dir, const char *name);
struct entry *entry_new(const char *name);
void dir_insert(struct node *dir, struct entry *e, struct node *n);
int dir_add(struct node *dir, const char *name, struct node *n);
void dir_remove(struct node *dir, const char *name);
void touch(struct node *n, bool modified);
bool space_take(uint64_t bytes);
void space_give(uint64_t bytes);
int tmpfs_statvfs(void *ocb, struct io_statvfs *st);

/* data.c */
ssize_t data_read(struct node *n, void *buf, size_t len, uint64_t offset);
ssize_t data_write(struct node *n, const void *buf, size_t len, uint64_t offset);
int data_truncate(struct node *n, uint64_t size);

/* lookup.c */
int lookup(const char *path, bool follow_last, struct lookup *out);

/* names.c */
int tmpfs_mkdir(void *handle, const char *path, mode_t mode);
int tmpfs_unlink(void *handle, const char *path, bool dir);
int tmpfs_rename(void *handle, const char *from, const char *to);
int tmpfs_link(void *handle, const char *existing, const char *path);
int tmpfs_symlink(void *handle, const char *target, const char *path);
ssize_t tmpfs_readlink(void *handle, const char *path, char *buf, size_t n);

#endif
