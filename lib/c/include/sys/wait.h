/* waitpid and the wait-status macros. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>

#define WNOHANG    1
#define WUNTRACED  2 /* accepted: no process is ever stopped, so none is reported */
#define WCONTINUED 8

#define WIFEXITED(s)    (((s)&0x7f) == 0)
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WIFSIGNALED(s)  (((s)&0x7f) != 0 && ((s)&0x7f) != 0x7f)
#define WTERMSIG(s)     ((s)&0x7f)
#define WIFSTOPPED(s)   (((s)&0xff) == 0x7f)
#define WSTOPSIG(s)     (((s) >> 8) & 0xff)
#define WIFCONTINUED(s) ((s) == 0xffff)
#define WCOREDUMP(s)    (((s)&0x80) != 0)

pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait(int *status);

#endif
