/*
 * init: the first ordinary process, started by taskman. For now it announces the system and
 * then collects orphaned processes forever; it will start the servers and the console shell
 * from /etc once they exist.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/neutrino.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    printf("init: QSOE/N is up (pid %d); no console shell yet\n", getpid());
    for (;;) {
        int status;
        if (wait(&status) < 0 && errno == ECHILD) {
            uint64_t hour = 3600000000000ull;
            TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &hour, NULL);
        }
    }
}
