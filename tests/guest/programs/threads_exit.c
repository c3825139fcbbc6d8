/* Starts spinning threads on both harts, then exits with status 3 while they still run. */
#include <stdlib.h>
#include <sys/neutrino.h>

static void *spin(void *arg)
{
    ThreadCtl(_NTO_TCTL_RUNMASK, arg);
    for (;;)
        ;
    return NULL;
}

int main(void)
{
    for (int i = 0; i < 4; i++)
        ThreadCreate(0, spin, (void *)(uintptr_t)(1u << (i % 2)), NULL);
    uint64_t ns = 20000000;
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
    exit(3);
}
