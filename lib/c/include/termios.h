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

/* c_lflag: what the console does (ISIG, ICANON and ECHO; the others are kept as given). */
#define ISIG   0x0001 /* ^C sends SIGINT to the foreground group */
#define ICANON 0x0002 /* line editing; reads take whole lines */
#define ECHO   0x0008 /* echo input */
#define ECHOE  0x0010
#define ECHOK  0x0020
#define ECHONL 0x0040
#define NOFLSH 0x0080
#define TOSTOP 0x0100
#define IEXTEN 0x8000

/* c_iflag: accepted; the console passes input bytes as they come (a carriage return ends a
   line in canonical mode). */
#define BRKINT 0x0002
#define INPCK  0x0010
#define ISTRIP 0x0020
#define INLCR  0x0040
#define IGNCR  0x0080
#define ICRNL  0x0100
#define IXON   0x0400
#define IXOFF  0x1000

/* c_oflag */
#define OPOST 0x0001
#define ONLCR 0x0004

/* c_cflag */
#define CSIZE  0x0030
#define CS8    0x0030
#define PARENB 0x0100

/* c_cc indices; raw reads return what is there, at least one byte (VMIN 1, VTIME 0). */
#define VINTR  0
#define VQUIT  1
#define VERASE 2
#define VKILL  3
#define VEOF   4
#define VTIME  5
#define VMIN   6
#define VSUSP  10

#define TCSANOW   0
#define TCSADRAIN 1
#define TCSAFLUSH 2

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
int isatty(int fd);

#endif
