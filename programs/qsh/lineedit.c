/* The interactive line editor: raw terminal mode through termios, ANSI escapes for redraw,
   left/right, backspace, ^A ^E ^U ^W ^K, history with up/down, tab completion, ^C to drop the
   line and ^D at an empty line for end of input. Without a terminal it reads a plain line. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "qsh.h"

struct editor {
    struct strbuf buf;
    size_t pos;
    const char *prompt;
    int hist;    /* history entry shown; history_count() is the line being typed */
    char *typed; /* the line being typed, kept while browsing history */
};

/* Redraws the prompt and the line and puts the cursor back in place. */
static void refresh(struct editor *e)
{
    struct strbuf out = {0};
    sb_adds(&out, "\r");
    sb_adds(&out, e->prompt);
    sb_addn(&out, e->buf.s ? e->buf.s : "", e->buf.len);
    sb_adds(&out, "\x1b[K");
    if (e->buf.len > e->pos)
        sb_printf(&out, "\x1b[%zuD", e->buf.len - e->pos);
    out_str(1, out.s);
    sb_free(&out);
}

static void set_text(struct editor *e, const char *s)
{
    e->buf.len = 0;
    sb_adds(&e->buf, s);
    e->pos = e->buf.len;
}

static void insert(struct editor *e, const char *s, size_t n)
{
    sb_addn(&e->buf, s, n); /* grow, then move the tail right */
    memmove(e->buf.s + e->pos + n, e->buf.s + e->pos, e->buf.len - n - e->pos);
    memcpy(e->buf.s + e->pos, s, n);
    e->pos += n;
}

static void erase(struct editor *e, size_t from, size_t to)
{
    memmove(e->buf.s + from, e->buf.s + to, e->buf.len - to);
    e->buf.len -= to - from;
    e->buf.s[e->buf.len] = 0;
    e->pos = from;
}

/* Moves through history (dir -1 older, +1 newer), keeping the line being typed. */
static void browse(struct editor *e, int dir)
{
    int n = history_count();
    int next = e->hist + dir;
    if (next < 0 || next > n)
        return;
    if (e->hist == n) {
        free(e->typed);
        e->typed = xstrdup(e->buf.s ? e->buf.s : "");
    }
    e->hist = next;
    set_text(e, next == n ? e->typed : history_get(next));
}

/* Completes the word before the cursor: the common prefix of the candidates, a space after a
   single complete name, or the list of candidates when nothing can be added. */
static void complete(struct editor *e)
{
    size_t start;
    sb_addc(&e->buf, 0);
    e->buf.len--;
    char **c = complete_word(e->buf.s, e->pos, &start);
    int n = 0;
    while (c[n])
        n++;
    if (n > 0) {
        size_t common = strlen(c[0]);
        for (int i = 1; i < n; i++) {
            size_t k = 0;
            while (k < common && c[i][k] == c[0][k])
                k++;
            common = k;
        }
        size_t have = e->pos - start;
        if (common > have) {
            insert(e, c[0] + have, common - have);
            if (n == 1 && c[0][common - 1] != '/')
                insert(e, " ", 1);
        } else if (n > 1) {
            struct strbuf list = {0};
            sb_adds(&list, "\r\n");
            for (int i = 0; i < n; i++) {
                sb_adds(&list, c[i]);
                sb_adds(&list, i + 1 < n ? "  " : "\r\n");
            }
            out_str(1, list.s);
            sb_free(&list);
        }
    }
    for (int i = 0; i < n; i++)
        free(c[i]);
    free(c);
}

/* Handles an escape sequence (arrows, Home, End, Delete). */
static void escape(struct editor *e)
{
    char seq[3];
    if (read(0, seq, 1) != 1 || read(0, seq + 1, 1) != 1)
        return;
    if (seq[0] != '[' && seq[0] != 'O')
        return;
    switch (seq[1]) {
    case 'A':
        browse(e, -1);
        break;
    case 'B':
        browse(e, 1);
        break;
    case 'C':
        if (e->pos < e->buf.len)
            e->pos++;
        break;
    case 'D':
        if (e->pos > 0)
            e->pos--;
        break;
    case 'H':
        e->pos = 0;
        break;
    case 'F':
        e->pos = e->buf.len;
        break;
    case '3':
        if (read(0, seq + 2, 1) == 1 && seq[2] == '~' && e->pos < e->buf.len)
            erase(e, e->pos, e->pos + 1);
        break;
    default:
        break;
    }
}

/* Without a terminal: print the prompt and read a line a byte at a time. */
static char *plain_read(const char *prompt)
{
    out_str(2, prompt);
    struct strbuf sb = {0};
    char c;
    ssize_t n;
    while ((n = read(0, &c, 1)) == 1 || (n < 0 && errno == EINTR)) {
        if (n != 1)
            continue;
        sb_addc(&sb, c);
        if (c == '\n')
            break;
    }
    if (sb.len == 0) {
        sb_free(&sb);
        return NULL;
    }
    return sb_take(&sb);
}

/* Returns the line typed, with its newline, or NULL at end of input. */
char *lineedit_read(const char *prompt)
{
    struct termios saved, raw;
    if (!isatty(0) || tcgetattr(0, &saved) < 0)
        return plain_read(prompt);
    raw = saved;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_iflag &= ~(tcflag_t)(IXON | ICRNL | INLCR);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(0, TCSADRAIN, &raw);
    struct editor e = {{0}, 0, prompt, history_count(), NULL};
    char *result = NULL;
    refresh(&e);
    for (;;) {
        char c;
        ssize_t n = read(0, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (c == '\r' || c == '\n') {
            out_str(1, "\r\n");
            sb_addc(&e.buf, '\n');
            result = sb_take(&e.buf);
            history_add(result);
            break;
        }
        switch (c) {
        case 1:
            e.pos = 0;
            break; /* ^A */
        case 5:
            e.pos = e.buf.len;
            break; /* ^E */
        case 2:
            if (e.pos > 0)
                e.pos--;
            break; /* ^B */
        case 6:
            if (e.pos < e.buf.len)
                e.pos++;
            break; /* ^F */
        case 11:
            erase(&e, e.pos, e.buf.len);
            break; /* ^K */
        case 21:
            erase(&e, 0, e.pos);
            break; /* ^U */
        case 23: { /* ^W */
            size_t p = e.pos;
            while (p > 0 && e.buf.s[p - 1] == ' ')
                p--;
            while (p > 0 && e.buf.s[p - 1] != ' ')
                p--;
            erase(&e, p, e.pos);
            break;
        }
        case 127:
        case 8:
            if (e.pos > 0)
                erase(&e, e.pos - 1, e.pos);
            break;
        case 3: /* ^C: drop the line */
            out_str(1, "^C\r\n");
            result = xstrdup("\n");
            goto done;
        case 4: /* ^D */
            if (e.buf.len == 0)
                goto done;
            if (e.pos < e.buf.len)
                erase(&e, e.pos, e.pos + 1);
            break;
        case 9:
            complete(&e);
            break;
        case 12:
            out_str(1, "\x1b[H\x1b[2J");
            break; /* ^L */
        case 27:
            escape(&e);
            break;
        default:
            if ((unsigned char)c >= 32)
                insert(&e, &c, 1);
            break;
        }
        refresh(&e);
    }
done:
    tcsetattr(0, TCSADRAIN, &saved);
    sb_free(&e.buf);
    free(e.typed);
    return result;
}
