/*
 * Helper of the taskman tests. Modes (argv[1]):
 *   sleep MS        - sleep MS milliseconds, exit 0;
 *   nap MS          - after 50 ms say "family: napping", then sleep MS milliseconds;
 *   ppid PID        - exit 0 if getppid() is PID, else 1;
 *   cred PID        - as root, become user 100 and check POSIX's rules; then try to kill PID
 *                     (owned by root), which must fail with EPERM; exit 0 if all held;
 *   orphan MS       - start "family sleep MS" and exit at once, leaving it an orphan;
 *                     prints its pid as "orphan: child N";
 *   catch MS        - catch SIGTERM and SIGUSR1, say "family: catching", then sleep up to MS
 *                     milliseconds; exit 100 + the signal caught, or 0 if none came;
 *   ignored SIG     - exit 0 if signal SIG is ignored (inherited from the parent), else 1;
 *   euid N          - exit 0 if the effective user id is N (cred uses it for RESETIDS);
 *   alarm S         - set alarm(S) and sleep; SIGALRM's default ends it (else exit 3).
 */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

static void caught_it(int sig)
{
    caught = sig;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    if (strcmp(argv[1], "sleep") == 0) {
        uint64_t ns = (uint64_t)strtol(argv[2], NULL, 10) * 1000000;
        TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
        return 0;
    }
    if (strcmp(argv[1], "nap") == 0) {
        uint64_t ns = 50000000;
        TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
        printf("family: napping\n");
        ns = (uint64_t)strtol(argv[2], NULL, 10) * 1000000;
        TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
        return 0;
    }
    if (strcmp(argv[1], "cred") == 0) {
        int bad = 0;
        bad += !(getuid() == 0 && geteuid() == 0 && getgid() == 0);
        bad += !(setgid(50) == 0 && getgid() == 50 && getegid() == 50);
        gid_t groups[2] = {7, 8}, got[4];
        bad += !(setgroups(2, groups) == 0 && getgroups(0, NULL) == 2 && getgroups(4, got) == 2 &&
                 got[0] == 7 && got[1] == 8);
        bad += !(getgroups(1, got) == -1 && errno == EINVAL);
        bad += !(seteuid(100) == 0 && geteuid() == 100 && getuid() == 0);
        bad += !(setgroups(1, groups) == -1 && errno == EPERM); /* not root any more */
        char *euid0[] = {"family", "euid", "0", NULL}, *euid100[] = {"family", "euid", "100", NULL};
        posix_spawnattr_t reset;
        posix_spawnattr_init(&reset);
        posix_spawnattr_setflags(&reset, POSIX_SPAWN_RESETIDS);
        pid_t child;
        int st = -1;
        bad += !(posix_spawn(&child, "/proc/boot/test/family", NULL, &reset, euid0, NULL) == 0 &&
                 waitpid(child, &st, 0) == child && WIFEXITED(st) && WEXITSTATUS(st) == 0);
        bad += !(posix_spawn(&child, "/proc/boot/test/family", NULL, NULL, euid100, NULL) == 0 &&
                 waitpid(child, &st, 0) == child && WIFEXITED(st) && WEXITSTATUS(st) == 0);
        bad += !(seteuid(0) == 0 && geteuid() == 0); /* the saved id is still root */
        bad += !(setuid(100) == 0 && getuid() == 100 && geteuid() == 100);
        bad += !(setuid(0) == -1 && errno == EPERM);
        bad += !(seteuid(7) == -1 && errno == EPERM);
        bad += !(setgid(0) == -1 && errno == EPERM);
        bad += !(kill((pid_t)strtol(argv[2], NULL, 10), SIGTERM) == -1 && errno == EPERM);
        return bad;
    }
    if (strcmp(argv[1], "catch") == 0) {
        struct sigaction act = {0};
        act.sa_handler = caught_it;
        sigaction(SIGTERM, &act, NULL);
        sigaction(SIGUSR1, &act, NULL);
        printf("family: catching\n");
        fflush(stdout);
        struct timespec ts = {0, 1000000};
        for (long ms = strtol(argv[2], NULL, 10); ms > 0 && !caught; ms--)
            nanosleep(&ts, NULL);
        return caught ? 100 + caught : 0;
    }
    if (strcmp(argv[1], "ignored") == 0) {
        struct sigaction old;
        sigaction((int)strtol(argv[2], NULL, 10), NULL, &old);
        return old.sa_handler == SIG_IGN ? 0 : 1;
    }
    if (strcmp(argv[1], "alarm") == 0) {
        alarm((unsigned)strtol(argv[2], NULL, 10));
        sleep(10 * (unsigned)strtol(argv[2], NULL, 10));
        return 3;
    }
    if (strcmp(argv[1], "euid") == 0)
        return geteuid() == (uid_t)strtol(argv[2], NULL, 10) ? 0 : 1;
    if (strcmp(argv[1], "ppid") == 0)
        return getppid() == strtol(argv[2], NULL, 10) ? 0 : 1;
    if (strcmp(argv[1], "orphan") == 0) {
        char *child[] = {"test/family", "sleep", argv[2], NULL};
        pid_t pid;
        if (posix_spawn(&pid, "test/family", NULL, NULL, child, NULL) != 0)
            return 3;
        printf("orphan: child %d\n", pid);
        return 0;
    }
    return 2;
}
