/*
 * The taskman server loop, shared by every kernel: it receives the taskman protocol
 * (include/proto/taskman.h) and serves process creation and waiting. How a process is built
 * and how deaths are learned is the per-kernel part's business.
 */
#ifndef TASKMAN_SERVER_H
#define TASKMAN_SERVER_H

#include <stddef.h>

struct taskman_boot {
    const void *image; /* the boot cpio */
    size_t image_size;
    const char *version; /* the variant and its kernel, uname's version: "QSOE/N on Skimmer" */
    const char *kernel;  /* the kernel's name, for /proc/sysinfo: "Skimmer" */
};

// Starts the program path from the boot image as the first ordinary process (init) and
// serves requests until init ends; returns init's exit code.
int taskman_serve(int chid, const struct taskman_boot *boot, const char *init_path);

#endif
