/*
 * The names lspci gives PCI classes, vendors, devices and subsystems: a small table of what
 * QEMU's virt machine offers, in the words of the PCI ID database, and the forms lspci uses
 * for what it does not know.
 */
#ifndef LSPCI_PCINAMES_H
#define LSPCI_PCINAMES_H

#include <stddef.h>

enum pci_naming {
    NAMES_ONLY,       /* lspci */
    NUMBERS_ONLY,     /* lspci -n */
    NAMES_AND_NUMBERS /* lspci -nn */
};

// "Host bridge" for class 0x0600 (class, subclass); writes into buf.
const char *pci_class_name(char *buf, size_t size, unsigned cls, enum pci_naming how);

// "Red Hat, Inc. QEMU PCIe Host bridge" for 1b36:0008.
const char *pci_device_name(char *buf, size_t size, unsigned vendor, unsigned device,
                            enum pci_naming how);

// The subsystem's name, for the "Subsystem:" line of lspci -v.
const char *pci_subsystem_name(char *buf, size_t size, unsigned vendor, unsigned device,
                               unsigned subvendor, unsigned subdevice, enum pci_naming how);

// The name of a programming interface ("NVM Express" for 0x0108 prog-if 02), or NULL.
const char *pci_progif_name(unsigned cls, unsigned progif);

#endif
