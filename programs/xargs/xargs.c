/*
 * xargs: reads arguments from standard input (blank-separated, with POSIX quoting and
 * backslashes, or one per line with -I, or NUL-terminated with -0) and runs a command (echo by
 * default) with as many as fit (-s bytes), or -n arguments or -L lines at most per run; -I STR
 * runs the command once per input line with STR replaced; -E STR ends the input at STR; -r
 * runs nothing on empty input; -t echoes each command to stderr; -x is accepted (commands
 * never exceed -s here).
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

struct limits {
    long max_args;   // -n: arguments per command, 0 for no limit
    long max_lines;  // -L: input lines per command, 0 for no limit
    long max_bytes;  // -s: bytes of a command line
    const char *eof; // -E: the item that ends the input
    int no_empty;    // -r
    int nul;         // -0
};

// Reads items and runs the command with as many as the limits allow each time.
static void run_batches(char **cmd, int ncmd, const struct limits *lim)
{
    size_t cap = (size_t)ncmd + 64, n = 0, base = 0, bytes = 0;
    long lines = 0;
    char **args = xmalloc(cap * sizeof(char *));
    for (int i = 0; i < ncmd; i++) {
        args[n++] = cmd[i];
        base += strlen(cmd[i]) + 1;
    }
    int ran = 0, line_end = 0;
    char *item;
    while ((item = lim->nul ? xargs_next_nul() : xargs_next_word(&line_end)) != NULL) {
        if (lim->eof && strcmp(item, lim->eof) == 0) {
            free(item);
            break;
        }
        size_t len = strlen(item) + 1;
        if (base + len > (size_t)lim->max_bytes)
            die(1, "argument line too long");
        if (n > (size_t)ncmd && base + bytes + len > (size_t)lim->max_bytes) {
            args[n] = NULL;
            ran = 1;
            if (!run_command(args))
                return;
            while (n > (size_t)ncmd)
                free(args[--n]);
            bytes = 0;
            lines = 0;
        }
        if (n + 2 > cap)
            args = xrealloc(args, (cap *= 2) * sizeof(char *));
        args[n++] = item;
        bytes += len;
        lines += line_end;
        if ((lim->max_args && n - (size_t)ncmd >= (size_t)lim->max_args) ||
            (lim->max_lines && lines >= lim->max_lines)) {
            args[n] = NULL;
            ran = 1;
            if (!run_command(args))
                return;
            while (n > (size_t)ncmd)
                free(args[--n]);
            bytes = 0;
            lines = 0;
        }
    }
    int bad_input = xargs_input_error();
    if (bad_input)
        exit_status = 1;
    if (n > (size_t)ncmd || (!ran && !lim->no_empty && !bad_input)) {
        args[n] = NULL;
        run_command(args);
    }
}

// Reads a positive number for option c.
static long positive(const char *arg, int c)
{
    long v;
    if (parse_long(arg, &v) < 0 || v < 1)
        die(1, "value %s for -%c option should be >= 1", arg, c);
    return v;
}

int main(int argc, char **argv)
{
    util_init("xargs");
    struct limits lim = {0, 0, ARG_BYTES_MAX, NULL, 0, 0};
    const char *replace = NULL;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "0E:I:L:n:rs:tx")) != -1) {
        switch (c) {
        case 'n':
            lim.max_args = positive(o.arg, c);
            break;
        case 'L':
            lim.max_lines = positive(o.arg, c);
            break;
        case 's':
            lim.max_bytes = positive(o.arg, c);
            break;
        case 'E':
            lim.eof = o.arg;
            break;
        case 'I':
            replace = o.arg;
            break;
        case 'r':
            lim.no_empty = 1;
            break;
        case 't':
            trace = 1;
            break;
        case '0':
            lim.nul = 1;
            break;
        case 'x':
            break;
        default:
            return 1;
        }
    }
    char *echo[] = {"echo", NULL};
    char **cmd = o.index < argc ? argv + o.index : echo;
    int ncmd = o.index < argc ? argc - o.index : 1;
    if (replace)
        run_replacing(cmd, ncmd, replace);
    else
        run_batches(cmd, ncmd, &lim);
    return exit_status;
}
