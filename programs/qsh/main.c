/* qsh's entry: command-line options (-c, a script, standard input, set options), the initial
   variables, the interactive loop that survives errors, and the child mode (--subshell FD)
   in which a new qsh takes over its parent's state to run a piece of it. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qsh.h"

extern char **environ;

struct shell sh;

const struct opt_name opt_names[OPT_COUNT] = {[OPT_ERREXIT] = {'e', "errexit"},
                                              [OPT_NOUNSET] = {'u', "nounset"},
                                              [OPT_XTRACE] = {'x', "xtrace"},
                                              [OPT_NOGLOB] = {'f', "noglob"},
                                              [OPT_NOEXEC] = {'n', "noexec"},
                                              [OPT_VERBOSE] = {'v', "verbose"},
                                              [OPT_NOCLOBBER] = {'C', "noclobber"},
                                              [OPT_ALLEXPORT] = {'a', "allexport"},
                                              [OPT_MONITOR] = {'m', "monitor"},
                                              [OPT_NOTIFY] = {'b', "notify"},
                                              [OPT_IGNOREEOF] = {0, "ignoreeof"},
                                              [OPT_INTERACTIVE] = {'i', NULL},
                                              [OPT_STDIN] = {'s', NULL}};

int opt_by_letter(char c)
{
    for (int i = 0; i < OPT_COUNT; i++)
        if (opt_names[i].letter == c)
            return i;
    return -1;
}

int opt_by_name(const char *name)
{
    for (int i = 0; i < OPT_COUNT; i++)
        if (opt_names[i].name && strcmp(opt_names[i].name, name) == 0)
            return i;
    return -1;
}

/* $-: the letters of the options that are on. */
char *opt_string(void)
{
    struct strbuf sb = {0};
    for (int i = 0; i < OPT_COUNT; i++)
        if (sh.opts[i] && opt_names[i].letter)
            sb_addc(&sb, opt_names[i].letter);
    return sb_take(&sb);
}

/* Leaves the shell: the EXIT trap runs once, then buffered output is written. */
void sh_exit(int status)
{
    if (!sh.exiting) {
        sh.exiting = 1;
        sh.status = status;
        trap_run_exit();
    }
    fflush(NULL);
    exit(status);
}

/* The variables a shell starts with: the environment, IFS, prompts, PPID, a valid PWD. */
static void init_vars(void)
{
    var_import_environ(environ);
    if (!var_get("PATH"))
        var_set("PATH", "/bin:/usr/bin:/sbin:/usr/sbin", 0);
    var_set("IFS", " \t\n", 0);
    if (!var_get("PS1"))
        var_set("PS1", geteuid() == 0 ? "${PWD} # " : "${PWD} $ ", 0);
    var_set("PS2", "> ", 0);
    var_set("PS4", "+ ", 0);
    var_set("OPTIND", "1", 0);
    char num[32];
    snprintf(num, sizeof num, "%ld", (long)getppid());
    var_set("PPID", num, 0);
    const char *pwd = var_get("PWD");
    struct stat a, b;
    if (!(pwd && pwd[0] == '/' && stat(pwd, &a) == 0 && stat(".", &b) == 0 &&
          a.st_dev == b.st_dev && a.st_ino == b.st_ino)) {
        char buf[PATH_MAX];
        if (getcwd(buf, sizeof buf))
            var_set("PWD", buf, V_EXPORT);
    }
}

_Noreturn static void usage(const char *bad)
{
    sh_warn("illegal option %s", bad);
    exit(2);
}

/* Parses the shell's options; returns the index of the first operand. */
static int parse_options(int argc, char **argv, int *command_mode)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0)
            return i + 1;
        if ((a[0] != '-' && a[0] != '+') || !a[1])
            break;
        int on = a[0] == '-';
        for (const char *c = a + 1; *c; c++) {
            if (*c == 'c') {
                *command_mode = 1;
            } else if (*c == 'o') {
                int o = i + 1 < argc ? opt_by_name(argv[++i]) : -1;
                if (o < 0)
                    usage(a);
                sh.opts[o] = (char)on;
            } else {
                int o = opt_by_letter(*c);
                if (o < 0)
                    usage(a);
                sh.opts[o] = (char)on;
            }
        }
    }
    return i;
}

/* Runs an input source to its end; an interactive shell survives errors and goes on. */
static int run_toplevel(struct input *in)
{
    if (!sh.opts[OPT_INTERACTIVE])
        return run_input(in, 1);
    for (;;) {
        struct err_frame f;
        err_push(&f);
        if (setjmp(f.jb) == 0) {
            int status = run_input(in, 1);
            err_pop(&f);
            if (sh.opts[OPT_IGNOREEOF])
                continue;
            out_str(2, "\n");
            return status;
        }
        err_pop(&f);
        var_scope_unwind(0);
        sh.loop_depth = sh.breaking = sh.continuing = sh.returning = sh.func_depth = 0;
        sh.errexit_off = 0;
    }
}

/* qsh --subshell FD: take over the parent's state from FD and run the text that follows it. */
static int run_subshell(const char *fdarg)
{
    sh.is_subshell = 1;
    char *text = state_read(atoi(fdarg));
    sh.opts[OPT_INTERACTIVE] = sh.opts[OPT_MONITOR] = 0;
    int status = exec_list_string(text);
    free(text);
    return status;
}

int main(int argc, char **argv)
{
    /* Builtins write straight through, so their output is ordered with that of the programs
       the shell starts and a failed write is seen at once. */
    setvbuf(stdout, NULL, _IONBF, 0);
    sh.pid = getpid();
    sh.tty_fd = -1;
    sh.arg0 = xstrdup(argv[0]);
    init_vars();
    if (argc == 3 && strcmp(argv[1], "--subshell") == 0)
        sh_exit(run_subshell(argv[2]));
    int command_mode = 0;
    int first = parse_options(argc, argv, &command_mode);
    struct input *in;
    int script_fd = -1;
    if (command_mode) {
        if (first >= argc) {
            sh_warn("-c requires an argument");
            return 2;
        }
        in = input_from_string(argv[first++], 1);
        if (first < argc) {
            free(sh.arg0);
            sh.arg0 = xstrdup(argv[first++]);
        }
    } else if (first < argc && !sh.opts[OPT_STDIN]) {
        free(sh.arg0);
        sh.arg0 = xstrdup(argv[first]);
        script_fd = fd_move_high(open(argv[first], O_RDONLY | O_CLOEXEC));
        if (script_fd < 0) {
            sh_warn("Can't open %s", argv[first]);
            return 2;
        }
        first++;
        in = input_from_fd(script_fd, 0);
    } else {
        if (!sh.opts[OPT_INTERACTIVE] && isatty(0) && isatty(2))
            sh.opts[OPT_INTERACTIVE] = 1;
        sh.opts[OPT_STDIN] = 1;
        in = input_from_fd(0, sh.opts[OPT_INTERACTIVE] && isatty(0));
    }
    params_set(argc - first, argv + first);
    trap_init();
    if (sh.opts[OPT_INTERACTIVE]) {
        sh.opts[OPT_MONITOR] = 1;
        job_control_init();
    }
    int status = run_toplevel(in);
    input_free(in);
    sh_exit(status);
}
