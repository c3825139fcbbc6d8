/* sysinfo: what the system is and has: kernel, CPUs, memory, uptime, processes (/proc/sysinfo). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc > 1) {
        fprintf(stderr, "usage: %s (no options)\n", argv[0]);
        return 2;
    }
    struct utsname u;
    if (uname(&u) == 0)
        printf("%s %s %s (%s)\n", u.sysname, u.release, u.machine, u.version);
    int fd = open("/proc/sysinfo", O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "sysinfo: cannot open /proc/sysinfo: %s\n", strerror(errno));
        return 1;
    }
    char text[1024];
    ssize_t n = read(fd, text, sizeof(text) - 1);
    close(fd);
    if (n < 0) {
        fprintf(stderr, "sysinfo: cannot read /proc/sysinfo: %s\n", strerror(errno));
        return 1;
    }
    fwrite(text, 1, (size_t)n, stdout);
    return 0;
}
