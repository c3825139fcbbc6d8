/*
 * The pathname space (see pathmgr.h): a small table of prefixes, searched for the longest
 * match; of equal prefixes the newest wins, so a driver can take over /dev/console from
 * taskman and give it back by ending. A server's prefixes go when it ends (pathmgr_forget).
 * A prefix its server says is a file system also carries what /proc/mounts shows of it.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/pathmgr.h>

#define MAX_PREFIXES 64
#define PREFIX_LEN   128

struct prefix {
    char path[PREFIX_LEN];
    int pid, chid;
    unsigned seq; /* registration order: the newest of equal prefixes wins */
    bool mounted; /* a file system: the three fields below say what */
    char source[PATHMGR_MOUNT_FIELD], type[PATHMGR_MOUNT_FIELD], options[PATHMGR_MOUNT_FIELD];
};

static struct prefix table[MAX_PREFIXES];
static unsigned next_seq;

static bool valid_prefix(const char *p)
{
    size_t n = strnlen(p, PREFIX_LEN);
    return n > 0 && n < PREFIX_LEN && p[0] == '/' && (n == 1 || p[n - 1] != '/');
}

int pathmgr_register(const char *prefix, int pid, int chid)
{
    if (!valid_prefix(prefix))
        return -EINVAL;
    struct prefix *free = NULL;
    for (int i = 0; i < MAX_PREFIXES; i++) {
        if (table[i].pid == pid && strcmp(table[i].path, prefix) == 0)
            return -EBUSY;
        if (!table[i].pid && !free)
            free = &table[i];
    }
    if (!free)
        return -ENOSPC;
    memcpy(free->path, prefix, strlen(prefix) + 1);
    free->pid = pid;
    free->chid = chid;
    free->seq = ++next_seq;
    free->mounted = false;
    return 0;
}

int pathmgr_unregister(const char *prefix, int pid)
{
    for (int i = 0; i < MAX_PREFIXES; i++) {
        if (table[i].pid == pid && strcmp(table[i].path, prefix) == 0) {
            table[i].pid = 0;
            return 0;
        }
    }
    return -ENOENT;
}

// Does prefix cover path, ending at a component boundary? Returns the covered length or -1.
static int covers(const char *prefix, const char *path)
{
    size_t n = strlen(prefix);
    if (n == 1)
        return 1; /* "/" covers every absolute path */
    if (strncmp(prefix, path, n) != 0 || (path[n] != '\0' && path[n] != '/'))
        return -1;
    return (int)n;
}

int pathmgr_resolve(const char *path, struct path_resolved *out)
{
    if (path[0] != '/')
        return -ENOENT;
    int best = -1, best_len = -1;
    for (int i = 0; i < MAX_PREFIXES; i++) {
        if (!table[i].pid)
            continue;
        int len = covers(table[i].path, path);
        if (len > best_len || (len == best_len && len >= 0 && table[i].seq > table[best].seq)) {
            best = i;
            best_len = len;
        }
    }
    if (best < 0)
        return -ENOENT;
    out->pid = table[best].pid;
    out->chid = table[best].chid;
    out->prefixlen = (uint16_t)best_len;
    out->zero = 0;
    return 0;
}

void pathmgr_forget(int pid)
{
    for (int i = 0; i < MAX_PREFIXES; i++)
        if (table[i].pid == pid)
            table[i].pid = 0;
}

// A mount field: 1 to PATHMGR_MOUNT_FIELD - 1 printable bytes without blanks, so that each
// line of /proc/mounts splits into its fields.
static bool valid_field(const char *s)
{
    size_t n = strnlen(s, PATHMGR_MOUNT_FIELD);
    if (n == 0 || n == PATHMGR_MOUNT_FIELD)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] <= ' ' || s[i] > '~')
            return false;
    return true;
}

int pathmgr_mount(const char *prefix, int pid, const char *source, const char *type,
                  const char *options)
{
    if (!valid_field(source) || !valid_field(type) || !valid_field(options))
        return -EINVAL;
    for (int i = 0; i < MAX_PREFIXES; i++) {
        struct prefix *p = &table[i];
        if (p->pid == pid && strcmp(p->path, prefix) == 0) {
            p->mounted = true;
            strcpy(p->source, source);
            strcpy(p->type, type);
            strcpy(p->options, options);
            return 0;
        }
    }
    return -ENOENT;
}

char *pathmgr_mounts(int *len)
{
    size_t size = MAX_PREFIXES * (PREFIX_LEN + 3 * PATHMGR_MOUNT_FIELD + 8) + 1;
    char *text = malloc(size);
    if (!text) {
        *len = -ENOMEM;
        return NULL;
    }
    size_t n = 0;
    unsigned last = 0;
    for (;;) { /* in registration order: the next older than none printed yet */
        struct prefix *next = NULL;
        for (int i = 0; i < MAX_PREFIXES; i++)
            if (table[i].pid && table[i].mounted && table[i].seq > last &&
                (!next || table[i].seq < next->seq))
                next = &table[i];
        if (!next)
            break;
        n += (size_t)snprintf(text + n, size - n, "%s %s %s %s 0 0\n", next->source, next->path,
                              next->type, next->options);
        last = next->seq;
    }
    text[n] = '\0';
    *len = (int)n;
    return text;
}
