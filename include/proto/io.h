/*
 * The I/O protocol between libc and resource managers, and the pathname messages to taskman.
 * A file descriptor is a connection id (as in QNX): open() asks taskman which server holds the
 * longest matching prefix, connects to it and sends IO_CONNECT; read, write, lseek, fstat and
 * close are then messages on that connection. Every message starts with a 16-bit type.
 * Changes to the name space (unlink, mkdir, rename, ...) are IO_CONNECT messages of their own
 * kind, each on a connection made for it and detached after the answer.
 */
#ifndef QSOE_PROTO_IO_H
#define QSOE_PROTO_IO_H

#include <stdint.h>

enum io_msg_type {
    IO_CONNECT = 0x200, /* struct io_connect + path */
    IO_READ,            /* struct io_rw -> reply status: bytes, data in the reply */
    IO_WRITE,           /* struct io_rw + data -> reply status: bytes written */
    IO_LSEEK,           /* struct io_lseek -> reply struct io_lseek_reply */
    IO_CLOSE,           /* struct io_hdr */
    IO_STAT,            /* struct io_hdr -> reply struct io_stat */
    IO_READDIR,         /* struct io_rw -> reply: packed struct io_dirent records */
    IO_DEVCTL,          /* struct io_devctl + data in -> reply data out, status */
    IO_DUP,             /* struct io_dup: this connection shares another one's open file */
    IO_FLAGS,           /* struct io_flags -> reply status: the open file's O_* flags */
    IO_CHMOD,           /* struct io_attr (mode) */
    IO_CHOWN,           /* struct io_attr (uid, gid) */
    IO_UTIME,           /* struct io_attr (atime, mtime) */
    IO_TRUNCATE,        /* struct io_attr (size) */
    IO_SYNC,            /* struct io_hdr */
    IO_STATVFS,         /* struct io_hdr -> reply struct io_statvfs: the file system's */
};

enum io_connect_kind {
    IO_OPEN = 1, /* open path with oflag and mode */
    IO_UNLINK,   /* remove the name path; oflag IO_UNLINK_DIR for rmdir */
    IO_MKDIR,    /* make the directory path with mode */
    IO_RENAME,   /* the extra path (under the same prefix) becomes path */
    IO_LINK,     /* path becomes another name of the extra path (under the same prefix) */
    IO_SYMLINK,  /* path becomes a symbolic link whose contents are the extra string */
    IO_READLINK, /* -> reply status: bytes, the contents of the symbolic link path */
};

#define IO_UNLINK_DIR 1

/* Pathname messages to taskman (include/proto/taskman.h carries the rest of its protocol). */
enum path_msg_type {
    PATH_RESOLVE = 0x180, /* struct path_msg + path -> reply struct path_resolved */
    PATH_REGISTER,        /* struct path_msg + prefix: the sender's channel chid serves it */
    PATH_UNREGISTER,      /* struct path_msg + prefix */
    PATH_MOUNT, /* struct path_msg + "prefix\0source\0type\0options": the sender's prefix is a
                   mounted file system, listed in /proc/mounts (pathlen counts all four) */
};

#define PATH_MAX_LEN 1024

struct path_msg {
    uint16_t type;
    uint16_t pathlen; /* bytes of path that follow, without a NUL */
    int32_t chid;     /* PATH_REGISTER: the channel that serves the prefix */
};

struct path_resolved {
    int32_t pid;
    int32_t chid;
    uint16_t prefixlen; /* bytes of the path the server's prefix covered */
    uint16_t zero;
};

struct io_hdr {
    uint16_t type;
    uint16_t zero;
};

struct io_connect {
    uint16_t type;
    uint16_t kind;  /* enum io_connect_kind */
    uint32_t oflag; /* O_* */
    uint32_t mode;
    uint16_t pathlen;        /* the whole path follows, without a NUL */
    uint16_t prefixlen;      /* how much of it the server's prefix covers */
    uint16_t extralen;       /* then this many bytes of a second path or string, without a NUL */
    uint16_t extraprefixlen; /* how much of a second path the same prefix covers */
};

struct io_rw {
    uint16_t type;
    uint16_t zero;
    uint32_t nbytes;
};

/* Sent on a fresh connection that has nothing open: it is to share the open file (offset, mode,
   what is open) of the connection scoid, which must be a connection of the same process. */
struct io_dup {
    uint16_t type;
    uint16_t zero;
    int32_t scoid; /* the server's id of the original connection (ConnectServerInfo) */
};

/* IO_FLAGS: with set, the open file's O_APPEND and O_NONBLOCK become those in flags. */
struct io_flags {
    uint16_t type;
    uint16_t set;
    uint32_t flags;
};

/* The attribute messages: each uses the fields its type names. Times are seconds since the
   epoch; IO_UTIME_NOW asks for the server's current time, IO_UTIME_OMIT leaves one as it is. */
struct io_attr {
    uint16_t type;
    uint16_t zero;
    uint32_t mode;
    uint32_t uid, gid;
    int64_t atime, mtime;
    uint64_t size;
};

#define IO_UTIME_NOW  (-1ll)
#define IO_UTIME_OMIT (-2ll)

struct io_lseek {
    uint16_t type;
    int16_t whence;
    uint32_t zero;
    int64_t offset;
};

struct io_lseek_reply {
    int64_t offset;
};

/* Device control: dcmd says what, and both ways carry up to nbytes of data. */
struct io_devctl {
    uint16_t type;
    uint16_t zero;
    uint32_t dcmd;
    uint32_t nbytes;
};

#define DCMD_TCGETPGRP 0x0101 /* out: int32 process group in the foreground */
#define DCMD_TCSETPGRP 0x0102 /* in: int32 */
#define DCMD_TCGETATTR 0x0103 /* out: struct termios */
#define DCMD_TCSETATTR 0x0104 /* in: struct termios */

/* On a file system's mount point, opened: detach the file system and end its server. */
#define DCMD_FS_UNMOUNT 0x0201

#define IO_S_IFMT  0170000
#define IO_S_IFREG 0100000
#define IO_S_IFDIR 0040000
#define IO_S_IFCHR 0020000
#define IO_S_IFLNK 0120000
#define IO_S_IFIFO 0010000

struct io_stat {
    uint64_t size;
    uint32_t mode;
    uint32_t nlink;
    uint32_t uid, gid;
    uint64_t ino;
    int64_t mtime;
    int64_t atime;
    int64_t ctime;
    uint64_t blocks; /* 512-byte units */
};

/* The file system an open file is on (statvfs). Sizes in units of frsize bytes. */
struct io_statvfs {
    uint64_t bsize, frsize;
    uint64_t blocks, bfree, bavail;
    uint64_t files, ffree, favail;
    uint64_t flag; /* IO_ST_RDONLY */
    uint64_t namemax;
};

#define IO_ST_RDONLY 1

struct io_dirent {
    uint64_t ino;
    uint32_t mode; /* file type bits, or 0 if unknown */
    uint32_t zero;
    uint16_t reclen; /* whole record, name included, 8-byte aligned */
    uint16_t namelen;
    char name[]; /* NUL-terminated */
};

#endif
