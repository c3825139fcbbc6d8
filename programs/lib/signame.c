/*
 * The signal name table (see signame.h): the signals the platform's <signal.h> defines.
 */
#include "signame.h"

#include <signal.h>
#include <stdlib.h>
#include <strings.h>

struct signame {
    const char *name;
    int number;
};

static const struct signame table[] = {
    {"HUP", SIGHUP},       {"INT", SIGINT},   {"QUIT", SIGQUIT}, {"ILL", SIGILL},
    {"TRAP", SIGTRAP},     {"ABRT", SIGABRT}, {"BUS", SIGBUS},   {"FPE", SIGFPE},
    {"KILL", SIGKILL},     {"USR1", SIGUSR1}, {"SEGV", SIGSEGV}, {"USR2", SIGUSR2},
    {"PIPE", SIGPIPE},     {"ALRM", SIGALRM}, {"TERM", SIGTERM}, {"CHLD", SIGCHLD},
    {"CONT", SIGCONT},     {"STOP", SIGSTOP}, {"TSTP", SIGTSTP}, {"TTIN", SIGTTIN},
    {"TTOU", SIGTTOU},     {"URG", SIGURG},   {"XCPU", SIGXCPU}, {"XFSZ", SIGXFSZ},
    {"VTALRM", SIGVTALRM}, {"PROF", SIGPROF}, {"SYS", SIGSYS},
};

#define COUNT ((int)(sizeof(table) / sizeof(table[0])))

int signame_number(const char *name)
{
    if (*name >= '0' && *name <= '9') {
        char *end;
        long v = strtol(name, &end, 10);
        return *end == '\0' && v >= 0 && v < 256 ? (int)v : -1;
    }
    if (strncasecmp(name, "SIG", 3) == 0)
        name += 3;
    for (int i = 0; i < COUNT; i++)
        if (strcasecmp(name, table[i].name) == 0)
            return table[i].number;
    return -1;
}

const char *signame_name(int sig)
{
    for (int i = 0; i < COUNT; i++)
        if (table[i].number == sig)
            return table[i].name;
    return NULL;
}

int signame_max(void)
{
    int max = 0;
    for (int i = 0; i < COUNT; i++)
        if (table[i].number > max)
            max = table[i].number;
    return max;
}
