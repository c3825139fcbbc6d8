/*
 * The file-system suite, run by taskman as init (run=test/fstest): it starts tmpfs itself and
 * checks it through ordinary libc calls. This file has main, the shared helpers and the tests of
 * open files (reading, writing, holes, open flags, attributes, stdio, descriptors and a child
 * writing to an inherited descriptor). Its exit status is its number of failures.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "fstest.h"

int failures;
static char buf[20000], big[20000];

static void nap_ms(unsigned ms)
{
    uint64_t ns = (uint64_t)ms * 1000000;
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
}

// Starts tmpfs on prefix (with size, if not NULL) and waits up to a second until its empty
// root, mode 01777, is there.
pid_t start_tmpfs(const char *prefix, const char *size)
{
    char *argv[] = {"tmpfs", (char *)prefix, (char *)size, NULL};
    pid_t pid;
    if (posix_spawn(&pid, "/proc/boot/tmpfs", NULL, NULL, argv, NULL) != 0)
        return -1;
    for (int i = 0; i < 200; i++) {
        struct stat st;
        if (stat(prefix, &st) == 0 && st.st_mode == (S_IFDIR | 01777))
            return pid;
        nap_ms(5);
    }
    return -1;
}

// Whether the file at path holds exactly contents.
bool file_is(const char *path, const char *contents)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    char got[256];
    ssize_t n = read(fd, got, sizeof(got));
    close(fd);
    return n == (ssize_t)strlen(contents) && memcmp(got, contents, (size_t)n) == 0;
}

// Makes (or replaces) the file at path with contents.
bool put_file(const char *path, const char *contents)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return false;
    ssize_t n = write(fd, contents, strlen(contents));
    close(fd);
    return n == (ssize_t)strlen(contents);
}

// Whether a call failed with -1 and errno err.
bool fails_with(int result, int err)
{
    return result == -1 && errno == err;
}

static bool all_zero(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

static void test_read_write(void)
{
    int fd = open(TMP "/a", O_RDWR | O_CREAT, 0666);
    CHECK("open with O_CREAT makes a new file", fd >= 0);
    CHECK("write puts 5 bytes in it", write(fd, "hello", 5) == 5);
    CHECK("lseek back to the start", lseek(fd, 0, SEEK_SET) == 0);
    memset(buf, 0, 16);
    CHECK("read gives the bytes written", read(fd, buf, 16) == 5 && memcmp(buf, "hello", 5) == 0);
    CHECK("read at the end gives 0", read(fd, buf, 16) == 0);
    CHECK("a write after a seek past the end",
          lseek(fd, 10000, SEEK_SET) == 10000 && write(fd, "x", 1) == 1);
    struct stat st;
    CHECK("the size reaches the end of that write", fstat(fd, &st) == 0 && st.st_size == 10001);
    memset(buf, 1, 200);
    CHECK("the hole reads as zeros",
          lseek(fd, 5, SEEK_SET) == 5 && read(fd, buf, 200) == 200 && all_zero(buf, 200));
    CHECK("lseek SEEK_END goes to the size", lseek(fd, 0, SEEK_END) == 10001);
    CHECK("a created file is regular with the mode less the umask, one link",
          S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0644 && st.st_nlink == 1);
    CHECK("the creator owns it (uid and gid 0)", st.st_uid == 0 && st.st_gid == 0);
    close(fd);
    for (size_t i = 0; i < sizeof(big); i++)
        big[i] = (char)(i * 7 + i / 251);
    fd = open(TMP "/big", O_RDWR | O_CREAT | O_EXCL, 0600);
    CHECK("a 20000-byte write is taken whole", write(fd, big, sizeof(big)) == sizeof(big));
    size_t got = 0;
    ssize_t n = 0;
    lseek(fd, 0, SEEK_SET);
    while (got < sizeof(buf) && (n = read(fd, buf + got, sizeof(buf) - got)) > 0)
        got += (size_t)n;
    CHECK("and reads back the same over several pages",
          got == sizeof(big) && memcmp(buf, big, sizeof(big)) == 0);
    CHECK("its blocks count the 5 pages it fills", fstat(fd, &st) == 0 && st.st_blocks == 40);
    close(fd);
}

static void test_open_flags(void)
{
    int fd = open(TMP "/a", O_RDONLY);
    CHECK("an existing file opens read-only", fd >= 0);
    CHECK("writing a read-only descriptor is EBADF", fails_with((int)write(fd, "z", 1), EBADF));
    close(fd);
    fd = open(TMP "/a", O_WRONLY | O_TRUNC);
    struct stat st;
    CHECK("O_TRUNC empties the file", fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0);
    CHECK("reading a write-only descriptor is EBADF", fails_with((int)read(fd, buf, 1), EBADF));
    close(fd);
    fd = open(TMP "/a", O_WRONLY | O_APPEND);
    write(fd, "ab", 2);
    lseek(fd, 0, SEEK_SET);
    write(fd, "cd", 2);
    close(fd);
    CHECK("O_APPEND writes go to the end whatever the offset", file_is(TMP "/a", "abcd"));
    CHECK("O_CREAT | O_EXCL of an existing name is EEXIST",
          fails_with(open(TMP "/a", O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST));
    CHECK("opening a missing name without O_CREAT is ENOENT",
          fails_with(open(TMP "/missing", O_RDONLY), ENOENT));
    CHECK("O_DIRECTORY on a regular file is ENOTDIR",
          fails_with(open(TMP "/a", O_RDONLY | O_DIRECTORY), ENOTDIR));
    CHECK("opening a directory for writing is EISDIR", fails_with(open(TMP, O_WRONLY), EISDIR));
    CHECK("or for reading and writing", fails_with(open(TMP, O_RDWR), EISDIR));
    fd = open(TMP, O_RDONLY);
    CHECK("reading a directory as a file is EISDIR", fails_with((int)read(fd, buf, 8), EISDIR));
    close(fd);
    CHECK("O_CREAT under a missing directory is ENOENT",
          fails_with(open(TMP "/nodir/f", O_RDWR | O_CREAT, 0644), ENOENT));
    CHECK("O_CREAT under a regular file is ENOTDIR",
          fails_with(open(TMP "/a/f", O_RDWR | O_CREAT, 0644), ENOTDIR));
}

static void test_attributes(void)
{
    time_t t0 = time(NULL);
    struct stat st;
    CHECK("chmod sets the permission bits",
          chmod(TMP "/a", 0600) == 0 && stat(TMP "/a", &st) == 0 && st.st_mode == (S_IFREG | 0600));
    CHECK("chown sets the owner and group", chown(TMP "/a", 12, 34) == 0 &&
                                                stat(TMP "/a", &st) == 0 && st.st_uid == 12 &&
                                                st.st_gid == 34);
    CHECK("chown with -1 leaves the owner as it is", chown(TMP "/a", (uid_t)-1, 56) == 0 &&
                                                         stat(TMP "/a", &st) == 0 &&
                                                         st.st_uid == 12 && st.st_gid == 56);
    struct utimbuf ut = {1000, 2000};
    CHECK("utime sets the access and modification times",
          utime(TMP "/a", &ut) == 0 && stat(TMP "/a", &st) == 0 && st.st_atime == 1000 &&
              st.st_mtime == 2000 && st.st_ctime >= t0);
    struct timespec ts[2] = {{0, UTIME_OMIT}, {3000, 0}};
    CHECK("UTIME_OMIT leaves a time as it is", utimensat(AT_FDCWD, TMP "/a", ts, 0) == 0 &&
                                                   stat(TMP "/a", &st) == 0 &&
                                                   st.st_atime == 1000 && st.st_mtime == 3000);
    CHECK("utime with no times sets both to now",
          utime(TMP "/a", NULL) == 0 && stat(TMP "/a", &st) == 0 && st.st_mtime >= t0 &&
              st.st_mtime <= time(NULL) && st.st_atime == st.st_mtime);
    utime(TMP "/a", &ut);
    int fd = open(TMP "/a", O_WRONLY);
    write(fd, "e", 1);
    CHECK("a write sets the modification time to now",
          fstat(fd, &st) == 0 && st.st_mtime >= t0 && st.st_size == 4);
    CHECK("fchmod works on a descriptor",
          fchmod(fd, 0755) == 0 && fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0755);
    CHECK("fsync is 0", fsync(fd) == 0);
    close(fd);
    CHECK("truncate shrinks a file", truncate(TMP "/a", 3) == 0 && file_is(TMP "/a", "ebc"));
    fd = open(TMP "/a", O_RDWR);
    memset(buf, 1, 16);
    CHECK("truncate grows a file with zeros",
          truncate(TMP "/a", 10) == 0 && read(fd, buf, 16) == 10 && memcmp(buf, "ebc", 3) == 0 &&
              all_zero(buf + 3, 7));
    CHECK("ftruncate to 0 empties it",
          ftruncate(fd, 0) == 0 && fstat(fd, &st) == 0 && st.st_size == 0);
    close(fd);
    fd = open(TMP "/a", O_RDONLY);
    CHECK("ftruncate of a read-only descriptor is EBADF", fails_with(ftruncate(fd, 1), EBADF));
    close(fd);
    CHECK("truncate of a directory is EISDIR", fails_with(truncate(TMP, 0), EISDIR));
    CHECK("access for reading and writing is granted (root)", access(TMP "/a", R_OK | W_OK) == 0);
    CHECK("access of a missing name is ENOENT", fails_with(access(TMP "/nope", F_OK), ENOENT));
}

static void test_stdio(void)
{
    FILE *f = fopen(TMP "/s.txt", "w");
    CHECK("fopen for writing makes the file", f != NULL);
    fprintf(f, "line %d\n", 1);
    fprintf(f, "second %s\n", "line");
    CHECK("fclose writes it out", fclose(f) == 0);
    f = fopen(TMP "/s.txt", "a");
    fprintf(f, "third\n");
    fclose(f);
    char line[64] = "";
    f = fopen(TMP "/s.txt", "r");
    bool ok = f && fgets(line, sizeof(line), f) && strcmp(line, "line 1\n") == 0;
    ok = ok && fgets(line, sizeof(line), f) && strcmp(line, "second line\n") == 0;
    CHECK("fgets reads the lines fprintf wrote", ok);
    CHECK("a stream opened with \"a\" appended its line", f && fgets(line, sizeof(line), f) &&
                                                              strcmp(line, "third\n") == 0 &&
                                                              fgets(line, sizeof(line), f) == NULL);
    if (f)
        fclose(f);
}

static void test_descriptors(void)
{
    int fd = open(TMP "/dup", O_RDWR | O_CREAT | O_TRUNC, 0644);
    int copy = dup(fd);
    CHECK("dup gives a new descriptor", copy >= 0 && copy != fd);
    write(fd, "ab", 2);
    write(copy, "cd", 2);
    CHECK("a dup shares the file offset", file_is(TMP "/dup", "abcd"));
    CHECK("dup2 puts a copy at the descriptor asked", dup2(fd, 9) == 9);
    CHECK("reading through it",
          lseek(9, 1, SEEK_SET) == 1 && read(9, buf, 8) == 3 && memcmp(buf, "bcd", 3) == 0);
    CHECK("fcntl F_GETFL gives the access mode", (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
    CHECK("fcntl F_SETFL O_APPEND",
          fcntl(fd, F_SETFL, O_APPEND) == 0 && (fcntl(fd, F_GETFL) & O_APPEND));
    lseek(fd, 0, SEEK_SET);
    write(fd, "e", 1);
    CHECK("after which writes append", file_is(TMP "/dup", "abcde"));
    close(9);
    close(copy);
    close(fd);
}

// A child given a tmpfs file as its standard output writes its line there.
static void test_child(void)
{
    int fd = open(TMP "/child.out", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fd, 1);
    char *argv[] = {"test/stdio_child", NULL};
    pid_t pid = -1;
    int err = posix_spawn(&pid, "/proc/boot/test/stdio_child", &fa, NULL, argv, NULL);
    posix_spawn_file_actions_destroy(&fa);
    close(fd);
    int status = -1;
    CHECK("a child is spawned with a tmpfs file as its standard output",
          err == 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status));
    fd = open(TMP "/child.out", O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, buf, 200) : -1;
    close(fd);
    buf[n > 0 ? n : 0] = '\0';
    CHECK("the child's line is in the file, its descriptor 1 a regular file",
          strncmp(buf, "stdio_child ", 12) == 0 && strstr(buf, " 32768 ") && buf[n - 1] == '\n');
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, TMP "/child2.out", O_WRONLY | O_CREAT, 0644);
    err = posix_spawn(&pid, "/proc/boot/test/stdio_child", &fa, NULL, argv, NULL);
    posix_spawn_file_actions_destroy(&fa);
    CHECK("a child opens a tmpfs file as its output and writes there",
          err == 0 && waitpid(pid, &status, 0) == pid && file_is(TMP "/child2.out", buf));
}

// Copies the boot image's file name to path with mode; false if it could not.
static bool copy_boot_file(const char *name, const char *path, mode_t mode)
{
    static char data[64 * 1024];
    int in = open(name, O_RDONLY);
    int out = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    ssize_t n, total = 0;
    while (in >= 0 && out >= 0 && (n = read(in, data, sizeof(data))) > 0)
        total += write(out, data, (size_t)n);
    close(in);
    close(out);
    return in >= 0 && out >= 0 && total > 0;
}

// Programs and scripts stored in tmpfs run like those of the boot image.
static void test_programs(void)
{
    CHECK("a program copied into tmpfs",
          copy_boot_file("/proc/boot/test/hello", TMP "/hello", 0755));
    char *argv[] = {"hello", "9", NULL};
    pid_t pid = -1;
    int status = -1;
    int err = posix_spawn(&pid, TMP "/hello", NULL, NULL, argv, NULL);
    CHECK("runs from there with its arguments", err == 0 && waitpid(pid, &status, 0) == pid &&
                                                    WIFEXITED(status) && WEXITSTATUS(status) == 9);
    chdir(TMP);
    err = posix_spawn(&pid, "./hello", NULL, NULL, argv, NULL);
    CHECK("and by a name relative to the working directory",
          err == 0 && waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 9);
    chdir("/");
    chmod(TMP "/hello", 0644);
    CHECK("not without an execute bit (EACCES)",
          posix_spawn(&pid, TMP "/hello", NULL, NULL, argv, NULL) == EACCES);
    int fd = open(TMP "/run.sh", O_WRONLY | O_CREAT | O_TRUNC, 0755);
    const char script[] = "#!" TMP "/hello\n";
    write(fd, script, sizeof(script) - 1);
    close(fd);
    chmod(TMP "/hello", 0755);
    char *sargv[] = {"run.sh", NULL};
    err = posix_spawn(&pid, TMP "/run.sh", NULL, NULL, sargv, NULL);
    CHECK("a #! script in tmpfs runs an interpreter that is in tmpfs too",
          err == 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
              WEXITSTATUS(status) == 0);
    unlink(TMP "/run.sh");
    unlink(TMP "/hello");
}

int main(void)
{
    printf("fstest: file system suite, pid %d\n", getpid());
    pid_t tmp = start_tmpfs(TMP, NULL);
    CHECK("tmpfs starts and serves " TMP " as an empty sticky directory", tmp > 0);
    pid_t small = start_tmpfs(SMALL, "64K");
    CHECK("a second tmpfs of 64 KiB serves " SMALL, small > 0);
    test_read_write();
    test_open_flags();
    test_attributes();
    test_stdio();
    test_descriptors();
    test_child();
    test_programs();
    test_directories();
    test_readdir();
    test_unlink_and_rename();
    test_hard_links();
    test_symlinks();
    test_working_directory();
    test_full();
    test_bad_input();
    test_killed();
    int status;
    kill(tmp, SIGTERM);
    waitpid(tmp, &status, 0);
    kill(small, SIGTERM);
    waitpid(small, &status, 0);
    printf("fstest: %d failure%s\n", failures, failures == 1 ? "" : "s");
    return failures;
}
