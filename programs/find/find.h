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
    F_PERM
};

struct find_node {
    enum find_kind kind;
    struct find_node *left, *right; // operands of AND/OR; left of NOT
    const char *arg;                // the pattern or type letter
    char **argv;                    // -exec's command, "{}" where the path goes
    int argc;
    long long number; // -size in 512-byte blocks or bytes, -perm bits
    int cmp;          // -size and -perm: -1 less/all bits, 0 exact, 1 more/any bits
    int bytes;        // -size counted in bytes (the c suffix)
    struct stat ref;  // -newer's file
    char **pending;   // -exec ... + paths not yet run
    int npending;
};

struct find_options {
    int maxdepth, mindepth; // -1 when not given
    int has_action;         // the expression prints or executes something itself
};

// Parses argv[0..argc) as an expression; NULL for an empty one. Exits with a message on a
// malformed expression.
struct find_node *find_parse(int argc, char **argv, struct find_options *opts);

// Evaluates node for the file at path; *prune is set by -prune. Returns 1 if true.
int find_eval(struct find_node *node, const char *path, const struct stat *st, int *prune);

// Runs what -exec ... + has collected; returns nonzero if a command failed.
int find_flush(struct find_node *node);

// The exit status so far: 1 once a command of -exec ... + failed.
extern int find_status;

#endif
