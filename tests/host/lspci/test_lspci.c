// Host tests of lspci's printing (programs/lspci/show.c, pcinames.c): records made by hand as
// QEMU's devices fill them must print exactly what Linux's lspci prints for them, in all three
// naming modes; unknown ids, assigned BARs and broken capability chains too.
#define TEST_MODULE "lspci"
#include "../harness.h"

#include <string.h>

#include "../../../programs/lspci/show.h"

static void put16(struct pci_record *r, unsigned off, unsigned v)
{
    r->config[off] = (uint8_t)v;
    r->config[off + 1] = (uint8_t)(v >> 8);
}

static void put32(struct pci_record *r, unsigned off, uint32_t v)
{
    put16(r, off, v & 0xffff);
    put16(r, off + 2, v >> 16);
}

// A function with ids, class (class << 8 | prog-if) and revision, nothing else.
static void make(struct pci_record *r, int dev, unsigned vendor, unsigned device,
                 uint32_t class_prog, unsigned rev)
{
    memset(r, 0, sizeof(*r));
    r->dev = (uint8_t)dev;
    put16(r, PCI_VENDOR_ID, vendor);
    put16(r, PCI_DEVICE_ID, device);
    put32(r, 0x08, class_prog << 8 | rev);
}

static void check(const char *what, const struct pci_record *r, enum pci_naming how, bool verbose,
                  const char *want)
{
    static char *text;
    size_t len;
    FILE *f = open_memstream(&text, &len);
    show_function(f, r, how, verbose);
    fclose(f);
    report(strcmp(text, want) == 0, what, "got\n%s\nwant\n%s", text, want);
    free(text);
}

// QEMU's NVMe controller: a 64-bit BAR of 16K left unassigned, MSI-X, PCIe, power management.
static void make_nvme(struct pci_record *r)
{
    make(r, 1, 0x1b36, 0x0010, 0x010802, 2);
    put16(r, PCI_STATUS, PCI_STATUS_CAP);
    put32(r, PCI_BASE_ADDRESS_0, 0x4);
    r->bar_size[0] = 16384;
    put16(r, PCI_SUBSYSTEM_VID, 0x1af4);
    put16(r, PCI_SUBSYSTEM_ID, 0x1100);
    r->config[PCI_CAPABILITY_PTR] = 0x40;
    put32(r, 0x40, 0x0040u << 16 | 0x80 << 8 | 0x11);
    put32(r, 0x80, 0x0092u << 16 | 0x60 << 8 | 0x10);
    put32(r, 0x60, 0x0003u << 16 | 0x00 << 8 | 0x01);
}

static void test_qemu_devices(void)
{
    struct pci_record r;
    make(&r, 0, 0x1b36, 0x0008, 0x060000, 0);
    check("the host bridge's line", &r, NAMES_ONLY, false,
          "00:00.0 Host bridge: Red Hat, Inc. QEMU PCIe Host bridge\n");
    check("the host bridge with -n", &r, NUMBERS_ONLY, false, "00:00.0 0600: 1b36:0008\n");
    check("the host bridge with -nn", &r, NAMES_AND_NUMBERS, false,
          "00:00.0 Host bridge [0600]: Red Hat, Inc. QEMU PCIe Host bridge [1b36:0008]\n");

    make_nvme(&r);
    check("NVMe's line, with its revision", &r, NAMES_ONLY, false,
          "00:01.0 Non-Volatile memory controller: Red Hat, Inc. QEMU NVM Express Controller "
          "(rev 02)\n");
    check("NVMe with -v: prog-if, subsystem, flags, the unassigned BAR, capabilities", &r,
          NAMES_ONLY, true,
          "00:01.0 Non-Volatile memory controller: Red Hat, Inc. QEMU NVM Express Controller "
          "(rev 02) (prog-if 02 [NVM Express])\n"
          "\tSubsystem: Red Hat, Inc. Device 1100\n"
          "\tFlags: fast devsel\n"
          "\tMemory at <unassigned> (64-bit, non-prefetchable) [disabled] [size=16K]\n"
          "\tCapabilities: [40] MSI-X: Enable- Count=65 Masked-\n"
          "\tCapabilities: [80] Express Root Complex Integrated Endpoint, MSI 00\n"
          "\tCapabilities: [60] Power Management version 3\n\n");
    check("NVMe with -vn: numbers, no prog-if name", &r, NUMBERS_ONLY, true,
          "00:01.0 0108: 1b36:0010 (rev 02) (prog-if 02)\n"
          "\tSubsystem: 1af4:1100\n"
          "\tFlags: fast devsel\n"
          "\tMemory at <unassigned> (64-bit, non-prefetchable) [disabled] [size=16K]\n"
          "\tCapabilities: [40] MSI-X: Enable- Count=65 Masked-\n"
          "\tCapabilities: [80] Express Root Complex Integrated Endpoint, MSI 00\n"
          "\tCapabilities: [60] Power Management version 3\n\n");

    make(&r, 2, 0x8086, 0x100e, 0x020000, 3);
    put32(&r, PCI_BASE_ADDRESS_0, 0);
    put32(&r, PCI_BASE_ADDRESS_0 + 4, 1);
    r.bar_size[0] = 128 << 10;
    r.bar_size[1] = 64;
    r.rom_size = 256 << 10;
    put16(&r, PCI_SUBSYSTEM_VID, 0x1af4);
    put16(&r, PCI_SUBSYSTEM_ID, 0x1100);
    check("e1000 with -v: a named subsystem, memory, I/O ports and an expansion ROM", &r,
          NAMES_ONLY, true,
          "00:02.0 Ethernet controller: Intel Corporation 82540EM Gigabit Ethernet Controller "
          "(rev 03)\n"
          "\tSubsystem: Red Hat, Inc. QEMU Virtual Machine\n"
          "\tFlags: fast devsel\n"
          "\tMemory at <unassigned> (32-bit, non-prefetchable) [disabled] [size=128K]\n"
          "\tI/O ports at <unassigned> [disabled] [size=64]\n"
          "\tExpansion ROM at <unassigned> [disabled] [size=256K]\n\n");
}

static void test_unknown_and_assigned(void)
{
    struct pci_record r;
    make(&r, 5, 0x1234, 0x5678, 0xff0000, 0);
    check("an unknown vendor and a subclass without a name", &r, NAMES_ONLY, false,
          "00:05.0 Unassigned class [ff00]: Device 1234:5678\n");
    make(&r, 5, 0x8086, 0x0d57, 0x123400, 1);
    check("an unknown device of a known vendor and an unknown class", &r, NAMES_ONLY, false,
          "00:05.0 Class 1234: Intel Corporation Device 0d57 (rev 01)\n");
    check("the same with -nn", &r, NAMES_AND_NUMBERS, false,
          "00:05.0 Class [1234]: Intel Corporation Device [8086:0d57] (rev 01)\n");

    make(&r, 3, 0x1af4, 0x1041, 0x020000, 1);
    put16(&r, PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
    put32(&r, PCI_BASE_ADDRESS_0 + 8, 0x0000000c);
    put32(&r, PCI_BASE_ADDRESS_0 + 12, 0x40);
    r.bar_size[2] = 512 << 10;
    put16(&r, PCI_SUBSYSTEM_VID, 0x1af4);
    put16(&r, PCI_SUBSYSTEM_ID, 0x1041);
    check("an assigned, enabled 64-bit BAR and a bus master", &r, NAMES_ONLY, true,
          "00:03.0 Ethernet controller: Red Hat, Inc. Virtio 1.0 network device (rev 01)\n"
          "\tSubsystem: Red Hat, Inc. Virtio 1.0 network device\n"
          "\tFlags: bus master, fast devsel, latency 0\n"
          "\tMemory at 4000000000 (64-bit, prefetchable) [size=512K]\n\n");
}

static void test_broken_chains(void)
{
    struct pci_record r;
    make(&r, 4, 0x1af4, 0x1000, 0x020000, 0);
    put16(&r, PCI_STATUS, PCI_STATUS_CAP);
    r.config[PCI_CAPABILITY_PTR] = 0x40;
    put32(&r, 0x40, 0x50 << 8 | 0x09 | 16u << 16 | 1u << 24);
    put32(&r, 0x50, 0x40 << 8 | 0x05 | 0x0081u << 16);
    check("a looping capability chain ends with <chain looped>", &r, NAMES_ONLY, true,
          "00:04.0 Ethernet controller: Red Hat, Inc. Virtio network device\n"
          "\tFlags: fast devsel\n"
          "\tCapabilities: [40] Vendor Specific Information: VirtIO: CommonCfg\n"
          "\tCapabilities: [50] MSI: Enable+ Count=1/1 Maskable- 64bit+\n"
          "\tCapabilities: [40] <chain looped>\n\n");
    put32(&r, 0x50, 0xff);
    check("a capability of id 0xff ends with <chain broken>", &r, NAMES_ONLY, true,
          "00:04.0 Ethernet controller: Red Hat, Inc. Virtio network device\n"
          "\tFlags: fast devsel\n"
          "\tCapabilities: [40] Vendor Specific Information: VirtIO: CommonCfg\n"
          "\tCapabilities: [50] <chain broken>\n\n");
    make_nvme(&r);
    put32(&r, 0x100, 0x100u << 20 | 1u << 16 | 0x0001);
    check("an extended capability that points at itself", &r, NAMES_ONLY, true,
          "00:01.0 Non-Volatile memory controller: Red Hat, Inc. QEMU NVM Express Controller "
          "(rev 02) (prog-if 02 [NVM Express])\n"
          "\tSubsystem: Red Hat, Inc. Device 1100\n"
          "\tFlags: fast devsel\n"
          "\tMemory at <unassigned> (64-bit, non-prefetchable) [disabled] [size=16K]\n"
          "\tCapabilities: [40] MSI-X: Enable- Count=65 Masked-\n"
          "\tCapabilities: [80] Express Root Complex Integrated Endpoint, MSI 00\n"
          "\tCapabilities: [60] Power Management version 3\n"
          "\tCapabilities: [100 v1] Advanced Error Reporting\n"
          "\tCapabilities: [100] <chain looped>\n\n");
}

int main(void)
{
    test_qemu_devices();
    test_unknown_and_assigned();
    test_broken_chains();
    return test_summary();
}
