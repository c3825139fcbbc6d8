/*
 * User and group ids, kept by taskman (include/proto/taskman.h): getuid and friends,
 * setuid/seteuid/setgid/setegid with POSIX's rules, and the supplementary groups.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <sys/neutrino.h>
#include <unistd.h>

int __taskman_coid(void);

static struct tm_cred cred(void)
{
    struct tm_header m = {TM_GETCRED, 0};
    struct tm_cred c = {0};
    MsgSend(__taskman_coid(), &m, sizeof(m), &c, sizeof(c));
    return c;
}

uid_t getuid(void)
{
    return (uid_t)cred().ruid;
}

uid_t geteuid(void)
{
    return (uid_t)cred().euid;
}

gid_t getgid(void)
{
    return (gid_t)cred().rgid;
}

gid_t getegid(void)
{
    return (gid_t)cred().egid;
}

static int set(enum tm_setcred_kind kind, unsigned id)
{
    if (id > 0x7fffffff) {
        errno = EINVAL;
        return -1;
    }
    struct tm_setcred m = {TM_SETCRED, (uint16_t)kind, (int32_t)id};
    return MsgSend(__taskman_coid(), &m, sizeof(m), NULL, 0) < 0 ? -1 : 0;
}

int getgroups(int size, gid_t list[])
{
    struct tm_cred c = cred();
    if (size == 0)
        return c.ngroups;
    if (size < c.ngroups) {
        errno = EINVAL;
        return -1;
    }
    for (int i = 0; i < c.ngroups; i++)
        list[i] = (gid_t)c.groups[i];
    return c.ngroups;
}

int setgroups(size_t n, const gid_t *list)
{
    if (n > TM_NGROUPS) {
        errno = EINVAL;
        return -1;
    }
    struct tm_setgroups m = {TM_SETGROUPS, (uint16_t)n, {0}};
    for (size_t i = 0; i < n; i++)
        m.groups[i] = (int32_t)list[i];
    return MsgSend(__taskman_coid(), &m, sizeof(m), NULL, 0) < 0 ? -1 : 0;
}

int setuid(uid_t uid)
{
    return set(TM_SETUID, uid);
}

int seteuid(uid_t uid)
{
    return set(TM_SETEUID, uid);
}

int setgid(gid_t gid)
{
    return set(TM_SETGID, gid);
}

int setegid(gid_t gid)
{
    return set(TM_SETEGID, gid);
}
