/*
 * Names of PCI classes, vendors, devices and subsystems (see pcinames.h). The table is what
 * QEMU's virt machine can show, spelled as the PCI ID database spells it; anything else gets
 * the numeric forms lspci falls back to without a database entry.
 */
#include <stdio.h>

#include "pcinames.h"

struct class_name {
    unsigned cls; /* class << 8 | subclass; with WHOLE, the class alone */
    const char *name;
};

#define WHOLE 0x10000 /* the class's own name, for a subclass not listed */

static const struct class_name classes[] = {
    {0x00 << 8 | WHOLE, "Unclassified device"},
    {0x0000, "Non-VGA unclassified device"},
    {0x01 << 8 | WHOLE, "Mass storage controller"},
    {0x0100, "SCSI storage controller"},
    {0x0101, "IDE interface"},
    {0x0104, "RAID bus controller"},
    {0x0105, "ATA controller"},
    {0x0106, "SATA controller"},
    {0x0107, "Serial Attached SCSI controller"},
    {0x0108, "Non-Volatile memory controller"},
    {0x0180, "Mass storage controller"},
    {0x02 << 8 | WHOLE, "Network controller"},
    {0x0200, "Ethernet controller"},
    {0x0280, "Network controller"},
    {0x03 << 8 | WHOLE, "Display controller"},
    {0x0300, "VGA compatible controller"},
    {0x0380, "Display controller"},
    {0x04 << 8 | WHOLE, "Multimedia controller"},
    {0x0401, "Multimedia audio controller"},
    {0x0403, "Audio device"},
    {0x05 << 8 | WHOLE, "Memory controller"},
    {0x06 << 8 | WHOLE, "Bridge"},
    {0x0600, "Host bridge"},
    {0x0601, "ISA bridge"},
    {0x0604, "PCI bridge"},
    {0x0680, "Bridge"},
    {0x07 << 8 | WHOLE, "Communication controller"},
    {0x0700, "Serial controller"},
    {0x0780, "Communication controller"},
    {0x08 << 8 | WHOLE, "Generic system peripheral"},
    {0x0880, "System peripheral"},
    {0x09 << 8 | WHOLE, "Input device controller"},
    {0x0c << 8 | WHOLE, "Serial bus controller"},
    {0x0c03, "USB controller"},
    {0x0c05, "SMBus"},
    {0xff << 8 | WHOLE, "Unassigned class"},
};

struct device_name {
    unsigned vendor, device; /* device 0x10000: the vendor's own name */
    const char *name;
};

#define VENDOR 0x10000

static const struct device_name devices[] = {
    {0x1b36, VENDOR, "Red Hat, Inc."},
    {0x1b36, 0x0001, "QEMU PCI-PCI bridge"},
    {0x1b36, 0x0002, "QEMU PCI 16550A Adapter"},
    {0x1b36, 0x0005, "QEMU PCI Test Device"},
    {0x1b36, 0x0008, "QEMU PCIe Host bridge"},
    {0x1b36, 0x000b, "QEMU PCIe Expander bridge"},
    {0x1b36, 0x000c, "QEMU PCIe Root port"},
    {0x1b36, 0x000d, "QEMU XHCI Host Controller"},
    {0x1b36, 0x0010, "QEMU NVM Express Controller"},
    {0x1af4, VENDOR, "Red Hat, Inc."},
    {0x1af4, 0x1000, "Virtio network device"},
    {0x1af4, 0x1001, "Virtio block device"},
    {0x1af4, 0x1002, "Virtio memory balloon"},
    {0x1af4, 0x1003, "Virtio console"},
    {0x1af4, 0x1004, "Virtio SCSI"},
    {0x1af4, 0x1005, "Virtio RNG"},
    {0x1af4, 0x1009, "Virtio filesystem"},
    {0x1af4, 0x1041, "Virtio 1.0 network device"},
    {0x1af4, 0x1042, "Virtio 1.0 block device"},
    {0x1af4, 0x1043, "Virtio 1.0 console"},
    {0x1af4, 0x1044, "Virtio 1.0 RNG"},
    {0x1af4, 0x1045, "Virtio 1.0 memory balloon"},
    {0x1af4, 0x1048, "Virtio 1.0 SCSI"},
    {0x1af4, 0x1049, "Virtio 1.0 filesystem"},
    {0x1af4, 0x1050, "Virtio 1.0 GPU"},
    {0x1af4, 0x1052, "Virtio 1.0 input"},
    {0x1af4, 0x1053, "Virtio 1.0 socket"},
    {0x8086, VENDOR, "Intel Corporation"},
    {0x8086, 0x100e, "82540EM Gigabit Ethernet Controller"},
    {0x8086, 0x10d3, "82574L Gigabit Network Connection"},
    {0x8086, 0x2922, "82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]"},
};

/* Subsystems the database names under a device: QEMU's default one under the devices the
   database lists it for. */
struct subsystem_name {
    unsigned vendor, device, subvendor, subdevice;
    const char *name;
};

static const struct subsystem_name subsystems[] = {
    {0x8086, 0x100e, 0x1af4, 0x1100, "QEMU Virtual Machine"},
    {0x8086, 0x2922, 0x1af4, 0x1100, "QEMU Virtual Machine"},
    {0x1b36, 0x0002, 0x1af4, 0x1100, "QEMU Virtual Machine"},
    {0x1b36, 0x0005, 0x1af4, 0x1100, "QEMU Virtual Machine"},
};

static const char *lookup(unsigned vendor, unsigned device)
{
    for (size_t i = 0; i < sizeof(devices) / sizeof(devices[0]); i++)
        if (devices[i].vendor == vendor && devices[i].device == device)
            return devices[i].name;
    return NULL;
}

const char *pci_class_name(char *buf, size_t size, unsigned cls, enum pci_naming how)
{
    const char *sub = NULL, *whole = NULL;
    for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
        if (classes[i].cls == cls)
            sub = classes[i].name;
        if (classes[i].cls == ((cls & 0xff00) | WHOLE))
            whole = classes[i].name;
    }
    if (how == NUMBERS_ONLY)
        snprintf(buf, size, "%04x", cls);
    else if (sub && how == NAMES_AND_NUMBERS)
        snprintf(buf, size, "%s [%04x]", sub, cls);
    else if (sub)
        snprintf(buf, size, "%s", sub);
    else if (whole)
        snprintf(buf, size, "%s [%04x]", whole, cls);
    else
        snprintf(buf, size, "Class %s%04x%s", how == NAMES_AND_NUMBERS ? "[" : "", cls,
                 how == NAMES_AND_NUMBERS ? "]" : "");
    return buf;
}

// "vendor name", with "Device" and the numbers for what the table lacks, as lspci writes it.
static const char *name_pair(char *buf, size_t size, unsigned vendor, unsigned device,
                             const char *dname, enum pci_naming how)
{
    const char *vname = lookup(vendor, VENDOR);
    if (how == NUMBERS_ONLY)
        snprintf(buf, size, "%04x:%04x", vendor, device);
    else if (!vname)
        snprintf(buf, size, "Device %s%04x:%04x%s", how == NAMES_AND_NUMBERS ? "[" : "", vendor,
                 device, how == NAMES_AND_NUMBERS ? "]" : "");
    else if (how == NAMES_AND_NUMBERS)
        snprintf(buf, size, "%s %s [%04x:%04x]", vname, dname ? dname : "Device", vendor, device);
    else if (dname)
        snprintf(buf, size, "%s %s", vname, dname);
    else
        snprintf(buf, size, "%s Device %04x", vname, device);
    return buf;
}

const char *pci_device_name(char *buf, size_t size, unsigned vendor, unsigned device,
                            enum pci_naming how)
{
    return name_pair(buf, size, vendor, device, lookup(vendor, device), how);
}

const char *pci_subsystem_name(char *buf, size_t size, unsigned vendor, unsigned device,
                               unsigned subvendor, unsigned subdevice, enum pci_naming how)
{
    const char *name = NULL;
    for (size_t i = 0; i < sizeof(subsystems) / sizeof(subsystems[0]); i++) {
        const struct subsystem_name *s = &subsystems[i];
        if (s->vendor == vendor && s->device == device && s->subvendor == subvendor &&
            s->subdevice == subdevice)
            name = s->name;
    }
    if (!name && vendor == subvendor && device == subdevice)
        name = lookup(vendor, device); /* a subsystem that is the device itself */
    return name_pair(buf, size, subvendor, subdevice, name, how);
}

const char *pci_progif_name(unsigned cls, unsigned progif)
{
    if (cls == 0x0108 && progif == 0x02)
        return "NVM Express";
    if (cls == 0x0106 && progif == 0x01)
        return "AHCI 1.0";
    if (cls == 0x0c03 && progif == 0x30)
        return "XHCI";
    if (cls == 0x0700 && progif == 0x02)
        return "16550";
    return NULL;
}
