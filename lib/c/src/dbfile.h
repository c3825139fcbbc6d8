/* Private to libc: reading the colon-separated lines of /etc/passwd and /etc/group. */
#ifndef QSOE_LIBC_DBFILE_H
#define QSOE_LIBC_DBFILE_H

#include <stdio.h>

#define DB_LINE_MAX 512
#define DB_FIELDS   8

struct dbfile {
    const char *path;
    FILE *f;
    char line[DB_LINE_MAX];
    char *field[DB_FIELDS];
};

// Reads the next line of db with exactly nfields fields (others are skipped) and splits it
// in place; the number of fields, or 0 at the end.
int db_next(struct dbfile *db, int nfields);
void db_rewind(struct dbfile *db);
void db_close(struct dbfile *db);

#endif
