/*
 * find's expression: the tree parse.c builds from the command line and eval.c evaluates for
 * each file. Not the walking (find.c).
 */
#ifndef FIND_H
#define FIND_H

#include <sys/stat.h>

enum find_kind {
    F_AND,
    F_OR,
    F_NOT,
    F_NAME,
    F_INAME,
    F_PATH,
    F_TYPE,
    F_PRINT,
    F_PRINT0,
    F_EXEC,
    F_EXEC_PLUS,
    F_PRUNE,
    F_TRUE,
    F_FALSE,
    F_NEWER,
    F_SIZE,
    F_EMPTY,
    F_PERM,
    F_TIME,
    F_USER,
    F_GROUP,
    F_NOUSER,
    F_NOGROUP,
    F_LINKS
};

struct find_node {
    enum find_kind kind;
    struct find_node *left, *right; // operands of AND/OR; left of NOT
    const char *arg;                // the pattern or type letter
    char **argv;                    // -exec's command, "{}" where the path goes
    int argc;
    long long number; // -size in 512-byte blocks or bytes, -perm bits, -mtime days, -user id...
    int cmp;          // -size, -links, -*time: -1 less, 0 exact, 1 more; -perm: all/any bits
    char which;       // -*time: 'a', 'c' or 'm'
    long unit;        // -*time: seconds per unit (a day, or a minute for -*min)
    int bytes;        // -size counted in bytes (the c suffix)
    struct stat ref;  // -newer's file
    char **pending;   // -exec ... + paths not yet run
    int npending;
};

struct find_options {
    int maxdepth, mindepth; // -1 when not given
    int has_action;         // the expression prints or executes something itself
    int depth_first;        // -depth: a directory after its entries
    int same_device;        // -xdev / -mount: do not descend into other file systems
};

// Parses argv[0..argc) as an expression; NULL for an empty one. Exits with a message on a
// malformed expression.
struct find_node *find_parse(int argc, char **argv, struct find_options *opts);

// Sets the time -mtime and friends measure from (find's start).
void find_set_now(long long now);

// Evaluates node for the file at path; *prune is set by -prune. Returns 1 if true.
int find_eval(struct find_node *node, const char *path, const struct stat *st, int *prune);

// Runs what -exec ... + has collected; returns nonzero if a command failed.
int find_flush(struct find_node *node);

// The exit status so far: 1 once a command of -exec ... + failed.
extern int find_status;

#endif
