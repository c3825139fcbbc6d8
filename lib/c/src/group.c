/* getgrnam, getgrgid and the getgrent family, over /etc/group (name:passwd:gid:member,...). */
#include <grp.h>
#include <stdlib.h>
#include <string.h>

#include "dbfile.h"

#define MAX_MEMBERS 32

static struct dbfile db = {"/etc/group", NULL, {0}, {0}};
static struct group entry;
static char *members[MAX_MEMBERS + 1];

void setgrent(void)
{
    db_rewind(&db);
}

void endgrent(void)
{
    db_close(&db);
}

struct group *getgrent(void)
{
    if (db_next(&db, 4) != 4)
        return NULL;
    int n = 0;
    for (char *m = db.field[3]; *m && n < MAX_MEMBERS;) {
        members[n++] = m;
        char *comma = strchr(m, ',');
        if (!comma)
            break;
        *comma = '\0';
        m = comma + 1;
    }
    members[n] = NULL;
    entry =
        (struct group){db.field[0], db.field[1], (gid_t)strtoul(db.field[2], NULL, 10), members};
    return &entry;
}

struct group *getgrnam(const char *name)
{
    struct group *g;
    setgrent();
    while ((g = getgrent()) && strcmp(g->gr_name, name) != 0)
        ;
    return g;
}

struct group *getgrgid(gid_t gid)
{
    struct group *g;
    setgrent();
    while ((g = getgrent()) && g->gr_gid != gid)
        ;
    return g;
}
