/*
 * Mode strings and chmod's mode grammar (see mode.h), as POSIX chmod defines them.
 */
#include "mode.h"

#include <sys/stat.h>

static char type_char(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFDIR:
        return 'd';
    case S_IFLNK:
        return 'l';
    case S_IFCHR:
        return 'c';
    case S_IFBLK:
        return 'b';
    case S_IFIFO:
        return 'p';
    case S_IFSOCK:
        return 's';
    }
    return '-';
}

void mode_string(mode_t mode, char out[11])
{
    static const char rwx[] = "rwxrwxrwx";
    out[0] = type_char(mode);
    for (int i = 0; i < 9; i++)
        out[1 + i] = (mode & (0400u >> i)) ? rwx[i] : '-';
    if (mode & S_ISUID)
        out[3] = (mode & S_IXUSR) ? 's' : 'S';
    if (mode & S_ISGID)
        out[6] = (mode & S_IXGRP) ? 's' : 'S';
    if (mode & S_ISVTX)
        out[9] = (mode & S_IXOTH) ? 't' : 'T';
    out[10] = '\0';
}

// The permission bits of one symbolic clause's "perm" or "permcopy" letters, read from *p.
static mode_t perm_bits(const char **p, mode_t current, int is_dir)
{
    mode_t bits = 0;
    for (;; (*p)++) {
        switch (**p) {
        case 'r':
            bits |= 0444;
            continue;
        case 'w':
            bits |= 0222;
            continue;
        case 'x':
            bits |= 0111;
            continue;
        case 'X':
            if (is_dir || (current & 0111))
                bits |= 0111;
            continue;
        case 's':
            bits |= S_ISUID | S_ISGID;
            continue;
        case 't':
            bits |= S_ISVTX;
            continue;
        case 'u':
            bits |= (current & 0700) | (current & 0700) >> 3 | (current & 0700) >> 6;
            continue;
        case 'g':
            bits |= (current & 070) << 3 | (current & 070) | (current & 070) >> 3;
            continue;
        case 'o':
            bits |= (current & 07) << 6 | (current & 07) << 3 | (current & 07);
            continue;
        }
        return bits;
    }
}

// Applies one clause "[ugoa]*[+-=][perms]..." at *p to *mode; -1 if it is malformed.
static int apply_clause(const char **p, mode_t *mode, int is_dir, mode_t mask)
{
    mode_t who = 0;
    for (;; (*p)++) {
        if (**p == 'u')
            who |= S_ISUID | 0700;
        else if (**p == 'g')
            who |= S_ISGID | 070;
        else if (**p == 'o')
            who |= S_ISVTX | 07;
        else if (**p == 'a')
            who |= 07777;
        else
            break;
    }
    int masked = who == 0;
    if (masked)
        who = 07777;
    if (**p != '+' && **p != '-' && **p != '=')
        return -1;
    while (**p == '+' || **p == '-' || **p == '=') {
        char op = *(*p)++;
        mode_t bits = perm_bits(p, *mode, is_dir) & who;
        if (masked)
            bits &= ~mask;
        if (op == '+')
            *mode |= bits;
        else if (op == '-')
            *mode &= ~bits;
        else
            *mode = (*mode & ~(who & (is_dir ? 01777 : 07777))) | bits;
    }
    return 0;
}

int mode_apply(const char *spec, mode_t old, int is_dir, mode_t mask, mode_t *out)
{
    if (*spec >= '0' && *spec <= '7') {
        mode_t v = 0;
        for (const char *p = spec; *p; p++) {
            if (*p < '0' || *p > '7' || v > 07777)
                return -1;
            v = v * 8 + (mode_t)(*p - '0');
        }
        if (v > 07777)
            return -1;
        *out = v;
        return 0;
    }
    mode_t mode = old & 07777;
    const char *p = spec;
    for (;;) {
        if (apply_clause(&p, &mode, is_dir, mask) < 0)
            return -1;
        if (*p == '\0')
            break;
        if (*p++ != ',')
            return -1;
    }
    *out = mode;
    return 0;
}
