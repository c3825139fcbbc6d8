/*
 * Building a process from an ELF executable: the part of taskman's process creation that is
 * the same on every kernel (checking the file, laying out segments and the start-up block).
 * The memory operations underneath are the per-kernel ones.
 */
#ifndef TASKMAN_LOADER_H
#define TASKMAN_LOADER_H

#include <stddef.h>
#include <stdint.h>

#include <proto/taskman.h>

#define LOADER_STACK_TOP  0x2f00000000ul /* the main thread's stack ends here */
#define LOADER_STACK_SIZE (256ul << 10)

/* loader_spawn flag (beside the kernel's _NTO_PF_* ones): the program is told about its
   standard files (AT_QSOE_STDIO), which it can only open when a taskman serves it. */
#define LOADER_STDIO 0x80000000u

/* What a spawned program takes from its parent: descriptors, working directory, umask. */
struct loader_inherit {
    int parent;                    /* the process whose connections fds names */
    const struct tm_spawn_fd *fds; /* connection fds[i].coid becomes descriptor fds[i].fd */
    int nfds;
    const char *cwd; /* NULL: "/" */
    unsigned umask;
    uint64_t sigignore, sigmask; /* signals ignored, and blocked by the first thread */
};

// Creates a process named name from the ELF image file[0..size), with argv and envp (each
// NULL-terminated), and starts its main thread. With LOADER_STDIO and from, the new process
// gets the descriptors, working directory and umask from says before it starts; with
// LOADER_STDIO alone it opens /dev/console for descriptors 0-2. Returns the pid or a negated
// errno.
// The first page past the program's image, where its break starts, goes to *image_end if
// that is not NULL.
int loader_spawn(const void *file, size_t size, const char *name, char *const argv[],
                 char *const envp[], unsigned flags, const struct loader_inherit *from,
                 uintptr_t *image_end);

#endif
