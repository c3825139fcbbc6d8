/*
 * pwd: prints the working directory: -P (the default, as for GNU pwd; a shell's own pwd is
 * where POSIX's -L default applies) prints the directory getcwd gives, -L prefers $PWD when it
 * names the working directory without "." or ".." parts.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"

// Whether $PWD is an absolute name of the working directory with no "." or ".." parts.
static int pwd_env_valid(const char *pwd)
{
    if (!pwd || pwd[0] != '/' || strstr(pwd, "/./") || strstr(pwd, "/../"))
        return 0;
    size_t n = strlen(pwd);
    if ((n >= 2 && strcmp(pwd + n - 2, "/.") == 0) || (n >= 3 && strcmp(pwd + n - 3, "/..") == 0))
        return 0;
    struct stat a, b;
    return stat(pwd, &a) == 0 && stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int main(int argc, char **argv)
{
    util_init("pwd");
    int physical = 1;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "LP")) != -1) {
        if (c == '?')
            return 1;
        physical = c == 'P';
    }
    const char *pwd = getenv("PWD");
    if (!physical && pwd_env_valid(pwd)) {
        puts(pwd);
        return 0;
    }
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof(buf))) {
        warn_errno("cannot get the working directory");
        return 1;
    }
    puts(buf);
    return 0;
}
