/*
 * The environment: getenv, setenv, unsetenv and putenv over environ. The array the loader
 * left on the stack is used as it is until the first change; from then on environ is an array
 * of libc's own on the heap. Strings setenv made are never freed, since a caller of getenv may
 * still hold them (as in most C libraries).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **owned;    /* environ once it is libc's own, else NULL */
static size_t capacity; /* entries owned has room for, the NULL included */

// The index in environ of the entry for name (len bytes), or -1.
static long find(const char *name, size_t len)
{
    for (long i = 0; environ && environ[i]; i++)
        if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=')
            return i;
    return -1;
}

static size_t count(void)
{
    size_t n = 0;
    while (environ && environ[n])
        n++;
    return n;
}

static bool valid_name(const char *name)
{
    return name && *name && !strchr(name, '=');
}

char *getenv(const char *name)
{
    if (!name)
        return NULL;
    long i = find(name, strlen(name));
    return i < 0 ? NULL : environ[i] + strlen(name) + 1;
}

// Makes room for one more entry in an environ of libc's own; false if memory ran out.
static bool make_room(void)
{
    size_t n = count();
    if (owned == environ && n + 2 <= capacity)
        return true;
    size_t want = (n + 2) * 2;
    char **grown = malloc(want * sizeof(char *));
    if (!grown)
        return false;
    for (size_t i = 0; i < n; i++)
        grown[i] = environ[i];
    grown[n] = NULL;
    if (owned == environ)
        free(owned);
    environ = owned = grown;
    capacity = want;
    return true;
}

// Puts the "name=value" string entry in place of name's entry, or adds it.
static int put(char *entry, size_t namelen)
{
    long i = find(entry, namelen);
    if (i >= 0) {
        environ[i] = entry;
        return 0;
    }
    if (!make_room()) {
        errno = ENOMEM;
        return -1;
    }
    size_t n = count();
    environ[n] = entry;
    environ[n + 1] = NULL;
    return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
    if (!valid_name(name)) {
        errno = EINVAL;
        return -1;
    }
    size_t len = strlen(name);
    if (!overwrite && find(name, len) >= 0)
        return 0;
    size_t vlen = value ? strlen(value) : 0;
    char *entry = malloc(len + vlen + 2);
    if (!entry) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(entry, name, len);
    entry[len] = '=';
    memcpy(entry + len + 1, value ? value : "", vlen + 1);
    if (put(entry, len) < 0) {
        free(entry);
        return -1;
    }
    return 0;
}

int putenv(char *string)
{
    char *eq = string ? strchr(string, '=') : NULL;
    if (!eq || eq == string) {
        errno = EINVAL;
        return -1;
    }
    return put(string, (size_t)(eq - string));
}

int unsetenv(const char *name)
{
    if (!valid_name(name)) {
        errno = EINVAL;
        return -1;
    }
    size_t len = strlen(name);
    long i;
    while ((i = find(name, len)) >= 0) {
        do
            environ[i] = environ[i + 1];
        while (environ[i++]);
    }
    return 0;
}
