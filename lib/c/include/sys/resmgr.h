/*
 * The resource-manager framework: a server attaches a path prefix and a table of functions,
 * and resmgr_run turns the I/O messages of include/proto/io.h into calls of those functions,
 * keeping one open control block (OCB) and file offset per client connection. A function
 * left NULL gets the default behaviour (docs/io.md).
 */
#ifndef _SYS_RESMGR_H
#define _SYS_RESMGR_H

#include <proto/io.h>
#include <stdbool.h>
#include <sys/types.h>

struct resmgr_funcs {
    /* path is what follows the prefix ("" for the prefix itself); 0 or an errno */
    int (*open)(void *handle, const char *path, int oflag, mode_t mode, void **ocb);
    /* bytes done, or a negated errno */
    ssize_t (*read)(void *ocb, void *buf, size_t n, off_t offset);
    ssize_t (*write)(void *ocb, const void *buf, size_t n, off_t offset);
    int (*stat)(void *ocb, struct io_stat *st);
    void (*close)(void *ocb);
    /* device control: data holds nbytes in and takes *out_n bytes out; 0 or an errno */
    int (*devctl)(void *ocb, unsigned dcmd, void *data, size_t nbytes, size_t *out_n);
    /* a pulse other than the framework's own (an interrupt, a timer) */
    void (*pulse)(void *handle, int code, int value);
    /* directory entries from *pos on, as struct io_dirent records (resmgr_dirent) in buf of
       n bytes; moves *pos past those given. Bytes used (0 at the end) or a negated errno. */
    ssize_t (*readdir)(void *ocb, void *buf, size_t n, off_t *pos);

    /* The name space under the prefix, paths as for open; each 0 or an errno. */
    int (*unlink)(void *handle, const char *path, bool dir);
    int (*mkdir)(void *handle, const char *path, mode_t mode);
    int (*rename)(void *handle, const char *from, const char *to);
    int (*link)(void *handle, const char *existing, const char *path);
    int (*symlink)(void *handle, const char *target, const char *path);
    /* the contents of a symbolic link into buf: bytes, or a negated errno */
    ssize_t (*readlink)(void *handle, const char *path, char *buf, size_t n);

    /* Attributes of an open file; each 0 or an errno. A time of IO_UTIME_NOW means now, one
       of IO_UTIME_OMIT is left as it is. */
    int (*chmod)(void *ocb, mode_t mode);
    int (*chown)(void *ocb, uid_t uid, gid_t gid);
    int (*utime)(void *ocb, int64_t atime, int64_t mtime);
    int (*truncate)(void *ocb, off_t size);
    int (*sync)(void *ocb);
    /* the file system's sizes (statvfs); default ENOSYS */
    int (*statvfs)(void *ocb, struct io_statvfs *st);
    /* A file system's last word before it is unmounted (flush what it must); 0 or an errno.
       A server with this function is unmountable: DCMD_FS_UNMOUNT on its mount point, from
       root, with no other file open, detaches its prefixes and makes resmgr_run return 0. */
    int (*unmount)(void *handle);
};

/* A read or write function that cannot answer yet (a pipe with nothing in it, a terminal
   waiting for a line) returns RESMGR_DEFER after noting resmgr_rcvid(); it answers later with
   resmgr_reply_read / resmgr_reply_write / MsgError. The file offset is then its own business. */
#define RESMGR_DEFER (-0x7fffffff)

int resmgr_attach(const char *prefix, const struct resmgr_funcs *funcs, void *handle);
int resmgr_attach_path(int chid, const char *prefix);
int resmgr_run(int chid);
/* Lists the attached prefix in /proc/mounts as a file system of type, from source, with
   options (each without blanks, at most 63 bytes). 0, or -1 with errno. */
int resmgr_mount(const char *prefix, const char *source, const char *type, const char *options);
int resmgr_rcvid(void);
int resmgr_reply_read(int rcvid, const void *data, size_t n);
int resmgr_reply_write(int rcvid, size_t n);
/* The bytes of the write being served, from offset within its data (for deferred writes). */
ssize_t resmgr_write_data(int rcvid, void *buf, size_t n, size_t offset);
/* Appends a directory record to out (room bytes, *used of them taken); false if it does not
   fit. For readdir functions. */
bool resmgr_dirent(void *out, size_t room, size_t *used, uint64_t ino, uint32_t mode,
                   const char *name);

#endif
