/*
 * xargs: reads arguments from standard input (blank-separated, with POSIX quoting and
 * backslashes, or one per line with -I, or NUL-terminated with -0) and runs a command (echo by
 * default) with as many as fit, or -n at most per run; -I STR runs the command once per input
 * line with STR replaced; -r runs nothing on empty input; -t echoes each command to stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "run.h"
#include "util.h"
#include "xargs.h"

#define ARG_BYTES_MAX (128 * 1024) // a command line's size, as GNU xargs's default

static int trace;
static int exit_status;

// Runs argv and folds its result into xargs's exit status; 0 if xargs must stop.
static int run_command(char **argv)
{
    if (trace) {
        for (char **a = argv; *a; a++)
            fprintf(stderr, "%s%s", a == argv ? "" : " ", *a);
        fputc('\n', stderr);
    }
    fflush(stdout);
    int status = run_wait(argv);
    if (status == 127 || status == 126) {
        exit_status = status;
        return 0;
    }
    if (status == 255) {
        warn("%s: exited with status 255; aborting", argv[0]);
        exit_status = 124;
        return 0;
    }
    if (status > 128) {
        warn("%s: terminated by signal %d", argv[0], status - 128);
        exit_status = 125;
        return 0;
    }
    if (status != 0)
        exit_status = 123;
    return 1;
}

// -I: one command per input line, with replace substituted in every initial argument.
static void run_replacing(char **cmd, int ncmd, const char *replace)
{
    char *item;
    char **argv = xmalloc((size_t)(ncmd + 1) * sizeof(char *));
    while ((item = xargs_next_line()) != NULL) {
        for (int i = 0; i < ncmd; i++)
            argv[i] = xargs_substitute(cmd[i], replace, item);
        argv[ncmd] = NULL;
        int go_on = run_command(argv);
        for (int i = 0; i < ncmd; i++)
            free(argv[i]);
        free(item);
        if (!go_on)
            return;
    }
}

int main(int argc, char **argv)
{
    util_init("xargs");
    long max_args = 0;
    const char *replace = NULL;
    int no_empty = 0, nul = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "n:I:rt0")) != -1) {
        switch (c) {
        case 'n':
            if (parse_long(o.arg, &max_args) < 0 || max_args < 1)
                die(1, "value %s for -n option should be >= 1", o.arg);
            break;
        case 'I':
            replace = o.arg;
            break;
        case 'r':
            no_empty = 1;
            break;
        case 't':
            trace = 1;
            break;
        case '0':
            nul = 1;
            break;
        default:
            return 1;
        }
    }
    char *echo[] = {"echo", NULL};
    char **cmd = o.index < argc ? argv + o.index : echo;
    int ncmd = o.index < argc ? argc - o.index : 1;
    if (replace) {
        run_replacing(cmd, ncmd, replace);
        return exit_status;
    }
    size_t cap = (size_t)ncmd + 64, n = 0, bytes = 0, base = 0;
    char **args = xmalloc(cap * sizeof(char *));
    for (int i = 0; i < ncmd; i++) {
        args[n++] = cmd[i];
        base += strlen(cmd[i]) + 1;
    }
    int ran = 0;
    char *item;
    while ((item = nul ? xargs_next_nul() : xargs_next_word()) != NULL) {
        size_t len = strlen(item) + 1;
        if (n > (size_t)ncmd && ((max_args && n - (size_t)ncmd >= (size_t)max_args) ||
                                 base + bytes + len > ARG_BYTES_MAX)) {
            args[n] = NULL;
            ran = 1;
            if (!run_command(args))
                return exit_status;
            while (n > (size_t)ncmd)
                free(args[--n]);
            bytes = 0;
        }
        if (n + 2 > cap)
            args = xrealloc(args, (cap *= 2) * sizeof(char *));
        args[n++] = item;
        bytes += len;
    }
    int bad_input = xargs_input_error();
    if (bad_input)
        exit_status = 1;
    if (n > (size_t)ncmd || (!ran && !no_empty && !bad_input)) {
        args[n] = NULL;
        run_command(args);
    }
    return exit_status;
}
