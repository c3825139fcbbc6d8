/*
 * The taskman protocol: the messages libc sends to taskman (pid 1, channel 1) for process
 * creation, waiting and the process's parent. Every message starts with a 16-bit type. The
 * same on every kernel: only how taskman builds a process differs.
 */
#ifndef QSOE_PROTO_TASKMAN_H
#define QSOE_PROTO_TASKMAN_H

#include <stdint.h>

#define TASKMAN_PID  1
#define TASKMAN_CHID 1

enum taskman_msg_type {
    TM_SPAWN = 0x100, /* struct tm_spawn + strings -> reply status: the child's pid */
    TM_WAIT,          /* struct tm_wait -> reply struct tm_wait_reply */
    TM_GETPPID,       /* struct tm_header -> reply status: the parent's pid */
    TM_DEATH,         /* taskman's own reaper: struct tm_death */
    TM_KILL,          /* struct tm_kill: end a process as if by a signal */
    TM_MMAP,          /* struct tm_mmap -> reply struct tm_mmap_reply */
    TM_MUNMAP,        /* struct tm_mmap (addr, len) */
    TM_UNAME,         /* struct tm_header -> reply struct tm_uname */
    TM_SETPGID,       /* struct tm_kill (pid, pgid in signo) */
    TM_GETPGRP,       /* struct tm_header -> reply status: the caller's process group */
    TM_GETCRED,       /* struct tm_header -> reply struct tm_cred */
    TM_SETCRED,       /* struct tm_setcred */
    TM_BRK,           /* struct tm_mmap (addr: the new break, 0 to ask) -> struct tm_mmap_reply */
    TM_SETGROUPS,     /* struct tm_setgroups */
    TM_LOADED,        /* taskman's own loader thread: struct tm_loaded */
    TM_POWER,         /* struct tm_power (root only): power off or reset the machine */
    TM_READER,        /* taskman's reader process (QSOE/L): struct tm_reader -> tm_reader_job */
};

struct tm_header {
    uint16_t type;
    uint16_t zero;
};

/* tm_spawn.flags. IO: give the child the I/O privilege. SETPGROUP: it joins process group
   pgroup, or leads a new one (0). FDS: the records say all of the child's descriptors; without
   it the child opens /dev/console for 0-2. RESETIDS: its effective ids are its real ones. */
#define TM_SPAWN_IO        0x1
#define TM_SPAWN_SETPGROUP 0x2
#define TM_SPAWN_FDS       0x4
#define TM_SPAWN_RESETIDS  0x8

/* TM_SPAWN: then nfds struct tm_spawn_fd records, then the NUL-terminated strings: the path,
   argc arguments, envc environment entries and the working directory. datalen counts all of
   what follows the header. */
struct tm_spawn {
    uint16_t type;
    uint16_t flags;
    uint32_t argc;
    uint32_t envc;
    uint32_t datalen;
    uint32_t umask; /* the child's file-mode creation mask */
    uint16_t nfds;
    uint16_t zero;
    uint64_t sigignore; /* signals the child starts ignoring (bit n: signal n) */
    uint64_t sigmask;   /* signals its first thread starts blocking */
    int32_t pgroup;     /* with TM_SPAWN_SETPGROUP */
    int32_t zero2;
};

/* A descriptor of the child: the sender's connection coid, made for the child, becomes its
   descriptor fd (taskman moves it with ConnectMove). */
struct tm_spawn_fd {
    int32_t fd;
    int32_t coid;
};

#define TM_SPAWN_MAX_FDS 64

#define TM_WNOHANG 1

struct tm_wait {
    uint16_t type;
    uint16_t zero;
    int32_t pid; /* -1: any child */
    int32_t options;
};

struct tm_wait_reply {
    int32_t pid;
    int32_t status; /* POSIX wait status: exit code << 8, or the signal number */
};

struct tm_death {
    uint16_t type;
    uint16_t zero;
    int32_t pid;
    int32_t status; /* the kernel's process status */
};

struct tm_kill {
    uint16_t type;
    uint16_t zero;
    int32_t pid; /* < 0: the process group -pid */
    int32_t signo;
};

struct tm_mmap {
    uint16_t type;
    uint16_t zero;
    int32_t prot;  /* PROT_* */
    uint64_t addr; /* TM_MUNMAP: the start; TM_MMAP: ignored (taskman chooses) */
    uint64_t len;
};

struct tm_mmap_reply {
    uint64_t addr;
};

struct tm_uname {
    char sysname[32], nodename[32], release[32], version[64], machine[32];
};

struct tm_power {
    uint16_t type;
    uint16_t how; /* SYS_POWER_OFF or SYS_POWER_RESET */
    int32_t code; /* power off: the machine's exit status (QEMU's) */
};

/* A loader thread of taskman's has read a program file for a spawn (or failed). */
struct tm_loaded {
    uint16_t type;
    uint16_t zero;
    int32_t zero2;
    void *job;
};

/* A reader process of taskman's (QSOE/L, taskman/sel4/reader.c) hands in the program file it
   read for request id (err 0, size bytes after this header) or its error, and asks for the
   next request (id 0 the first time): taskman answers when there is one. */
struct tm_reader {
    uint16_t type;
    uint16_t zero;
    uint32_t id;
    int32_t err;
    int32_t zero2;
    uint64_t size;
};

/* A file for a reader to read: open path and check its execute bit for euid and egid. */
struct tm_reader_job {
    uint32_t id;
    int32_t euid, egid;
    uint32_t pathlen; /* bytes of path before its '\0' */
    char path[1024];  /* PATH_MAX_LEN */
};

#define TM_NGROUPS 16

struct tm_cred {
    int32_t ruid, euid, suid, rgid, egid, sgid;
    int32_t ngroups; /* supplementary groups */
    int32_t groups[TM_NGROUPS];
};

/* TM_SETGROUPS (root only): the sender's supplementary groups become groups[0..n-1]. */
struct tm_setgroups {
    uint16_t type;
    uint16_t n;
    int32_t groups[TM_NGROUPS];
};

enum tm_setcred_kind { TM_SETUID, TM_SETEUID, TM_SETGID, TM_SETEGID };

struct tm_setcred {
    uint16_t type;
    uint16_t kind; /* enum tm_setcred_kind */
    int32_t id;
};

#define TM_SPAWN_MAX 32768 /* bytes of descriptors, path, arguments, environment and cwd */

#endif
