/*
 * The options parser shared by the utilities (see opt.h). It does not reorder argv: an
 * operand ends the options, as POSIX's utility syntax guidelines say.
 */
#include "opt.h"

#include <string.h>

#include "util.h"

void opt_init(struct opt *o)
{
    o->index = 1;
    o->pos = 0;
    o->arg = NULL;
}

int opt_next(struct opt *o, int argc, char **argv, const char *spec)
{
    o->arg = NULL;
    if (o->pos == 0) {
        if (o->index >= argc)
            return -1;
        const char *a = argv[o->index];
        if (a[0] != '-' || a[1] == '\0')
            return -1;
        if (strcmp(a, "--") == 0) {
            o->index++;
            return -1;
        }
        o->pos = 1;
    }
    const char *a = argv[o->index];
    int c = (unsigned char)a[o->pos++];
    const char *s = c == ':' ? NULL : strchr(spec, c);
    if (!s) {
        warn("invalid option -- '%c'", c);
        if (a[o->pos] == '\0') {
            o->index++;
            o->pos = 0;
        }
        return '?';
    }
    if (s[1] == ':') {
        if (a[o->pos] != '\0') {
            o->arg = a + o->pos;
        } else if (o->index + 1 < argc) {
            o->arg = argv[++o->index];
        } else {
            warn("option requires an argument -- '%c'", c);
            o->index++;
            o->pos = 0;
            return '?';
        }
        o->index++;
        o->pos = 0;
        return c;
    }
    if (a[o->pos] == '\0') {
        o->index++;
        o->pos = 0;
    }
    return c;
}
