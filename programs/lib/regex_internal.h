/*
 * What the regular expression parser, compiler and matcher share: the syntax tree the parser
 * builds and the instructions the matcher runs. Not for users of regex.h.
 */
#ifndef REGEX_INTERNAL_H
#define REGEX_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#define REGEX_DUP_MAX 32767 // RE_DUP_MAX, as glibc's
#define REGEX_GROUPS  10    // \0 is the whole match; \1-\9 may be referred to

enum node_kind {
    N_EMPTY,
    N_CHAR,
    N_ANY,
    N_CLASS,
    N_BOL,
    N_EOL,
    N_CAT,
    N_ALT,
    N_GROUP,
    N_REPEAT,
    N_BACKREF
};

// A syntax tree node; children are indices into the parser's node array.
struct node {
    enum node_kind kind;
    int a, b;     // children of CAT/ALT; a is the body of GROUP/REPEAT
    int min, max; // REPEAT bounds, max -1 for no limit; group or backref number in min
    int value;    // the byte of CHAR, the class index of CLASS
};

enum op {
    OP_CHAR,
    OP_ANY,
    OP_CLASS,
    OP_BOL,
    OP_EOL,
    OP_SPLIT,
    OP_JMP,
    OP_SAVE,
    OP_BACKREF,
    OP_MARK,
    OP_CHECK,
    OP_MATCH
};

struct inst {
    enum op op;
    int x, y; // byte, class index, slot, or jump targets (SPLIT prefers x)
};

struct regex {
    struct inst *prog;
    int nprog;
    uint8_t (*classes)[32]; // 256-bit sets
    int nclasses;
    int nslots; // capture slots (2 per group) then one per unbounded loop
    int has_backrefs;
    int icase;
    int flags;        // REGEX_LINE and REGEX_WORD
    uint8_t *visited; // the matcher's memory of failed states
    size_t visited_size;
    struct match_job *jobs;
    size_t njobs_cap;
    long *slots;
};

struct parse_result {
    struct node *nodes;
    int root;
    int ngroups;
    uint8_t (*classes)[32];
    int nclasses;
};

// Adds byte c to a 256-bit set.
static inline void regex_set_add(uint8_t *set, int c)
{
    set[(unsigned char)c >> 3] |= (uint8_t)(1u << (c & 7));
}

// Parses a bracket expression whose '[' is just before *p (text ends at end) into set, moving
// *p past its ']'; 0, or -1 with *error set.
int regex_bracket(const char **p, const char *end, int icase, uint8_t *set, const char **error);

// Parses pattern into a tree; 0, or -1 with *error set.
int regex_parse(const char *pattern, size_t len, int flags, struct parse_result *out,
                const char **error);

// Turns the tree into re's program; 0, or -1 with *error set.
int regex_generate(struct parse_result *tree, struct regex *re, const char **error);

#endif
