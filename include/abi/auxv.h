/*
 * Program start-up: on entry to _start, a0 points at argc, then argv[0..argc-1], NULL, the
 * environment, NULL, and auxiliary (type, value) pairs ending with AT_NULL. Both the kernel
 * (for the first process) and taskman (for every other) build this block, just above the
 * thread's TLS block at the top of its stack.
 */
#ifndef QSOE_ABI_AUXV_H
#define QSOE_ABI_AUXV_H

#define AT_NULL   0
#define AT_PAGESZ 6
#define AT_ENTRY  9

#define AT_QSOE_BOOTIMAGE      0x1000 /* address of the boot cpio in the first process */
#define AT_QSOE_BOOTIMAGE_SIZE 0x1001
#define AT_QSOE_CMDLINE        0x1002 /* the kernel command line, a string */
#define AT_QSOE_STDIO          0x1003 /* what descriptors 0-2 are at start: */
#define AT_QSOE_STDIO_CONSOLE  1      /* the program opens /dev/console for all three */
#define AT_QSOE_STDIO_INHERIT  2      /* already there, from the parent (or closed) */
#define AT_QSOE_CWD            0x1004 /* the working directory, a string */
#define AT_QSOE_UMASK          0x1005 /* the file-mode creation mask */
#define AT_QSOE_SIGIGNORE      0x1006 /* signals to ignore from the start (bit n: signal n) */
#define AT_QSOE_SIGMASK        0x1007 /* signals the first thread blocks from the start */

#endif
