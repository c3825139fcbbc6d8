/* Terminal attributes: the canonical/raw and echo switches of the console, and its foreground
   process group. */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <stdint.h>
#include <sys/types.h>

typedef uint32_t tcflag_t;
typedef uint8_t cc_t;

#define NCCS 16

struct termios {
    tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
    cc_t c_cc[NCCS];
};

#define ISIG   0x0001 /* c_lflag: ^C sends SIGINT to the foreground group */
#define ICANON 0x0002 /* c_lflag: line editing; reads take whole lines */
#define ECHO   0x0008 /* c_lflag: echo input */

#define TCSANOW   0
#define TCSADRAIN 1
#define TCSAFLUSH 2

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
int isatty(int fd);

#endif
