/*
 * Reads a program file for a spawn through ordinary libc calls, as a client of the server
 * that holds it (see readprog.h). Where it runs (a thread of taskman, a process of its own)
 * is the per-kernel reader's business.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <taskman/readprog.h>
#include <taskman/spawn.h>
#include <unistd.h>

// The execute bit of mode that applies to user euid and group egid (root: any).
static bool may_execute(unsigned mode, unsigned uid, unsigned gid, int euid, int egid)
{
    if (euid == 0)
        return (mode & 0111) != 0;
    if (uid == (unsigned)euid)
        return (mode & 0100) != 0;
    if (gid == (unsigned)egid)
        return (mode & 0010) != 0;
    return (mode & 0001) != 0;
}

// Room for n bytes in *buf: the old buffer if it is large enough, else a new one.
static int make_room(void **buf, size_t *cap, size_t n)
{
    if (*buf && *cap >= n)
        return 0;
    void *fresh = malloc(n);
    if (!fresh)
        return ENOMEM;
    free(*buf);
    *buf = fresh;
    *cap = n;
    return 0;
}

int readprog(const char *path, int euid, int egid, void **buf, size_t *cap, size_t *size)
{
    *size = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    struct stat st;
    int err = 0;
    if (fstat(fd, &st) < 0)
        err = errno;
    else if (!S_ISREG(st.st_mode) || !may_execute(st.st_mode, st.st_uid, st.st_gid, euid, egid))
        err = EACCES;
    else if (st.st_size <= 0)
        err = ENOEXEC;
    else if ((size_t)st.st_size > SPAWN_MAX_IMAGE)
        err = E2BIG;
    else
        err = make_room(buf, cap, (size_t)st.st_size);
    for (size_t done = 0; !err && done < (size_t)st.st_size;) {
        ssize_t n = read(fd, (char *)*buf + done, (size_t)st.st_size - done);
        if (n <= 0)
            err = n < 0 ? errno : EIO; /* the file shrank under us */
        else
            done += (size_t)n;
    }
    if (!err)
        *size = (size_t)st.st_size;
    close(fd);
    return err;
}
