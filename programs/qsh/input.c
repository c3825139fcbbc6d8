/* Shell input sources: a string (-c, eval, functions), a file descriptor (scripts, standard
   input) or the line editor. Standard input is read a byte at a time so that commands the
   shell starts see the rest of it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"

#define MAX_UNGET   8
#define MAX_CAPTURE 16

/* Text pushed in front of the input by alias substitution. */
struct pushed {
    char *text;
    size_t pos;
    char *alias_name;
    struct pushed *next;
};

struct input {
    const char *str;
    size_t len, pos;
    int fd;
    int interactive, byte_at_a_time;
    char *buf;
    size_t blen, bpos, bcap;
    int line;
    int prompt_level;
    int eof;
    int unget[MAX_UNGET];
    int nunget;
    struct pushed *pushed;
};

static struct strbuf *captures[MAX_CAPTURE];
static int ncaptures;

struct input *input_from_string(const char *s, int first_line)
{
    struct input *in = xmalloc(sizeof *in);
    memset(in, 0, sizeof *in);
    in->str = s;
    in->len = strlen(s);
    in->fd = -1;
    in->line = first_line;
    return in;
}

struct input *input_from_fd(int fd, int interactive)
{
    struct input *in = xmalloc(sizeof *in);
    memset(in, 0, sizeof *in);
    in->fd = fd;
    in->interactive = interactive;
    in->byte_at_a_time = lseek(fd, 0, SEEK_CUR) < 0 || fd == 0;
    in->line = 1;
    in->prompt_level = 1;
    return in;
}

void input_free(struct input *in)
{
    while (in->pushed) {
        struct pushed *p = in->pushed;
        in->pushed = p->next;
        free(p->text);
        free(p->alias_name);
        free(p);
    }
    free(in->buf);
    free(in);
}

int input_line(struct input *in)
{
    return in->line;
}

void in_set_prompt(struct input *in, int level)
{
    in->prompt_level = level;
}

/* Reads the next line of a descriptor or of the line editor into the buffer; 0 at end. */
static int fill_line(struct input *in)
{
    in->blen = in->bpos = 0;
    if (in->interactive) {
        jobs_reap(1);
        const char *ps = var_get(in->prompt_level == 1 ? "PS1" : "PS2");
        char *prompt = expand_string(ps ? ps : "", EXP_STRING);
        char *line = lineedit_read(prompt);
        free(prompt);
        in->prompt_level = 2;
        if (!line)
            return 0;
        free(in->buf);
        in->buf = line;
        in->blen = strlen(line);
        in->bcap = in->blen + 1;
        return in->blen > 0;
    }
    for (;;) {
        if (in->blen + 2 > in->bcap) {
            in->bcap = in->bcap ? in->bcap * 2 : 256;
            in->buf = xrealloc(in->buf, in->bcap);
        }
        size_t want = in->byte_at_a_time ? 1 : in->bcap - in->blen - 1;
        ssize_t n = read(in->fd, in->buf + in->blen, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        in->blen += (size_t)n;
        if (in->byte_at_a_time && in->buf[in->blen - 1] == '\n')
            break;
        if (!in->byte_at_a_time)
            break;
    }
    if (sh.opts[OPT_VERBOSE] && in->blen > 0) {
        if (write(2, in->buf, in->blen) < 0)
            return in->blen > 0;
    }
    return in->blen > 0;
}

/* The next character: alias text first, then the string or the descriptor. */
static int raw_getc(struct input *in)
{
    while (in->pushed) {
        struct pushed *p = in->pushed;
        if (p->text[p->pos])
            return (unsigned char)p->text[p->pos++];
        in->pushed = p->next;
        free(p->text);
        free(p->alias_name);
        free(p);
    }
    if (in->fd < 0)
        return in->pos < in->len ? (unsigned char)in->str[in->pos++] : -1;
    if (in->bpos >= in->blen) {
        if (in->eof || !fill_line(in)) {
            in->eof = 1;
            return -1;
        }
    }
    return (unsigned char)in->buf[in->bpos++];
}

int in_getc(struct input *in)
{
    int c = in->nunget ? in->unget[--in->nunget] : raw_getc(in);
    if (c == '\n')
        in->line++;
    if (c >= 0)
        for (int i = 0; i < ncaptures; i++)
            sb_addc(captures[i], (char)c);
    return c;
}

void in_ungetc(struct input *in, int c)
{
    if (c < 0)
        return;
    if (c == '\n')
        in->line--;
    for (int i = 0; i < ncaptures; i++)
        if (captures[i]->len > 0)
            captures[i]->s[--captures[i]->len] = 0;
    if (in->nunget < MAX_UNGET) /* the lexer looks at most a few characters ahead */
        in->unget[in->nunget++] = c;
}

/* Puts alias text in front of the remaining input, remembering which alias it came from so
   that an alias is not expanded inside its own text. */
void in_push_text(struct input *in, const char *text, const char *alias_name)
{
    if (in->nunget > 0) {
        char rest[MAX_UNGET + 1];
        int n = 0;
        while (in->nunget > 0)
            rest[n++] = (char)in->unget[--in->nunget];
        rest[n] = 0;
        in_push_text(in, rest, NULL);
    }
    struct pushed *p = xmalloc(sizeof *p);
    p->text = xstrdup(text);
    p->pos = 0;
    p->alias_name = alias_name ? xstrdup(alias_name) : NULL;
    p->next = in->pushed;
    in->pushed = p;
}

int in_alias_active(struct input *in, const char *name)
{
    for (struct pushed *p = in->pushed; p; p = p->next)
        if (p->alias_name && strcmp(p->alias_name, name) == 0)
            return 1;
    return 0;
}

void in_capture_begin(struct strbuf *sb)
{
    if (ncaptures < MAX_CAPTURE)
        captures[ncaptures++] = sb;
}

void in_capture_end(void)
{
    if (ncaptures > 0)
        ncaptures--;
}
