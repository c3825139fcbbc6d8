/* A program that faults in the way its first argument names: store, load, exec or illegal. */
#include <stdio.h>
#include <string.h>

static volatile int *volatile nowhere;

int main(int argc, char **argv)
{
    const char *how = argc > 1 ? argv[1] : "store";
    if (strcmp(how, "load") == 0)
        return nowhere[2];
    if (strcmp(how, "exec") == 0)
        ((void (*)(void))0x1230)();
    if (strcmp(how, "illegal") == 0)
        __asm__ volatile(".word 0");
    if (strcmp(how, "kernel") == 0)
        return *(volatile int *)0xffffffc080200000ul;
    *nowhere = 1;
    printf("fault: still alive, which is wrong\n");
    return 0;
}
