/*
 * The servers' test suite, run by taskman as init (run=test/srvtest): it starts the pipe
 * manager and the slogger itself, then checks pipe semantics (blocking both ways, end of file,
 * EPIPE, atomic PIPE_BUF writes, pipes between processes, standard descriptors a child inherits,
 * a killed manager) and the system log (order, overflow, sloginfo). Its exit status is its number
 * of failures.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/slog.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PIPE_SIZE 8192 /* what the pipe manager buffers (servers/pipe/pipe.c) */
#define PIPE_BUF  512
#define S_IFIFO   0010000
#define MS        1000000ull
#define GUARD_NS  (5000 * MS) /* no blocking call here should wait this long */

static int failures;

#define CHECK(name, cond)                                                                          \
    do {                                                                                           \
        if (cond) {                                                                                \
            printf("PASS servers: %s\n", name);                                                    \
        } else {                                                                                   \
            printf("FAIL servers: %s (%s, line %d)\n", name, #cond, __LINE__);                     \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static char buf[8192];

static uint64_t now(void)
{
    uint64_t t = 0;
    ClockTime(CLOCK_MONOTONIC, NULL, &t);
    return t;
}

/*
 * Sleeps. The ClockTime after the sleep is there because Skimmer leaves a sleep's expired
 * timeout marked as fired until some other kernel call clears it, and a TimerTimeout armed
 * before that (guard below) then ends the next message exchange at once (docs/io.md, Tests).
 */
static void nap(uint64_t ns)
{
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
    now();
}

// Bounds the next message exchange, so that a pipe that never answers fails a check (ETIMEDOUT)
// instead of hanging the suite.
static void guard(void)
{
    uint64_t ns = GUARD_NS;
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_REPLY, NULL, &ns, NULL);
}

static ssize_t g_read(int fd, void *p, size_t n)
{
    guard();
    return read(fd, p, n);
}

static ssize_t g_write(int fd, const void *p, size_t n)
{
    guard();
    return write(fd, p, n);
}

static pid_t start(char *const argv[])
{
    pid_t pid = -1;
    int err = posix_spawn(&pid, argv[0], NULL, NULL, argv, NULL);
    return err ? -err : pid;
}

// Starts a server and waits (up to a second) for its prefix to appear.
static pid_t start_server(char *name, const char *path)
{
    char *argv[] = {name, NULL};
    pid_t pid = start(argv);
    int fd = -1;
    for (int i = 0; i < 200 && pid > 0 && fd < 0; i++) {
        fd = open(path, O_RDONLY);
        if (fd < 0)
            nap(5 * MS);
    }
    if (fd < 0)
        return -1;
    close(fd);
    return pid;
}

/* ---- Threads that do one blocking thing after a delay ---------------------------------- */

struct job {
    int fd;
    const void *data;
    size_t n;
    uint64_t delay;
    pid_t pid;
    ssize_t result;
    int err;
    int finished;
};

static void thread_exit(void *status)
{
    ThreadDestroy(0, -1, status);
}

static int thread_start(void *(*fn)(void *), void *arg)
{
    struct _thread_attr a = {0};
    a.__exitfunc = thread_exit;
    return ThreadCreate(0, fn, arg, &a);
}

static void finish(struct job *j, ssize_t result)
{
    j->result = result;
    j->err = result < 0 ? errno : 0;
    __atomic_store_n(&j->finished, 1, __ATOMIC_RELEASE);
}

static void *write_job(void *arg)
{
    struct job *j = arg;
    nap(j->delay);
    finish(j, g_write(j->fd, j->data, j->n));
    return NULL;
}

static void *close_job(void *arg)
{
    struct job *j = arg;
    nap(j->delay);
    finish(j, close(j->fd));
    return NULL;
}

static void *kill_job(void *arg)
{
    struct job *j = arg;
    nap(j->delay);
    finish(j, kill(j->pid, SIGTERM));
    return NULL;
}

static int finished(struct job *j)
{
    return __atomic_load_n(&j->finished, __ATOMIC_ACQUIRE);
}

// Reads exactly n bytes (less only at end of file or on an error).
static size_t read_fully(int fd, char *p, size_t n, size_t piece)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = g_read(fd, p + got, n - got < piece ? n - got : piece);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    return got;
}

/* ---- Pipes --------------------------------------------------------------------------------- */

static void test_pipe_basics(void)
{
    int fds[2] = {-1, -1};
    CHECK("pipe() gives two descriptors",
          pipe(fds) == 0 && fds[0] >= 0 && fds[1] >= 0 && fds[0] != fds[1]);
    CHECK("bytes written to a pipe come back from its read end",
          g_write(fds[1], "hello, pipe", 11) == 11 && g_read(fds[0], buf, sizeof(buf)) == 11 &&
              memcmp(buf, "hello, pipe", 11) == 0);
    g_write(fds[1], "abc", 3);
    struct stat rd, wr;
    CHECK("fstat of a pipe end shows a FIFO holding the unread bytes",
          fstat(fds[0], &rd) == 0 && (rd.st_mode & S_IFMT) == S_IFIFO && rd.st_size == 3);
    CHECK("both ends name the same pipe by st_ino",
          fstat(fds[1], &wr) == 0 && wr.st_ino == rd.st_ino && rd.st_ino != 0);
    CHECK("a read takes no more than it asks for",
          g_read(fds[0], buf, 2) == 2 && memcmp(buf, "ab", 2) == 0);
    errno = 0;
    CHECK("the read end refuses writes (EBADF)", write(fds[0], "x", 1) == -1 && errno == EBADF);
    errno = 0;
    CHECK("the write end refuses reads (EBADF)", read(fds[1], buf, 1) == -1 && errno == EBADF);
    errno = 0;
    CHECK("a pipe id nobody has gives ENOENT",
          open("/dev/pipe/999999", O_RDONLY) == -1 && errno == ENOENT);
    errno = 0;
    CHECK("a pipe name that is not a number gives ENOENT",
          open("/dev/pipe/x1", O_RDONLY) == -1 && errno == ENOENT);
    close(fds[1]);
    CHECK("bytes written before the writer closed are still read",
          g_read(fds[0], buf, sizeof(buf)) == 1 && buf[0] == 'c');
    CHECK("then the reader gets end of file", g_read(fds[0], buf, sizeof(buf)) == 0);
    close(fds[0]);
    char path[32];
    snprintf(path, sizeof(path), "/dev/pipe/%lu", (unsigned long)rd.st_ino);
    errno = 0;
    CHECK("a pipe whose ends have all closed is gone",
          open(path, O_RDONLY) == -1 && errno == ENOENT);
}

static void test_blocking_reader(void)
{
    int fds[2];
    pipe(fds);
    struct job j = {.fd = fds[1], .data = "wake up", .n = 7, .delay = 50 * MS};
    int tid = thread_start(write_job, &j);
    uint64_t t0 = now();
    ssize_t n = g_read(fds[0], buf, sizeof(buf));
    uint64_t waited = now() - t0;
    ThreadJoin(tid, NULL);
    CHECK("a reader blocked on an empty pipe is woken by a write from another thread",
          tid > 0 && n == 7 && memcmp(buf, "wake up", 7) == 0 && waited >= 30 * MS);
    struct job c = {.fd = fds[1], .delay = 50 * MS};
    tid = thread_start(close_job, &c);
    n = g_read(fds[0], buf, sizeof(buf));
    ThreadJoin(tid, NULL);
    CHECK("a reader blocked on an empty pipe gets end of file when the last writer closes",
          n == 0 && c.result == 0);
    close(fds[0]);
}

static void test_blocking_writer(void)
{
    static char full[PIPE_SIZE];
    memset(full, 'f', sizeof(full));
    int fds[2];
    pipe(fds);
    CHECK("an empty pipe takes 8 KiB without blocking",
          g_write(fds[1], full, sizeof(full)) == (ssize_t)sizeof(full));
    struct job j = {.fd = fds[1], .data = "more", .n = 4};
    int tid = thread_start(write_job, &j);
    nap(50 * MS);
    int was_blocked = !finished(&j);
    ssize_t n = g_read(fds[0], buf, 4096);
    ThreadJoin(tid, NULL);
    CHECK("a writer blocked on a full pipe is released when a reader drains it",
          was_blocked && n == 4096 && j.result == 4);
    size_t rest = read_fully(fds[0], buf, 4100, 4096);
    CHECK("the released writer's bytes follow the ones before them",
          rest == 4100 && buf[4095] == 'f' && memcmp(buf + 4096, "more", 4) == 0);
    close(fds[0]);
    close(fds[1]);
}

static void test_epipe(void)
{
    static char full[PIPE_SIZE + 4000];
    memset(full, 'e', sizeof(full));
    int fds[2];
    pipe(fds);
    close(fds[0]);
    errno = 0;
    CHECK("a write with no reader left fails with EPIPE (no SIGPIPE: there are no signals yet)",
          write(fds[1], "x", 1) == -1 && errno == EPIPE);
    close(fds[1]);

    pipe(fds);
    g_write(fds[1], full, PIPE_SIZE);
    struct job j = {.fd = fds[1], .data = "late", .n = 4};
    int tid = thread_start(write_job, &j);
    nap(50 * MS);
    int was_blocked = !finished(&j);
    close(fds[0]);
    ThreadJoin(tid, NULL);
    CHECK("a writer blocked on a full pipe gets EPIPE when the last reader closes",
          was_blocked && j.result == -1 && j.err == EPIPE);
    close(fds[1]);

    pipe(fds);
    struct job big = {.fd = fds[1], .data = full, .n = sizeof(full)};
    tid = thread_start(write_job, &big);
    nap(50 * MS);
    close(fds[0]);
    ThreadJoin(tid, NULL);
    CHECK("a long write cut short by the last reader closing returns the bytes it wrote",
          big.result == PIPE_SIZE);
    close(fds[1]);
}

#define ATOMIC_BLOCKS 48

struct block_writer {
    int fd;
    char fill;
    int written;
};

static void *write_blocks(void *arg)
{
    struct block_writer *w = arg;
    char block[PIPE_BUF];
    memset(block, w->fill, sizeof(block));
    for (int i = 0; i < ATOMIC_BLOCKS; i++)
        if (g_write(w->fd, block, sizeof(block)) == (ssize_t)sizeof(block))
            w->written++;
    return NULL;
}

static void test_atomic_writes(void)
{
    static char stream[2 * ATOMIC_BLOCKS * PIPE_BUF];
    int fds[2];
    pipe(fds);
    struct block_writer a = {fds[1], 'a', 0}, b = {fds[1], 'b', 0};
    int ta = thread_start(write_blocks, &a);
    int tb = thread_start(write_blocks, &b);
    /* both writers wait on the full pipe; reads smaller than a block then free room in
       amounts that do not fit one */
    nap(50 * MS);
    size_t got = read_fully(fds[0], stream, sizeof(stream), 300);
    ThreadJoin(ta, NULL);
    ThreadJoin(tb, NULL);
    int whole = 0, as = 0, bs = 0;
    for (size_t blk = 0; blk + PIPE_BUF <= got; blk += PIPE_BUF) {
        int same = 1;
        for (size_t i = 1; i < PIPE_BUF; i++)
            same &= stream[blk + i] == stream[blk];
        whole += same;
        as += same && stream[blk] == 'a';
        bs += same && stream[blk] == 'b';
    }
    CHECK("writes of PIPE_BUF bytes from two threads are never interleaved",
          got == sizeof(stream) && whole == 2 * ATOMIC_BLOCKS && as == ATOMIC_BLOCKS &&
              bs == ATOMIC_BLOCKS && a.written == ATOMIC_BLOCKS && b.written == ATOMIC_BLOCKS);
    close(fds[0]);
    close(fds[1]);
}

static void test_between_processes(void)
{
    static char text[] = "a line from another process\n";
    static char got[28 * 400];
    int fds[2];
    pipe(fds);
    struct stat st;
    fstat(fds[0], &st);
    char path[32];
    snprintf(path, sizeof(path), "/dev/pipe/%lu", (unsigned long)st.st_ino);
    char *argv[] = {"test/pipewriter", path, text, "400", NULL};
    pid_t child = start(argv);
    size_t n = read_fully(fds[0], got, sizeof(got), 1000);
    int same = n == sizeof(got);
    for (size_t i = 0; i < n; i++)
        same &= got[i] == text[i % (sizeof(text) - 1)];
    CHECK("a child process writes into a pipe opened by its name, waiting while it is full",
          child > 0 && same);
    close(fds[1]);
    int status = -1;
    CHECK("the child writer exits normally",
          waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK("the reader gets end of file once the writing process has ended without closing",
          g_read(fds[0], buf, 1) == 0);
    close(fds[0]);
}

static long fd_type(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 ? (long)(st.st_mode & S_IFMT) : -1;
}

// Makes the console descriptor 1 again, after a test that took descriptor 1 away.
static void restore_stdout(void)
{
    close(1);
    open("/dev/console", O_WRONLY);
}

// A child gets the parent's descriptors 0-2 (docs/taskman.md): with the parent's standard
// output on a pipe, the child's goes into that pipe; a descriptor the parent has closed is
// closed in the child too.
static void test_inherited_stdio(void)
{
    int fds[2];
    struct stat st;
    char path[32], expect[80];
    pipe(fds);
    fstat(fds[0], &st);
    snprintf(path, sizeof(path), "/dev/pipe/%lu", (unsigned long)st.st_ino);
    fflush(stdout);
    close(1);
    int out = open(path, O_WRONLY); /* the lowest free descriptor: 1 */
    snprintf(expect, sizeof(expect), "stdio_child %ld %ld %ld\n", fd_type(0), fd_type(1),
             fd_type(2));
    char *argv[] = {"test/stdio_child", NULL};
    pid_t child = start(argv);
    restore_stdout();
    close(fds[1]);
    CHECK("the parent's pipe end became its descriptor 1", out == 1);
    CHECK("a child is spawned with its standard output on the parent's pipe", child > 0);
    memset(buf, 0, 128);
    ssize_t n = read_fully(fds[0], buf, strlen(expect), 64);
    CHECK("the child's line comes out of the pipe, its descriptors 0-2 of the parent's kinds",
          n == (ssize_t)strlen(expect) && memcmp(buf, expect, (size_t)n) == 0);
    int status = -1;
    waitpid(child, &status, 0);
    CHECK("the child had descriptors 0, 1 and 2 open",
          WIFEXITED(status) && WEXITSTATUS(status) == 7);
    CHECK("the pipe reaches end of file when the child, its last writer, ends",
          g_read(fds[0], buf, 1) == 0);
    close(fds[0]);

    fflush(stdout);
    close(1);
    child = start(argv);
    restore_stdout();
    status = -1;
    waitpid(child, &status, 0);
    CHECK("a descriptor the parent has closed is closed in the child",
          child > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 5);
    CHECK("and the parent's own descriptor 1 is back on the console", fd_type(1) == fd_type(2));
}

// posix_spawn file actions shape the child's descriptors 0-2 without touching the parent's.
static void test_file_actions(void)
{
    int fds[2];
    pipe(fds);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, 2);
    char *argv[] = {"test/stdio_child", NULL};
    pid_t child;
    int err = posix_spawn(&child, "/proc/boot/test/stdio_child", &fa, NULL, argv, NULL);
    CHECK("posix_spawn takes open, dup2 and close file actions", err == 0);
    close(fds[1]);
    memset(buf, 0, 128);
    ssize_t n = read_fully(fds[0], buf, 64, 64);
    char expect[32];
    snprintf(expect, sizeof(expect), "stdio_child %ld ", (long)S_IFCHR);
    CHECK("the child's descriptor 0 is the opened /dev/null and its 1 is the pipe",
          n > 0 && strncmp(buf, expect, strlen(expect)) == 0);
    CHECK("the closed descriptor 2 is closed in the child", n > 0 && strstr(buf, " -1\n") != NULL);
    int status = -1;
    waitpid(child, &status, 0);
    CHECK("the child saw descriptors 0 and 1 open and 2 closed",
          WIFEXITED(status) && WEXITSTATUS(status) == 3);
    CHECK("the parent's own descriptors are untouched",
          fd_type(1) == fd_type(2) && fd_type(0) >= 0);
    close(fds[0]);
    pipe(fds);
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_adddup2(&fa, 1, 2); /* "2>&1": 1 as the earlier action left it */
    err = posix_spawn(&child, "/proc/boot/test/stdio_child", &fa, NULL, argv, NULL);
    close(fds[1]);
    memset(buf, 0, 128);
    n = read_fully(fds[0], buf, 64, 64);
    snprintf(expect, sizeof(expect), " %ld %ld\n", (long)S_IFIFO, (long)S_IFIFO);
    CHECK("dup2 actions apply in order: 1 to the pipe, then 2 to what 1 now is",
          err == 0 && n > 0 && strstr(buf, expect) != NULL);
    waitpid(child, &status, 0);
    close(fds[0]);
    posix_spawn_file_actions_t bad;
    posix_spawn_file_actions_init(&bad);
    CHECK("a file action for a descriptor past OPEN_MAX is refused (EBADF)",
          posix_spawn_file_actions_adddup2(&bad, 1, OPEN_MAX) == EBADF);
    posix_spawn_file_actions_addopen(&bad, 1, "/nowhere/at/all", O_WRONLY, 0);
    CHECK("an open action on a missing file fails the spawn with ENOENT",
          posix_spawn(&child, "/proc/boot/test/stdio_child", &bad, NULL, argv, NULL) == ENOENT);
    posix_spawn_file_actions_init(&bad);
    posix_spawn_file_actions_adddup2(&bad, 40, 1);
    CHECK("a dup2 action from a descriptor the parent lacks fails with EBADF",
          posix_spawn(&child, "/proc/boot/test/stdio_child", &bad, NULL, argv, NULL) == EBADF);
}

// Runs test/stdio_child with its output on a pipe and the given file actions, asking about
// descriptor n; leaves its line in buf. Returns its exit status, or -1.
static int child_line(posix_spawn_file_actions_t *fa, int n)
{
    int fds[2];
    if (pipe(fds) < 0)
        return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    posix_spawn_file_actions_adddup2(fa, fds[1], 1);
    posix_spawn_file_actions_addclose(fa, fds[1]);
    char arg[16];
    snprintf(arg, sizeof(arg), "%d", n);
    char *argv[] = {"test/stdio_child", arg, NULL};
    pid_t child;
    int err = posix_spawn(&child, "/proc/boot/test/stdio_child", fa, NULL, argv, NULL);
    close(fds[1]);
    memset(buf, 0, 256);
    read_fully(fds[0], buf, 255, 255);
    close(fds[0]);
    int status = -1;
    if (err || waitpid(child, &status, 0) != child)
        return -1;
    return status;
}

// Every descriptor without close-on-exec goes to a child, at the same number; file actions
// may name any descriptor; the working directory goes too.
static void test_inherited_descriptors(void)
{
    char expect[64];
    int fd = open("/dev/null", O_RDONLY);
    int high = fcntl(fd, F_DUPFD, 20);
    CHECK("F_DUPFD gives the lowest free descriptor from its argument up", high == 20);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    child_line(&fa, high);
    snprintf(expect, sizeof(expect), " 20:%ld cwd=/\n", (long)S_IFCHR);
    CHECK("a descriptor above 2 is inherited at the same number", strstr(buf, expect) != NULL);
    posix_spawn_file_actions_destroy(&fa);

    CHECK("F_GETFD of a new descriptor is 0", fcntl(high, F_GETFD) == 0);
    CHECK("F_SETFD sets close-on-exec",
          fcntl(high, F_SETFD, FD_CLOEXEC) == 0 && fcntl(high, F_GETFD) == FD_CLOEXEC);
    posix_spawn_file_actions_init(&fa);
    child_line(&fa, high);
    CHECK("a close-on-exec descriptor is not inherited", strstr(buf, " 20:-1 ") != NULL);
    posix_spawn_file_actions_destroy(&fa);

    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fd, 9);
    child_line(&fa, 9);
    snprintf(expect, sizeof(expect), " 9:%ld ", (long)S_IFCHR);
    CHECK("a dup2 action may make any descriptor of the child", strstr(buf, expect) != NULL);
    posix_spawn_file_actions_destroy(&fa);

    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addclose(&fa, fd);
    snprintf(expect, sizeof(expect), " %d:-1 ", fd);
    child_line(&fa, fd);
    CHECK("a close action keeps an inherited descriptor from the child",
          strstr(buf, expect) != NULL && fd_type(fd) == S_IFCHR);
    posix_spawn_file_actions_destroy(&fa);

    CHECK("chdir to a directory succeeds", chdir("/proc/boot") == 0);
    char cwd[64];
    CHECK("getcwd gives it", getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/proc/boot") == 0);
    CHECK("a relative name is taken from it", access("test/stdio_child", X_OK) == 0);
    CHECK("chdir(\"..\") goes up one name",
          chdir("..") == 0 && strcmp(getcwd(cwd, sizeof(cwd)), "/proc") == 0);
    CHECK("getcwd into too small a buffer gives ERANGE", getcwd(cwd, 3) == NULL && errno == ERANGE);
    CHECK("chdir to a file gives ENOTDIR", chdir("/dev/null") == -1 && errno == ENOTDIR);
    posix_spawn_file_actions_init(&fa);
    child_line(&fa, 0);
    CHECK("a child starts in its parent's working directory", strstr(buf, " cwd=/proc\n") != NULL);
    posix_spawn_file_actions_destroy(&fa);
    chdir("/");

    int copy = dup(fd);
    CHECK("dup gives the lowest free descriptor, the same file",
          copy > fd && fd_type(copy) == S_IFCHR);
    CHECK("dup2 onto an open descriptor replaces it", dup2(fd, copy) == copy);
    CHECK("dup2 of a closed descriptor gives EBADF", dup2(77, copy) == -1 && errno == EBADF);
    CHECK("dup2 of a descriptor onto itself gives it back", dup2(fd, fd) == fd);
    CHECK("F_GETFL gives the open mode", (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDONLY);
    CHECK("rename from one server's name to another's gives EXDEV",
          rename("/dev/pipe", "/proc/boot/x") == -1 && errno == EXDEV);
    close(copy);
    close(high);
    close(fd);
}

static void test_manager_killed(pid_t manager)
{
    int fds[2];
    pipe(fds);
    struct job k = {.pid = manager, .delay = 50 * MS};
    int tid = thread_start(kill_job, &k);
    errno = 0;
    ssize_t n = g_read(fds[0], buf, 1);
    int err = errno;
    ThreadJoin(tid, NULL);
    CHECK("a client blocked in read gets ESRCH, not a hang, when the pipe manager is killed",
          k.result == 0 && n == -1 && err == ESRCH);
    int status;
    CHECK("the killed pipe manager is reported as ended by SIGTERM",
          waitpid(manager, &status, 0) == manager && WIFSIGNALED(status));
    close(fds[0]);
    close(fds[1]);
    errno = 0;
    CHECK("with no pipe manager pipe() fails with ENOENT", pipe(fds) == -1 && errno == ENOENT);
}

/* ---- The system log ------------------------------------------------------------------------ */

static char logtext[80 * 1024];

// Reads what fd has left of the log into logtext, NUL-terminated; returns its length.
static size_t read_log(int fd)
{
    size_t n = read_fully(fd, logtext, sizeof(logtext) - 1, 1000);
    logtext[n] = '\0';
    return n;
}

// The next line of the text at *p (without its newline, which becomes a NUL), or NULL.
static char *next_line(char **p)
{
    char *line = *p, *nl = strstr(line, "\n");
    if (!nl)
        return NULL;
    *nl = '\0';
    *p = nl + 1;
    return line;
}

// The part of a log line after its timestamp.
static const char *after_time(const char *line)
{
    const char *s = line;
    while (*s && *s != ' ')
        s++;
    return *s ? s + 1 : s;
}

static void test_slog_order(void)
{
    int fd = open("/dev/slog", O_RDWR);
    CHECK("/dev/slog opens for reading and writing", fd >= 0);
    CHECK("lseek to the end of the log works", lseek(fd, 0, SEEK_END) > 0);
    int sent = 0;
    for (int i = 0; i < 5; i++)
        sent +=
            slogf(_SLOG_SETCODE(_SLOGC_TEST, 7), _SLOG_NOTICE, "srvtest: record %d of 5", i) > 0;
    CHECK("slogf writes records", sent == 5);
    read_log(fd);
    char *p = logtext, *line;
    int in_order = 0, lines = 0;
    char want[64];
    while ((line = next_line(&p)) != NULL) {
        snprintf(want, sizeof(want), "%d 4 0 7 srvtest: record %d of 5", getpid(), lines);
        in_order += strcmp(after_time(line), want) == 0;
        lines++;
    }
    CHECK("slogf records come back in order, one line each with pid, severity and code",
          in_order == 5 && lines == 5);
    CHECK("write gives the bytes it was given", write(fd, "plain words\n", 12) == 12);
    slogf(_SLOG_SETCODE(_SLOGC_TEST, 1), _SLOG_WARNING, "two\nlines");
    read_log(fd);
    p = logtext;
    char plain[48], two[48];
    snprintf(plain, sizeof(plain), "%d 5 0 0 plain words", getpid());
    snprintf(two, sizeof(two), "%d 3 0 1 two lines", getpid());
    line = next_line(&p);
    CHECK("a plain write is one record of severity INFO and code 0",
          line && strcmp(after_time(line), plain) == 0);
    line = next_line(&p);
    CHECK("a newline inside a record's text becomes a space",
          line && strcmp(after_time(line), two) == 0 && next_line(&p) == NULL);
    errno = 0;
    CHECK("slogf with a severity above 7 gives EINVAL",
          slogf(0, 8, "too severe") == -1 && errno == EINVAL);
    close(fd);
    char *argv[] = {"sloginfo", NULL};
    pid_t pid = start(argv);
    int status = -1;
    CHECK("sloginfo prints the log and exits with 0", pid > 0 && waitpid(pid, &status, 0) == pid &&
                                                          WIFEXITED(status) &&
                                                          WEXITSTATUS(status) == 0);
}

// The record number of a "srvtest fill" line, or -1.
static int fill_number(const char *line)
{
    const char *s = strstr(line, "srvtest fill ");
    if (!s)
        return -1;
    int n = 0;
    for (s += 13; *s >= '0' && *s <= '9'; s++)
        n = n * 10 + (*s - '0');
    return n;
}

static void test_slog_overflow(void)
{
    int behind = open("/dev/slog", O_RDONLY);
    static char pad[401];
    memset(pad, 'x', sizeof(pad) - 1);
    int sent = 0;
    for (int i = 0; i < 200; i++)
        sent +=
            slogf(_SLOG_SETCODE(_SLOGC_TEST, 2), _SLOG_DEBUG1, "srvtest fill %d %s", i, pad) > 0;
    int fd = open("/dev/slog", O_RDONLY);
    size_t total = read_log(fd);
    close(fd);
    char *p = logtext, *line;
    int first = -1, last = -1, contiguous = 1, lines = 0, timed = 1;
    while ((line = next_line(&p)) != NULL) {
        int n = fill_number(line);
        lines++;
        timed &= line[0] >= '0' && line[0] <= '9';
        if (n < 0)
            continue;
        if (first < 0)
            first = n;
        else
            contiguous &= n == last + 1;
        last = n;
    }
    CHECK("200 records of 440 bytes are all accepted", sent == 200);
    CHECK("when the log overflows it keeps the newest records, dropping the oldest",
          first > 0 && last == 199 && contiguous);
    CHECK("the log holds at most 64 KiB, in whole lines",
          total <= 64 * 1024 && total > 60 * 1024 && timed && *p == '\0');
    ssize_t n = read(behind, logtext, 1000);
    logtext[n > 0 ? n : 0] = '\0';
    p = logtext;
    line = next_line(&p);
    CHECK("a reader left behind resumes at the oldest record kept",
          line && line[0] >= '0' && line[0] <= '9' && fill_number(line) == first);
    n = lseek(behind, 0, SEEK_SET) == 0 ? read(behind, logtext, 1000) : -1;
    logtext[n > 0 ? n : 0] = '\0';
    p = logtext;
    line = next_line(&p);
    CHECK("lseek to 0 rewinds to the oldest record kept", line && fill_number(line) == first);
    close(behind);
}

int main(void)
{
    printf("srvtest: servers test suite, pid %d\n", getpid());
    pid_t pipe_pid = start_server("pipe", "/dev/pipe");
    CHECK("the pipe manager starts and serves /dev/pipe", pipe_pid > 0);
    pid_t slog_pid = start_server("slogger", "/dev/slog");
    CHECK("the slogger starts and serves /dev/slog", slog_pid > 0);
    test_pipe_basics();
    test_blocking_reader();
    test_blocking_writer();
    test_epipe();
    test_atomic_writes();
    test_between_processes();
    test_inherited_stdio();
    test_file_actions();
    test_inherited_descriptors();
    test_slog_order();
    test_slog_overflow();
    test_manager_killed(pipe_pid);
    int status;
    kill(slog_pid, SIGTERM);
    waitpid(slog_pid, &status, 0);
    printf("srvtest: %d failure%s\n", failures, failures == 1 ? "" : "s");
    return failures;
}
