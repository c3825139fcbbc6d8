/*
 * A directory tree walker for find, du, cp -R, rm -r, chmod and grep -r: visits a path and,
 * for a directory, everything below it, depth first, in the order the directory lists it.
 * Does not follow symbolic links below the root and does not sort.
 */
#ifndef WALK_H
#define WALK_H

#include <sys/stat.h>

enum walk_event {
    WALK_FILE,     // anything that is not a directory
    WALK_DIR,      // a directory, before its entries
    WALK_DIR_POST, // a directory, after its entries
    WALK_ERROR,    // a path that could not be examined or a directory that could not be read;
                   // errno says why
};

struct walk_entry {
    const char *path; // the root, or the root joined with the names below it
    struct stat st;   // valid except for WALK_ERROR of a stat failure
    int depth;        // 0 for the root
};

enum { WALK_CONTINUE = 0, WALK_SKIP = 1 }; // WALK_SKIP after WALK_DIR: do not descend

typedef int (*walk_fn)(struct walk_entry *e, enum walk_event event, void *ctx);

// Walks root; follow says whether a symbolic link given as the root itself is followed.
void walk(const char *root, int follow, walk_fn fn, void *ctx);

#endif
