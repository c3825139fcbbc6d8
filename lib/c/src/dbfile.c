/*
 * The line reader behind the user and group databases: one record a line, fields split at
 * colons, comments and malformed lines skipped. The file is opened on first use and kept open
 * (close-on-exec) until the caller's end call.
 */
#include <string.h>

#include "dbfile.h"

int db_next(struct dbfile *db, int nfields)
{
    if (!db->f && !(db->f = fopen(db->path, "re")))
        return 0;
    while (fgets(db->line, sizeof(db->line), db->f)) {
        size_t len = strlen(db->line);
        if (len && db->line[len - 1] == '\n')
            db->line[--len] = '\0';
        if (db->line[0] == '#' || len == 0)
            continue;
        int n = 0;
        char *p = db->line;
        for (; n < DB_FIELDS; n++) {
            db->field[n] = p;
            char *colon = strchr(p, ':');
            if (!colon) {
                n++;
                break;
            }
            *colon = '\0';
            p = colon + 1;
        }
        if (n == nfields)
            return n;
    }
    return 0;
}

void db_rewind(struct dbfile *db)
{
    if (db->f)
        rewind(db->f);
}

void db_close(struct dbfile *db)
{
    if (db->f)
        fclose(db->f);
    db->f = NULL;
}
