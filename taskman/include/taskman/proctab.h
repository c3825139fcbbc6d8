/*
 * taskman's table of processes: pid, parent, name, and the wait status of those that have
 * ended but not yet been waited for. The kernel knows only address spaces and threads; the
 * family tree and exit statuses of POSIX processes are kept here.
 */
#ifndef TASKMAN_PROCTAB_H
#define TASKMAN_PROCTAB_H

#include <stdbool.h>
#include <stdint.h>

#include <proto/taskman.h>

#define PROCTAB_SIZE 256

/* Anonymous mappings of a process go in this range, in the order they are made. */
#define MMAP_BASE 0x1000000000ul
#define MMAP_TOP  0x2000000000ul
#define BRK_MAX   (1ul << 30) /* how far the program break may grow */

struct tm_proc {
    int pid;
    int ppid;
    int pgid;                               /* process group */
    int ruid, euid, suid, rgid, egid, sgid; /* credentials, inherited from the parent */
    int ngroups, groups[TM_NGROUPS];        /* supplementary groups, inherited too */
    bool zombie;
    int wstatus;        /* POSIX wait status, once a zombie */
    bool io;            /* has the I/O privilege, and may pass it on */
    uint64_t mmap_next; /* where the next anonymous mapping goes */
    uint64_t brk_base;  /* the program break: from the end of the program's image */
    uint64_t brk;
    char name[32];
    char exe[128]; /* the program file it runs, absolute: /proc/<pid>/exe */
};

struct tm_proc *proctab_add(int pid, int ppid, const char *name);
struct tm_proc *proctab_find(int pid);
void proctab_remove(struct tm_proc *p);
struct tm_proc *proctab_next(struct tm_proc *after);
int wait_status_of(int kernel_status);

#endif
