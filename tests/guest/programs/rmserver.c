/*
 * A resource manager for the tests, on /test/rm: "greeting" reads as a fixed text, "sink"
 * takes writes and reads back how many bytes it was given; "program" is a copy of the boot
 * image's test/hello, executable, and "slow" the same read at 4 KiB per 100 ms; "script" is a
 * #! script for test/args; "noexec" is the program without an execute bit, and "garbage" an
 * executable file that is no program.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resmgr.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char greeting[] = "hello from a resource manager\n";
static const char script[] = "#!/proc/boot/test/args from-rm\n";
static const char garbage[] = "this is not a program\n";
static long sunk;
static char *program;
static size_t program_size;

enum file { GREETING, SINK, PROGRAM, SLOW, SCRIPT, NOEXEC, GARBAGE, NFILES };
static const char *const names[NFILES] = {"greeting", "sink",   "program", "slow",
                                          "script",   "noexec", "garbage"};
static int ocbs[NFILES]; /* the OCB of a file is the address of its slot */

static int rm_open(void *handle, const char *path, int oflag, mode_t mode, void **ocb)
{
    (void)mode;
    (void)handle;
    (void)oflag;
    for (int i = 0; i < NFILES; i++) {
        if (strcmp(path, names[i]) == 0) {
            *ocb = &ocbs[i];
            return 0;
        }
    }
    return ENOENT;
}

static enum file which(void *ocb)
{
    return (enum file)((int *)ocb - ocbs);
}

// The contents of a read-only file.
static const char *contents(enum file f, size_t *len)
{
    switch (f) {
    case PROGRAM:
    case SLOW:
    case NOEXEC:
        *len = program_size;
        return program;
    case SCRIPT:
        *len = sizeof(script) - 1;
        return script;
    case GARBAGE:
        *len = sizeof(garbage) - 1;
        return garbage;
    default:
        *len = sizeof(greeting) - 1;
        return greeting;
    }
}

static ssize_t rm_read(void *ocb, void *buf, size_t n, off_t off)
{
    char text[32];
    size_t len;
    const char *src = contents(which(ocb), &len);
    if (which(ocb) == SINK) {
        len = (size_t)snprintf(text, sizeof(text), "%ld", sunk);
        src = text;
    }
    if (which(ocb) == SLOW) {
        struct timespec nap = {0, 100000000};
        nanosleep(&nap, NULL);
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
    if (which(ocb) != SINK)
        return -EROFS;
    sunk += (long)n;
    return (ssize_t)n;
}

static int rm_stat(void *ocb, struct io_stat *st)
{
    enum file f = which(ocb);
    size_t len = 0;
    if (f != SINK)
        contents(f, &len);
    st->size = len;
    st->mode =
        IO_S_IFREG | (f == PROGRAM || f == SLOW || f == SCRIPT || f == GARBAGE ? 0755 : 0644);
    return 0;
}

// Reads the boot image's test/hello into program.
static void load_program(void)
{
    int fd = open("/proc/boot/test/hello", O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0 || !(program = malloc((size_t)st.st_size)))
        return;
    while (program_size < (size_t)st.st_size) {
        ssize_t n = read(fd, program + program_size, (size_t)st.st_size - program_size);
        if (n <= 0)
            break;
        program_size += (size_t)n;
    }
    close(fd);
}

int main(void)
{
    static const struct resmgr_funcs funcs = {
        .open = rm_open, .read = rm_read, .write = rm_write, .stat = rm_stat};
    load_program();
    int chid = resmgr_attach("/test/rm", &funcs, NULL);
    if (chid < 0) {
        printf("rmserver: cannot attach /test/rm (errno %d)\n", errno);
        return 1;
    }
    return resmgr_run(chid);
}
