/*
 * The regular expression matcher: runs a compiled program (regex_internal.h) over a line by
 * backtracking. Without back-references it remembers every (instruction, position) state that
 * failed, so a search costs at most program size times line length steps.
 */
#include <ctype.h>
#include <string.h>

#include "regex.h"
#include "regex_internal.h"
#include "util.h"

// Memory of failed states is skipped above this many bits, falling back to plain
// backtracking rather than allocating without bound on a huge line.
#define VISITED_MAX ((size_t)64 << 20)

// A state to try later (slot < 0), or a slot value to restore when backtracking past it.
struct match_job {
    int pc;
    int slot;
    size_t pos;
    long old;
};

// Pushes a job on the matcher's backtracking stack, growing it.
static void push(struct regex *re, size_t *n, struct match_job job)
{
    if (*n == re->njobs_cap) {
        re->njobs_cap = re->njobs_cap ? re->njobs_cap * 2 : 64;
        re->jobs = xrealloc(re->jobs, re->njobs_cap * sizeof(*re->jobs));
    }
    re->jobs[(*n)++] = job;
}

// Byte equality for back-references, ignoring case under REGEX_ICASE.
static int same_byte(const struct regex *re, int a, int b)
{
    return a == b || (re->icase && tolower(a) == tolower(b));
}

// Whether the text at pos repeats group n's match; its length in *used.
static int backref_matches(const struct regex *re, int n, const char *text, size_t len, size_t pos,
                           size_t *used)
{
    long start = re->slots[2 * n], end = re->slots[2 * n + 1];
    if (start < 0 || end < start)
        return 0;
    size_t k = (size_t)(end - start);
    if (k > len - pos)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (!same_byte(re, (unsigned char)text[start + (long)i], (unsigned char)text[pos + i]))
            return 0;
    *used = k;
    return 1;
}

static int word_byte(const char *text, size_t len, size_t pos)
{
    return pos < len && (isalnum((unsigned char)text[pos]) || text[pos] == '_');
}

// Whether a match ending at end may end there: at the end of the text under REGEX_LINE, not
// before a word character under REGEX_WORD. The condition depends on the position alone, so
// the memory of failed states stays sound.
static int end_allowed(const struct regex *re, const char *text, size_t len, size_t end)
{
    if ((re->flags & REGEX_LINE) && end != len)
        return 0;
    return !(re->flags & REGEX_WORD) || !word_byte(text, len, end);
}

// Runs the program from start: the end of a match, or -1 if there is none. With longest, every
// path is tried and the furthest end returned. memo is the failed-state bitmap or NULL.
static long run(struct regex *re, const char *text, size_t len, size_t start, uint8_t *memo,
                int longest)
{
    long best = -1;
    size_t njobs = 0;
    push(re, &njobs, (struct match_job){0, -1, start, 0});
    while (njobs > 0) {
        struct match_job job = re->jobs[--njobs];
        if (job.slot >= 0) {
            re->slots[job.slot] = job.old;
            continue;
        }
        int pc = job.pc;
        size_t pos = job.pos;
        for (;;) {
            if (memo) {
                size_t bit = (size_t)pc * (len + 1) + pos;
                if (memo[bit >> 3] & (1u << (bit & 7)))
                    break;
                memo[bit >> 3] |= (uint8_t)(1u << (bit & 7));
            }
            const struct inst *in = &re->prog[pc];
            size_t used;
            int c = pos < len ? (unsigned char)text[pos] : -1;
            int ok = 1;
            switch (in->op) {
            case OP_CHAR:
                ok = c == in->x;
                pos++;
                break;
            case OP_ANY:
                ok = c >= 0;
                pos++;
                break;
            case OP_CLASS:
                ok = c >= 0 && (re->classes[in->x][c >> 3] >> (c & 7)) & 1;
                pos++;
                break;
            case OP_BOL:
                ok = pos == 0;
                break;
            case OP_EOL:
                ok = pos == len;
                break;
            case OP_SPLIT:
                push(re, &njobs, (struct match_job){in->y, -1, pos, 0});
                pc = in->x;
                continue;
            case OP_JMP:
                pc = in->x;
                continue;
            case OP_SAVE:
            case OP_MARK:
                push(re, &njobs, (struct match_job){0, in->x, 0, re->slots[in->x]});
                re->slots[in->x] = (long)pos;
                break;
            case OP_CHECK:
                ok = re->slots[in->x] != (long)pos;
                break;
            case OP_BACKREF:
                ok = backref_matches(re, in->x, text, len, pos, &used);
                if (ok)
                    pos += used;
                break;
            case OP_MATCH:
                if (end_allowed(re, text, len, pos)) {
                    if (!longest)
                        return (long)pos;
                    best = (long)pos > best ? (long)pos : best;
                }
                ok = 0;
                break;
            }
            if (!ok)
                break;
            pc++;
        }
    }
    return best;
}

// The first start at or after from where a match begins, and that match's end (the longest
// one if longest); 0 if there is no match.
static int search(struct regex *re, const char *text, size_t len, size_t from, int longest,
                  size_t *start_out, size_t *end_out)
{
    uint8_t *memo = NULL;
    size_t bits = (size_t)re->nprog * (len + 1);
    if (!re->has_backrefs && bits <= VISITED_MAX) {
        size_t bytes = (bits + 7) / 8;
        if (bytes > re->visited_size) {
            re->visited = xrealloc(re->visited, bytes);
            re->visited_size = bytes;
        }
        memo = re->visited;
        memset(memo, 0, bytes);
    }
    int anchored = re->prog[0].op == OP_BOL || (re->flags & REGEX_LINE);
    for (size_t start = from; start <= len; start++) {
        if ((re->flags & REGEX_WORD) && start > 0 && word_byte(text, len, start - 1))
            continue;
        for (int i = 0; i < re->nslots; i++)
            re->slots[i] = -1;
        long end = run(re, text, len, start, memo, longest);
        if (end >= 0) {
            *start_out = start;
            *end_out = (size_t)end;
            return 1;
        }
        if (anchored)
            break;
    }
    return 0;
}

int regex_search(struct regex *re, const char *text, size_t len)
{
    size_t start, end;
    return search(re, text, len, 0, 0, &start, &end);
}

int regex_find(struct regex *re, const char *text, size_t len, size_t from, size_t *start,
               size_t *end)
{
    return search(re, text, len, from, 1, start, end);
}
