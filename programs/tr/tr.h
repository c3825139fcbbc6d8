/*
 * tr's sets: the text of a set operand turned into the ordered bytes it stands for.
 */
#ifndef TR_H
#define TR_H

#include <stddef.h>

#define TR_CLASSES_MAX 32

struct tr_set {
    unsigned char bytes[4096];
    size_t len;
    struct {
        size_t pos; // where the class's bytes start
        int id;     // charclass.h's number
    } classes[TR_CLASSES_MAX];
    int nclasses;
    int ends_with_class; // the text ended with a [:class:]
    int has_fill;        // the text held a [c*]
};

// Parses text into set; fill is the length a "[c*]" repetition should pad the set to (0 in
// the first set). -1 after a message if text is malformed.
int tr_set_parse(const char *text, struct tr_set *set, size_t fill);

// Replaces set by the bytes not in it, in ascending order.
void tr_set_complement(struct tr_set *set);

#endif
