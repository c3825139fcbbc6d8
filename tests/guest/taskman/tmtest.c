/*
 * taskman's test suite, run by taskman as init (run=test/tmtest): spawning from the boot image
 * with arguments and environment, exit statuses and deaths by fault, waitpid with WNOHANG and
 * for any child, ECHILD, orphans adopted by init, getppid, and malformed taskman messages.
 * Its exit status is its number of failures.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/wait.h>
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
    } lie = {{TM_SPAWN, 0, 1, 0, 100}, "x\0y"};
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

int main(void)
{
    printf("tmtest: taskman test suite, pid %d\n", getpid());
    test_spawn_and_wait();
    test_wait_forms();
    test_orphans();
    test_bad_messages();
    printf("tmtest: %d failure%s\n", failures, failures == 1 ? "" : "s");
    return failures;
}
