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

// Only the signals <signal.h> defines on this platform are listed.
static const struct signame table[] = {
#ifdef SIGHUP
    {"HUP", SIGHUP},
#endif
#ifdef SIGINT
    {"INT", SIGINT},
#endif
#ifdef SIGQUIT
    {"QUIT", SIGQUIT},
#endif
#ifdef SIGILL
    {"ILL", SIGILL},
#endif
#ifdef SIGTRAP
    {"TRAP", SIGTRAP},
#endif
#ifdef SIGABRT
    {"ABRT", SIGABRT},
#endif
#ifdef SIGBUS
    {"BUS", SIGBUS},
#endif
#ifdef SIGFPE
    {"FPE", SIGFPE},
#endif
#ifdef SIGKILL
    {"KILL", SIGKILL},
#endif
#ifdef SIGUSR1
    {"USR1", SIGUSR1},
#endif
#ifdef SIGSEGV
    {"SEGV", SIGSEGV},
#endif
#ifdef SIGUSR2
    {"USR2", SIGUSR2},
#endif
#ifdef SIGPIPE
    {"PIPE", SIGPIPE},
#endif
#ifdef SIGALRM
    {"ALRM", SIGALRM},
#endif
#ifdef SIGTERM
    {"TERM", SIGTERM},
#endif
#ifdef SIGCHLD
    {"CHLD", SIGCHLD},
#endif
#ifdef SIGCONT
    {"CONT", SIGCONT},
#endif
#ifdef SIGSTOP
    {"STOP", SIGSTOP},
#endif
#ifdef SIGTSTP
    {"TSTP", SIGTSTP},
#endif
#ifdef SIGTTIN
    {"TTIN", SIGTTIN},
#endif
#ifdef SIGTTOU
    {"TTOU", SIGTTOU},
#endif
#ifdef SIGURG
    {"URG", SIGURG},
#endif
#ifdef SIGXCPU
    {"XCPU", SIGXCPU},
#endif
#ifdef SIGXFSZ
    {"XFSZ", SIGXFSZ},
#endif
#ifdef SIGVTALRM
    {"VTALRM", SIGVTALRM},
#endif
#ifdef SIGPROF
    {"PROF", SIGPROF},
#endif
#ifdef SIGSYS
    {"SYS", SIGSYS},
#endif
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
