/*
 * slogf: one record to the system log (sys/slog.h). /dev/slog is opened on first use and the
 * descriptor kept; if the slogger has gone (a restart), the next record opens it again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/slog.h>
#include <unistd.h>

static int slog_fd = -1;

// The descriptor of /dev/slog, opening it if needed; threads racing to open keep one.
static int slog_open(void)
{
    int fd = __atomic_load_n(&slog_fd, __ATOMIC_ACQUIRE);
    if (fd >= 0)
        return fd;
    fd = open("/dev/slog", O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int none = -1;
    if (!__atomic_compare_exchange_n(&slog_fd, &none, fd, false, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE)) {
        close(fd);
        return none;
    }
    return fd;
}

// Drops a descriptor that no longer reaches a slogger, unless another thread already did.
static void slog_forget(int fd)
{
    if (__atomic_compare_exchange_n(&slog_fd, &fd, -1, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        close(fd);
}

int vslogf(int code, int severity, const char *fmt, va_list ap)
{
    if (severity < 0 || severity > _SLOG_SEVMAXVAL) {
        errno = EINVAL;
        return -1;
    }
    struct {
        struct _slog_hdr hdr;
        char text[_SLOG_MAXTEXT + 1];
    } rec = {{_SLOG_MAGIC, (uint32_t)code, severity, 0}, {0}};
    int n = vsnprintf(rec.text, sizeof(rec.text), fmt, ap);
    if (n < 0)
        return -1;
    size_t len = sizeof(rec.hdr) + ((size_t)n < _SLOG_MAXTEXT ? (size_t)n : _SLOG_MAXTEXT);
    for (int attempt = 0; attempt < 2; attempt++) {
        int fd = slog_open();
        if (fd < 0)
            return -1;
        ssize_t r = write(fd, &rec, len);
        if (r >= 0)
            return (int)r;
        if (errno != EBADF && errno != ESRCH)
            return -1;
        slog_forget(fd);
    }
    return -1;
}

int slogf(int code, int severity, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vslogf(code, severity, fmt, ap);
    va_end(ap);
    return r;
}
