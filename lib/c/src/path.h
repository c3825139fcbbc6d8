/*
 * Private to libc: path names made absolute against the working directory, and connections
 * to the server that holds a name (cwd.c, names.c).
 */
#ifndef QSOE_LIBC_PATH_H
#define QSOE_LIBC_PATH_H

#include <proto/io.h>
#include <stdbool.h>
#include <sys/types.h>

extern char __cwd[PATH_MAX_LEN]; /* the working directory, absolute and normal */
extern mode_t __umask;

// Writes path, made absolute against the working directory, with "." and ".." and repeated
// slashes taken out, into out (PATH_MAX_LEN bytes). Returns 0, or -1 with errno set.
int __path_absolute(const char *path, char *out);

// Asks taskman which server holds the absolute path abs and connects to it. Returns the
// connection (a descriptor until it is closed) with *where filled in, or -1 with errno set.
int __path_connect(const char *abs, struct path_resolved *where);

// Sends an IO_CONNECT of kind on a fresh connection to the server of path, with the given
// oflag and mode, and extra (a second path, made absolute, for a name that must be under the
// same server; or a string, kept as it is) as its extra part. The reply, if any, goes to
// reply. Returns the reply status, or -1 with errno set.
long __path_request(int kind, const char *path, int oflag, mode_t mode, const char *extra,
                    bool extra_is_path, void *reply, size_t replylen);

#endif
