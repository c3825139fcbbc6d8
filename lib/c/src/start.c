/*
 * Program start-up and exit: read the start-up block the loader left on the stack, open the
 * standard files, run main, and end the process with its status.
 */
#include <abi/auxv.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/neutrino.h>

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
    unsigned long stdio = getauxval(AT_QSOE_STDIO);
    if (stdio == AT_QSOE_STDIO_CONSOLE)
        open_standard_files();
    else if (stdio == AT_QSOE_STDIO_INHERIT)
        __libc_have_stdio = 1;
    exit(main(argc, argv, environ));
}

void exit(int status)
{
    fflush(NULL);
    _Exit(status);
}

void _Exit(int status)
{
    for (;;)
        ThreadDestroy(-1, -1, (void *)(intptr_t)status);
}

void abort(void)
{
    _Exit(134);
}
