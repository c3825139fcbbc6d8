/*
 * df: reports the size, use and free space of the file systems holding the named files (or
 * the working directory), in 1024-byte blocks as POSIX df -k and -P show them. Without a mount
 * table it cannot list every file system; the device name comes from /proc/mounts when there
 * is one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "opt.h"
#include "util.h"

// The mount point holding path: the highest ancestor on the same device.
static char *mount_point(const char *path)
{
    char *dir = realpath(path, NULL);
    struct stat st, up;
    if (!dir)
        return xstrdup(path);
    if (stat(dir, &st) < 0)
        return dir;
    while (strcmp(dir, "/") != 0) {
        char *slash = strrchr(dir, '/');
        size_t n = slash == dir ? 1 : (size_t)(slash - dir);
        char *parent = xmalloc(n + 1);
        memcpy(parent, dir, n);
        parent[n] = '\0';
        if (stat(parent, &up) < 0 || up.st_dev != st.st_dev) {
            free(parent);
            break;
        }
        free(dir);
        dir = parent;
    }
    return dir;
}

// The device mounted at mount_point according to /proc/mounts, or "-".
static char *device_of(const char *mount)
{
    FILE *f = fopen("/proc/mounts", "r");
    char line[4096], dev[1024], dir[1024];
    char *found = NULL;
    while (f && fgets(line, sizeof(line), f))
        if (sscanf(line, "%1023s %1023s", dev, dir) == 2 && strcmp(dir, mount) == 0) {
            free(found);
            found = xstrdup(dev);
        }
    if (f)
        fclose(f);
    return found ? found : xstrdup("-");
}

#define COLUMNS 6

// One line of the table: the file system, its three sizes, the use percentage, the mount point.
struct row {
    char *field[COLUMNS];
};

static char *format_number(unsigned long long v)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "%llu", v);
    return xstrdup(buf);
}

// Fills row with the figures of the file system holding path; -1 after a message.
static int measure(const char *path, struct row *row)
{
    struct statvfs vfs;
    if (statvfs(path, &vfs) < 0) {
        warn_errno("%s", path);
        return -1;
    }
    unsigned long long unit = vfs.f_frsize ? vfs.f_frsize : vfs.f_bsize;
    unsigned long long used = (vfs.f_blocks - vfs.f_bfree) * unit / 1024;
    unsigned long long avail = vfs.f_bavail * unit / 1024;
    unsigned long long whole = used + avail;
    char pct[32];
    if (whole)
        snprintf(pct, sizeof(pct), "%llu%%", (used * 100 + whole - 1) / whole);
    else
        snprintf(pct, sizeof(pct), "-");
    row->field[5] = mount_point(path);
    row->field[0] = device_of(row->field[5]);
    row->field[1] = format_number(vfs.f_blocks * unit / 1024);
    row->field[2] = format_number(used);
    row->field[3] = format_number(avail);
    row->field[4] = xstrdup(pct);
    return 0;
}

// Prints the rows under a header, each column as wide as its widest entry (the first at
// least 14), numbers to the right.
static void print_table(struct row *rows, int n, int posix)
{
    struct row header = {{"Filesystem", posix ? "1024-blocks" : "1K-blocks", "Used", "Available",
                          posix ? "Capacity" : "Use%", "Mounted on"}};
    int width[COLUMNS] = {14, 5, 5, 5, 0, 0};
    for (int c = 0; c < COLUMNS; c++)
        for (int r = -1; r < n; r++) {
            int w = (int)strlen(r < 0 ? header.field[c] : rows[r].field[c]);
            width[c] = w > width[c] ? w : width[c];
        }
    for (int r = -1; r < n; r++) {
        struct row *row = r < 0 ? &header : &rows[r];
        printf("%-*s", width[0], row->field[0]);
        for (int c = 1; c < 5; c++)
            printf(" %*s", width[c], row->field[c]);
        printf(" %s\n", row->field[5]);
    }
}

int main(int argc, char **argv)
{
    util_init("df");
    int posix = 0;
    struct opt o;
    opt_init(&o);
    int c;
    while ((c = opt_next(&o, argc, argv, "kP")) != -1) {
        if (c == '?')
            return 1;
        posix |= c == 'P';
    }
    char *dot[] = {".", NULL};
    char **paths = o.index < argc ? argv + o.index : dot;
    int npaths = o.index < argc ? argc - o.index : 1, n = 0, status = 0;
    struct row *rows = xmalloc((size_t)npaths * sizeof(*rows));
    for (int i = 0; i < npaths; i++) {
        if (measure(paths[i], &rows[n]) < 0)
            status = 1;
        else
            n++;
    }
    if (n > 0)
        print_table(rows, n, posix);
    return status;
}
