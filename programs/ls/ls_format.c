/*
 * ls's output formats: one name per line, names in columns across a terminal, and -l's long
 * format in GNU ls's layout (mode, links, owner, group, size, date, name -> target). Not the
 * choice of what to list (ls.c).
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

// The name of user (or group) id, or the number when there is no such entry.
static const char *id_name(unsigned id, int group, char *buf, size_t size)
{
    if (group) {
        struct group *g = getgrgid((gid_t)id);
        if (g)
            return g->gr_name;
    } else {
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

// The -l lines, with columns aligned across the list and the "total" of 1024-byte blocks.
static void print_long(struct ls_entry *entries, int n, int measured, int with_total)
{
    int link_w = 1, owner_w = 1, group_w = 1, size_w = 1;
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
        char mode[11], date[64], owner[32], group[32], size[32];
        if (!e->stat_ok) {
            printf("l????????? ? ? ? ?            ? %s\n", e->name);
            continue;
        }
        mode_string(e->st.st_mode, mode);
        format_date(e->st.st_mtime, date, sizeof(date));
        size_text(e, size, sizeof(size));
        printf("%s %*lu %-*s %-*s %*s %s %s", mode, link_w, (unsigned long)e->st.st_nlink, owner_w,
               id_name(e->st.st_uid, 0, owner, sizeof(owner)), group_w,
               id_name(e->st.st_gid, 1, group, sizeof(group)), size_w, size, date, e->name);
        if (S_ISLNK(e->st.st_mode)) {
            char target[4096];
            ssize_t len = readlink(e->path, target, sizeof(target) - 1);
            if (len >= 0) {
                target[len] = '\0';
                printf(" -> %s", target);
            }
        }
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

// Names in columns down then across, as many columns as fit the terminal's width.
static void print_columns(struct ls_entry *entries, int n)
{
    if (n == 0)
        return;
    int *len = xmalloc((size_t)n * sizeof(int));
    for (int i = 0; i < n; i++)
        len[i] = (int)strlen(entries[i].name);
    int cols = n < ls_opts.width / 3 ? n : ls_opts.width / 3, rows = n;
    for (; cols > 1; cols--) {
        rows = (n + cols - 1) / cols;
        if ((rows - 1) * cols >= n) // this many columns would leave one empty
            continue;
        int total = 0;
        for (int c = 0; c < cols; c++) {
            int w = 0;
            for (int r = 0; r < rows && c * rows + r < n; r++)
                w = len[c * rows + r] > w ? len[c * rows + r] : w;
            total += w + (c + 1 < cols ? 2 : 0);
        }
        if (total <= ls_opts.width)
            break;
    }
    if (cols <= 1) {
        cols = 1;
        rows = n;
    }
    int *colw = xmalloc((size_t)cols * sizeof(int));
    for (int c = 0; c < cols; c++) {
        colw[c] = 0;
        for (int r = 0; r < rows && c * rows + r < n; r++)
            colw[c] = len[c * rows + r] > colw[c] ? len[c * rows + r] : colw[c];
    }
    for (int r = 0; r < rows; r++) {
        int pos = 0;
        for (int c = 0; c < cols; c++) {
            int i = c * rows + r;
            if (i >= n)
                break;
            fputs(entries[i].name, stdout);
            if (c + 1 < cols && (c + 1) * rows + r < n)
                pad(pos + len[i], pos + colw[c] + 2);
            pos += colw[c] + 2;
        }
        putchar('\n');
    }
    free(colw);
    free(len);
}

void ls_print(struct ls_entry *entries, int n, int measured, int with_total)
{
    if (ls_opts.long_format) {
        print_long(entries, n, measured, with_total);
    } else if (ls_opts.columns && !ls_opts.one_per_line) {
        print_columns(entries, n);
    } else {
        for (int i = 0; i < n; i++)
            puts(entries[i].name);
    }
}
