/*
 * The working directory and path names: libc keeps the working directory itself, as an
 * absolute path, and makes every relative name absolute before asking taskman who holds it
 * (as QNX's libc does). ".." is taken lexically, by dropping the name before it. A child
 * process starts in its parent's working directory (posix_spawn passes it on).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path.h"

char __cwd[PATH_MAX_LEN] = "/";
mode_t __umask = 022;

int __path_absolute(const char *path, char *out)
{
    if (!path || !*path) {
        errno = ENOENT;
        return -1;
    }
    size_t len = 0;
    if (path[0] != '/') {
        len = strlen(__cwd);
        memcpy(out, __cwd, len + 1);
    }
    if (len == 1)
        len = 0; /* the root: names go straight after its slash */
    for (const char *p = path; *p;) {
        while (*p == '/')
            p++;
        size_t n = strcspn(p, "/");
        if (n == 0 || (n == 1 && p[0] == '.')) {
            p += n;
            continue;
        }
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0)
                len--; /* the slash before the dropped name */
            p += n;
            continue;
        }
        if (len + 1 + n >= PATH_MAX_LEN) {
            errno = ENAMETOOLONG;
            return -1;
        }
        out[len++] = '/';
        memcpy(out + len, p, n);
        len += n;
        p += n;
    }
    if (len == 0)
        out[len++] = '/';
    out[len] = '\0';
    return 0;
}

int chdir(const char *path)
{
    char abs[PATH_MAX_LEN];
    struct stat st;
    if (__path_absolute(path, abs) < 0 || stat(abs, &st) < 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    strcpy(__cwd, abs);
    return 0;
}

char *getcwd(char *buf, size_t size)
{
    size_t len = strlen(__cwd);
    if (!buf) {
        if (size == 0)
            size = len + 1;
        buf = malloc(size);
        if (!buf) {
            errno = ENOMEM;
            return NULL;
        }
    }
    if (size == 0) {
        errno = EINVAL;
        return NULL;
    }
    if (len >= size) {
        errno = ERANGE;
        return NULL;
    }
    memcpy(buf, __cwd, len + 1);
    return buf;
}

// realpath: the absolute, normal form of path, which must exist. Symbolic links are not
// followed (names are taken lexically, as everywhere in libc).
char *realpath(const char *restrict path, char *restrict resolved)
{
    char abs[PATH_MAX_LEN];
    struct stat st;
    if (__path_absolute(path, abs) < 0 || stat(abs, &st) < 0)
        return NULL;
    if (strlen(abs) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    char *out = resolved ? resolved : malloc(strlen(abs) + 1);
    if (!out) {
        errno = ENOMEM;
        return NULL;
    }
    strcpy(out, abs);
    return out;
}

mode_t umask(mode_t mask)
{
    mode_t old = __umask;
    __umask = mask & 0777;
    return old;
}
