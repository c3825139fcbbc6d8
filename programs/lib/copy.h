/*
 * Copying files and trees for cp and mv: contents, symbolic links, directories, and with
 * "preserve" the mode, owner and times. Not the choice of destination names (the callers').
 */
#ifndef COPY_H
#define COPY_H

#include <sys/stat.h>

struct copy_options {
    int recursive;   // copy directories and what they hold; links are copied as links
    int preserve;    // keep mode, owner and modification/access times
    int force;       // remove a destination that cannot be opened, then retry
    int interactive; // ask before overwriting a file
};

// Copies src (whose lstat or stat is st) to dst; 0, or -1 after messages (the copy goes on
// past errors in a tree).
int copy_path(const char *src, const struct stat *st, const char *dst,
              const struct copy_options *opts);

// Checks the n operands of cp or mv (sources, then the target last), ending the program with
// the message GNU's tools give when they are too few or the target of several is no
// directory; whether the target is a directory.
int copy_target(int n, char **operands);

#endif
