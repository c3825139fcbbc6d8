/*
 * The PCI server's parts: configuration access through the ECAM window and enumeration
 * (ecam.c), and the resource manager serving /dev/pci (main.c).
 */
#ifndef PCI_SERVER_H
#define PCI_SERVER_H

#include <proto/pci.h>
#include <stdint.h>

#define PCI_MAX_FUNCTIONS 256

struct pci_function {
    uint8_t bus, dev, fn;
    uint64_t bar_size[PCI_NUM_BARS];
    uint64_t rom_size;
};

// Maps the ECAM window lazily, a bus (1 MiB) at a time, from physical base; size bounds the
// buses it covers. Returns 0 or an errno.
int ecam_init(uint64_t base, uint64_t size);

// Reads 32 bits of a function's configuration space (offset 4-byte aligned, below 4096).
uint32_t ecam_read32(int bus, int dev, int fn, unsigned offset);

// Walks bus 0 and the buses bridges already lead to, sizing every BAR. Fills fns (at most
// PCI_MAX_FUNCTIONS) and returns how many there are.
int pci_enumerate(struct pci_function *fns);

#endif
