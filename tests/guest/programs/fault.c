/* A program that faults in the way its first argument names: store, load, exec or illegal. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *how = argc > 1 ? argv[1] : "store";
    if (strcmp(how, "load") == 0)
        return *(volatile int *)0x8;
    if (strcmp(how, "exec") == 0)
        ((void (*)(void))0x1230)();
    if (strcmp(how, "illegal") == 0)
        __asm__ volatile(".word 0");
    if (strcmp(how, "kernel") == 0)
        return *(volatile int *)0xffffffc080200000ul;
    *(volatile int *)0 = 1;
    printf("fault: still alive, which is wrong\n");
    return 0;
}
