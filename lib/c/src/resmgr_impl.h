/*
 * Private to the resource-manager framework (resmgr.c, resmgr_names.c, resmgr_file.c): the
 * server's functions, and the open files and connections the dispatch loop keeps.
 */
#ifndef QSOE_LIBC_RESMGR_IMPL_H
#define QSOE_LIBC_RESMGR_IMPL_H

#include <sys/neutrino.h>
#include <sys/resmgr.h>

#define RESMGR_MAX_OPEN 128
#define RESMGR_CHUNK    4096

#define RESMGR_MAX_PREFIXES 4 /* remembered for detaching them at unmount */

struct open_file {
    int refs; /* connections sharing it; 0 when free */
    void *ocb;
    int oflag;
    off_t offset;
    bool at_prefix; /* opened by the prefix itself (a mount point), not a name under it */
};

struct conn {
    int scoid; /* 0 when free */
    struct open_file *file;
};

struct resmgr_state {
    const struct resmgr_funcs *funcs;
    void *handle;
    struct open_file files[RESMGR_MAX_OPEN];
    struct conn conns[RESMGR_MAX_OPEN];
    int rcvid; /* of the request being dispatched */
    /* the first prefixes attached, and how many */
    char prefixes[RESMGR_MAX_PREFIXES][128];
    int nprefixes;
    /* unmounted: resmgr_run returns after the current request */
    bool stop;
};

extern struct resmgr_state __rm;

struct conn *__resmgr_conn_of(int scoid);

// IO_CONNECT of any kind: 0 to reply with nothing, or an errno. Kinds that answer with data
// reply themselves and return -1.
int __resmgr_connect(int rcvid, const struct _msg_info *info, const char *msg, size_t len);

// DCMD_FS_UNMOUNT on f, for a server with an unmount function (resmgr_mount.c).
void __resmgr_unmount(int rcvid, const struct _msg_info *info, struct open_file *f);

// A message on a connection with an open file.
void __resmgr_file_message(int rcvid, const struct _msg_info *info, struct conn *conn,
                           const char *msg, size_t len);

#endif
