/*
 * Program start-up and exit: read the start-up block the loader left on the stack, open the
 * standard files, run main, and end the process with its status.
 */
#include <abi/auxv.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>

#include "path.h"

int main(int argc, char **argv, char **envp);

char **environ;
static uint64_t *auxv;

unsigned long getauxval(unsigned long type)
{
    for (uint64_t *a = auxv; a && a[0] != AT_NULL; a += 2)
        if (a[0] == type)
            return a[1];
    return 0;
}

// Standard input, output and error: descriptors 0, 1 and 2, which taskman either has put in
// place from the parent (AT_QSOE_STDIO_INHERIT; a descriptor the parent had closed stays
// closed) or asks the program to open on the console (AT_QSOE_STDIO_CONSOLE). taskman itself
// and programs run without AT_QSOE_STDIO (the kernel tests) have none.
int __libc_have_stdio;

static void open_standard_files(void)
{
    for (int fd = 0; fd < 3; fd++)
        if (open("/dev/console", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
            return;
    __libc_have_stdio = 1;
}

void __libc_start(uint64_t *block)
{
    int argc = (int)block[0];
    char **argv = (char **)&block[1];
    environ = argv + argc + 1;
    char **e = environ;
    while (*e)
        e++;
    auxv = (uint64_t *)(e + 1);
    const char *cwd = (const char *)getauxval(AT_QSOE_CWD);
    if (cwd && cwd[0] == '/' && strlen(cwd) < sizeof(__cwd))
        strcpy(__cwd, cwd);
    if (getauxval(AT_QSOE_CWD))
        __umask = (mode_t)getauxval(AT_QSOE_UMASK) & 0777;
    for (int sig = 1; sig < NSIG; sig++)
        if (getauxval(AT_QSOE_SIGIGNORE) & (1ull << sig))
            signal(sig, SIG_IGN);
    sigset_t mask = {getauxval(AT_QSOE_SIGMASK)};
    if (mask.__bits)
        sigprocmask(SIG_SETMASK, &mask, NULL);
    unsigned long stdio = getauxval(AT_QSOE_STDIO);
    if (stdio == AT_QSOE_STDIO_CONSOLE)
        open_standard_files();
    else if (stdio == AT_QSOE_STDIO_INHERIT)
        __libc_have_stdio = 1;
    exit(main(argc, argv, environ));
}

#define ATEXIT_MAX 32

static void (*at_exit[ATEXIT_MAX])(void);
static int at_exits;

int atexit(void (*func)(void))
{
    if (at_exits == ATEXIT_MAX)
        return -1;
    at_exit[at_exits++] = func;
    return 0;
}

// Runs the atexit functions, the last registered first (one that calls exit again does not
// run twice), flushes the streams and ends the process.
void exit(int status)
{
    while (at_exits > 0)
        at_exit[--at_exits]();
    fflush(NULL);
    _Exit(status);
}

void _Exit(int status)
{
    for (;;)
        ThreadDestroy(-1, -1, (void *)(intptr_t)status);
}
