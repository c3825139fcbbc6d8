/*
 * Signal handlers, checked on QSOE/L (`run=test/sigtest`): handlers taken after a call, at an
 * unblock, in a wait (a sleep, MsgReceive) and in the middle of running code, with the
 * floating-point registers kept; SIG_IGN, SA_RESETHAND, longjmp out of a handler, raise() in
 * a handler, alarm(), a blocked default signal that ends the process once unblocked, faults
 * that stay fatal, and a forged signal context. Prints a PASS or FAIL line per check and
 * "sigtest: N failures"; exits with N. Helper modes (argv[1]) run in child processes.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SELF "/proc/boot/test/sigtest"

static int failures;

#define CHECK(name, cond)                                                                          \
    do {                                                                                           \
        if (cond) {                                                                                \
            printf("PASS sigtest: %s\n", name);                                                    \
        } else {                                                                                   \
            printf("FAIL sigtest: %s (%s, line %d)\n", name, #cond, __LINE__);                     \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static volatile sig_atomic_t last_signal, count, inner;
static volatile int last_code, last_pid;
static sigjmp_buf jump;

static void on_signal(int sig, siginfo_t *info, void *context)
{
    (void)context;
    last_signal = sig;
    last_code = info->si_code;
    last_pid = info->si_pid;
    count++;
    volatile double x = 1.5; /* the handler's own floating-point work */
    for (int i = 0; i < 20; i++)
        x = x * 1.25 - 0.5;
}

static void on_inner(int sig)
{
    inner = sig;
}

static void raise_inner(int sig)
{
    last_signal = sig;
    raise(SIGUSR2);
    count = inner == SIGUSR2; /* SIGUSR2's handler ran inside this one */
}

static void jump_out(int sig)
{
    siglongjmp(jump, sig);
}

static void catch_with(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
    struct sigaction act = {0};
    act.sa_sigaction = fn;
    act.sa_flags = SA_SIGINFO | flags;
    sigaction(sig, &act, NULL);
}

static pid_t start(char *mode, const char *a, const char *b)
{
    char *argv[] = {SELF, mode, (char *)a, (char *)b, NULL};
    pid_t pid = -1;
    return posix_spawn(&pid, SELF, NULL, NULL, argv, NULL) == 0 ? pid : -1;
}

static void nap_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000};
    nanosleep(&t, NULL);
}

// A floating-point sum that takes long enough for signals to land in the middle of it.
static double fp_work(void)
{
    double sum = 0, term = 1.0;
    for (int i = 0; i < 100000; i++) {
        term = term * 0.999999 + 0.000001 * i;
        sum += term / (i + 1.0);
    }
    return sum;
}

// libc's seL4 layer's SIGRETURN (lib/c/kernel/sel4/signal.c); absent on QSOE/N.
extern void __sel4_sigreturn(void *context) __attribute__((weak));

// Child modes. kill PID SIG: after 100 ms, signal PID; pelt PID: SIGUSR1 to PID every 2 ms
// for 400 ms; receive: wait in MsgReceive, exit 10 + (EINTR and the handler ran);
// blockterm: block SIGTERM, take one, unblock (which must end it); fault: a store to 0 under
// a SIGSEGV handler; badreturn: SIGRETURN with a context nobody mapped.
static int child(int argc, char **argv)
{
    const char *mode = argv[1];
    if (strcmp(mode, "kill") == 0 && argc > 3) {
        nap_ms(100);
        return kill((pid_t)atoi(argv[2]), atoi(argv[3])) == 0 ? 0 : 1;
    }
    if (strcmp(mode, "pelt") == 0 && argc > 2) {
        for (int i = 0; i < 200; i++) {
            nap_ms(2);
            kill((pid_t)atoi(argv[2]), SIGUSR1);
        }
        return 0;
    }
    if (strcmp(mode, "receive") == 0) {
        catch_with(SIGUSR1, on_signal, 0);
        int chid = ChannelCreate(0);
        char buf[16];
        int r = MsgReceive(chid, buf, sizeof(buf), NULL);
        return 10 + (r == -1 && errno == EINTR && count == 1 && last_signal == SIGUSR1);
    }
    if (strcmp(mode, "blockterm") == 0) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGTERM);
        sigprocmask(SIG_BLOCK, &set, NULL);
        nap_ms(300); /* SIGTERM comes meanwhile and must wait */
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        return 1;
    }
    if (strcmp(mode, "fault") == 0) {
        catch_with(SIGSEGV, on_signal, 0);
        *(volatile int *)0 = 1;
        return 1;
    }
    if (strcmp(mode, "badreturn") == 0 && __sel4_sigreturn) {
        __sel4_sigreturn((void *)0x7000000000ul);
        return 1;
    }
    return 2;
}

static int wait_status(pid_t pid)
{
    int st = -1;
    return pid > 0 && waitpid(pid, &st, 0) == pid ? st : -1;
}

static void test_own(void)
{
    catch_with(SIGUSR2, on_signal, 0);
    count = 0;
    CHECK("raise runs the handler before it returns, with the signal's number",
          raise(SIGUSR2) == 0 && count == 1 && last_signal == SIGUSR2 && last_code == SI_USER &&
              last_pid == getpid());
    signal(SIGUSR1, SIG_IGN);
    count = 0;
    CHECK("an ignored signal does nothing", raise(SIGUSR1) == 0 && count == 0);

    catch_with(SIGUSR1, on_signal, 0);
    sigset_t set, was;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &was);
    raise(SIGUSR1);
    raise(SIGUSR1);
    CHECK("a blocked signal waits", count == 0);
    sigprocmask(SIG_SETMASK, &was, NULL);
    CHECK("and runs its handler once when it is unblocked", count == 1 && last_signal == SIGUSR1);

    catch_with(SIGUSR1, on_signal, SA_RESETHAND);
    count = 0;
    struct sigaction now;
    raise(SIGUSR1);
    sigaction(SIGUSR1, NULL, &now);
    CHECK("SA_RESETHAND runs the handler once and restores the default",
          count == 1 && now.sa_handler == SIG_DFL);

    signal(SIGUSR1, raise_inner);
    signal(SIGUSR2, on_inner);
    count = 0, inner = 0;
    raise(SIGUSR1);
    CHECK("raise inside a handler runs the other handler there", count == 1 && inner == SIGUSR2);

    signal(SIGUSR1, jump_out);
    int got = sigsetjmp(jump, 1);
    if (got == 0) {
        raise(SIGUSR1);
        got = -1;
    }
    CHECK("a handler may siglongjmp out", got == SIGUSR1);
    signal(SIGUSR1, on_inner);
    inner = 0;
    raise(SIGUSR1);
    CHECK("and siglongjmp unblocks the signal again", inner == SIGUSR1);
    signal(SIGUSR1, SIG_DFL);
    signal(SIGUSR2, SIG_DFL);
}

static void test_from_others(void)
{
    char me[16];
    snprintf(me, sizeof(me), "%d", getpid());
    catch_with(SIGINT, on_signal, 0);
    count = 0;
    char sig[8];
    snprintf(sig, sizeof(sig), "%d", SIGINT);
    pid_t k = start("kill", me, sig);
    struct timespec nap = {3, 0}, rem = {0, 0};
    int r = nanosleep(&nap, &rem);
    CHECK("SIGINT from another process ends a sleep with EINTR and runs the handler",
          r == -1 && errno == EINTR && rem.tv_sec >= 1 && count == 1 && last_signal == SIGINT &&
              last_pid == k);
    wait_status(k);
    signal(SIGINT, SIG_DFL);

    // Running code: the thread is stopped wherever it is and sent through the stub.
    signal(SIGUSR1, jump_out);
    snprintf(sig, sizeof(sig), "%d", SIGUSR1);
    k = start("kill", me, sig);
    volatile unsigned long spins = 0;
    int got = sigsetjmp(jump, 1);
    if (got == 0)
        for (;;)
            spins++;
    CHECK("a signal to a thread running its own code runs the handler there (longjmp out)",
          got == SIGUSR1 && spins > 0);
    wait_status(k);

    catch_with(SIGUSR1, on_signal, 0);
    double quiet = fp_work();
    count = 0;
    k = start("pelt", me, NULL);
    int exact = 1, rounds = 0;
    while (waitpid(k, NULL, WNOHANG) == 0 && rounds < 1000) {
        exact &= fp_work() == quiet;
        rounds++;
    }
    CHECK("handlers using the FPU in the middle of FP work leave its result exact",
          exact && count > 0 && rounds > 0);
    printf("sigtest: %d handlers ran during %d rounds of FP work\n", (int)count, rounds);
    kill(k, SIGKILL);
    wait_status(k);
    signal(SIGUSR1, SIG_DFL);

    pid_t c = start("receive", NULL, NULL);
    nap_ms(200);
    kill(c, SIGUSR1);
    int st = wait_status(c);
    CHECK("a signal to a process waiting in MsgReceive ends it with EINTR after the handler",
          WIFEXITED(st) && WEXITSTATUS(st) == 11);

    catch_with(SIGALRM, on_signal, 0);
    count = 0;
    unsigned left = (alarm(1), sleep(5));
    CHECK("alarm's SIGALRM runs the handler and ends sleep early",
          count == 1 && last_signal == SIGALRM && left >= 3 && left <= 4);
    signal(SIGALRM, SIG_DFL);
}

static void test_ends(void)
{
    pid_t c = start("blockterm", NULL, NULL);
    nap_ms(100);
    kill(c, SIGTERM);
    int st = wait_status(c);
    CHECK("a blocked SIGTERM waits, and ends the process once unblocked",
          WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
    st = wait_status(start("fault", NULL, NULL));
    CHECK("a fault stays fatal with a SIGSEGV handler", WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
    st = wait_status(start("badreturn", NULL, NULL));
    CHECK("a signal return with a forged context ends the process (SIGSEGV)",
          WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
    errno = 0;
    CHECK("kill with a signal past 31 is EINVAL", kill(getpid(), 40) == -1 && errno == EINVAL);
    CHECK("sigprocmask with a bad pointer is EFAULT",
          sigprocmask(SIG_BLOCK, (sigset_t *)16, NULL) == -1 && errno == EFAULT);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return child(argc, argv);
    printf("sigtest: signal handlers, pid %d\n", getpid());
    test_own();
    test_from_others();
    test_ends();
    printf("sigtest: %d failures\n", failures);
    return failures;
}
