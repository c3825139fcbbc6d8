/*
 * PCI Express configuration access through the memory-mapped ECAM window and the walk over
 * buses, devices and functions. BARs are sized here (each is written with all ones and read
 * back, with decoding off) because that needs writes; they are left as found: QEMU virt's
 * firmware assigns none, so they read as unassigned until a driver assigns them.
 */
#include <errno.h>
#include <stdbool.h>
#include <sys/neutrino.h>

#include "pci_server.h"

#define ECAM_VA  0x1a00000000ul /* where the window is mapped in this process */
#define BUS_SIZE (1ul << 20)

static uint64_t ecam_base;
static int nbuses;
static uint64_t mapped[256 * 32 * 8 / 64]; /* one bit per function's 4 KiB page */

// The function's 4 KiB of the window, mapped on first use (one page per function, not the
// whole window: most of it is empty, and every mapped device page costs the kernel an object);
// NULL when it cannot be.
static volatile uint8_t *function_window(int bus, int dev, int fn)
{
    if (bus < 0 || bus >= nbuses || dev < 0 || dev > 31 || fn < 0 || fn > 7)
        return NULL;
    unsigned page = (unsigned)bus << 8 | (unsigned)dev << 3 | (unsigned)fn;
    uintptr_t va = ECAM_VA + (uintptr_t)page * 4096;
    if (!(mapped[page / 64] >> (page % 64) & 1)) {
        if (ProcMemMapPhys(0, va, 4096, PROT_READ | PROT_WRITE, ecam_base + page * 4096ul) < 0)
            return NULL;
        mapped[page / 64] |= 1ull << (page % 64);
    }
    return (volatile uint8_t *)va;
}

int ecam_init(uint64_t base, uint64_t size)
{
    if (base % BUS_SIZE || size < BUS_SIZE)
        return EINVAL;
    ecam_base = base;
    nbuses = size / BUS_SIZE > 256 ? 256 : (int)(size / BUS_SIZE);
    return function_window(0, 0, 0) ? 0 : errno;
}

static volatile uint32_t *reg(int bus, int dev, int fn, unsigned offset)
{
    volatile uint8_t *w = function_window(bus, dev, fn);
    return w ? (volatile uint32_t *)(w + (offset & 0xffc)) : NULL;
}

uint32_t ecam_read32(int bus, int dev, int fn, unsigned offset)
{
    volatile uint32_t *r = reg(bus, dev, fn, offset);
    return r ? *r : 0xffffffff;
}

static void ecam_write32(int bus, int dev, int fn, unsigned offset, uint32_t v)
{
    volatile uint32_t *r = reg(bus, dev, fn, offset);
    if (r)
        *r = v;
}

// Writes all ones to the register at offset and gives what reads back, restoring it after.
static uint32_t probe(const struct pci_function *f, unsigned offset, uint32_t ones)
{
    uint32_t old = ecam_read32(f->bus, f->dev, f->fn, offset);
    ecam_write32(f->bus, f->dev, f->fn, offset, ones);
    uint32_t v = ecam_read32(f->bus, f->dev, f->fn, offset);
    ecam_write32(f->bus, f->dev, f->fn, offset, old);
    return v;
}

// Measures the BARs and the expansion ROM of f, with memory and I/O decoding off meanwhile.
static void size_bars(struct pci_function *f, int htype)
{
    int nbars = htype == PCI_HEADER_NORMAL ? 6 : htype == PCI_HEADER_BRIDGE ? 2 : 0;
    uint32_t cmd = ecam_read32(f->bus, f->dev, f->fn, PCI_COMMAND);
    ecam_write32(f->bus, f->dev, f->fn, PCI_COMMAND,
                 cmd & ~(uint32_t)(PCI_COMMAND_IO | PCI_COMMAND_MEMORY) & 0xffff);
    for (int i = 0; i < nbars; i++) {
        unsigned off = PCI_BASE_ADDRESS_0 + 4 * (unsigned)i;
        uint32_t bar = ecam_read32(f->bus, f->dev, f->fn, off);
        uint32_t lo = probe(f, off, 0xffffffff);
        if (lo == 0)
            continue;
        uint64_t mask;
        if (bar & PCI_BAR_IO) {
            mask = (lo & ~3u) | ((lo & 0xffff0000u) ? 0 : 0xffff0000u);
            mask |= 0xffffffff00000000ull;
        } else if ((bar & PCI_BAR_MEM_TYPE) == PCI_BAR_MEM_64 && i + 1 < nbars) {
            uint32_t hi = probe(f, off + 4, 0xffffffff);
            mask = (uint64_t)hi << 32 | (lo & ~0xfu);
        } else {
            mask = 0xffffffff00000000ull | (lo & ~0xfu);
        }
        f->bar_size[i] = ~mask + 1;
        if (!(bar & PCI_BAR_IO) && (bar & PCI_BAR_MEM_TYPE) == PCI_BAR_MEM_64)
            i++; /* the upper half is this BAR's */
    }
    unsigned rom = htype == PCI_HEADER_NORMAL   ? PCI_ROM_ADDRESS
                   : htype == PCI_HEADER_BRIDGE ? PCI_ROM_ADDRESS1
                                                : 0;
    uint32_t r = rom ? probe(f, rom, PCI_ROM_MASK) & PCI_ROM_MASK : 0;
    f->rom_size = r ? (uint32_t)(~r + 1) : 0;
    ecam_write32(f->bus, f->dev, f->fn, PCI_COMMAND, cmd & 0xffff);
}

int pci_enumerate(struct pci_function *fns)
{
    int n = 0, queue[256], nqueue = 1;
    bool seen[256] = {[0] = true};
    queue[0] = 0;
    for (int q = 0; q < nqueue; q++) {
        int bus = queue[q];
        for (int dev = 0; dev < 32; dev++) {
            uint32_t hdr0 = ecam_read32(bus, dev, 0, 0x0c) >> 16;
            if ((ecam_read32(bus, dev, 0, PCI_VENDOR_ID) & 0xffff) == 0xffff)
                continue;
            int nfn = (hdr0 & PCI_HEADER_MULTI) ? 8 : 1;
            for (int fn = 0; fn < nfn && n < PCI_MAX_FUNCTIONS; fn++) {
                if ((ecam_read32(bus, dev, fn, PCI_VENDOR_ID) & 0xffff) == 0xffff)
                    continue;
                struct pci_function *f = &fns[n++];
                *f = (struct pci_function){
                    .bus = (uint8_t)bus, .dev = (uint8_t)dev, .fn = (uint8_t)fn};
                int htype = (ecam_read32(bus, dev, fn, 0x0c) >> 16) & 0x7f;
                size_bars(f, htype);
                if (htype != PCI_HEADER_BRIDGE)
                    continue;
                /* A bridge already given a bus (by firmware) leads there; none is assigned
                   bus numbers here. */
                int sec = (ecam_read32(bus, dev, fn, 0x18) >> 8) & 0xff;
                if (sec > bus && sec < nbuses && !seen[sec]) {
                    seen[sec] = true;
                    queue[nqueue++] = sec;
                }
            }
        }
    }
    return n;
}
