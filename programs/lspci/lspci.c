/*
 * lspci: lists the PCI functions the PCI server found (/dev/pci, docs/pci.md), one line each
 * as Linux's lspci prints them. -v adds the details lspci shows at its first verbosity level,
 * -n prints numeric ids instead of names, -nn both.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "opt.h"
#include "show.h"
#include "util.h"

#define PCI_FILE "/dev/pci"

// Reads exactly one record; 1, 0 at the end, -1 on an error or a partial record.
static int read_record(int fd, struct pci_record *r)
{
    size_t got = 0;
    while (got < sizeof(*r)) {
        ssize_t n = read(fd, (char *)r + got, sizeof(*r) - got);
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        got += (size_t)n;
    }
    if (got == 0)
        return 0;
    if (got < sizeof(*r)) {
        errno = EIO;
        return -1;
    }
    return 1;
}

int main(int argc, char **argv)
{
    util_init("lspci");
    struct opt o;
    opt_init(&o);
    int c, numeric = 0;
    bool verbose = false;
    while ((c = opt_next(&o, argc, argv, "vn")) != -1) {
        if (c == 'v')
            verbose = true;
        else if (c == 'n')
            numeric++;
        else
            return 1;
    }
    if (o.index < argc) {
        warn("unexpected operand: %s", argv[o.index]);
        fprintf(stderr, "usage: lspci [-v] [-n | -nn]\n");
        return 1;
    }
    enum pci_naming how = numeric == 0   ? NAMES_ONLY
                          : numeric == 1 ? NUMBERS_ONLY
                                         : NAMES_AND_NUMBERS;
    int fd = open(PCI_FILE, O_RDONLY);
    if (fd < 0) {
        warn("cannot open %s: %s (is pci-server running?)", PCI_FILE, strerror(errno));
        return 1;
    }
    static struct pci_record r;
    int got;
    while ((got = read_record(fd, &r)) > 0)
        show_function(stdout, &r, how, verbose);
    if (got < 0) {
        warn("cannot read %s: %s", PCI_FILE, strerror(errno));
        return 1;
    }
    close(fd);
    return 0;
}
