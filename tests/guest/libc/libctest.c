/*
 * libc's stream and formatting functions on QSOE, run by taskman as init (run=test/libctest):
 * FILE streams over boot-image files, /dev/null and a pipe, the printf family, and a few
 * stdlib calls on the target (the host tests compare them exhaustively with glibc).
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int failures;

#define CHECK(name, cond)                                                                          \
    do {                                                                                           \
        if (cond) {                                                                                \
            printf("PASS libc: %s\n", name);                                                       \
        } else {                                                                                   \
            printf("FAIL libc: %s (%s, line %d)\n", name, #cond, __LINE__);                        \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static bool start_pipe_manager(void)
{
    char *argv[] = {"pipe", NULL};
    pid_t pid;
    if (posix_spawn(&pid, "/proc/boot/pipe", NULL, NULL, argv, NULL) != 0)
        return false;
    for (int i = 0; i < 200; i++) {
        struct stat st;
        if (stat("/dev/pipe", &st) == 0)
            return true;
        uint64_t ns = 5000000;
        TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
    }
    return false;
}

static void test_files(void)
{
    FILE *f = fopen("/proc/boot/test/hello", "r");
    CHECK("fopen opens a boot-image file for reading", f != NULL);
    char magic[4];
    CHECK("fread reads its first bytes", f && fread(magic, 1, 4, f) == 4 &&
                                             memcmp(magic,
                                                    "\x7f"
                                                    "ELF",
                                                    4) == 0);
    CHECK("ftell follows the reads", f && ftell(f) == 4);
    CHECK("ungetc pushes a character back", f && ungetc('Z', f) == 'Z' && fgetc(f) == 'Z');
    CHECK("fseek and ftell agree", f && fseek(f, 0, SEEK_END) == 0 && ftell(f) > 1000);
    CHECK("reading at the end gives EOF and sets the end-of-file flag",
          f && fgetc(f) == EOF && feof(f));
    rewind(f);
    CHECK("rewind goes back to the start", f && fgetc(f) == 0x7f && !feof(f));
    CHECK("fclose closes it", f && fclose(f) == 0);
    errno = 0;
    CHECK("fopen of a missing file gives NULL and ENOENT",
          fopen("/proc/boot/missing", "r") == NULL && errno == ENOENT);
    CHECK("fopen with a bad mode gives EINVAL", fopen("/dev/null", "q") == NULL && errno == EINVAL);
    FILE *n = fopen("/dev/null", "w");
    CHECK("fprintf returns the bytes formatted", n && fprintf(n, "%d-%s-%.2f", 42, "x", 1.5) == 9);
    CHECK("fputs to /dev/null succeeds", n && fputs("text\n", n) == 0 && fflush(n) == 0);
    CHECK("reading a write-only stream fails", n && fgetc(n) == EOF && ferror(n));
    if (n)
        fclose(n);
}

static void test_pipe_streams(void)
{
    if (!start_pipe_manager()) {
        CHECK("the pipe manager starts", false);
        return;
    }
    int fds[2];
    CHECK("pipe() gives two descriptors", pipe(fds) == 0);
    FILE *w = fdopen(fds[1], "w"), *r = fdopen(fds[0], "r");
    CHECK("fdopen makes streams of them", w && r);
    if (!w || !r)
        return;
    for (int i = 0; i < 3; i++)
        fprintf(w, "line %d of %s\n", i, "three");
    fputs("no newline at the end", w);
    CHECK("fflush sends buffered output through the pipe", fflush(w) == 0);
    fclose(w);
    char buf[64];
    CHECK("fgets reads the first line",
          fgets(buf, sizeof(buf), r) && strcmp(buf, "line 0 of three\n") == 0);
    char *line = NULL;
    size_t cap = 0;
    CHECK("getline reads the next",
          getline(&line, &cap, r) == 16 && strcmp(line, "line 1 of three\n") == 0);
    CHECK("fgets with a small buffer splits a line", fgets(buf, 6, r) && strcmp(buf, "line ") == 0);
    CHECK("and goes on where it stopped",
          fgets(buf, sizeof(buf), r) && strcmp(buf, "2 of three\n") == 0);
    CHECK("the last line without newline is read whole",
          getline(&line, &cap, r) == 21 && strcmp(line, "no newline at the end") == 0);
    CHECK("then end of file", getline(&line, &cap, r) == -1 && feof(r));
    free(line);
    fclose(r);
}

static int by_value(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

static void test_formatting_and_stdlib(void)
{
    char buf[128];
    snprintf(buf, sizeof(buf), "%5.1f|%-4d|%x|%s|%c|%e|%g", 3.14159, 7, 255, "ok", 'z', 12345.678,
             0.0001);
    CHECK("snprintf formats floats, integers, strings and characters",
          strcmp(buf, "  3.1|7   |ff|ok|z|1.234568e+04|0.0001") == 0);
    CHECK("snprintf reports the full length when it cuts",
          snprintf(buf, 4, "%s", "abcdef") == 6 && strcmp(buf, "abc") == 0);
    sprintf(buf, "%08.3f", -2.5);
    CHECK("sprintf pads with zeros after the sign", strcmp(buf, "-002.500") == 0);
    CHECK("printf to standard output returns the count", printf("libctest: %s\n", "printf") == 17);
    CHECK("strtod reads a decimal", strtod("2.5e3", NULL) == 2500.0);
    CHECK("strtol reads hex with base 0", strtol("0x1f", NULL, 0) == 31);
    int v[] = {5, 3, 9, 1, 7};
    qsort(v, 5, sizeof(int), by_value);
    CHECK("qsort sorts", v[0] == 1 && v[4] == 9);
    int *big = malloc(1 << 20);
    CHECK("malloc of a megabyte", big != NULL);
    free(big);
}

static void test_time(void)
{
    struct timespec a, b;
    CHECK("clock_gettime reads the monotonic clock", clock_gettime(CLOCK_MONOTONIC, &a) == 0);
    struct timespec nap = {0, 20000000};
    CHECK("nanosleep sleeps", nanosleep(&nap, NULL) == 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long long ns = (b.tv_sec - a.tv_sec) * 1000000000ll + (b.tv_nsec - a.tv_nsec);
    CHECK("a 20 ms nanosleep lasts at least 20 ms", ns >= 20000000);
    struct timespec bad = {0, 1000000000};
    CHECK("nanosleep with 10^9 nanoseconds gives EINVAL",
          nanosleep(&bad, NULL) == -1 && errno == EINVAL);
    CHECK("time() reads the real-time clock", time(NULL) >= 0);
    time_t t = 1700000000;
    char buf[64];
    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a", gmtime(&t));
    CHECK("gmtime and strftime give the UTC date", strcmp(buf, "2023-11-14 22:13:20 Tue") == 0);
}

int main(void)
{
    test_files();
    test_pipe_streams();
    test_formatting_and_stdlib();
    test_time();
    printf("libctest: %d failure%s\n", failures, failures == 1 ? "" : "s");
    return failures;
}
