/*
 * Program start-up and exit: read the start-up block the loader left on the stack, run main,
 * and end the process with its status.
 */
#include <abi/auxv.h>
#include <stdint.h>
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

void __libc_start(uint64_t *block)
{
    int argc = (int)block[0];
    char **argv = (char **)&block[1];
    environ = argv + argc + 1;
    char **e = environ;
    while (*e)
        e++;
    auxv = (uint64_t *)(e + 1);
    exit(main(argc, argv, environ));
}

void exit(int status)
{
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
