/*
 * What the parts of ls share: the options, a listed entry, and the output formats (ls_format.c).
 * The reading, sorting and recursion are in ls.c.
 */
#ifndef LS_H
#define LS_H

#include <sys/stat.h>

enum ls_format { LS_ONE_PER_LINE, LS_COLUMNS, LS_ACROSS, LS_LONG };

struct ls_options {
    enum ls_format format;
    int all, almost_all, recursive, directory, human, reverse;
    char sort;              // 0 by name, 't' by time, 'S' by size
    char indicator;         // 0, 'F' (a mark for every type) or 'p' (a slash after directories)
    int inode;              // -i
    int numeric;            // -n: user and group as numbers
    int no_owner, no_group; // -g, -o
    int width;              // the terminal's width for columns
};

struct ls_entry {
    char *name; // as shown
    char *path; // as passed to lstat and readlink
    struct stat st;
    int stat_ok;
};

extern struct ls_options ls_opts;

// Writes entries[0..n) (one directory's, or the file operands) in the chosen format; -l's
// columns are as wide as entries[0..measured) need (GNU ls also measures the directory
// operands that follow the files). with_total adds -l's "total" line.
void ls_print(struct ls_entry *entries, int n, int measured, int with_total);

#endif
