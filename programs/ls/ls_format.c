/*
 * ls's output formats: one name per line, names in columns (down or across) for a terminal,
 * and -l's long format in GNU ls's layout (mode, links, owner, group, size, date, name ->
 * target), with inode numbers and type marks when asked. Not the choice of what to list (ls.c).
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "human.h"
#include "ls.h"
#include "mode.h"
#include "util.h"

// The name of user (or group) id, or the number with -n or when there is no such entry.
static const char *id_name(unsigned id, int group, char *buf, size_t size)
{
    if (!ls_opts.numeric && group) {
        struct group *g = getgrgid((gid_t)id);
        if (g)
            return g->gr_name;
    } else if (!ls_opts.numeric) {
        struct passwd *p = getpwuid((uid_t)id);
        if (p)
            return p->pw_name;
    }
    snprintf(buf, size, "%u", id);
    return buf;
}

// The date column: "Mon dd HH:MM" within the last six months, otherwise "Mon dd  YYYY".
static void format_date(time_t t, char *out, size_t size)
{
    const time_t half_year = 31556952 / 2;
    time_t now = time(NULL);
    struct tm *tm = localtime(&t);
    if (!tm) {
        snprintf(out, size, "%ld", (long)t);
        return;
    }
    int recent = t > now - half_year && t <= now;
    strftime(out, size, recent ? "%b %e %H:%M" : "%b %e  %Y", tm);
}

// The size column: bytes, or human form with -h.
static void size_text(const struct ls_entry *e, char *out, size_t size)
{
    if (ls_opts.human)
        human_size((unsigned long long)e->st.st_size, out, size);
    else
        snprintf(out, size, "%lld", (long long)e->st.st_size);
}

static int digits(unsigned long long v)
{
    int n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

// The mark -F (or, for directories only, -p) puts after a name of this mode; 0 for none.
static char type_mark(mode_t mode)
{
    if (S_ISDIR(mode))
        return '/';
    if (ls_opts.indicator != 'F')
        return 0;
    if (S_ISLNK(mode))
        return '@';
    if (S_ISFIFO(mode))
        return '|';
    if (S_ISSOCK(mode))
        return '=';
    if (S_ISREG(mode) && (mode & 0111))
        return '*';
    return 0;
}

// The width of the inode column: the widest inode number of the list.
static int inode_width(const struct ls_entry *entries, int n)
{
    int w = 0;
    for (int i = 0; i < n; i++) {
        int d = digits(entries[i].st.st_ino);
        w = d > w ? d : w;
    }
    return w;
}

// Writes e's name, with its type mark when -F or -p asks (and with_mark allows).
static void print_name(const struct ls_entry *e, int with_mark)
{
    char mark = with_mark && ls_opts.indicator && e->stat_ok ? type_mark(e->st.st_mode) : 0;
    fputs(e->name, stdout);
    if (mark)
        putchar(mark);
}

// " -> target" for a symbolic link in the long format (-F marks the target as GNU ls does).
static void print_target(const struct ls_entry *e)
{
    char target[4096];
    ssize_t len = readlink(e->path, target, sizeof(target) - 1);
    if (len < 0)
        return;
    target[len] = '\0';
    printf(" -> %s", target);
    struct stat st;
    if (ls_opts.indicator == 'F' && stat(e->path, &st) == 0 && type_mark(st.st_mode))
        putchar(type_mark(st.st_mode));
}

// The -l lines, with columns aligned across the list and the "total" of 1024-byte blocks.
static void print_long(struct ls_entry *entries, int n, int measured, int with_total)
{
    int link_w = 1, owner_w = 1, group_w = 1, size_w = 1;
    int ino_w = ls_opts.inode ? inode_width(entries, measured) : 0;
    unsigned long long blocks = 0;
    char buf[64];
    for (int i = 0; i < measured; i++) {
        struct ls_entry *e = &entries[i];
        if (!e->stat_ok)
            continue;
        if (i < n)
            blocks += (unsigned long long)e->st.st_blocks;
        int w = digits(e->st.st_nlink);
        link_w = w > link_w ? w : link_w;
        w = (int)strlen(id_name(e->st.st_uid, 0, buf, sizeof(buf)));
        owner_w = w > owner_w ? w : owner_w;
        w = (int)strlen(id_name(e->st.st_gid, 1, buf, sizeof(buf)));
        group_w = w > group_w ? w : group_w;
        size_text(e, buf, sizeof(buf));
        w = (int)strlen(buf);
        size_w = w > size_w ? w : size_w;
    }
    if (with_total) {
        if (ls_opts.human)
            printf("total %s\n", human_size(blocks * 512, buf, sizeof(buf)));
        else
            printf("total %llu\n", (blocks + 1) / 2);
    }
    for (int i = 0; i < n; i++) {
        struct ls_entry *e = &entries[i];
        char mode[11], date[64], id[32], size[32];
        if (!e->stat_ok) {
            printf("l????????? ? ? ? ?            ? %s\n", e->name);
            continue;
        }
        if (ls_opts.inode)
            printf("%*lu ", ino_w, (unsigned long)e->st.st_ino);
        mode_string(e->st.st_mode, mode);
        printf("%s %*lu ", mode, link_w, (unsigned long)e->st.st_nlink);
        if (!ls_opts.no_owner)
            printf("%-*s ", owner_w, id_name(e->st.st_uid, 0, id, sizeof(id)));
        if (!ls_opts.no_group)
            printf("%-*s ", group_w, id_name(e->st.st_gid, 1, id, sizeof(id)));
        format_date(e->st.st_mtime, date, sizeof(date));
        size_text(e, size, sizeof(size));
        printf("%*s %s ", size_w, size, date);
        // A link's mark is its target's, after the target.
        print_name(e, !S_ISLNK(e->st.st_mode));
        if (S_ISLNK(e->st.st_mode))
            print_target(e);
        putchar('\n');
    }
}

// Pads from column from to column to with tabs (stops every 8) where a tab saves more than
// one space, and spaces otherwise, as GNU ls does.
static void pad(int from, int to)
{
    while (from < to) {
        if (to / 8 > (from + 1) / 8) {
            putchar('\t');
            from += 8 - from % 8;
        } else {
            putchar(' ');
            from++;
        }
    }
}

// The width entry i takes in columns: its inode, name and mark.
static int shown_width(const struct ls_entry *e, int ino_w)
{
    int mark = ls_opts.indicator && e->stat_ok && type_mark(e->st.st_mode);
    return (ino_w ? ino_w + 1 : 0) + (int)strlen(e->name) + mark;
}

// Where the entry of row r, column c is, for columns filled down (-C) or across (-x).
static int cell(int r, int c, int rows, int cols)
{
    return ls_opts.format == LS_ACROSS ? r * cols + c : c * rows + r;
}

// The widths of cols columns of rows rows; their sum with two spaces between, in *total.
static void column_widths(const int *len, int n, int rows, int cols, int *width, int *total)
{
    *total = 0;
    for (int c = 0; c < cols; c++) {
        width[c] = 0;
        for (int r = 0; r < rows; r++) {
            int i = cell(r, c, rows, cols);
            if (i < n && len[i] > width[c])
                width[c] = len[i];
        }
        *total += width[c] + (c + 1 < cols ? 2 : 0);
    }
}

// Names in as many columns as fit the terminal's width, filled down (-C) or across (-x).
static void print_columns(struct ls_entry *entries, int n)
{
    if (n == 0)
        return;
    int ino_w = ls_opts.inode ? inode_width(entries, n) : 0;
    int *len = xmalloc((size_t)n * sizeof(int));
    int *width = xmalloc((size_t)n * sizeof(int));
    for (int i = 0; i < n; i++)
        len[i] = shown_width(&entries[i], ino_w);
    int cols = n < ls_opts.width / 3 ? n : ls_opts.width / 3, rows = n, total;
    for (; cols > 1; cols--) {
        rows = (n + cols - 1) / cols;
        // Down the columns, this many would leave the last one empty.
        if (ls_opts.format != LS_ACROSS && (rows - 1) * cols >= n)
            continue;
        column_widths(len, n, rows, cols, width, &total);
        // GNU ls keeps lines strictly shorter than the terminal.
        if (total < ls_opts.width)
            break;
    }
    if (cols <= 1) {
        cols = 1;
        rows = n;
    }
    column_widths(len, n, rows, cols, width, &total);
    for (int r = 0; r < rows; r++) {
        int pos = 0;
        for (int c = 0; c < cols; c++) {
            int i = cell(r, c, rows, cols);
            if (i >= n)
                break;
            if (ino_w)
                printf("%*lu ", ino_w, (unsigned long)entries[i].st.st_ino);
            print_name(&entries[i], 1);
            int next = cell(r, c + 1, rows, cols);
            if (c + 1 < cols && next < n)
                pad(pos + len[i], pos + width[c] + 2);
            pos += width[c] + 2;
        }
        putchar('\n');
    }
    free(width);
    free(len);
}

void ls_print(struct ls_entry *entries, int n, int measured, int with_total)
{
    if (ls_opts.format == LS_LONG) {
        print_long(entries, n, measured, with_total);
    } else if (ls_opts.format == LS_COLUMNS || ls_opts.format == LS_ACROSS) {
        print_columns(entries, n);
    } else {
        int ino_w = ls_opts.inode ? inode_width(entries, n) : 0;
        for (int i = 0; i < n; i++) {
            if (ino_w)
                printf("%*lu ", ino_w, (unsigned long)entries[i].st.st_ino);
            print_name(&entries[i], 1);
            putchar('\n');
        }
    }
}
