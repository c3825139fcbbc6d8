/*
 * Process-creation benchmark, run by taskman as init (run=bench/spawn) under -icount: the
 * guest time (ns, = instructions over all harts) and this hart's instructions for
 * posix_spawn + waitpid of a program from the boot image that exits at once.
 */
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>

#include "bench.h"

#define ROUNDS 20

int main(void)
{
    char *argv[] = {"test/family", "sleep", "0", NULL};
    pid_t pid;
    int status;
    posix_spawn(&pid, "test/family", NULL, NULL, argv, NULL);
    waitpid(pid, &status, 0);
    uint64_t i0 = instret(), t0 = now_ticks();
    for (int i = 0; i < ROUNDS; i++) {
        if (posix_spawn(&pid, "test/family", NULL, NULL, argv, NULL) != 0 ||
            waitpid(pid, &status, 0) != pid) {
            printf("bench: spawn failed\n");
            return 1;
        }
    }
    uint64_t i1 = instret(), t1 = now_ticks();
    printf("BENCH spawn_and_wait_this_hart %lu\n", (unsigned long)((i1 - i0) / ROUNDS));
    printf("BENCH spawn_and_wait_all_harts_ns %lu\n", (unsigned long)((t1 - t0) * 100 / ROUNDS));
    return 0;
}
