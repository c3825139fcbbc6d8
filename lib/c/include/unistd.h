/* POSIX process identity and exit (more of unistd.h comes with the file layer). */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>

pid_t getpid(void);
pid_t getppid(void);
void _exit(int status) __attribute__((noreturn));

extern char **environ;

#endif
