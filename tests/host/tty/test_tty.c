/*
 * Host tests of the console's line discipline (servers/devc-ser8250/tty.c): line editing,
 * echo, end of file, interrupt, raw mode and overflow.
 */
#include <stdio.h>
#include <string.h>

#define TEST_MODULE "tty"
#include "../harness.h"

#include "../../../servers/devc-ser8250/tty.h"

static char echoed[4096];
static size_t echoed_len;

static void capture(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    if (echoed_len + n < sizeof(echoed)) {
        memcpy(echoed + echoed_len, s, n);
        echoed_len += n;
    }
}

static void type(struct tty *t, const char *s)
{
    while (*s)
        tty_input(t, *s++);
}

static void fresh(struct tty *t)
{
    tty_init(t, capture, NULL);
    echoed_len = 0;
}

int main(void)
{
    struct tty t;
    char buf[512];
    fresh(&t);
    type(&t, "ls -l");
    report(!tty_readable(&t), "an unfinished line is not readable", NULL);
    type(&t, "\r");
    size_t n = tty_read(&t, buf, sizeof(buf));
    report(n == 6 && memcmp(buf, "ls -l\n", 6) == 0,
           "a line ends with a newline when Enter is typed", NULL);
    report(echoed_len == 7 && memcmp(echoed, "ls -l\r\n", 7) == 0,
           "typed characters are echoed, Enter as CR LF", NULL);

    fresh(&t);
    type(&t, "cax\x7ft\n");
    n = tty_read(&t, buf, sizeof(buf));
    report(n == 4 && memcmp(buf, "cat\n", 4) == 0, "DEL erases the last character", NULL);
    report(strstr(echoed, "\b \b") != NULL, "an erase is echoed as backspace-space-backspace",
           NULL);
    fresh(&t);
    type(&t, "\b\bab\b\bcd\n");
    n = tty_read(&t, buf, sizeof(buf));
    report(n == 3 && memcmp(buf, "cd\n", 3) == 0, "erasing past the start of the line does nothing",
           NULL);
    fresh(&t);
    type(&t, "wrong words\x15right\n");
    n = tty_read(&t, buf, sizeof(buf));
    report(n == 6 && memcmp(buf, "right\n", 6) == 0, "^U kills the whole line", NULL);

    fresh(&t);
    type(&t, "\x04");
    report(tty_readable(&t) && tty_read(&t, buf, sizeof(buf)) == 0,
           "^D on an empty line makes one read return 0 (end of file)", NULL);
    report(!tty_readable(&t), "the end of file is used up by that read", NULL);
    type(&t, "abc\x04");
    n = tty_read(&t, buf, sizeof(buf));
    report(n == 3 && memcmp(buf, "abc", 3) == 0,
           "^D after text hands the text over without a newline", NULL);

    fresh(&t);
    type(&t, "half a li\x03");
    report(!tty_readable(&t) && t.interrupts == 1, "^C discards the line and counts an interrupt",
           NULL);
    report(strstr(echoed, "^C") != NULL, "^C is echoed", NULL);

    fresh(&t);
    type(&t, "one\ntwo\n");
    n = tty_read(&t, buf, 2);
    size_t m = tty_read(&t, buf + 2, sizeof(buf) - 2);
    size_t k = tty_read(&t, buf + 2 + m, sizeof(buf));
    report(n == 2 && m == 2 && k == 4 && memcmp(buf, "one\ntwo\n", 8) == 0,
           "a read takes at most one line; a short read leaves the rest of it", NULL);

    fresh(&t);
    t.canonical = false;
    t.isig = false;
    type(&t, "x\x03y");
    n = tty_read(&t, buf, sizeof(buf));
    report(n == 3 && memcmp(buf, "x\x03y", 3) == 0 && t.interrupts == 0,
           "raw mode without ISIG passes every byte, control characters included", NULL);

    fresh(&t);
    t.canonical = false;
    type(&t, "x\x03y");
    n = tty_read(&t, buf, sizeof(buf));
    report(n == 2 && memcmp(buf, "xy", 2) == 0 && t.interrupts == 1,
           "raw mode with ISIG still makes ^C an interrupt, not input", NULL);

    fresh(&t);
    for (int i = 0; i < 1000; i++)
        tty_input(&t, 'z');
    tty_input(&t, '\n');
    n = tty_read(&t, buf, sizeof(buf));
    report(n == TTY_LINE_MAX && buf[n - 1] == '\n', "an overlong line is cut to the line limit",
           NULL);
    fresh(&t);
    for (int i = 0; i < 200; i++)
        type(&t, "0123456789abcdef\n");
    size_t lines = 0;
    while (tty_readable(&t) && tty_read(&t, buf, sizeof(buf)))
        lines++;
    report(lines == TTY_RECORDS, "input beyond the buffer is dropped, not corrupted", NULL);
    return test_summary();
}
