/*
 * The file-system suite's tests of limits and trouble: a full file system (ENOSPC, short
 * counts, nothing corrupted, room again after deleting), bad input (long names, malformed
 * messages, offsets beyond the largest file), and a server killed while files are open.
 */
#include <errno.h>
#include <fcntl.h>
#include <proto/io.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fstest.h"

static char page[4096], back[4096];

// Writes whole pages to fd until a write fails or is short; returns the bytes written, with
// *last the result of the last write and *err its errno.
static size_t fill(int fd, ssize_t *last, int *err)
{
    size_t total = 0;
    for (int i = 0; i < 64; i++) {
        *last = write(fd, page, sizeof(page));
        *err = errno;
        if (*last < 0)
            break;
        total += (size_t)*last;
        if (*last < (ssize_t)sizeof(page))
            break;
    }
    return total;
}

static bool pages_intact(int fd, int count)
{
    lseek(fd, 0, SEEK_SET);
    for (int i = 0; i < count; i++)
        if (read(fd, back, sizeof(back)) != sizeof(back) || memcmp(back, page, sizeof(page)))
            return false;
    return true;
}

void test_full(void)
{
    for (size_t i = 0; i < sizeof(page); i++)
        page[i] = (char)(i % 251 + 1);
    int fd = open(SMALL "/fill", O_RDWR | O_CREAT, 0644);
    ssize_t last = 0;
    int err = 0;
    size_t total = fill(fd, &last, &err);
    CHECK("a 64 KiB file system takes 64 KiB of data", total == SMALL_SIZE);
    CHECK("then a write is ENOSPC", last == -1 && err == ENOSPC);
    struct stat st;
    CHECK("the full file keeps its size and contents",
          fstat(fd, &st) == 0 && st.st_size == SMALL_SIZE && pages_intact(fd, 16));
    int other = open(SMALL "/other", O_RDWR | O_CREAT, 0644);
    CHECK("a new file can still be made, but not written",
          other >= 0 && fails_with((int)write(other, page, 10), ENOSPC));
    CHECK("truncating the first frees its last page", ftruncate(fd, 60000) == 0);
    static char twice[8192];
    CHECK("a write larger than the room left gives a short count",
          write(other, twice, sizeof(twice)) == 4096);
    close(other);
    CHECK("the first file is intact up to its new size",
          pages_intact(fd, 14) && fstat(fd, &st) == 0 && st.st_size == 60000);
    close(fd);
    CHECK("deleting the files gives the room back",
          unlink(SMALL "/fill") == 0 && unlink(SMALL "/other") == 0);
    fd = open(SMALL "/again", O_RDWR | O_CREAT, 0644);
    total = fill(fd, &last, &err);
    CHECK("and 64 KiB can be written again", total == SMALL_SIZE && pages_intact(fd, 16));
    close(fd);
    unlink(SMALL "/again");
    char name[32];
    int made = 0;
    for (int i = 0; i < 200; i++) {
        snprintf(name, sizeof(name), SMALL "/n%d", i);
        fd = open(name, O_WRONLY | O_CREAT, 0644);
        if (fd < 0)
            break;
        close(fd);
        made++;
    }
    CHECK("the number of files is bounded too: ENOSPC", made > 0 && made < 200 && errno == ENOSPC);
    for (int i = 0; i < made; i++) {
        snprintf(name, sizeof(name), SMALL "/n%d", i);
        unlink(name);
    }
    CHECK("and removing them makes room for more", put_file(SMALL "/n0", "back"));
}

// Sends a raw message on fd and gives the errno it fails with (0 if it does not).
static int raw_error(int fd, const void *msg, size_t len)
{
    errno = 0;
    return MsgSend(fd, msg, len, NULL, 0) < 0 ? errno : 0;
}

static void test_messages(void)
{
    int fd = open(TMP "/target", O_RDONLY);
    struct io_hdr unknown = {0x2ff, 0};
    CHECK("an unknown message is ENOSYS", raw_error(fd, &unknown, sizeof(unknown)) == ENOSYS);
    struct io_rw dir = {IO_READDIR, 0, 512};
    CHECK("readdir of a file is ENOTDIR", raw_error(fd, &dir, sizeof(dir)) == ENOTDIR);
    CHECK("a message too short for its type is EINVAL", raw_error(fd, &dir, 4) == EINVAL);
    struct _server_info si;
    int coid = ConnectServerInfo(0, fd, &si) == fd ? ConnectAttach(0, si.pid, si.chid, 0, 0) : -1;
    struct io_connect c = {IO_CONNECT, IO_OPEN, O_RDONLY, 0, 500, 4, 0, 0};
    CHECK("a connect message shorter than its path is EINVAL",
          coid >= 0 && raw_error(coid, &c, sizeof(c)) == EINVAL);
    c.pathlen = 4;
    c.kind = 99;
    char msg[sizeof(c) + 4];
    memcpy(msg, &c, sizeof(c));
    memcpy(msg + sizeof(c), TMP, 4);
    CHECK("a connect of an unknown kind is ENOSYS", raw_error(coid, msg, sizeof(msg)) == ENOSYS);
    ConnectDetach(coid);
    CHECK("a seek before the start is EINVAL", fails_with((int)lseek(fd, -1, SEEK_SET), EINVAL));
    close(fd);
    CHECK("the server still serves after all that", file_is(TMP "/target", "pointed"));
}

// The exit status of tmpfs started with argv, or -1.
static int tmpfs_status(char *const argv[])
{
    pid_t pid;
    int status = -1;
    if (posix_spawn(&pid, "/proc/boot/tmpfs", NULL, NULL, argv, NULL) != 0 ||
        waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

void test_bad_input(void)
{
    char *relative[] = {"tmpfs", "tmp", NULL}, *bad_size[] = {"tmpfs", "/t2", "12X", NULL};
    CHECK("tmpfs with a relative prefix exits with status 1", tmpfs_status(relative) == 1);
    CHECK("so does tmpfs with a size it cannot read", tmpfs_status(bad_size) == 1);
    char path[1100];
    memset(path, 'n', sizeof(path));
    memcpy(path, TMP "/", 5);
    path[5 + 300] = '\0';
    CHECK("a name of 300 bytes is ENAMETOOLONG for open",
          fails_with(open(path, O_RDWR | O_CREAT, 0644), ENAMETOOLONG));
    CHECK("and for mkdir", fails_with(mkdir(path, 0755), ENAMETOOLONG));
    memcpy(path + 5 + 300, "/f", 3);
    CHECK("a directory name of 300 bytes in the middle is ENAMETOOLONG",
          fails_with(stat(path, (struct stat[1]){0}), ENAMETOOLONG));
    path[5 + 255] = '\0';
    struct stat st;
    CHECK("a name of 255 bytes is fine",
          put_file(path, "long") && stat(path, &st) == 0 && unlink(path) == 0);
    memset(path + 5, 'n', sizeof(path) - 6);
    for (size_t i = 100; i < sizeof(path) - 1; i += 100)
        path[i] = '/';
    path[sizeof(path) - 1] = '\0';
    CHECK("a path of 1100 bytes is ENAMETOOLONG", fails_with(stat(path, &st), ENAMETOOLONG));
    int fd = open(TMP "/huge", O_RDWR | O_CREAT, 0644);
    CHECK("a write beyond the largest file (1 GiB) is EFBIG",
          lseek(fd, 1ll << 31, SEEK_SET) == 1ll << 31 && fails_with((int)write(fd, "x", 1), EFBIG));
    CHECK("so is a truncate beyond it", fails_with(ftruncate(fd, 1ll << 31), EFBIG));
    CHECK("a sparse file of 1 GiB is fine",
          ftruncate(fd, 1ll << 30) == 0 && fstat(fd, &st) == 0 && st.st_size == 1ll << 30);
    close(fd);
    unlink(TMP "/huge");
    test_messages();
}

void test_killed(void)
{
    pid_t pid = start_tmpfs("/kill", NULL);
    CHECK("a third tmpfs serves /kill", pid > 0);
    put_file("/kill/f", "data");
    int fd = open("/kill/f", O_RDWR);
    int dir = open("/kill", O_RDONLY);
    int status = 0;
    CHECK("it is killed with files open",
          kill(pid, SIGTERM) == 0 && waitpid(pid, &status, 0) == pid && WIFSIGNALED(status));
    char buf[8];
    struct stat st;
    CHECK("then a read on an open file is EBADF", fails_with((int)read(fd, buf, 4), EBADF));
    CHECK("a write is EBADF", fails_with((int)write(fd, "x", 1), EBADF));
    CHECK("an fstat is EBADF", fails_with(fstat(dir, &st), EBADF));
    CHECK("opening a name under its prefix is ENOENT",
          fails_with(open("/kill/f", O_RDONLY), ENOENT));
    CHECK("mkdir there falls to taskman's read-only tree: EROFS",
          fails_with(mkdir("/kill/d", 0755), EROFS));
    CHECK("closing the dead descriptors works", close(fd) == 0 && close(dir) == 0);
}
