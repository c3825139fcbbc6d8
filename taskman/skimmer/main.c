/*
 * taskman on Skimmer, as far as it goes today: the first process, which reports itself, lists
 * the boot image it was given and then waits. Process creation, the pathname space and the
 * rest of taskman's protocol arrive with its shared body.
 */
#include <abi/auxv.h>
#include <qsoe/cpio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/neutrino.h>

extern uint64_t __start_time, __start_instret;

int main(int argc, char **argv)
{
    (void)argc;
    printf("taskman: first instruction at time %lu ns, instret %lu on its hart\n",
           (unsigned long)(__start_time * 100), (unsigned long)__start_instret);
    const void *image = (const void *)getauxval(AT_QSOE_BOOTIMAGE);
    size_t size = getauxval(AT_QSOE_BOOTIMAGE_SIZE);
    printf("taskman: running as %s on cpu %d; boot image %lu bytes:\n", argv[0], SchedGetCpuNum(),
           (unsigned long)size);
    struct cpio_iter it;
    struct cpio_entry e;
    cpio_iter_init(&it, image, size);
    while (cpio_next(&it, &e) > 0)
        printf("  %-24s %8lu\n", e.name, (unsigned long)e.size);
    printf("taskman: nothing more to do yet; idle\n");
    for (;;) {
        uint64_t hour = 3600ull * 1000000000ull;
        TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &hour, NULL);
    }
}
