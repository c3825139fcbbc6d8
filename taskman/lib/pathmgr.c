/*
 * The pathname space (see pathmgr.h): a small table of prefixes, searched for the longest
 * match; of equal prefixes the newest wins, so a driver can take over /dev/console from
 * taskman and give it back by ending. A server's prefixes go when it ends (pathmgr_forget).
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <taskman/pathmgr.h>

#define MAX_PREFIXES 64
#define PREFIX_LEN   128

struct prefix {
    char path[PREFIX_LEN];
    int pid, chid;
    unsigned seq; /* registration order: the newest of equal prefixes wins */
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
