/*
 * The regular expression compiler: turns the parser's tree into the matcher's instructions
 * (regex_internal.h) and offers the public compile and free calls. Matching is in
 * regex_exec.c.
 */
#include <stdlib.h>
#include <string.h>

#include "regex.h"
#include "regex_internal.h"
#include "util.h"

#define PROGRAM_MAX 100000

struct generator {
    struct parse_result *tree;
    struct regex *re;
    int cap;
    int loops;
    int too_big;
};

// Appends one instruction; its index.
static int emit(struct generator *g, enum op op, int x, int y)
{
    // Past the limit, instructions go nowhere: index 0 is patched harmlessly and the
    // compile fails once generation ends.
    if (g->re->nprog >= PROGRAM_MAX) {
        g->too_big = 1;
        return 0;
    }
    if (g->re->nprog == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 64;
        g->re->prog = xrealloc(g->re->prog, (size_t)g->cap * sizeof(struct inst));
    }
    g->re->prog[g->re->nprog] = (struct inst){op, x, y};
    return g->re->nprog++;
}

// Appends the code of node n and everything below it.
static void generate(struct generator *g, int n);

// Code for body repeated min to max times (max -1: without limit). An unlimited loop checks
// that each pass consumed something, so that a body matching the empty string cannot spin.
static void generate_repeat(struct generator *g, int body, int min, int max)
{
    for (int i = 0; i < min; i++)
        generate(g, body);
    if (max < 0) {
        int slot = g->tree->ngroups * 2 + 2 + g->loops++;
        int head = emit(g, OP_SPLIT, 0, 0);
        g->re->prog[head].x = head + 1;
        emit(g, OP_MARK, slot, 0);
        generate(g, body);
        emit(g, OP_CHECK, slot, 0);
        emit(g, OP_JMP, head, 0);
        g->re->prog[head].y = g->re->nprog;
        return;
    }
    int *splits = xmalloc((size_t)(max - min + 1) * sizeof(int));
    int count = 0;
    for (int i = min; i < max && !g->too_big; i++) {
        splits[count] = emit(g, OP_SPLIT, 0, 0);
        g->re->prog[splits[count]].x = splits[count] + 1;
        count++;
        generate(g, body);
    }
    for (int i = 0; i < count; i++)
        g->re->prog[splits[i]].y = g->re->nprog;
    free(splits);
}

static void generate(struct generator *g, int n)
{
    if (g->too_big)
        return;
    struct node *node = &g->tree->nodes[n];
    switch (node->kind) {
    case N_EMPTY:
        break;
    case N_CHAR:
        emit(g, OP_CHAR, node->value, 0);
        break;
    case N_ANY:
        emit(g, OP_ANY, 0, 0);
        break;
    case N_CLASS:
        emit(g, OP_CLASS, node->value, 0);
        break;
    case N_BOL:
        emit(g, OP_BOL, 0, 0);
        break;
    case N_EOL:
        emit(g, OP_EOL, 0, 0);
        break;
    case N_CAT:
        generate(g, node->a);
        generate(g, node->b);
        break;
    case N_ALT: {
        int split = emit(g, OP_SPLIT, 0, 0);
        g->re->prog[split].x = split + 1;
        generate(g, node->a);
        int jump = emit(g, OP_JMP, 0, 0);
        g->re->prog[split].y = g->re->nprog;
        generate(g, node->b);
        g->re->prog[jump].x = g->re->nprog;
        break;
    }
    case N_GROUP:
        emit(g, OP_SAVE, node->min * 2, 0);
        generate(g, node->a);
        emit(g, OP_SAVE, node->min * 2 + 1, 0);
        break;
    case N_REPEAT:
        generate_repeat(g, node->a, node->min, node->max);
        break;
    case N_BACKREF:
        g->re->has_backrefs = 1;
        emit(g, OP_BACKREF, node->min, 0);
        break;
    }
}

int regex_generate(struct parse_result *tree, struct regex *re, const char **error)
{
    struct generator g = {tree, re, 0, 0, 0};
    generate(&g, tree->root);
    emit(&g, OP_MATCH, 0, 0);
    if (g.too_big) {
        *error = "Regular expression too big";
        return -1;
    }
    re->nslots = tree->ngroups * 2 + 2 + g.loops;
    return 0;
}

struct regex *regex_compile(const char *pattern, size_t len, int flags, const char **error)
{
    struct parse_result tree;
    if (regex_parse(pattern, len, flags, &tree, error) < 0)
        return NULL;
    struct regex *re = xmalloc(sizeof(*re));
    memset(re, 0, sizeof(*re));
    re->icase = (flags & REGEX_ICASE) != 0;
    re->flags = flags & (REGEX_LINE | REGEX_WORD);
    re->classes = tree.classes;
    re->nclasses = tree.nclasses;
    int r = regex_generate(&tree, re, error);
    free(tree.nodes);
    if (r < 0) {
        regex_free(re);
        return NULL;
    }
    re->slots = xmalloc((size_t)re->nslots * sizeof(long));
    return re;
}

void regex_free(struct regex *re)
{
    if (!re)
        return;
    free(re->prog);
    free(re->classes);
    free(re->visited);
    free(re->jobs);
    free(re->slots);
    free(re);
}
