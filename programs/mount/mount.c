/*
 * mount: without operands, lists the mounted file systems from /proc/mounts as Linux's mount
 * does ("none on /tmp type tmpfs (rw,size=16384k)"); `mount -t tmpfs [-o options] source dir`
 * starts a tmpfs server on the directory dir and waits until it is listed. Each file system
 * is a server in QSOE: mounting one starts its server, in a process group of its own so that
 * ^C on the terminal does not end it. Exit statuses as util-linux's: 1 for bad usage or
 * permissions, 32 when the mount fails.
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"

#define MOUNT_FAILURE 32

/* File-system types and the servers that provide them. */
static const struct {
    const char *type, *server;
} servers[] = {{"tmpfs", "/proc/boot/tmpfs"}};

// Prints /proc/mounts in mount's form, only type's lines if type is not NULL.
static int list(const char *type)
{
    FILE *f = fopen("/proc/mounts", "r");
    if (!f) {
        warn_errno("cannot read /proc/mounts");
        return 1;
    }
    char line[512], src[128], dir[256], fstype[128], opts[128];
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "%127s %255s %127s %127s", src, dir, fstype, opts) == 4 &&
            (!type || strcmp(type, fstype) == 0))
            printf("%s on %s type %s (%s)\n", src, dir, fstype, opts);
    fclose(f);
    return 0;
}

// How many file systems /proc/mounts lists at dir.
static int mounts_at(const char *dir)
{
    FILE *f = fopen("/proc/mounts", "r");
    char line[512], d[256];
    int n = 0;
    while (f && fgets(line, sizeof(line), f))
        n += sscanf(line, "%*s %255s", d) == 1 && strcmp(d, dir) == 0;
    if (f)
        fclose(f);
    return n;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {0, ms * 1000000};
    nanosleep(&ts, NULL);
}

// Starts the type's server on dir and waits (up to 5 s) until /proc/mounts lists it there.
static int start(const char *server, const char *source, const char *options, const char *dir)
{
    char *argv[8];
    int n = 0;
    argv[n++] = strrchr(server, '/') + 1;
    argv[n++] = "-s";
    argv[n++] = (char *)source;
    if (options) {
        argv[n++] = "-o";
        argv[n++] = (char *)options;
    }
    argv[n++] = (char *)dir;
    argv[n] = NULL;
    int before = mounts_at(dir);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid;
    int err = posix_spawn(&pid, server, NULL, &attr, argv, NULL);
    if (err) {
        warn("%s: cannot start %s: %s", dir, server, strerror(err));
        return MOUNT_FAILURE;
    }
    for (int i = 0; i < 500; i++) {
        if (mounts_at(dir) > before)
            return 0;
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            warn("%s: wrong fs type, bad option or other error (%s ended with status %d)", dir,
                 argv[0], WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
            return MOUNT_FAILURE;
        }
        sleep_ms(10);
    }
    warn("%s: %s did not come up", dir, argv[0]);
    return MOUNT_FAILURE;
}

static int usage(void)
{
    fprintf(stderr, "usage: mount [-t type]\n       mount -t type [-o options] source dir\n");
    return 1;
}

int main(int argc, char **argv)
{
    util_init("mount");
    struct opt o;
    opt_init(&o);
    const char *type = NULL, *options = NULL;
    int c;
    while ((c = opt_next(&o, argc, argv, "t:o:")) != -1) {
        if (c == 't')
            type = o.arg;
        else if (c == 'o')
            options = o.arg;
        else
            return usage();
    }
    int operands = argc - o.index;
    if (operands == 0 && !options)
        return list(type);
    if (operands != 2 || !type)
        return usage();
    const char *source = argv[o.index], *dir = argv[o.index + 1];
    if (geteuid() != 0) {
        warn("only root can do that");
        return 1;
    }
    struct stat st;
    if (stat(dir, &st) < 0) {
        warn("%s: mount point does not exist.", dir);
        return MOUNT_FAILURE;
    }
    if (!S_ISDIR(st.st_mode)) {
        warn("%s: mount point is not a directory.", dir);
        return MOUNT_FAILURE;
    }
    char *abs = realpath(dir, NULL);
    if (!abs) {
        warn_errno("%s", dir);
        return MOUNT_FAILURE;
    }
    for (size_t i = 0; i < sizeof(servers) / sizeof(servers[0]); i++)
        if (strcmp(servers[i].type, type) == 0)
            return start(servers[i].server, source, options, abs);
    warn("%s: unknown filesystem type '%s'.", dir, type);
    return MOUNT_FAILURE;
}
