/*
 * sort's keys: parsing -k specifications and comparing two lines by one key. Not the reading,
 * ordering or output of lines (sort.c).
 */
#ifndef SORT_H
#define SORT_H

#include <stddef.h>

struct sort_key {
    int start_field, start_char; // 1-based; char 0 means the field's first
    int end_field, end_char;     // end_field 0: to the end of the line; end_char 0: field's end
    int numeric, reverse, fold, skip_blanks, skip_blanks_end;
    int dictionary; // -d: only blanks and letters and digits count
    int printable;  // -i: only printable characters count
    int whole_line; // the key is the line (no -k given)
    int has_modifiers;
};

// Parses "F[.C][mods][,F[.C][mods]]" (mods from b d f i n r) into key; -1 if malformed.
int sort_key_parse(const char *spec, struct sort_key *key);

// Gives a key without its own modifiers those of the global options, as POSIX says.
void sort_key_inherit(struct sort_key *key, const struct sort_key *global);

// Compares lines a and b by key (separator -1: fields split at blank runs); <0, 0, >0.
int sort_key_compare(const struct sort_key *key, int separator, const char *a, size_t alen,
                     const char *b, size_t blen);

#endif
