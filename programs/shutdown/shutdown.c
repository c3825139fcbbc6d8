/*
 * shutdown and reboot (one program, known by its name): shutdown powers the machine off, or
 * resets it with -r; reboot resets it. Only root may. Streams are flushed first; servers are
 * not asked to stop (tmpfs holds nothing that outlives the machine).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    int how = strcmp(name, "reboot") == 0 ? RB_AUTOBOOT : RB_POWER_OFF;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-r") == 0) {
            how = RB_AUTOBOOT;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "-P") == 0) {
            how = RB_POWER_OFF;
        } else if (strcmp(argv[i], "now") != 0) {
            fprintf(stderr, "usage: %s [-r | -h] [now]\n", name);
            return 2;
        }
    }
    fflush(NULL);
    reboot(how);
    fprintf(stderr, "%s: %s\n", name, strerror(errno));
    return 1;
}
