/*
 * The PCI server's read protocol (docs/pci.md): /dev/pci reads as an array of struct
 * pci_record, one per PCI function found, in bus, device, function order. Each record holds
 * what the server measured (the size each BAR decodes, which only a writer of the BARs can
 * learn) and the function's whole configuration space as read when the record is read.
 */
#ifndef QSOE_PROTO_PCI_H
#define QSOE_PROTO_PCI_H

#include <stdint.h>

#define PCI_CONFIG_SIZE 4096 /* PCI Express configuration space of one function */
#define PCI_NUM_BARS    6

struct pci_record {
    uint8_t bus, dev, fn;
    uint8_t zero[5];
    uint64_t bar_size[PCI_NUM_BARS]; /* bytes each BAR decodes; 0 if unused or the upper half
                                        of a 64-bit BAR */
    uint64_t rom_size;               /* the expansion ROM's, 0 if it has none */
    uint8_t config[PCI_CONFIG_SIZE];
};

/* Configuration-space offsets and bits of the standard header the server and lspci use. */
#define PCI_VENDOR_ID      0x00
#define PCI_DEVICE_ID      0x02
#define PCI_COMMAND        0x04
#define PCI_STATUS         0x06
#define PCI_REVISION_ID    0x08
#define PCI_CLASS_PROG     0x09
#define PCI_CLASS_DEVICE   0x0a
#define PCI_HEADER_TYPE    0x0e
#define PCI_BASE_ADDRESS_0 0x10
#define PCI_SECONDARY_BUS  0x19 /* of a bridge (header type 1) */
#define PCI_SUBSYSTEM_VID  0x2c
#define PCI_SUBSYSTEM_ID   0x2e
#define PCI_ROM_ADDRESS    0x30 /* header type 0 */
#define PCI_CAPABILITY_PTR 0x34
#define PCI_ROM_ADDRESS1   0x38 /* header type 1 */
#define PCI_INTERRUPT_PIN  0x3d

#define PCI_COMMAND_IO     0x1
#define PCI_COMMAND_MEMORY 0x2
#define PCI_COMMAND_MASTER 0x4
#define PCI_STATUS_CAP     0x10

#define PCI_HEADER_NORMAL 0
#define PCI_HEADER_BRIDGE 1
#define PCI_HEADER_MULTI  0x80

#define PCI_BAR_IO       0x1
#define PCI_BAR_MEM_TYPE 0x6 /* 0: 32-bit, 2: 64-bit */
#define PCI_BAR_MEM_64   0x4
#define PCI_BAR_PREFETCH 0x8
#define PCI_ROM_ENABLE   0x1
#define PCI_ROM_MASK     0xfffff800u

#endif
