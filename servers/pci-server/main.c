/*
 * pci-server: finds the PCI functions behind QEMU virt's PCIe host bridge (ECAM) and serves
 * /dev/pci, a read-only file of struct pci_record, one per function (include/proto/pci.h,
 * docs/pci.md). Configuration space is read afresh for every read, so status bits are current.
 * Usage: pci-server [ecam-base [ecam-size]] (default: QEMU virt's 0x30000000, 256 MiB; the
 * device tree's "pci-host-ecam-generic" node says where it is on another machine).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resmgr.h>

#include "pci_server.h"

#define DEFAULT_ECAM_BASE 0x30000000ull
#define DEFAULT_ECAM_SIZE 0x10000000ull

static struct pci_function fns[PCI_MAX_FUNCTIONS];
static int nfns;
static int the_file;

static int pci_open(void *handle, const char *path, int oflag, mode_t mode, void **ocb)
{
    (void)handle;
    (void)mode;
    if (path[0] != '\0')
        return ENOENT;
    if ((oflag & O_ACCMODE) != O_RDONLY)
        return EACCES;
    *ocb = &the_file;
    return 0;
}

// The record of function i as it is now.
static void make_record(int i, struct pci_record *r)
{
    const struct pci_function *f = &fns[i];
    memset(r, 0, sizeof(*r));
    r->bus = f->bus;
    r->dev = f->dev;
    r->fn = f->fn;
    memcpy(r->bar_size, f->bar_size, sizeof(r->bar_size));
    r->rom_size = f->rom_size;
    for (unsigned off = 0; off < PCI_CONFIG_SIZE; off += 4) {
        uint32_t v = ecam_read32(f->bus, f->dev, f->fn, off);
        memcpy(r->config + off, &v, 4);
    }
}

// Reads bytes of the array of records from offset, a record at a time.
static ssize_t pci_read(void *ocb, void *buf, size_t n, off_t offset)
{
    (void)ocb;
    static struct pci_record rec;
    static int rec_index = -1;
    size_t done = 0;
    while (done < n) {
        off_t at = offset + (off_t)done;
        int i = (int)(at / (off_t)sizeof(rec));
        if (i >= nfns)
            break;
        if (i != rec_index || at % (off_t)sizeof(rec) == 0) {
            make_record(i, &rec);
            rec_index = i;
        }
        size_t in = (size_t)(at % (off_t)sizeof(rec));
        size_t take = sizeof(rec) - in < n - done ? sizeof(rec) - in : n - done;
        memcpy((char *)buf + done, (char *)&rec + in, take);
        done += take;
    }
    return (ssize_t)done;
}

static int pci_stat(void *ocb, struct io_stat *st)
{
    (void)ocb;
    st->mode = IO_S_IFREG | 0444;
    st->size = (uint64_t)nfns * sizeof(struct pci_record);
    return 0;
}

int main(int argc, char **argv)
{
    char *end = NULL;
    uint64_t base = argc > 1 ? strtoull(argv[1], &end, 0) : DEFAULT_ECAM_BASE;
    bool bad = argc > 1 && *end;
    uint64_t size = argc > 2 ? strtoull(argv[2], &end, 0) : DEFAULT_ECAM_SIZE;
    bad = bad || (argc > 2 && *end) || argc > 3 || base % (1u << 20) || size < (1u << 20);
    int err = bad ? 0 : ecam_init(base, size);
    if (bad) {
        fprintf(stderr, "usage: pci-server [ecam-base [ecam-size]], the base 1 MiB aligned, "
                        "the size at least 1 MiB\n");
        return 1;
    }
    if (err) {
        fprintf(stderr, "pci-server: cannot map the ECAM window at 0x%llx: %s%s\n",
                (unsigned long long)base, strerror(err),
                err == EPERM ? " (it needs the I/O privilege)" : "");
        return 1;
    }
    nfns = pci_enumerate(fns);
    static const struct resmgr_funcs funcs = {.open = pci_open, .read = pci_read, .stat = pci_stat};
    int chid = resmgr_attach("/dev/pci", &funcs, NULL);
    if (chid < 0) {
        fprintf(stderr, "pci-server: cannot register /dev/pci (errno %d)\n", errno);
        return 1;
    }
    return resmgr_run(chid);
}
