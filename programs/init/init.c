/*
 * init: the first ordinary process, started by taskman with the I/O privilege. It starts the
 * console driver, the system logger, the pipe manager, tmpfs on /tmp and the PCI server, then
 * keeps a shell (qsh) running on the console, starting a new one whenever it ends. Without qsh
 * in the boot image it runs a simple command reader instead: each line names a program of the
 * boot image and its arguments. Orphans it inherits are collected as it waits.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/slog.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define MAX_WORDS 32

// Sleeps ms milliseconds; false if the system has no timers (QSOE/L so far: ENOSYS).
static bool sleep_ms(unsigned ms)
{
    uint64_t ns = (uint64_t)ms * 1000000;
    return TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL) == 0;
}

// Starts a server from the boot image and waits (up to a second) until it serves path.
static bool start_server(const char *name, const char *path, bool io)
{
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, io ? POSIX_SPAWN_QSOE_IO : 0);
    char prog[64];
    snprintf(prog, sizeof(prog), "/proc/boot/%s", name);
    char *argv[] = {(char *)name, NULL};
    pid_t pid;
    if (posix_spawn(&pid, prog, NULL, &attr, argv, NULL) != 0)
        return false;
    // Without timers each try only yields, so many more tries make up the second.
    for (int i = 0, tries = 200; i < tries; i++) {
        int fd = open(path, O_RDONLY);
        if (fd >= 0) {
            close(fd);
            return true;
        }
        if (!sleep_ms(5)) {
            tries = 100000;
            SchedYield();
        }
    }
    return false;
}

static void say(int fd, const char *s)
{
    write(fd, s, strlen(s));
}

// Splits line into words at spaces; returns the count.
static int split(char *line, char **words)
{
    int n = 0;
    for (char *p = line; *p && n < MAX_WORDS - 1;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            *p++ = '\0';
        if (!*p)
            break;
        words[n++] = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
    }
    words[n] = NULL;
    return n;
}

static void run(int tty, char **words)
{
    char path[160];
    snprintf(path, sizeof(path), "%s%s", words[0][0] == '/' ? "" : "/proc/boot/", words[0]);
    pid_t pid;
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    int err = posix_spawn(&pid, path, NULL, &attr, words, NULL);
    if (err) {
        char msg[200];
        snprintf(msg, sizeof(msg), "%s: cannot run it (error %d)\n", words[0], err);
        say(tty, msg);
        return;
    }
    tcsetpgrp(tty, pid); /* ^C on the console now interrupts the program */
    int status = 0;
    while (waitpid(-1, &status, 0) != pid)
        ;
    tcsetpgrp(tty, getpgrp());
    char msg[80];
    if (WIFSIGNALED(status))
        snprintf(msg, sizeof(msg), "%s: ended by signal %d\n", words[0], WTERMSIG(status));
    else if (WEXITSTATUS(status))
        snprintf(msg, sizeof(msg), "%s: exit status %d\n", words[0], WEXITSTATUS(status));
    else
        return;
    say(tty, msg);
}

// init's descriptors 0-2 are taskman's early console, opened before the driver started; the
// programs init runs inherit them, so they are reopened on the driver's /dev/console.
static void use_console_driver(void)
{
    fflush(stdout);
    for (int fd = 0; fd < 3; fd++) {
        close(fd);
        open("/dev/console", fd == 0 ? O_RDONLY : O_WRONLY); /* the lowest free: fd */
    }
}

/* The shell's environment: a login's. */
static char *shell_env[] = {"PATH=/bin:/proc/boot", "HOME=/",     "USER=root", "LOGNAME=root",
                            "SHELL=/proc/boot/qsh", "TERM=vt100", NULL};

// Runs qsh on the console, in its own process group in the foreground, until it ends; false
// if it could not be started.
static bool run_shell(int tty)
{
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    char *argv[] = {"-qsh", NULL};
    pid_t pid;
    if (posix_spawn(&pid, "/proc/boot/qsh", NULL, &attr, argv, shell_env) != 0)
        return false;
    tcsetpgrp(tty, pid);
    int status = 0;
    while (waitpid(-1, &status, 0) != pid)
        ; /* orphans init inherits are collected here too */
    tcsetpgrp(tty, getpgrp());
    char msg[80];
    snprintf(msg, sizeof(msg), "init: the shell ended (status %d); starting a new one\n",
             WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    say(tty, msg);
    return true;
}

// The command reader, for a boot image without a shell.
static void __attribute__((noreturn)) command_reader(int tty)
{
    char line[256];
    for (;;) {
        say(tty, "qsoe$ ");
        ssize_t n = read(tty, line, sizeof(line) - 1);
        if (n < 0) {
            sleep_ms(100);
            continue;
        }
        if (n == 0) {
            say(tty, "\n(end of input)\n");
            continue;
        }
        line[n] = '\0';
        char *words[MAX_WORDS];
        if (split(line, words) == 0)
            continue;
        if (strcmp(words[0], "help") == 0) {
            say(tty, "programs are in /proc/boot; this reader runs one per line\n");
            continue;
        }
        run(tty, words);
    }
}

int main(void)
{
    if (!start_server("devc-ser8250", "/dev/ser1", true)) {
        printf("init: the console driver did not start; no console\n");
        for (;;)
            sleep_ms(3600000);
    }
    if (!start_server("slogger", "/dev/slog", false))
        printf("init: slogger did not start; no system log\n");
    if (!start_server("pipe", "/dev/pipe", false))
        printf("init: the pipe manager did not start; no pipes\n");
    if (!start_server("tmpfs", "/tmp", false))
        printf("init: tmpfs did not start; no /tmp\n");
    if (!start_server("pci-server", "/dev/pci", true))
        printf("init: pci-server did not start; no /dev/pci\n");
    slogf(0, _SLOG_INFO, "init: system up, console, log and pipes started");
    use_console_driver();
    int tty = open("/dev/console", O_RDWR);
    if (access("/proc/boot/qsh", X_OK) == 0) {
        printf("init: QSOE is up (pid %d); starting the shell\n", getpid());
        fflush(stdout);
        while (run_shell(tty))
            sleep_ms(100);
        printf("init: the shell could not be started; the command reader takes over\n");
    }
    printf("init: QSOE is up (pid %d); type a program name, e.g. test/hello 1 2\n", getpid());
    fflush(stdout);
    command_reader(tty);
}
