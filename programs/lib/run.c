/*
 * Spawning and waiting (see run.h).
 */
#include "run.h"

#include <errno.h>
#include <spawn.h>
#include <sys/wait.h>

#include "util.h"

extern char **environ;

pid_t run_start(char *const argv[])
{
    pid_t pid;
    int err = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
    if (err != 0) {
        errno = err;
        warn_errno("%s", argv[0]);
        errno = err;
        return -1;
    }
    return pid;
}

int run_status(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return 1;
}

int run_wait(char *const argv[])
{
    pid_t pid = run_start(argv);
    if (pid < 0)
        return errno == ENOENT ? 127 : 126;
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            warn_errno("waitpid");
            return 1;
        }
    return run_status(status);
}
