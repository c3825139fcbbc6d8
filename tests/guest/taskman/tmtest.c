/*
 * taskman's test suite, run by taskman as init (run=test/tmtest): spawning from the boot image
 * with arguments and environment, exit statuses and deaths by fault, waitpid with WNOHANG and
 * for any child, ECHILD, orphans adopted by init, getppid, and malformed taskman messages.
 * Its exit status is its number of failures.
 */
#include <abi/procinfo.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <proto/taskman.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static int failures;

#define CHECK(name, cond)                                                                          \
    do {                                                                                           \
        if (cond) {                                                                                \
            printf("PASS taskman: %s\n", name);                                                    \
        } else {                                                                                   \
            printf("FAIL taskman: %s (%s, line %d)\n", name, #cond, __LINE__);                     \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static pid_t start(char *const argv[])
{
    pid_t pid = -1;
    int err = posix_spawn(&pid, argv[0], NULL, NULL, argv, NULL);
    return err ? -err : pid;
}

static int run(char *const argv[])
{
    pid_t pid = start(argv);
    int status = -1;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    return status;
}

static void test_spawn_and_wait(void)
{
    char *hello[] = {"test/hello", "3", "two words", NULL};
    int st = run(hello);
    CHECK("a spawned program's exit status comes back through waitpid",
          st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 3);
    char *boot_path[] = {"/proc/boot/test/hello", "4", NULL};
    st = run(boot_path);
    CHECK("programs are found by their /proc/boot path too", WIFEXITED(st) && WEXITSTATUS(st) == 4);
    char *fault[] = {"test/fault", "store", NULL};
    st = run(fault);
    CHECK("a child that faults is reported as ended by SIGSEGV",
          st >= 0 && WIFSIGNALED(st) && WTERMSIG(st) == 11);
    pid_t pid;
    char *none[] = {"no/such/program", NULL};
    CHECK("spawning a program that does not exist gives ENOENT",
          posix_spawn(&pid, "no/such/program", NULL, NULL, none, NULL) == ENOENT);
    char ppid_arg[16];
    snprintf(ppid_arg, sizeof(ppid_arg), "%d", getpid());
    char *ppid[] = {"test/family", "ppid", ppid_arg, NULL};
    st = run(ppid);
    CHECK("a child's getppid is its parent", WIFEXITED(st) && WEXITSTATUS(st) == 0);
    CHECK("getppid of init is taskman", getppid() == TASKMAN_PID);
}

static void test_wait_forms(void)
{
    char *slow[] = {"test/family", "sleep", "100", NULL};
    pid_t pid = start(slow);
    int st = -1;
    CHECK("waitpid with WNOHANG on a running child returns 0", waitpid(pid, &st, WNOHANG) == 0);
    CHECK("waitpid then waits for it", waitpid(pid, &st, 0) == pid && WIFEXITED(st));
    pid_t kids[3];
    char *quick[3][4] = {
        {"test/hello", "10", NULL}, {"test/hello", "11", NULL}, {"test/hello", "12", NULL}};
    int sum = 0, seen = 0;
    for (int i = 0; i < 3; i++)
        kids[i] = start(quick[i]);
    for (int i = 0; i < 3; i++) {
        pid_t got = waitpid(-1, &st, 0);
        for (int k = 0; k < 3; k++)
            if (got == kids[k]) {
                seen++;
                sum += WEXITSTATUS(st);
            }
    }
    CHECK("waitpid(-1) collects each of three children once", seen == 3 && sum == 33);
    errno = 0;
    CHECK("waitpid with no children gives ECHILD", waitpid(-1, &st, 0) == -1 && errno == ECHILD);
    CHECK("waitpid for a pid that is not a child gives ECHILD",
          waitpid(TASKMAN_PID, &st, 0) == -1 && errno == ECHILD);
    CHECK("waitpid with unknown options gives EINVAL",
          waitpid(-1, &st, 0x40) == -1 && errno == EINVAL);
}

static void test_orphans(void)
{
    char *orphaner[] = {"test/family", "orphan", "50", NULL};
    pid_t parent = start(orphaner);
    int st;
    waitpid(parent, &st, 0);
    pid_t got = waitpid(-1, &st, 0);
    CHECK("an orphan is adopted by init, which collects it",
          got > 0 && got != parent && WIFEXITED(st));
}

static void test_bad_messages(void)
{
    int coid = ConnectAttach(0, TASKMAN_PID, TASKMAN_CHID, _NTO_SIDE_CHANNEL, 0);
    uint16_t junk = 0x7777;
    CHECK("an unknown taskman message type gives ENOSYS",
          MsgSend(coid, &junk, sizeof(junk) + 2, NULL, 0) == -1 && errno == ENOSYS);
    char tiny = 1;
    CHECK("a message shorter than a header gives EINVAL",
          MsgSend(coid, &tiny, 1, NULL, 0) == -1 && errno == EINVAL);
    struct {
        struct tm_spawn s;
        char data[8];
    } lie = {{TM_SPAWN, 0, 1, 0, 100, 022, 0, 0, 0, 0, 0, 0}, "x\0y"};
    CHECK("a spawn whose length lies gives EINVAL",
          MsgSend(coid, &lie, sizeof(lie), NULL, 0) == -1 && errno == EINVAL);
    lie.s.datalen = sizeof(lie.data);
    memset(lie.data, 'a', sizeof(lie.data));
    CHECK("a spawn whose strings are not terminated gives EINVAL",
          MsgSend(coid, &lie, sizeof(lie), NULL, 0) == -1 && errno == EINVAL);
    struct tm_wait w = {TM_WAIT, 0, -7, 0};
    CHECK("a wait for pid -7 gives EINVAL",
          MsgSend(coid, &w, sizeof(w), NULL, 0) == -1 && errno == EINVAL);
    struct tm_death d = {TM_DEATH, 0, 1, 0};
    CHECK("a forged death notice is refused", MsgSend(coid, &d, sizeof(d), NULL, 0) == -1);
    char *hello[] = {"test/hello", "0", NULL};
    CHECK("taskman still serves after the bad messages", run(hello) == 0);
    ConnectDetach(coid);
}

static void test_taskman_files(void)
{
    char buf[64];
    int fd = open("/dev/null", O_RDWR);
    CHECK("/dev/null opens", fd >= 0);
    CHECK("/dev/null takes every byte written", write(fd, "abc", 3) == 3);
    CHECK("/dev/null reads as end of file", read(fd, buf, sizeof(buf)) == 0);
    CHECK("close of an open file succeeds", close(fd) == 0);
    errno = 0;
    CHECK("read of a closed descriptor gives EBADF", read(fd, buf, 1) == -1 && errno == EBADF);
    fd = open("/dev/zero", O_RDONLY);
    memset(buf, 'x', sizeof(buf));
    int zeros = read(fd, buf, sizeof(buf)) == (ssize_t)sizeof(buf);
    for (size_t i = 0; i < sizeof(buf); i++)
        zeros &= buf[i] == 0;
    CHECK("/dev/zero reads zeros", zeros);
    CHECK("/dev/zero refuses a write when opened read-only",
          write(fd, "a", 1) == -1 && errno == EBADF);
    close(fd);
    fd = open("/proc/boot/test/hello", O_RDONLY);
    CHECK("a boot-image file opens under /proc/boot", fd >= 0);
    CHECK("it reads as the ELF file it is", read(fd, buf, 4) == 4 && memcmp(buf,
                                                                            "\x7f"
                                                                            "ELF",
                                                                            4) == 0);
    struct stat st;
    CHECK("fstat gives a regular file with its size",
          fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 1000);
    CHECK("lseek to the end returns the size", lseek(fd, 0, SEEK_END) == st.st_size);
    CHECK("reading at the end gives 0", read(fd, buf, 4) == 0);
    CHECK("lseek before the start gives EINVAL", lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL);
    close(fd);
    CHECK("a boot-image file cannot be opened for writing (EROFS)",
          open("/proc/boot/test/hello", O_WRONLY) == -1 && errno == EROFS);
    CHECK("a missing boot file gives ENOENT",
          open("/proc/boot/nothing", O_RDONLY) == -1 && errno == ENOENT);
    CHECK("a path nobody serves gives ENOENT",
          open("/nowhere/at/all", O_RDONLY) == -1 && errno == ENOENT);
    CHECK("a relative path is taken from the working directory (/ at first)",
          (fd = open("dev/null", O_RDONLY)) >= 0 && close(fd) == 0);
    CHECK("stat of /dev/null gives a character device",
          stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
    DIR *d = opendir("/proc/boot");
    int saw_taskman = 0, saw_test = 0, saw_dots = 0, n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        n++;
        saw_taskman += strcmp(e->d_name, "taskman") == 0 && e->d_type == DT_REG;
        saw_test += strcmp(e->d_name, "test") == 0 && e->d_type == DT_DIR;
        saw_dots += strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    }
    if (d)
        closedir(d);
    CHECK("readdir of /proc/boot lists its files and directories once each, with . and ..",
          saw_taskman == 1 && saw_test == 1 && saw_dots == 2 && n > 5);
    d = opendir("/proc/boot/test");
    int saw_hello = 0;
    while (d && (e = readdir(d)) != NULL)
        saw_hello += strcmp(e->d_name, "hello") == 0;
    CHECK("a directory of the boot image lists what is in it", d && saw_hello == 1);
    if (d) {
        rewinddir(d);
        saw_hello = 0;
        while ((e = readdir(d)) != NULL)
            saw_hello += strcmp(e->d_name, "hello") == 0;
        closedir(d);
    }
    CHECK("rewinddir starts the listing again", saw_hello == 1);
    CHECK("stat of a boot-image directory gives a directory",
          stat("/proc/boot/test", &st) == 0 && S_ISDIR(st.st_mode));
    CHECK("the boot image is / too", stat("/test/hello", &st) == 0 && S_ISREG(st.st_mode));
    CHECK("opendir of a file gives ENOTDIR",
          opendir("/proc/boot/taskman") == NULL && errno == ENOTDIR);
    CHECK("unlink in the boot image gives EROFS",
          unlink("/proc/boot/taskman") == -1 && errno == EROFS);
    CHECK("mkdir in the boot image gives EROFS", mkdir("/newdir", 0755) == -1 && errno == EROFS);
    CHECK("rename in the boot image gives EROFS",
          rename("/proc/boot/taskman", "/proc/boot/x") == -1 && errno == EROFS);
    CHECK("readlink of a file that is no link gives EINVAL",
          readlink("/proc/boot/taskman", (char[8]){0}, 8) == -1 && errno == EINVAL);
    CHECK("chmod of a boot-image file gives EROFS",
          chmod("/proc/boot/taskman", 0777) == -1 && errno == EROFS);
    fd = open("/dev/console", O_WRONLY);
    CHECK("/dev/console takes a write", write(fd, "tmtest: via /dev/console\n", 25) == 25);
    close(fd);
}

// Reads /proc/<pid>/status into buf (NUL-terminated); returns the bytes read, or -errno.
static int read_status(int pid, char *buf, size_t size)
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/status", pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -errno;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    buf[n > 0 ? n : 0] = '\0';
    return (int)n;
}

static void test_proc(void)
{
    char want[32], buf[256];
    snprintf(want, sizeof(want), "%d", getpid());
    DIR *d = opendir("/proc");
    int saw_self = 0, saw_taskman = 0, saw_boot = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        saw_self |= strcmp(e->d_name, want) == 0;
        saw_taskman |= strcmp(e->d_name, "1") == 0;
        saw_boot |= strcmp(e->d_name, "boot") == 0;
    }
    if (d)
        closedir(d);
    CHECK("readdir of /proc lists the caller, taskman and boot",
          saw_self && saw_taskman && saw_boot);
    struct stat st;
    CHECK("/proc is a directory", stat("/proc", &st) == 0 && S_ISDIR(st.st_mode));
    snprintf(want, sizeof(want), "/proc/%d", getpid());
    CHECK("/proc/<pid> is a directory", stat(want, &st) == 0 && S_ISDIR(st.st_mode));
    int n = read_status(getpid(), buf, sizeof(buf));
    snprintf(want, sizeof(want), "pid: %d\nppid: 1\n", getpid());
    CHECK("/proc/<pid>/status starts with the pid and parent",
          n > 0 && strncmp(buf, want, strlen(want)) == 0);
    snprintf(want, sizeof(want), "pgid: %d\n", getpgrp());
    CHECK("it gives the process group, state and name", strstr(buf, want) &&
                                                            strstr(buf, "state: blocked\n") &&
                                                            strstr(buf, "name: test/tmtest\n"));
    snprintf(want, sizeof(want), "/proc/%d/status", getpid());
    CHECK("fstat of a status file gives a regular file with its length",
          stat(want, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == n);
    CHECK("a status file cannot be opened for writing (EROFS)",
          open(want, O_WRONLY) == -1 && errno == EROFS);
    CHECK("taskman has a status file too",
          read_status(TASKMAN_PID, buf, sizeof(buf)) > 0 && strstr(buf, "name: taskman\n"));
    CHECK("a pid that does not exist gives ENOENT under /proc",
          read_status(99999, buf, sizeof(buf)) == -ENOENT && open("/proc/99999", O_RDONLY) == -1 &&
              errno == ENOENT);
    CHECK("a name under /proc that is not a pid gives ENOENT",
          open("/proc/abc", O_RDONLY) == -1 && errno == ENOENT && open("/proc/0", O_RDONLY) == -1 &&
              errno == ENOENT);
    snprintf(want, sizeof(want), "/proc/%d/nosuch", getpid());
    CHECK("a file under /proc/<pid> other than status gives ENOENT",
          open(want, O_RDONLY) == -1 && errno == ENOENT);
    CHECK("a name that only starts with boot is not under /proc/boot",
          open("/proc/boottaskman", O_RDONLY) == -1 && errno == ENOENT);

    char *hello[] = {"test/hello", "0", NULL};
    pid_t child = start(hello);
    bool zombie = false;
    for (int i = 0; i < 200 && !zombie && child > 0; i++) {
        zombie = read_status(child, buf, sizeof(buf)) > 0 && strstr(buf, "state: zombie\n");
        if (!zombie) {
            uint64_t ns = 5000000;
            TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
        }
    }
    CHECK("a child that ended shows as a zombie until waited for", zombie);
    int status;
    waitpid(child, &status, 0);
    CHECK("a child waited for is gone from /proc", read_status(child, buf, sizeof(buf)) == -ENOENT);
    char *ps[] = {"ps", NULL};
    CHECK("ps lists the processes and exits 0", run(ps) == 0);
}

// Runs path with argv and EXPECT=expect in the environment; returns its wait status, or the
// negated error of posix_spawn.
static int run_expecting(const char *path, char *const argv[], const char *expect)
{
    char env[256];
    snprintf(env, sizeof(env), "EXPECT=%s", expect);
    char *envp[] = {env, NULL};
    pid_t pid;
    int err = posix_spawn(&pid, path, NULL, NULL, argv, envp);
    if (err)
        return -err;
    int status = -1;
    return waitpid(pid, &status, 0) == pid ? status : -1;
}

static void test_scripts(void)
{
    char *plain[] = {"test/echo-args.sh", "one", "two words", NULL};
    int st = run_expecting("test/echo-args.sh", plain,
                           "/proc/boot/test/args|/test/echo-args.sh|one|two words");
    CHECK("a #! script runs its interpreter with the script's absolute path and arguments after "
          "it",
          st == 0);
    char *opt[] = {"args-opt", "z", NULL};
    st = run_expecting("/proc/boot/test/args-opt.sh", opt,
                       "/proc/boot/test/args|-x  y|/proc/boot/test/args-opt.sh|z");
    CHECK("the rest of the #! line is one argument, before the script's path", st == 0);
    char *none[] = {"x", NULL};
    CHECK("a script whose interpreter is missing gives ENOENT",
          run_expecting("test/no-interpreter.sh", none, "") == -ENOENT);
    CHECK("a script whose interpreter is a script gives ENOEXEC",
          run_expecting("test/nested.sh", none, "") == -ENOEXEC);
    CHECK("a script whose #! line is overlong gives ENOEXEC",
          run_expecting("test/long-line.sh", none, "") == -ENOEXEC);
    CHECK("a script whose #! line names no interpreter gives ENOEXEC",
          run_expecting("test/no-name.sh", none, "") == -ENOEXEC);
    char *hello[] = {"test/hello", "0", NULL};
    CHECK("taskman still spawns programs after the bad scripts", run(hello) == 0);
}

struct responsiveness {
    volatile int done;
    int answered, slowest_ms;
};

// While a spawn waits for a slow server, asks taskman something over and over and notes how
// long the longest answer took.
static void *ask_taskman(void *arg)
{
    struct responsiveness *r = arg;
    while (!r->done) {
        struct timespec a, b, nap = {0, 10000000};
        clock_gettime(CLOCK_MONOTONIC, &a);
        if (getppid() > 0)
            r->answered++;
        clock_gettime(CLOCK_MONOTONIC, &b);
        int ms = (int)((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000);
        if (ms > r->slowest_ms)
            r->slowest_ms = ms;
        nanosleep(&nap, NULL);
    }
    return NULL;
}

// Programs held by a server (rmserver), not the boot image: taskman reads them through it.
static void test_spawn_from_server(void)
{
    char *hello[] = {"program", "5", NULL};
    pid_t pid = -1;
    int err = posix_spawn(&pid, "/test/rm/program", NULL, NULL, hello, NULL);
    int st = 0;
    CHECK("a program a server holds is spawned, and runs",
          err == 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 5);
    char *plain[] = {"script", "one", NULL};
    st =
        run_expecting("/test/rm/script", plain, "/proc/boot/test/args|from-rm|/test/rm/script|one");
    CHECK("a #! script a server holds runs its interpreter", st == 0);
    CHECK("a file without an execute bit gives EACCES",
          posix_spawn(&pid, "/test/rm/noexec", NULL, NULL, hello, NULL) == EACCES);
    CHECK("an executable file that is no program gives ENOEXEC",
          posix_spawn(&pid, "/test/rm/garbage", NULL, NULL, hello, NULL) == ENOEXEC);
    CHECK("a missing file under a server's prefix gives ENOENT",
          posix_spawn(&pid, "/test/rm/none", NULL, NULL, hello, NULL) == ENOENT);
    struct responsiveness r = {0, 0, 0};
    pthread_t asker;
    pthread_create(&asker, NULL, ask_taskman, &r);
    err = posix_spawn(&pid, "/test/rm/slow", NULL, NULL, hello, NULL);
    r.done = 1;
    pthread_join(asker, NULL);
    CHECK("a program read slowly from a server still starts",
          err == 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 5);
    CHECK("taskman keeps answering others while it waits for that server",
          r.answered >= 5 && r.slowest_ms < 50);
}

static void test_resource_manager(void)
{
    char *argv[] = {"test/rmserver", NULL};
    pid_t server = start(argv);
    int fd = -1;
    for (int i = 0; i < 100 && fd < 0; i++) {
        fd = open("/test/rm/greeting", O_RDONLY);
        if (fd < 0) {
            uint64_t ns = 5000000;
            TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
        }
    }
    CHECK("a resource manager's prefix appears in the pathname space", fd >= 0);
    char buf[64] = {0};
    CHECK("its file reads as it serves it",
          read(fd, buf, sizeof(buf)) == 30 &&
              memcmp(buf, "hello from a resource manager\n", 30) == 0);
    CHECK("and then end of file", read(fd, buf, sizeof(buf)) == 0);
    CHECK("lseek back to the start works through the framework",
          lseek(fd, 6, SEEK_SET) == 6 && read(fd, buf, 4) == 4 && memcmp(buf, "from", 4) == 0);
    int sink = open("/test/rm/sink", O_RDWR);
    write(sink, "12345", 5);
    write(sink, "678", 3);
    lseek(sink, 0, SEEK_SET);
    memset(buf, 0, sizeof(buf));
    CHECK("writes reach the server", read(sink, buf, sizeof(buf)) == 1 && buf[0] == '8');
    CHECK("a file the server refuses to open gives its error",
          open("/test/rm/missing", O_RDONLY) == -1 && errno == ENOENT);
    test_spawn_from_server();
    CHECK("kill ends the server", kill(server, SIGTERM) == 0);
    int st;
    CHECK("the killed server is reported as ended by SIGTERM",
          waitpid(server, &st, 0) == server && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
    errno = 0;
    CHECK("a client's open file of the dead server gives an error, not a hang",
          read(fd, buf, 4) == -1 && errno == EBADF);
    CHECK("the dead server's prefix is gone",
          open("/test/rm/greeting", O_RDONLY) == -1 && errno == ENOENT);
    close(fd);
    close(sink);
    CHECK("kill of a process that does not exist gives ESRCH",
          kill(99999, SIGTERM) == -1 && errno == ESRCH);
    CHECK("kill of taskman is refused", kill(TASKMAN_PID, SIGKILL) == -1);
}

static void test_memory_and_identity(void)
{
    char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
    CHECK("mmap gives anonymous memory", p != MAP_FAILED);
    int zero = 1;
    for (int i = 0; p != MAP_FAILED && i < 3 * 4096; i++)
        zero &= p[i] == 0;
    CHECK("fresh mapped memory is zero", zero);
    if (p != MAP_FAILED) {
        memset(p, 0x5a, 3 * 4096);
        CHECK("mapped memory keeps what is written", p[3 * 4096 - 1] == 0x5a);
        CHECK("munmap returns it", munmap(p, 3 * 4096) == 0);
    }
    char *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
    CHECK("a second mapping does not overlap the first", q != MAP_FAILED && q != p);
    CHECK("mmap of a file is refused (ENODEV)",
          mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 0) == MAP_FAILED && errno == ENODEV);
    CHECK("mmap of 0 bytes gives EINVAL",
          mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANON, -1, 0) == MAP_FAILED && errno == EINVAL);
    CHECK("munmap of a range never mapped by mmap gives EINVAL",
          munmap((void *)0x10000, 4096) == -1 && errno == EINVAL);
    char *small = malloc(100), *big = malloc(3 << 20);
    CHECK("malloc gets memory from taskman's mmap, small and large", small && big);
    if (small && big) {
        memset(big, 7, 3 << 20);
        strcpy(small, "still here");
        CHECK("malloc'd memory holds what is written",
              big[(3 << 20) - 1] == 7 && strcmp(small, "still here") == 0);
    }
    free(big);
    free(small);
    char *again = malloc(64);
    CHECK("memory can be allocated again after free", again != NULL);
    free(again);
    struct utsname u;
    CHECK("uname names the system and machine",
          uname(&u) == 0 && strcmp(u.sysname, "QSOE") == 0 && strcmp(u.machine, "riscv64") == 0);
}

static pthread_key_t key;
static volatile int destructed;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static volatile int once_runs;

static void destructor(void *v)
{
    destructed += (int)(intptr_t)v;
}

static void run_once(void)
{
    once_runs++;
}

static void *worker(void *arg)
{
    pthread_once(&once, run_once);
    pthread_setspecific(key, (void *)(intptr_t)5);
    if (pthread_getspecific(key) != (void *)(intptr_t)5)
        return NULL;
    return (void *)((intptr_t)arg * 2);
}

static void test_program_break(void)
{
    char *start = sbrk(0);
    CHECK("sbrk(0) gives the break, just past the program's image",
          start != (void *)-1 && ((uintptr_t)start & 4095) == 0 && (uintptr_t)start < 0x1000000);
    char *got = sbrk(10000);
    CHECK("sbrk grows the break and returns the old one", got == start && sbrk(0) == start + 10000);
    memset(start, 0x5a, 10000);
    CHECK("the memory it gave can be written and read", start[0] == 0x5a && start[9999] == 0x5a);
    CHECK("brk moves it back", brk(start + 100) == 0 && sbrk(0) == start + 100);
    CHECK("what is left below the break keeps its contents", start[99] == 0x5a);
    errno = 0;
    CHECK("a break below the image is refused (ENOMEM)",
          brk(start - 4096) == -1 && errno == ENOMEM);
    CHECK("so is one past the limit", sbrk(2l << 30) == (void *)-1 && errno == ENOMEM);
    brk(start);
}

static void test_pthreads(void)
{
    pthread_key_create(&key, destructor);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)(intptr_t)(i + 1));
    int ok = 1;
    for (int i = 0; i < 4; i++) {
        void *v = NULL;
        ok &= pthread_join(t[i], &v) == 0 && v == (void *)(intptr_t)((i + 1) * 2);
    }
    CHECK("pthread_create and pthread_join pass arguments and results", ok);
    CHECK("thread-specific data destructors run when threads end", destructed == 20);
    CHECK("pthread_once runs its function once among four threads", once_runs == 1);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t d;
    CHECK("a detached thread starts", pthread_create(&d, &attr, worker, NULL) == 0);
    int jr = pthread_join(d, NULL);
    CHECK("a detached thread cannot be joined (EINVAL, or ESRCH once gone)",
          jr == EINVAL || jr == ESRCH);
    pthread_t late;
    pthread_create(&late, NULL, worker, NULL);
    CHECK("pthread_detach of a running thread succeeds", pthread_detach(late) == 0);
    CHECK("pthread_detach twice gives EINVAL",
          pthread_detach(late) == EINVAL || pthread_detach(late) == ESRCH);
    CHECK("pthread_self is the caller's tid", pthread_self() == __tls()->__tid);
}

static void test_credentials(void)
{
    CHECK("init runs as root (uid 0, gid 0)", getuid() == 0 && geteuid() == 0 && getgid() == 0);
    char *sleeper[] = {"test/family", "sleep", "100000", NULL};
    pid_t target = start(sleeper);
    char arg[16];
    snprintf(arg, sizeof(arg), "%d", target);
    char *cred[] = {"test/family", "cred", arg, NULL};
    int st = run(cred);
    CHECK("set*id follow POSIX, and an ordinary user may not signal root's processes",
          WIFEXITED(st) && WEXITSTATUS(st) == 0);
    CHECK("root may", kill(target, SIGKILL) == 0 && waitpid(target, &st, 0) == target);
}

static void test_groups_and_terminals(void)
{
    struct stat st;
    CHECK("a program starts with standard input, output and error open on the console",
          fstat(0, &st) == 0 && fstat(1, &st) == 0 && fstat(2, &st) == 0 && S_ISCHR(st.st_mode));
    CHECK("writing to standard output works", write(1, "tmtest: via fd 1\n", 17) == 17);
    CHECK("init leads its own process group", getpgrp() == getpid());
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    char *nap[] = {"test/family", "sleep", "100000", NULL};
    pid_t a, b;
    posix_spawn(&a, "test/family", NULL, &attr, nap, NULL);
    posix_spawn(&b, "test/family", NULL, NULL, nap, NULL);
    CHECK("setpgid puts a child into another group", setpgid(b, a) == 0);
    CHECK("kill of a process group ends every process in it", kill(-a, SIGTERM) == 0);
    int st1, st2;
    pid_t w1 = waitpid(a, &st1, 0), w2 = waitpid(b, &st2, 0);
    CHECK("both group members end by the signal",
          w1 == a && w2 == b && WIFSIGNALED(st1) && WTERMSIG(st2) == SIGTERM);
    CHECK("kill of an empty group gives ESRCH", kill(-a, SIGTERM) == -1 && errno == ESRCH);
    CHECK("setpgid of a process that is not ours gives ESRCH",
          setpgid(TASKMAN_PID, 5) == -1 && errno == ESRCH);
    int fd = open("/dev/null", O_RDWR);
    struct termios t;
    CHECK("/dev/null is not a terminal (ENOTTY)",
          !isatty(fd) && errno == ENOTTY && tcgetattr(fd, &t) == -1);
    close(fd);
}

static volatile sig_atomic_t last_signal, signal_count;
static volatile int last_code, last_pid, last_value;

static void on_signal(int sig, siginfo_t *info, void *context)
{
    (void)context;
    last_signal = sig;
    last_code = info->si_code;
    last_pid = info->si_pid;
    last_value = info->si_value.sival_int;
    signal_count++;
    volatile double x = 1.5; /* a handler may use the FPU; what it interrupted keeps its own */
    for (int i = 0; i < 10; i++)
        x = x * 1.25 - 0.5;
}

struct signaller {
    pid_t pid;
    int sig, times, gap_ms;
};

// A thread that blocks every signal and sends sig to the process now and then.
static void *signaller(void *arg)
{
    struct signaller *s = arg;
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    struct timespec gap = {0, (long)s->gap_ms * 1000000};
    for (int i = 0; i < s->times; i++) {
        nanosleep(&gap, NULL);
        kill(s->pid, s->sig);
    }
    return NULL;
}

// A floating-point sum that takes long enough for signals to land in the middle of it.
static double fp_work(void)
{
    double sum = 0, term = 1.0;
    for (int i = 0; i < 400000; i++) {
        term = term * 0.999999 + 0.000001 * i;
        sum += term / (i + 1.0);
    }
    return sum;
}

static void test_signals(void)
{
    struct sigaction act = {0}, old;
    act.sa_sigaction = on_signal;
    act.sa_flags = SA_SIGINFO;
    CHECK("sigaction installs a handler", sigaction(SIGUSR1, &act, &old) == 0);
    CHECK("the old disposition was the default", old.sa_handler == SIG_DFL);
    signal_count = 0;
    CHECK("raise runs the handler before it returns",
          raise(SIGUSR1) == 0 && signal_count == 1 && last_signal == SIGUSR1);
    CHECK("the handler is told the signal came from kill (SI_USER)", last_code == SI_USER);
    CHECK("kill of one's own pid through taskman runs the handler, with the sender's pid",
          kill(getpid(), SIGUSR1) == 0 && signal_count == 2 && last_pid == getpid());
    sigset_t set, was;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &was);
    raise(SIGUSR1);
    CHECK("a blocked signal waits", signal_count == 2);
    sigprocmask(SIG_SETMASK, &was, NULL);
    CHECK("and runs its handler once it is unblocked", signal_count == 3);
    CHECK("signal sets the disposition and gives the old one",
          signal(SIGTERM, SIG_IGN) == SIG_DFL && kill(getpid(), SIGTERM) == 0);
    CHECK("an ignored signal does nothing", signal(SIGTERM, SIG_DFL) == SIG_IGN);

    errno = 0;
    CHECK("SIGKILL cannot be caught (EINVAL)",
          sigaction(SIGKILL, &act, NULL) == -1 && errno == EINVAL);
    CHECK("nor SIGSTOP", sigaction(SIGSTOP, &act, NULL) == -1 && errno == EINVAL);
    CHECK("signal 0 and signals past 31 are EINVAL",
          sigaction(0, &act, NULL) == -1 && sigaction(32, &act, NULL) == -1 && errno == EINVAL);
    CHECK("sigprocmask with a bad how is EINVAL",
          sigprocmask(77, &set, NULL) == -1 && errno == EINVAL);
    CHECK("sigaction with a bad pointer is EFAULT",
          sigaction(SIGUSR1, (struct sigaction *)16, NULL) == -1 && errno == EFAULT);
    struct sigaction kernel_handler = act;
    kernel_handler.sa_handler = (void (*)(int))0xffffffc080200000ul;
    CHECK("a handler outside user space is EINVAL",
          sigaction(SIGUSR1, &kernel_handler, NULL) == -1 && errno == EINVAL);
    CHECK("an ordinary process cannot signal another through the kernel (EPERM)",
          SignalKill(0, 1, 0, SIGTERM, 0, 0) == -1 && errno == EPERM);
    CHECK("kill with a signal past 31 is EINVAL", kill(getpid(), 64) == -1 && errno == EINVAL);
    struct _proc_kinfo pk;
    struct _sys_kinfo sk;
    CHECK("ProcInfo and SysInfo are taskman's alone (EPERM)",
          ProcInfo(0, &pk) == -1 && errno == EPERM && SysInfo(&sk) == -1 && errno == EPERM);

    /* A sleep interrupted by a signal from another thread ends early with EINTR. */
    pthread_t th;
    struct signaller s = {getpid(), SIGUSR1, 1, 30};
    pthread_create(&th, NULL, signaller, &s);
    struct timespec nap = {2, 0}, rem = {0, 0};
    int before = signal_count;
    int r = nanosleep(&nap, &rem);
    CHECK("a signal ends nanosleep early with EINTR and the time left",
          r == -1 && errno == EINTR && rem.tv_sec >= 1 && signal_count == before + 1);
    pthread_join(th, NULL);

    /* Signals landing in the middle of floating-point work leave its registers alone. */
    double quiet = fp_work();
    s = (struct signaller){getpid(), SIGUSR1, 20, 1};
    pthread_create(&th, NULL, signaller, &s);
    before = signal_count;
    double noisy = fp_work();
    pthread_join(th, NULL);
    CHECK("handlers using the FPU in the middle of FP work leave its result exact",
          noisy == quiet && signal_count > before);
    signal(SIGUSR1, SIG_DFL);

    /* A timer's SIGEV_SIGNAL event. */
    sigaction(SIGUSR2, &act, NULL);
    struct sigevent ev = {0};
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR2;
    ev.sigev_value.sival_int = 77;
    int timer = TimerCreate(CLOCK_MONOTONIC, &ev);
    struct _itimer it = {20000000, 0};
    TimerSettime(timer, 0, &it, NULL);
    before = signal_count;
    r = nanosleep(&nap, NULL);
    CHECK("a timer's SIGEV_SIGNAL event runs the handler with its value",
          r == -1 && errno == EINTR && signal_count == before + 1 && last_signal == SIGUSR2 &&
              last_code == SI_QUEUE && last_value == 77);
    TimerDestroy(timer);
    ev.sigev_signo = 40;
    CHECK("a SIGEV_SIGNAL event with a bad signal number is refused (EINVAL)",
          TimerCreate(CLOCK_MONOTONIC, &ev) == -1 && errno == EINVAL);
    signal(SIGUSR2, SIG_DFL);

    char *catcher[] = {"test/family", "catch", "3000", NULL};
    pid_t child = start(catcher);
    struct timespec wait_start = {0, 100000000};
    nanosleep(&wait_start, NULL);
    int st = 0;
    CHECK("a child's handler catches SIGTERM",
          kill(child, SIGTERM) == 0 && waitpid(child, &st, 0) == child && WIFEXITED(st) &&
              WEXITSTATUS(st) == 100 + SIGTERM);
    char *sleeper[] = {"test/family", "sleep", "3000", NULL};
    child = start(sleeper);
    CHECK("a signal with no handler ends the process with that signal",
          kill(child, SIGUSR2) == 0 && waitpid(child, &st, 0) == child && WIFSIGNALED(st) &&
              WTERMSIG(st) == SIGUSR2);
    child = start(sleeper);
    CHECK("SIGCHLD's default is to do nothing",
          kill(child, SIGCHLD) == 0 && waitpid(child, &st, WNOHANG) == 0);
    kill(child, SIGKILL);
    waitpid(child, &st, 0);
    CHECK("SIGKILL ends it", WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);

    signal(SIGINT, SIG_IGN);
    char *ignored[] = {"test/family", "ignored", "2", NULL};
    st = run(ignored);
    CHECK("an ignored signal stays ignored in a spawned child", st == 0);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t def;
    sigemptyset(&def);
    sigaddset(&def, SIGINT);
    posix_spawnattr_setsigdefault(&attr, &def);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
    pid_t pid;
    posix_spawn(&pid, "/proc/boot/test/family", NULL, &attr, ignored, NULL);
    waitpid(pid, &st, 0);
    CHECK("POSIX_SPAWN_SETSIGDEF gives the child the default instead",
          WIFEXITED(st) && WEXITSTATUS(st) == 1);
    signal(SIGINT, SIG_DFL);
}

int main(void)
{
    printf("tmtest: taskman test suite, pid %d\n", getpid());
    test_spawn_and_wait();
    test_wait_forms();
    test_orphans();
    test_bad_messages();
    test_taskman_files();
    test_proc();
    test_scripts();
    test_resource_manager();
    test_memory_and_identity();
    test_pthreads();
    test_groups_and_terminals();
    test_signals();
    test_program_break();
    test_credentials();
    printf("tmtest: %d failure%s\n", failures, failures == 1 ? "" : "s");
    return failures;
}
