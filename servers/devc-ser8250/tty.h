/*
 * The terminal line discipline of the console driver, apart from any hardware so that host
 * tests can drive it: canonical line editing with echo, erase (backspace/DEL), kill (^U),
 * end of file (^D) and interrupt (^C), or raw mode where every byte is input at once.
 */
#ifndef DEVC_TTY_H
#define DEVC_TTY_H

#include <stdbool.h>
#include <stddef.h>

#define TTY_LINE_MAX 256
#define TTY_READY    2048
#define TTY_RECORDS  64

struct tty {
    bool canonical, echo;
    bool isig;               /* ^C interrupts (in either mode); without it ^C is input */
    char line[TTY_LINE_MAX]; /* the line being edited */
    size_t len;
    char ready[TTY_READY]; /* finished input, waiting to be read */
    size_t head, count;
    size_t records[TTY_RECORDS]; /* canonical mode: lengths of finished lines, 0 = EOF */
    size_t rhead, rcount;
    int interrupts; /* ^C typed and not yet taken by the driver */
    void (*echo_out)(void *ctx, const char *s, size_t n);
    void *ctx;
};

void tty_init(struct tty *t, void (*echo_out)(void *ctx, const char *s, size_t n), void *ctx);
void tty_input(struct tty *t, char c);
bool tty_readable(const struct tty *t);
size_t tty_read(struct tty *t, char *buf, size_t n);
// Switches between canonical and raw mode keeping what was typed ahead, in order: a line
// being edited becomes raw input, and raw input not yet read becomes lines (its last part,
// without a newline, the line being edited).
void tty_set_canonical(struct tty *t, bool canonical);

#endif
