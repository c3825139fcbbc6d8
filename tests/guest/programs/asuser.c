/*
 * Test helper: `test/asuser UID program [args...]` runs program (looked up on PATH) as user
 * UID and exits with its exit status, so that console tests can check what a utility says
 * to a user who is not root.
 */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: asuser UID program [args...]\n");
        return 2;
    }
    if (setuid((uid_t)atoi(argv[1])) < 0) {
        perror("asuser: setuid");
        return 2;
    }
    pid_t pid;
    int err = posix_spawnp(&pid, argv[2], NULL, NULL, argv + 2, environ);
    if (err) {
        fprintf(stderr, "asuser: cannot run %s (error %d)\n", argv[2], err);
        return 127;
    }
    int status;
    if (waitpid(pid, &status, 0) != pid)
        return 2;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
