/*
 * du: reports the disk space used by files and directory trees, in 1024-byte blocks or (-h)
 * human-readable; -s only the operands' totals, -a every file too, -c a grand total, -x only
 * the operand's file system. A file with several hard links is counted once. Symbolic links
 * are not followed.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "human.h"
#include "opt.h"
#include "util.h"
#include "walk.h"

static int summarize, all, human, one_file_system, status;
static dev_t root_device;

// Inodes with several links seen so far, so that each is counted once.
static struct seen {
    dev_t dev;
    ino_t ino;
} * seen;
static size_t nseen, seen_cap;

// Whether st's inode was counted already; remembers it if not.
static int seen_before(const struct stat *st)
{
    for (size_t i = 0; i < nseen; i++)
        if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino)
            return 1;
    if (nseen == seen_cap)
        seen = xrealloc(seen, (seen_cap = seen_cap ? seen_cap * 2 : 64) * sizeof(*seen));
    seen[nseen++] = (struct seen){st->st_dev, st->st_ino};
    return 0;
}

// One line of output: the size in 1024-byte blocks (rounded up) or human form, then path.
static void print_size(unsigned long long bytes, const char *path)
{
    char buf[32];
    if (human)
        printf("%s\t%s\n", human_size(bytes, buf, sizeof(buf)), path);
    else
        printf("%llu\t%s\n", (bytes + 1023) / 1024, path);
}

// Running totals per depth of the walk: a directory's total is complete at WALK_DIR_POST.
struct totals {
    unsigned long long *at_depth;
    int cap;
};

// Adds bytes to the running total of the directory at depth - 1, growing the table.
static void add_at(struct totals *t, int depth, unsigned long long bytes)
{
    if (depth >= t->cap) {
        int cap = depth * 2 + 8;
        t->at_depth = xrealloc(t->at_depth, (size_t)cap * sizeof(*t->at_depth));
        memset(t->at_depth + t->cap, 0, (size_t)(cap - t->cap) * sizeof(*t->at_depth));
        t->cap = cap;
    }
    t->at_depth[depth] += bytes;
}

// Adds each entry's blocks to its directory's total and prints what is due (a walk callback).
static int visit(struct walk_entry *e, enum walk_event event, void *ctx)
{
    struct totals *t = ctx;
    if (event == WALK_ERROR) {
        warn_errno("cannot read '%s'", e->path);
        status = 1;
        return WALK_CONTINUE;
    }
    unsigned long long bytes = (unsigned long long)e->st.st_blocks * 512;
    if (e->depth == 0)
        root_device = e->st.st_dev;
    if (event == WALK_DIR && one_file_system && e->st.st_dev != root_device)
        return WALK_SKIP;
    if (event == WALK_DIR) {
        add_at(t, e->depth + 1, 0);
        t->at_depth[e->depth + 1] = 0;
        return WALK_CONTINUE;
    }
    if (event == WALK_DIR_POST) {
        bytes += t->at_depth[e->depth + 1];
        if (!summarize || e->depth == 0)
            print_size(bytes, e->path);
        add_at(t, e->depth, bytes);
        return WALK_CONTINUE;
    }
    if (e->st.st_nlink > 1 && seen_before(&e->st))
        return WALK_CONTINUE;
    if (e->depth == 0 || (all && !summarize))
        print_size(bytes, e->path);
    add_at(t, e->depth, bytes);
    return WALK_CONTINUE;
}

int main(int argc, char **argv)
{
    util_init("du");
    int grand = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "sahckx")) != -1) {
        switch (c) {
        case 's':
            summarize = 1;
            break;
        case 'a':
            all = 1;
            break;
        case 'h':
            human = 1;
            break;
        case 'c':
            grand = 1;
            break;
        case 'k':
            human = 0;
            break;
        case 'x':
            one_file_system = 1;
            break;
        default:
            return 1;
        }
    }
    if (summarize && all)
        die(1, "cannot both summarize and show all entries");
    char *dot[] = {".", NULL};
    char **operands = o.index < argc ? argv + o.index : dot;
    struct totals t = {NULL, 0};
    unsigned long long total = 0;
    for (char **p = operands; *p; p++) {
        add_at(&t, 0, 0);
        t.at_depth[0] = 0;
        walk(*p, 0, visit, &t);
        total += t.at_depth[0];
    }
    if (grand)
        print_size(total, "total");
    return status;
}
