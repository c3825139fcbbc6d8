/*
 * The resource-manager framework: a server attaches a path prefix and a table of functions,
 * and resmgr_run turns the I/O messages of include/proto/io.h into calls of those functions,
 * keeping one open control block (OCB) and file offset per client connection. A function
 * left NULL gets the default behaviour (docs/io.md).
 */
#ifndef _SYS_RESMGR_H
#define _SYS_RESMGR_H

#include <proto/io.h>
#include <sys/types.h>

struct resmgr_funcs {
    /* path is what follows the prefix ("" for the prefix itself); 0 or an errno */
    int (*open)(void *handle, const char *path, int oflag, void **ocb);
    /* bytes done, or a negated errno */
    ssize_t (*read)(void *ocb, void *buf, size_t n, off_t offset);
    ssize_t (*write)(void *ocb, const void *buf, size_t n, off_t offset);
    int (*stat)(void *ocb, struct io_stat *st);
    void (*close)(void *ocb);
};

int resmgr_attach(const char *prefix, const struct resmgr_funcs *funcs, void *handle);
int resmgr_run(int chid);

#endif
