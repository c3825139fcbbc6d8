/*
 * uname: prints system identification: -s (default) -n -r -v -m, -a for all of them.
 */
#include <stdio.h>
#include <sys/utsname.h>

#include "opt.h"
#include "util.h"

int main(int argc, char **argv)
{
    util_init("uname");
    int which = 0; // bits: s n r v m
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "asnrvm")) != -1) {
        switch (c) {
        case 'a':
            which = 31;
            break;
        case 's':
            which |= 1;
            break;
        case 'n':
            which |= 2;
            break;
        case 'r':
            which |= 4;
            break;
        case 'v':
            which |= 8;
            break;
        case 'm':
            which |= 16;
            break;
        default:
            return 1;
        }
    }
    if (o.index < argc) {
        warn("extra operand '%s'", argv[o.index]);
        return 1;
    }
    struct utsname u;
    if (uname(&u) < 0) {
        warn_errno("cannot get system name");
        return 1;
    }
    if (which == 0)
        which = 1;
    const char *fields[] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    const char *sep = "";
    for (int i = 0; i < 5; i++)
        if (which & (1 << i)) {
            printf("%s%s", sep, fields[i]);
            sep = " ";
        }
    putchar('\n');
    return 0;
}
