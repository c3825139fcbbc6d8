/*
 * chown: changes the owner and/or group of files: owner, owner:group, owner: (the owner's
 * login group) or :group, each a name or a number; -R changes whole trees, -h changes links
 * themselves.
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "opt.h"
#include "util.h"
#include "walk.h"

static uid_t uid = (uid_t)-1;
static gid_t gid = (gid_t)-1;
static int no_deref, status;

// Reads a user or group as a name, or else as a number; -1 if it is neither.
static int lookup(const char *s, int group, unsigned *out, gid_t *login_group)
{
    if (group) {
        struct group *g = getgrnam(s);
        if (g) {
            *out = g->gr_gid;
            return 0;
        }
    } else {
        struct passwd *p = getpwnam(s);
        if (p) {
            *out = p->pw_uid;
            *login_group = p->pw_gid;
            return 0;
        }
    }
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v > 0xfffffffeul)
        return -1;
    *out = (unsigned)v;
    if (!group) {
        struct passwd *p = getpwuid((uid_t)v);
        if (p)
            *login_group = p->pw_gid;
    }
    return 0;
}

// Sets uid and gid from the operand "owner[:group]"; exits with a message if it is invalid.
static void parse_owner(const char *spec)
{
    char *copy = xstrdup(spec);
    char *colon = strchr(copy, ':');
    if (!colon)
        colon = strchr(copy, '.');
    if (colon)
        *colon = '\0';
    gid_t login_group = (gid_t)-1;
    unsigned v;
    if (*copy) {
        if (lookup(copy, 0, &v, &login_group) < 0)
            die(1, "invalid user: '%s'", spec);
        uid = v;
    }
    if (colon && colon[1]) {
        if (lookup(colon + 1, 1, &v, &login_group) < 0)
            die(1, "invalid group: '%s'", spec);
        gid = v;
    } else if (colon && *copy) {
        if (login_group == (gid_t)-1)
            die(1, "invalid spec: '%s'", spec);
        gid = login_group;
    }
    free(copy);
}

// Changes path's owner and group (those of a symbolic link itself if link_itself).
static void change(const char *path, int link_itself)
{
    if ((link_itself ? lchown(path, uid, gid) : chown(path, uid, gid)) < 0) {
        warn_errno("changing ownership of '%s'", path);
        status = 1;
    }
}

// Changes one entry of a tree, links themselves rather than what they point to (a link given
// as the operand of -R too, as GNU chown does by default).
static int visit(struct walk_entry *e, enum walk_event event, void *ctx)
{
    (void)ctx;
    if (event == WALK_ERROR) {
        warn_errno("cannot access '%s'", e->path);
        status = 1;
    } else if (event != WALK_DIR_POST) {
        change(e->path, 1);
    }
    return WALK_CONTINUE;
}

int main(int argc, char **argv)
{
    util_init("chown");
    int recursive = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "Rh")) != -1) {
        if (c == '?')
            return 1;
        if (c == 'R')
            recursive = 1;
        else
            no_deref = 1;
    }
    if (o.index >= argc)
        die(1, "missing operand");
    if (o.index + 1 >= argc)
        die(1, "missing operand after '%s'", argv[o.index]);
    parse_owner(argv[o.index]);
    for (int i = o.index + 1; i < argc; i++) {
        if (recursive)
            walk(argv[i], 0, visit, NULL);
        else
            change(argv[i], no_deref);
    }
    return status;
}
