/*
 * tr: copies standard input to standard output translating, deleting (-d) or squeezing (-s)
 * bytes of the sets given, with -c for the complement of the first set. Sets may use escapes,
 * ranges, [:class:], [=c=] and [c*n]. See sets.c for how a set is spelled.
 */
#include <unistd.h>

#include "charclass.h"
#include "opt.h"
#include "tr.h"
#include "util.h"

// The rules POSIX and GNU tr set for [c*] and classes; exits with a message if one is broken.
// s2 is NULL when there is one set.
static void check_sets(const struct tr_set *s1, const struct tr_set *s2, int translating)
{
    if (s1->has_fill)
        die(1, "the [c*] repeat construct may not appear in string1");
    if (!s2)
        return;
    if (s2->has_fill && !translating)
        die(1, "the [c*] construct may appear in string2 only when translating");
    if (!translating)
        return;
    int upper = charclass_lookup("upper", 5), lower = charclass_lookup("lower", 5);
    for (int i = 0; i < s2->nclasses; i++) {
        if (s2->classes[i].id != upper && s2->classes[i].id != lower)
            die(1, "when translating, the only character classes that may appear in string2 "
                   "are 'upper' and 'lower'");
        int aligned = 0;
        for (int k = 0; k < s1->nclasses; k++)
            aligned |= s1->classes[k].pos == s2->classes[i].pos &&
                       (s1->classes[k].id == upper || s1->classes[k].id == lower);
        if (!aligned)
            die(1, "misaligned [:upper:] and/or [:lower:] construct");
    }
    if (s1->len > s2->len && s2->ends_with_class)
        die(1, "when translating with string1 longer than string2,\nthe latter string must not "
               "end with a character class");
}

int main(int argc, char **argv)
{
    util_init("tr");
    int complement = 0, delete = 0, squeeze = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "cCds")) != -1) {
        if (c == '?')
            return 1;
        complement |= c == 'c' || c == 'C';
        delete |= c == 'd';
        squeeze |= c == 's';
    }
    int nsets = argc - o.index;
    int want = delete &&squeeze ? 2 : delete || (squeeze && nsets < 2) ? 1 : 2;
    if (nsets < want)
        die(1, nsets == 0 ? "missing operand" : "missing operand after '%s'", argv[argc - 1]);
    if (nsets > want)
        die(1, "extra operand '%s'", argv[o.index + want]);
    struct tr_set s1, s2;
    if (tr_set_parse(argv[o.index], &s1, 0) < 0)
        return 1;
    if (complement)
        tr_set_complement(&s1);
    if (want == 2 && tr_set_parse(argv[o.index + 1], &s2, !delete ? s1.len : 0) < 0)
        return 1;
    check_sets(&s1, want == 2 ? &s2 : NULL, !delete &&want == 2);
    unsigned char map[256], in_delete[256] = {0}, in_squeeze[256] = {0};
    for (int i = 0; i < 256; i++)
        map[i] = (unsigned char)i;
    if (!delete &&want == 2) {
        if (s2.len == 0 && s1.len > 0)
            die(1, "when not truncating set1, string2 must be non-empty");
        for (size_t i = 0; i < s1.len; i++)
            map[s1.bytes[i]] = s2.bytes[i < s2.len ? i : s2.len - 1];
    }
    if (delete)
        for (size_t i = 0; i < s1.len; i++)
            in_delete[s1.bytes[i]] = 1;
    if (squeeze) {
        const struct tr_set *sq = want == 2 ? &s2 : &s1;
        for (size_t i = 0; i < sq->len; i++)
            in_squeeze[sq->bytes[i]] = 1;
    }
    unsigned char buf[65536], out[65536];
    int last = -1;
    ssize_t n;
    while ((n = read(0, buf, sizeof(buf))) > 0) {
        size_t k = 0;
        for (ssize_t i = 0; i < n; i++) {
            if (in_delete[buf[i]])
                continue;
            unsigned char ch = map[buf[i]];
            if (in_squeeze[ch] && ch == last)
                continue;
            out[k++] = ch;
            last = ch;
        }
        if (write_all(1, out, k) < 0) {
            warn_errno("write error");
            return 1;
        }
    }
    if (n < 0) {
        warn_errno("read error");
        return 1;
    }
    return 0;
}
