/*
 * env: runs a command (or prints the environment) with NAME=VALUE settings added and, with
 * -i or "-", no inherited environment; -u NAME removes one variable.
 */
#include <stdio.h>
#include <string.h>

#include "run.h"
#include "util.h"

extern char **environ;

static char **vars;
static int nvars;

// Removes variable name (the text before any '=' in name) from vars.
static void unset(const char *name)
{
    size_t len = strcspn(name, "=");
    for (int i = 0; i < nvars; i++)
        if (strncmp(vars[i], name, len) == 0 && vars[i][len] == '=') {
            memmove(&vars[i], &vars[i + 1], (size_t)(nvars - i - 1) * sizeof(char *));
            nvars--;
            i--;
        }
}

int main(int argc, char **argv)
{
    util_init("env");
    int i = 1, clear = 0;
    int n = 0;
    while (environ[n])
        n++;
    vars = xmalloc((size_t)(n + argc + 1) * sizeof(char *));
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-") == 0 || strcmp(argv[i], "-i") == 0) {
            clear = 1;
        } else if (strcmp(argv[i], "-u") == 0 && i + 1 < argc) {
            i++;
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            warn("invalid option '%s'", argv[i]);
            return 125;
        }
    }
    if (!clear)
        for (; nvars < n; nvars++)
            vars[nvars] = environ[nvars];
    for (int k = 1; k < i; k++)
        if (strcmp(argv[k], "-u") == 0)
            unset(argv[++k]);
    for (; i < argc && strchr(argv[i], '='); i++) {
        unset(argv[i]);
        vars[nvars++] = argv[i];
    }
    vars[nvars] = NULL;
    environ = vars;
    if (i >= argc) {
        for (int k = 0; k < nvars; k++)
            puts(vars[k]);
        return 0;
    }
    fflush(stdout);
    return run_wait(argv + i);
}
