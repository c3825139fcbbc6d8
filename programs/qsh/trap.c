/* Signals and traps: the trap builtin, handlers that only note a signal's arrival (the trap
   runs later, between commands), the EXIT trap, and which signals a child gets reset. */
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qsh.h"

#define NSIGS 65

static const struct {
    int sig;
    const char *name;
} sigs[] = {{0, "EXIT"},       {SIGHUP, "HUP"},       {SIGINT, "INT"},   {SIGQUIT, "QUIT"},
            {SIGILL, "ILL"},   {SIGTRAP, "TRAP"},     {SIGABRT, "ABRT"}, {SIGBUS, "BUS"},
            {SIGFPE, "FPE"},   {SIGKILL, "KILL"},     {SIGUSR1, "USR1"}, {SIGSEGV, "SEGV"},
            {SIGUSR2, "USR2"}, {SIGPIPE, "PIPE"},     {SIGALRM, "ALRM"}, {SIGTERM, "TERM"},
            {SIGCHLD, "CHLD"}, {SIGCONT, "CONT"},     {SIGSTOP, "STOP"}, {SIGTSTP, "TSTP"},
            {SIGTTIN, "TTIN"}, {SIGTTOU, "TTOU"},     {SIGURG, "URG"},   {SIGXCPU, "XCPU"},
            {SIGXFSZ, "XFSZ"}, {SIGVTALRM, "VTALRM"}, {SIGPROF, "PROF"}, {SIGWINCH, "WINCH"},
            {SIGSYS, "SYS"}};
#define NNAMES ((int)(sizeof sigs / sizeof sigs[0]))

static char *actions[NSIGS]; /* NULL: default; "": ignored; else a command */
static volatile sig_atomic_t pending[NSIGS];
volatile int trap_pending;
static int shell_ignores[NSIGS]; /* ignored by the interactive shell for itself */
static char *inherited[NSIGS];   /* a parent's traps, shown until a trap is set here */
static int traps_changed;

int sig_by_name(const char *name)
{
    if (name[0] >= '0' && name[0] <= '9') {
        int n = atoi(name);
        return n >= 0 && n < NSIGS ? n : -1;
    }
    if (strncmp(name, "SIG", 3) == 0)
        name += 3;
    for (int i = 0; i < NNAMES; i++)
        if (strcmp(sigs[i].name, name) == 0)
            return sigs[i].sig;
    return -1;
}

const char *sig_name(int sig)
{
    for (int i = 0; i < NNAMES; i++)
        if (sigs[i].sig == sig)
            return sigs[i].name;
    return NULL;
}

static void on_signal(int sig)
{
    pending[sig] = 1;
    trap_pending = 1;
}

static void set_disposition(int sig, void (*fn)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/* How the interactive shell itself takes a signal: ^C interrupts the command it is running
   (a noted signal, acted on between commands), the other keyboard signals are ignored. */
static void (*own_disposition(int sig))(int)
{
    return sig == SIGINT ? on_signal : SIG_IGN;
}

/* The interactive shell keeps the keyboard's signals for itself; its children get them back. */
void trap_init(void)
{
    if (!sh.opts[OPT_INTERACTIVE])
        return;
    int own[] = {SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGTERM};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        shell_ignores[own[i]] = 1;
        set_disposition(own[i], own_disposition(own[i]));
    }
}

/* Calls fn for every trap that is set (the state a child qsh receives). */
void trap_each(void (*fn)(int sig, const char *action, void *ctx), void *ctx)
{
    for (int s = 0; s < NSIGS; s++)
        if (actions[s])
            fn(s, actions[s], ctx);
}

/* A trap of the parent, in a child qsh: an ignored signal stays ignored; a command is only
   shown by `trap` (so that saved=$(trap) works) until this shell sets a trap itself. */
void trap_inherit(int sig, const char *action)
{
    if (sig < 0 || sig >= NSIGS)
        return;
    if (!*action && sig > 0) {
        free(actions[sig]);
        actions[sig] = xstrdup("");
        set_disposition(sig, SIG_IGN);
        return;
    }
    free(inherited[sig]);
    inherited[sig] = xstrdup(action);
}

/* Sets what a new process starts with: signals this shell catches or ignores only for
   itself go back to their defaults, and nothing is blocked. A background job of a
   non-interactive shell keeps SIGINT and SIGQUIT ignored (see trap_hold_keyboard). */
void trap_for_child(void *spawnattr, int background)
{
    posix_spawnattr_t *attr = spawnattr;
    sigset_t def, none;
    sigemptyset(&def);
    sigemptyset(&none);
    for (int s = 1; s < NSIGS && s < 32; s++)
        if ((shell_ignores[s] && !actions[s]) || (actions[s] && *actions[s]))
            if (!(background && (s == SIGINT || s == SIGQUIT)))
                sigaddset(&def, s);
    posix_spawnattr_setsigdefault(attr, &def);
    posix_spawnattr_setsigmask(attr, &none);
}

/* posix_spawn can reset signals to their defaults but cannot make a child ignore one, so
   around the start of a background job the shell ignores SIGINT and SIGQUIT itself and the
   child inherits that; hold 0 puts the shell's own handling back. */
void trap_hold_keyboard(int hold)
{
    static struct sigaction saved_int, saved_quit;
    if (hold) {
        struct sigaction ign;
        memset(&ign, 0, sizeof ign);
        ign.sa_handler = SIG_IGN;
        sigemptyset(&ign.sa_mask);
        sigaction(SIGINT, &ign, &saved_int);
        sigaction(SIGQUIT, &ign, &saved_quit);
    } else {
        sigaction(SIGINT, &saved_int, NULL);
        sigaction(SIGQUIT, &saved_quit, NULL);
    }
}

static void run_action(const char *action)
{
    int saved = sh.status;
    char *cmd = xstrdup(action);
    exec_list_string(cmd);
    free(cmd);
    sh.status = saved;
}

/* Runs the traps of the signals that arrived and returns the last such signal (0 if none had
   a trap); an untrapped ^C in the interactive shell abandons the command being run. */
int trap_run_pending(void)
{
    int interrupted = 0, last = 0;
    trap_pending = 0;
    for (int s = 1; s < NSIGS; s++) {
        if (!pending[s])
            continue;
        pending[s] = 0;
        if (actions[s] && *actions[s]) {
            run_action(actions[s]);
            last = s;
        } else if (s == SIGINT && shell_ignores[s]) {
            interrupted = 1;
        }
    }
    if (interrupted) {
        out_str(2, "\n");
        sh_abort(128 + SIGINT);
    }
    return last;
}

void trap_run_exit(void)
{
    char *a = actions[0];
    actions[0] = NULL;
    if (a && *a) {
        int status = sh.status;
        exec_list_string(a);
        sh.status = status;
    }
    free(a);
}

static void set_trap(int sig, const char *action)
{
    traps_changed = 1;
    free(actions[sig]);
    actions[sig] = action ? xstrdup(action) : NULL;
    if (sig == 0)
        return;
    if (!action)
        set_disposition(sig, shell_ignores[sig] ? own_disposition(sig) : SIG_DFL);
    else if (!*action)
        set_disposition(sig, SIG_IGN);
    else
        set_disposition(sig, on_signal);
}

static void print_traps(void)
{
    for (int s = 0; s < NSIGS; s++) {
        const char *a = actions[s] ? actions[s] : traps_changed ? NULL : inherited[s];
        if (!a || !sig_name(s))
            continue;
        char *q = shell_quote(a);
        printf("trap -- %s %s\n", q, sig_name(s));
        free(q);
    }
}

int trap_builtin(char **argv)
{
    int i = 1;
    if (argv[i] && strcmp(argv[i], "--") == 0)
        i++;
    if (!argv[i]) {
        print_traps();
        return 0;
    }
    if (strcmp(argv[i], "-l") == 0) {
        for (int k = 1; k < NNAMES; k++)
            printf("%d) %s\n", sigs[k].sig, sigs[k].name);
        return 0;
    }
    const char *action = argv[i];
    int reset = strcmp(action, "-") == 0 || (action[0] >= '0' && action[0] <= '9');
    if (!reset || strcmp(action, "-") == 0)
        i++;
    if (!argv[i] && !reset)
        sh_error(2, "trap: condition expected");
    int status = 0;
    for (; argv[i]; i++) {
        int sig = sig_by_name(argv[i]);
        if (sig < 0 || sig == SIGKILL || sig == SIGSTOP) {
            sh_warn("trap: %s: bad trap", argv[i]);
            status = 1;
            continue;
        }
        set_trap(sig, reset ? NULL : action);
    }
    return status;
}
