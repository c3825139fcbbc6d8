/*
 * slogger: the system log, a resource manager on /dev/slog. Each write is one record (see
 * sys/slog.h for what a writer sends); the slogger stamps it with the time and the writer's
 * pid and keeps it as one line of text in a 64 KiB ring, dropping the oldest lines when full.
 * Reading gives the lines in order from the reader's offset. It keeps nothing on disk.
 *
 * A line is "<seconds>.<microseconds> <pid> <severity> <major> <minor> <text>\n", the time
 * since boot; control characters in the text become spaces so a record is always one line.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/resmgr.h>
#include <sys/slog.h>
#include <unistd.h>

#define LOG_SIZE    (64 * 1024)
#define MAX_READERS 128 /* open connections, as many as the framework has */
#define LINE_SIZE   (_SLOG_MAXTEXT + 80)

/*
 * Positions count bytes of all the text ever logged, so a line keeps its position while it is
 * in the ring: the ring holds [start, end), the byte at position p is ring[p % LOG_SIZE].
 */
static struct {
    char ring[LOG_SIZE];
    uint64_t start, end;
} slog;

/*
 * A reader's offset counts the bytes it was given (or sought over); the lines dropped before
 * it reached them are not counted, so its position in the log is offset + skew.
 */
struct reader {
    bool used;
    uint64_t skew;
};
static struct reader readers[MAX_READERS];

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

static void drop_oldest_line(void)
{
    while (slog.ring[slog.start % LOG_SIZE] != '\n')
        slog.start++;
    slog.start++;
}

static void append(const char *line, size_t n)
{
    while (slog.end - slog.start + n > LOG_SIZE)
        drop_oldest_line();
    for (size_t done = 0; done < n;) {
        size_t at = slog.end % LOG_SIZE, part = min_size(n - done, LOG_SIZE - at);
        memcpy(slog.ring + at, line + done, part);
        done += part;
        slog.end += part;
    }
}

static void log_record(int pid, uint32_t code, int severity, const char *text, size_t n)
{
    char line[LINE_SIZE];
    uint64_t now = 0;
    ClockTime(CLOCK_MONOTONIC, NULL, &now);
    int len = snprintf(line, sizeof(line), "%lu.%06lu %d %d %u %u ",
                       (unsigned long)(now / 1000000000), (unsigned long)(now / 1000 % 1000000),
                       pid, severity, _SLOG_GETMAJOR(code), _SLOG_GETMINOR(code));
    if (len < 0 || len >= (int)sizeof(line) - _SLOG_MAXTEXT - 1)
        return;
    n = min_size(n, _SLOG_MAXTEXT);
    while (n && (text[n - 1] == '\n' || text[n - 1] == '\r' || text[n - 1] == '\0'))
        n--;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        line[len++] = c < ' ' || c == 0x7f ? ' ' : (char)c;
    }
    line[len++] = '\n';
    append(line, (size_t)len);
}

static int slog_open(void *handle, const char *path, int oflag, mode_t mode, void **ocb)
{
    (void)mode;
    (void)handle;
    (void)oflag;
    if (path[0])
        return ENOENT;
    for (int i = 0; i < MAX_READERS; i++) {
        if (!readers[i].used) {
            readers[i] = (struct reader){true, 0};
            *ocb = &readers[i];
            return 0;
        }
    }
    return ENFILE;
}

// Whole lines when at least one fits in n bytes; a longer line comes in pieces.
static ssize_t slog_read(void *ocb, void *buf, size_t n, off_t offset)
{
    struct reader *r = ocb;
    uint64_t pos = (uint64_t)offset + r->skew;
    if (pos < slog.start) {
        r->skew += slog.start - pos;
        pos = slog.start;
    }
    if (pos >= slog.end)
        return 0;
    size_t k = (size_t)min_size(n, slog.end - pos);
    size_t whole = k;
    while (pos + k < slog.end && whole > 0 && slog.ring[(pos + whole - 1) % LOG_SIZE] != '\n')
        whole--;
    if (whole > 0)
        k = whole;
    for (size_t done = 0; done < k;) {
        size_t at = (pos + done) % LOG_SIZE, part = min_size(k - done, LOG_SIZE - at);
        memcpy((char *)buf + done, slog.ring + at, part);
        done += part;
    }
    return (ssize_t)k;
}

/*
 * Each write is one record however long, so it is answered here: the framework would hand a
 * long write over in pieces. The text beyond the first piece (or _SLOG_MAXTEXT) is dropped.
 */
static ssize_t slog_write(void *ocb, const void *buf, size_t n, off_t offset)
{
    (void)ocb;
    (void)offset;
    int rcvid = resmgr_rcvid();
    struct _msg_info info;
    if (MsgInfo(rcvid, &info) == -1)
        return -errno;
    const char *text = buf;
    uint32_t code = 0;
    int severity = _SLOG_INFO;
    struct _slog_hdr h;
    if (n >= sizeof(h)) {
        memcpy(&h, buf, sizeof(h));
        if (h.magic == _SLOG_MAGIC) {
            if (h.severity < 0 || h.severity > _SLOG_SEVMAXVAL)
                return -EINVAL;
            code = h.code;
            severity = h.severity;
            text += sizeof(h);
            n -= sizeof(h);
        }
    }
    log_record(info.pid, code, severity, text, n);
    resmgr_reply_write(rcvid, (size_t)info.srcmsglen - sizeof(struct io_rw));
    return RESMGR_DEFER;
}

static int slog_stat(void *ocb, struct io_stat *st)
{
    struct reader *r = ocb;
    st->mode = IO_S_IFCHR | 0666;
    st->size = slog.end - r->skew;
    return 0;
}

static void slog_close(void *ocb)
{
    struct reader *r = ocb;
    r->used = false;
}

int main(void)
{
    static const struct resmgr_funcs funcs = {.open = slog_open,
                                              .read = slog_read,
                                              .write = slog_write,
                                              .stat = slog_stat,
                                              .close = slog_close};
    int chid = resmgr_attach("/dev/slog", &funcs, NULL);
    if (chid < 0) {
        printf("slogger: cannot attach /dev/slog (errno %d)\n", errno);
        return 1;
    }
    static const char started[] = "slogger: started";
    log_record(getpid(), 0, _SLOG_INFO, started, sizeof(started) - 1);
    return resmgr_run(chid);
}
