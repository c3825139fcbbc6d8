/* getpwnam, getpwuid and the getpwent family, over /etc/passwd
 * (name:passwd:uid:gid:gecos:dir:shell). */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "dbfile.h"

static struct dbfile db = {"/etc/passwd", NULL, {0}, {0}};
static struct passwd entry;

void setpwent(void)
{
    db_rewind(&db);
}

void endpwent(void)
{
    db_close(&db);
}

struct passwd *getpwent(void)
{
    if (db_next(&db, 7) != 7)
        return NULL;
    entry = (struct passwd){db.field[0],
                            db.field[1],
                            (uid_t)strtoul(db.field[2], NULL, 10),
                            (gid_t)strtoul(db.field[3], NULL, 10),
                            db.field[4],
                            db.field[5],
                            db.field[6]};
    return &entry;
}

struct passwd *getpwnam(const char *name)
{
    struct passwd *p;
    setpwent();
    while ((p = getpwent()) && strcmp(p->pw_name, name) != 0)
        ;
    return p;
}

struct passwd *getpwuid(uid_t uid)
{
    struct passwd *p;
    setpwent();
    while ((p = getpwent()) && p->pw_uid != uid)
        ;
    return p;
}
