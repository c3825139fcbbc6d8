/*
 * FILE streams: a buffer over a file descriptor. Output is line-buffered on a terminal and
 * fully buffered otherwise (stderr unbuffered); input is read a buffer at a time. Streams are
 * flushed by fflush(NULL) at exit. Not thread-safe yet: one thread per stream.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <termios.h>
#include <unistd.h>

#define MAX_STREAMS 32

struct __file {
    int fd;
    int mode; /* _IOFBF, _IOLBF or _IONBF */
    bool readable, writable, in_use, eof, error;
    bool reading; /* the buffer holds read-ahead input, not pending output */
    char *buf;
    size_t size, pos, len; /* output: pos bytes pending; input: buf[pos..len) unread */
    int unget;             /* a pushed-back character, or EOF */
    char own[BUFSIZ];
};

static struct __file streams[MAX_STREAMS];
static struct __file std_streams[3] = {
    {0, _IOLBF, true, false, true, false, false, false, NULL, BUFSIZ, 0, 0, EOF, {0}},
    {1, _IOLBF, false, true, true, false, false, false, NULL, BUFSIZ, 0, 0, EOF, {0}},
    {2, _IONBF, false, true, true, false, false, false, NULL, BUFSIZ, 0, 0, EOF, {0}},
};
FILE *stdin = &std_streams[0], *stdout = &std_streams[1], *stderr = &std_streams[2];

extern int __libc_have_stdio; /* start.c: descriptors 0-2 are open */

static char *buffer_of(FILE *f)
{
    return f->buf ? f->buf : f->own;
}

// Writes n bytes for stream f: through its descriptor, or, for the standard streams of a
// program with no descriptors (taskman, tests run as the first process), the kernel console.
static bool raw_write(FILE *f, const char *s, size_t n)
{
    if (f->fd <= 2 && !__libc_have_stdio) {
        ConsoleWrite(s, n);
        return true;
    }
    while (n > 0) {
        ssize_t w = write(f->fd, s, n);
        if (w <= 0) {
            f->error = true;
            return false;
        }
        s += w;
        n -= (size_t)w;
    }
    return true;
}

static int flush_output(FILE *f)
{
    if (f->reading || f->pos == 0)
        return 0;
    bool ok = raw_write(f, buffer_of(f), f->pos);
    f->pos = 0;
    return ok ? 0 : EOF;
}

int fflush(FILE *f)
{
    if (!f) {
        int r = 0;
        for (int i = 0; i < 3; i++)
            r |= flush_output(&std_streams[i]);
        for (int i = 0; i < MAX_STREAMS; i++)
            if (streams[i].in_use)
                r |= flush_output(&streams[i]);
        return r;
    }
    if (f->reading) { /* drop read-ahead: the descriptor's offset moves back to ours */
        if (f->len > f->pos)
            lseek(f->fd, -(off_t)(f->len - f->pos), SEEK_CUR);
        f->pos = f->len = 0;
        f->reading = false;
        return 0;
    }
    return flush_output(f);
}

static bool parse_mode(const char *mode, int *oflag, bool *rd, bool *wr)
{
    bool plus = strchr(mode, '+') != NULL;
    switch (mode[0]) {
    case 'r':
        *oflag = plus ? O_RDWR : O_RDONLY;
        break;
    case 'w':
        *oflag = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
        break;
    case 'a':
        *oflag = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
        break;
    default:
        return false;
    }
    if (strchr(mode, 'e'))
        *oflag |= O_CLOEXEC; /* as glibc's "e": not inherited by children */
    if (strchr(mode, 'x') && mode[0] == 'w')
        *oflag |= O_EXCL;
    *rd = mode[0] == 'r' || plus;
    *wr = mode[0] != 'r' || plus;
    return true;
}

FILE *fdopen(int fd, const char *mode)
{
    int oflag;
    bool rd, wr;
    if (!parse_mode(mode, &oflag, &rd, &wr)) {
        errno = EINVAL;
        return NULL;
    }
    for (int i = 0; i < MAX_STREAMS; i++) {
        FILE *f = &streams[i];
        if (!f->in_use) {
            memset(f, 0, sizeof(*f));
            f->fd = fd;
            f->in_use = true;
            f->readable = rd;
            f->writable = wr;
            f->size = BUFSIZ;
            f->unget = EOF;
            f->mode = isatty(fd) ? _IOLBF : _IOFBF;
            return f;
        }
    }
    errno = EMFILE;
    return NULL;
}

FILE *fopen(const char *path, const char *mode)
{
    int oflag;
    bool rd, wr;
    if (!parse_mode(mode, &oflag, &rd, &wr)) {
        errno = EINVAL;
        return NULL;
    }
    int fd = open(path, oflag, 0666);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, mode);
    if (!f)
        close(fd);
    return f;
}

int fclose(FILE *f)
{
    int r = fflush(f);
    if (f->fd > 2 || (f >= streams && f < streams + MAX_STREAMS))
        r |= close(f->fd);
    f->in_use = false;
    return r ? EOF : 0;
}

int fputc(int c, FILE *f)
{
    if (!f->writable) {
        f->error = true;
        errno = EBADF;
        return EOF;
    }
    if (f->reading)
        fflush(f);
    char ch = (char)c;
    if (f->mode == _IONBF)
        return raw_write(f, &ch, 1) ? (unsigned char)ch : EOF;
    buffer_of(f)[f->pos++] = ch;
    if (f->pos == f->size || (f->mode == _IOLBF && ch == '\n'))
        if (flush_output(f) == EOF)
            return EOF;
    return (unsigned char)ch;
}

int putc(int c, FILE *f)
{
    return fputc(c, f);
}

int putchar(int c)
{
    return fputc(c, stdout);
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
    const char *s = buf;
    size_t total = size * n;
    if (size && total / size != n)
        return 0;
    if (f->mode == _IONBF && f->writable && !f->reading)
        return raw_write(f, s, total) ? n : 0;
    for (size_t i = 0; i < total; i++)
        if (fputc(s[i], f) == EOF)
            return size ? i / size : 0;
    return n;
}

int fputs(const char *s, FILE *f)
{
    size_t n = strlen(s);
    return fwrite(s, 1, n, f) == n ? 0 : EOF;
}

int puts(const char *s)
{
    if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
        return EOF;
    return 0;
}

int fgetc(FILE *f)
{
    if (f->unget != EOF) {
        int c = f->unget;
        f->unget = EOF;
        return c;
    }
    if (!f->readable) {
        f->error = true;
        errno = EBADF;
        return EOF;
    }
    if (!f->reading) {
        flush_output(f);
        if (f == stdin)
            fflush(stdout); /* a prompt shows before the program waits for its answer */
        f->reading = true;
        f->pos = f->len = 0;
    }
    if (f->pos == f->len) {
        ssize_t got = read(f->fd, buffer_of(f), f->size);
        if (got <= 0) {
            if (got == 0)
                f->eof = true;
            else
                f->error = true;
            f->pos = f->len = 0;
            return EOF;
        }
        f->pos = 0;
        f->len = (size_t)got;
    }
    return (unsigned char)buffer_of(f)[f->pos++];
}

int getc(FILE *f)
{
    return fgetc(f);
}

int getchar(void)
{
    return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
    if (c == EOF || f->unget != EOF)
        return EOF;
    f->unget = (unsigned char)c;
    f->eof = false;
    return (unsigned char)c;
}

size_t fread(void *buf, size_t size, size_t n, FILE *f)
{
    char *d = buf;
    size_t total = size * n, got = 0;
    if (size && total / size != n)
        return 0;
    for (; got < total; got++) {
        int c = fgetc(f);
        if (c == EOF)
            break;
        d[got] = (char)c;
    }
    return size ? got / size : 0;
}

char *fgets(char *s, int n, FILE *f)
{
    int i = 0;
    while (i < n - 1) {
        int c = fgetc(f);
        if (c == EOF)
            break;
        s[i++] = (char)c;
        if (c == '\n')
            break;
    }
    if (i == 0 || n <= 0)
        return NULL;
    s[i] = '\0';
    return s;
}

ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
    size_t len = 0;
    for (;;) {
        int c = fgetc(f);
        if (c == EOF && len == 0)
            return -1;
        if (len + 2 > *cap) {
            size_t ncap = *cap ? *cap * 2 : 128;
            char *p = realloc(*line, ncap);
            if (!p) {
                errno = ENOMEM;
                return -1;
            }
            *line = p;
            *cap = ncap;
        }
        if (c == EOF)
            break;
        (*line)[len++] = (char)c;
        if (c == delim)
            break;
    }
    (*line)[len] = '\0';
    return (ssize_t)len;
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
    return getdelim(line, cap, '\n', f);
}

int fseek(FILE *f, long offset, int whence)
{
    if (fflush(f) == EOF)
        return -1;
    f->unget = EOF;
    f->eof = false;
    return lseek(f->fd, offset, whence) < 0 ? -1 : 0;
}

long ftell(FILE *f)
{
    off_t at = lseek(f->fd, 0, SEEK_CUR);
    if (at < 0)
        return -1;
    if (f->reading)
        return (long)(at - (off_t)(f->len - f->pos)) - (f->unget != EOF);
    return (long)(at + (off_t)f->pos);
}

void rewind(FILE *f)
{
    fseek(f, 0, SEEK_SET);
    f->error = false;
}

int feof(FILE *f)
{
    return f->eof;
}

int ferror(FILE *f)
{
    return f->error;
}

void clearerr(FILE *f)
{
    f->eof = f->error = false;
}

int fileno(FILE *f)
{
    return f->fd;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
        return -1;
    flush_output(f);
    f->mode = mode;
    if (buf && size) {
        f->buf = buf;
        f->size = size;
    }
    return 0;
}

void perror(const char *s)
{
    if (s && *s)
        fprintf(stderr, "%s: %s\n", s, strerror(errno));
    else
        fprintf(stderr, "%s\n", strerror(errno));
}
