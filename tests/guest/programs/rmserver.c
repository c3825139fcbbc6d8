/*
 * A resource manager for the tests, on /test/rm: "greeting" reads as a fixed text, "sink"
 * takes writes and reads back how many bytes it was given.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resmgr.h>

static const char greeting[] = "hello from a resource manager\n";
static long sunk;
static int greeting_ocb, sink_ocb;

static int rm_open(void *handle, const char *path, int oflag, mode_t mode, void **ocb)
{
    (void)mode;
    (void)handle;
    (void)oflag;
    if (strcmp(path, "greeting") == 0)
        *ocb = &greeting_ocb;
    else if (strcmp(path, "sink") == 0)
        *ocb = &sink_ocb;
    else
        return ENOENT;
    return 0;
}

static ssize_t rm_read(void *ocb, void *buf, size_t n, off_t off)
{
    char text[32];
    const char *src = greeting;
    size_t len = sizeof(greeting) - 1;
    if (ocb == &sink_ocb) {
        len = (size_t)snprintf(text, sizeof(text), "%ld", sunk);
        src = text;
    }
    if (off >= (off_t)len)
        return 0;
    size_t k = len - (size_t)off < n ? len - (size_t)off : n;
    memcpy(buf, src + off, k);
    return (ssize_t)k;
}

static ssize_t rm_write(void *ocb, const void *buf, size_t n, off_t off)
{
    (void)buf;
    (void)off;
    if (ocb != &sink_ocb)
        return -EROFS;
    sunk += (long)n;
    return (ssize_t)n;
}

static int rm_stat(void *ocb, struct io_stat *st)
{
    st->size = ocb == &greeting_ocb ? sizeof(greeting) - 1 : 0;
    return 0;
}

int main(void)
{
    static const struct resmgr_funcs funcs = {
        .open = rm_open, .read = rm_read, .write = rm_write, .stat = rm_stat};
    int chid = resmgr_attach("/test/rm", &funcs, NULL);
    if (chid < 0) {
        printf("rmserver: cannot attach /test/rm (errno %d)\n", errno);
        return 1;
    }
    return resmgr_run(chid);
}
