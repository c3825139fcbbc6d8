/*
 * tee: copies standard input to standard output and to each named file; -a appends to the
 * files instead of truncating them, -i ignores SIGINT (where the platform has signal()).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"

int main(int argc, char **argv)
{
    util_init("tee");
    int flags = O_WRONLY | O_CREAT | O_TRUNC, status = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "ai")) != -1) {
        if (c == '?')
            return 1;
        if (c == 'a')
            flags = O_WRONLY | O_CREAT | O_APPEND;
#ifdef SIG_IGN
        else
            signal(SIGINT, SIG_IGN);
#endif
    }
    int n = argc - o.index;
    int fds[n + 1];
    const char *names[n + 1];
    fds[0] = 1;
    names[0] = "standard output";
    for (int i = 0; i < n; i++) {
        names[i + 1] = argv[o.index + i];
        fds[i + 1] = open(names[i + 1], flags, 0666);
        if (fds[i + 1] < 0) {
            warn_errno("%s", names[i + 1]);
            status = 1;
        }
    }
    char buf[65536];
    for (;;) {
        ssize_t r = read(0, buf, sizeof(buf));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            warn_errno("read error");
            return 1;
        }
        if (r == 0)
            break;
        for (int i = 0; i <= n; i++)
            if (fds[i] >= 0 && write_all(fds[i], buf, (size_t)r) < 0) {
                warn_errno("%s", names[i]);
                fds[i] = -1;
                status = 1;
            }
    }
    for (int i = 1; i <= n; i++)
        if (fds[i] >= 0 && close(fds[i]) < 0) {
            warn_errno("%s", names[i]);
            status = 1;
        }
    return status;
}
