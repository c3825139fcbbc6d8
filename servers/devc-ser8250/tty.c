/*
 * The line discipline (see tty.h). In canonical mode a line becomes readable when it ends
 * (newline, or ^D with text); ^D on an empty line is an end-of-file record that makes one
 * read return 0. A read takes at most one line.
 */
#include <string.h>

#include "tty.h"

#define CTRL(c) ((c)&0x1f)

void tty_init(struct tty *t, void (*echo_out)(void *ctx, const char *s, size_t n), void *ctx)
{
    memset(t, 0, sizeof(*t));
    t->canonical = true;
    t->echo = true;
    t->isig = true;
    t->echo_out = echo_out;
    t->ctx = ctx;
}

static void echo(struct tty *t, const char *s, size_t n)
{
    if (t->echo && t->echo_out)
        t->echo_out(t->ctx, s, n);
}

// Appends bytes to the finished input, and (canonical mode) a record of their length.
// Input that does not fit is dropped, as a full terminal buffer drops it.
static void finish(struct tty *t, const char *s, size_t n, bool record)
{
    if (n > TTY_READY - t->count || (record && t->rcount == TTY_RECORDS))
        return;
    for (size_t i = 0; i < n; i++)
        t->ready[(t->head + t->count + i) % TTY_READY] = s[i];
    t->count += n;
    if (record)
        t->records[(t->rhead + t->rcount++) % TTY_RECORDS] = n;
}

void tty_input(struct tty *t, char c)
{
    if (c == CTRL('C') && t->isig) {
        echo(t, "^C\r\n", 4);
        t->len = 0;
        t->interrupts++;
        return;
    }
    if (!t->canonical) {
        finish(t, &c, 1, false);
        return;
    }
    switch (c) {
    case '\r':
    case '\n':
        if (t->len < TTY_LINE_MAX)
            t->line[t->len++] = '\n';
        echo(t, "\r\n", 2);
        finish(t, t->line, t->len, true);
        t->len = 0;
        return;
    case 0x7f:
    case '\b':
        if (t->len) {
            t->len--;
            echo(t, "\b \b", 3);
        }
        return;
    case CTRL('U'):
        while (t->len) {
            t->len--;
            echo(t, "\b \b", 3);
        }
        return;
    case CTRL('D'):
        finish(t, t->line, t->len, true); /* with no text: the end-of-file record */
        t->len = 0;
        return;
    default:
        if (t->len < TTY_LINE_MAX - 1) {
            t->line[t->len++] = c;
            echo(t, &c, 1);
        }
    }
}

void tty_set_canonical(struct tty *t, bool canonical)
{
    if (canonical == t->canonical)
        return;
    t->canonical = canonical;
    if (!canonical) {
        finish(t, t->line, t->len, false);
        t->len = 0;
        t->rcount = 0;
        return;
    }
    size_t n = t->count, start = 0;
    char pending[TTY_READY];
    for (size_t i = 0; i < n; i++)
        pending[i] = t->ready[(t->head + i) % TTY_READY];
    t->count = 0;
    for (size_t i = 0; i < n; i++) {
        if (pending[i] == '\n') {
            finish(t, pending + start, i + 1 - start, true);
            start = i + 1;
        }
    }
    t->len = n - start < TTY_LINE_MAX ? n - start : TTY_LINE_MAX;
    for (size_t i = 0; i < t->len; i++)
        t->line[i] = pending[start + i];
}

bool tty_readable(const struct tty *t)
{
    return t->canonical ? t->rcount > 0 : t->count > 0;
}

size_t tty_read(struct tty *t, char *buf, size_t n)
{
    if (n == 0)
        return 0;
    size_t avail = t->count;
    if (t->canonical) {
        if (!t->rcount)
            return 0;
        avail = t->records[t->rhead];
    }
    size_t take = n < avail ? n : avail;
    for (size_t i = 0; i < take; i++)
        buf[i] = t->ready[(t->head + i) % TTY_READY];
    t->head = (t->head + take) % TTY_READY;
    t->count -= take;
    if (t->canonical) {
        t->records[t->rhead] -= take;
        if (t->records[t->rhead] == 0 || take == 0) { /* line used up, or an EOF record */
            t->rhead = (t->rhead + 1) % TTY_RECORDS;
            t->rcount--;
        }
    }
    return take;
}
