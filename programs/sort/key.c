/*
 * sort keys (see sort.h): finding a key's text in a line and comparing it as text or as a
 * number, the way POSIX sort and GNU sort define fields and numbers.
 */
#include <ctype.h>
#include <string.h>

#include "sort.h"

// Reads "N[.C]" then modifier letters at *p; -1 if there is no number.
static int parse_position(const char **p, int *field, int *ch, struct sort_key *key, int end)
{
    if (!isdigit((unsigned char)**p))
        return -1;
    *field = 0;
    while (isdigit((unsigned char)**p))
        *field = *field * 10 + (*(*p)++ - '0');
    *ch = 0;
    if (**p == '.') {
        (*p)++;
        if (!isdigit((unsigned char)**p))
            return -1;
        while (isdigit((unsigned char)**p))
            *ch = *ch * 10 + (*(*p)++ - '0');
    }
    for (; **p && **p != ','; (*p)++) {
        key->has_modifiers = 1;
        switch (**p) {
        case 'n':
            key->numeric = 1;
            break;
        case 'r':
            key->reverse = 1;
            break;
        case 'f':
            key->fold = 1;
            break;
        case 'd':
            key->dictionary = 1;
            break;
        case 'i':
            key->printable = 1;
            break;
        case 'b':
            if (end)
                key->skip_blanks_end = 1;
            else
                key->skip_blanks = 1;
            break;
        default:
            return -1;
        }
    }
    return 0;
}

int sort_key_parse(const char *spec, struct sort_key *key)
{
    memset(key, 0, sizeof(*key));
    const char *p = spec;
    if (parse_position(&p, &key->start_field, &key->start_char, key, 0) < 0 ||
        key->start_field == 0)
        return -1;
    if (*p == ',') {
        p++;
        if (parse_position(&p, &key->end_field, &key->end_char, key, 1) < 0 || key->end_field == 0)
            return -1;
    }
    return *p == '\0' ? 0 : -1;
}

void sort_key_inherit(struct sort_key *key, const struct sort_key *global)
{
    if (key->has_modifiers)
        return;
    key->numeric = global->numeric;
    key->reverse = global->reverse;
    key->fold = global->fold;
    key->dictionary = global->dictionary;
    key->printable = global->printable;
    key->skip_blanks = key->skip_blanks_end = global->skip_blanks;
}

static int blank(int c)
{
    return c == ' ' || c == '\t';
}

// The offset where field number field (1-based) starts in line, or len if it does not exist.
static size_t field_start(const char *line, size_t len, int field, int separator)
{
    size_t pos = 0;
    for (int f = 1; f < field && pos < len; f++) {
        if (separator >= 0) {
            while (pos < len && (unsigned char)line[pos] != separator)
                pos++;
            if (pos < len)
                pos++;
            else
                return len;
        } else {
            while (pos < len && blank(line[pos]))
                pos++;
            while (pos < len && !blank(line[pos]))
                pos++;
        }
    }
    return pos;
}

// The offset where field number field ends (before its separator).
static size_t field_end(const char *line, size_t len, int field, int separator)
{
    size_t pos = field_start(line, len, field, separator);
    if (separator >= 0) {
        while (pos < len && (unsigned char)line[pos] != separator)
            pos++;
    } else {
        while (pos < len && blank(line[pos]))
            pos++;
        while (pos < len && !blank(line[pos]))
            pos++;
    }
    return pos;
}

// The key's text in line, as [*start, *end).
static void locate(const struct sort_key *key, int separator, const char *line, size_t len,
                   size_t *start, size_t *end)
{
    if (key->whole_line) {
        *start = 0;
        *end = len;
        return;
    }
    size_t s = field_start(line, len, key->start_field, separator);
    if (key->skip_blanks)
        while (s < len && blank(line[s]))
            s++;
    if (key->start_char > 0)
        s = s + (size_t)key->start_char - 1 < len ? s + (size_t)key->start_char - 1 : len;
    size_t e = len;
    if (key->end_field > 0) {
        if (key->end_char == 0) {
            e = field_end(line, len, key->end_field, separator);
        } else {
            e = field_start(line, len, key->end_field, separator);
            if (key->skip_blanks_end)
                while (e < len && blank(line[e]))
                    e++;
            e = e + (size_t)key->end_char < len ? e + (size_t)key->end_char : len;
        }
    }
    *start = s;
    *end = e < s ? s : e;
}

// Compares two numbers written as [blanks][-]digits[.digits], anything after ignored.
static int compare_numbers(const char *a, const char *ae, const char *b, const char *be)
{
    const char *p[2] = {a, b}, *end[2] = {ae, be};
    const char *ip[2], *fp[2];
    size_t il[2], fl[2];
    int neg[2], zero[2];
    for (int k = 0; k < 2; k++) {
        const char *s = p[k];
        while (s < end[k] && blank(*s))
            s++;
        neg[k] = s < end[k] && *s == '-';
        if (neg[k])
            s++;
        while (s < end[k] && *s == '0')
            s++;
        ip[k] = s;
        while (s < end[k] && isdigit((unsigned char)*s))
            s++;
        il[k] = (size_t)(s - ip[k]);
        fp[k] = s;
        fl[k] = 0;
        if (s < end[k] && *s == '.') {
            fp[k] = ++s;
            while (s < end[k] && isdigit((unsigned char)*s))
                s++;
            fl[k] = (size_t)(s - fp[k]);
            while (fl[k] > 0 && fp[k][fl[k] - 1] == '0')
                fl[k]--;
        }
        zero[k] = il[k] == 0 && fl[k] == 0;
        if (zero[k])
            neg[k] = 0;
    }
    if (neg[0] != neg[1])
        return neg[0] ? -1 : 1;
    int sign = neg[0] ? -1 : 1;
    if (il[0] != il[1])
        return il[0] < il[1] ? -sign : sign;
    int r = memcmp(ip[0], ip[1], il[0]);
    if (r)
        return r < 0 ? -sign : sign;
    for (size_t i = 0; i < fl[0] || i < fl[1]; i++) {
        char x = i < fl[0] ? fp[0][i] : '0', y = i < fl[1] ? fp[1][i] : '0';
        if (x != y)
            return x < y ? -sign : sign;
    }
    return 0;
}

// Whether c is left out of a text comparison by -d or -i.
static int ignored(const struct sort_key *key, unsigned char c)
{
    if (key->dictionary && !(blank(c) || isalnum(c)))
        return 1;
    return key->printable && !isprint(c);
}

int sort_key_compare(const struct sort_key *key, int separator, const char *a, size_t alen,
                     const char *b, size_t blen)
{
    size_t as, ae, bs, be;
    locate(key, separator, a, alen, &as, &ae);
    locate(key, separator, b, blen, &bs, &be);
    if (key->numeric)
        return compare_numbers(a + as, a + ae, b + bs, b + be);
    size_t i = as, j = bs;
    if (key->whole_line && key->skip_blanks) {
        while (i < ae && blank(a[i]))
            i++;
        while (j < be && blank(b[j]))
            j++;
    }
    for (;; i++, j++) {
        while (i < ae && ignored(key, (unsigned char)a[i]))
            i++;
        while (j < be && ignored(key, (unsigned char)b[j]))
            j++;
        if (i >= ae || j >= be)
            break;
        int x = (unsigned char)a[i], y = (unsigned char)b[j];
        if (key->fold) {
            x = toupper(x);
            y = toupper(y);
        }
        if (x != y)
            return x < y ? -1 : 1;
    }
    return (i < ae) - (j < be);
}
