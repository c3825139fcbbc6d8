/*
 * Printing one PCI function as lspci does (see show.h): the summary line, and for -v the
 * subsystem, the flags of the command and status registers, the BARs and expansion ROM with
 * their sizes, and the capability lists by name. Only what lspci shows at its first verbosity
 * level is printed; what the kernel would add (driver, IRQ, NUMA node) is not there.
 */
#include <string.h>

#include "show.h"

static unsigned cfg8(const struct pci_record *r, unsigned off)
{
    return off < PCI_CONFIG_SIZE ? r->config[off] : 0xff;
}

static unsigned cfg16(const struct pci_record *r, unsigned off)
{
    return cfg8(r, off) | cfg8(r, off + 1) << 8;
}

static uint32_t cfg32(const struct pci_record *r, unsigned off)
{
    return (uint32_t)cfg16(r, off) | (uint32_t)cfg16(r, off + 2) << 16;
}

// " [size=16K]": the largest unit that divides the size evenly.
static void show_size(FILE *out, uint64_t size)
{
    static const char *const units[] = {"", "K", "M", "G", "T"};
    unsigned u = 0;
    if (!size)
        return;
    while (u < 4 && size % 1024 == 0) {
        size /= 1024;
        u++;
    }
    fprintf(out, " [size=%u%s]", (unsigned)size, units[u]);
}

static void show_bars(FILE *out, const struct pci_record *r, int nbars)
{
    unsigned cmd = cfg16(r, PCI_COMMAND);
    for (int i = 0; i < nbars; i++) {
        uint32_t flg = cfg32(r, PCI_BASE_ADDRESS_0 + 4 * (unsigned)i);
        uint64_t len = r->bar_size[i];
        if (flg == 0xffffffff)
            flg = 0;
        if (!flg && !len)
            continue;
        fputc('\t', out);
        if (flg & PCI_BAR_IO) {
            uint64_t a = flg & ~3u;
            fputs("I/O ports at ", out);
            if (a || (cmd & PCI_COMMAND_IO))
                fprintf(out, "%04llx", (unsigned long long)a);
            else
                fputs("<unassigned>", out);
            if (!(cmd & PCI_COMMAND_IO))
                fputs(" [disabled]", out);
        } else {
            unsigned type = flg & PCI_BAR_MEM_TYPE;
            uint64_t a = flg & ~0xfu;
            if (type == PCI_BAR_MEM_64 && i + 1 < nbars)
                a |= (uint64_t)cfg32(r, PCI_BASE_ADDRESS_0 + 4 * (unsigned)(i + 1)) << 32;
            fputs("Memory at ", out);
            if (a)
                fprintf(out, "%08llx", (unsigned long long)a);
            else
                fputs("<unassigned>", out);
            fprintf(out, " (%s, %sprefetchable)",
                    type == 0                ? "32-bit"
                    : type == PCI_BAR_MEM_64 ? "64-bit"
                                             : "low-1M",
                    (flg & PCI_BAR_PREFETCH) ? "" : "non-");
            if (!(cmd & PCI_COMMAND_MEMORY))
                fputs(" [disabled]", out);
            if (type == PCI_BAR_MEM_64)
                i++;
        }
        show_size(out, len);
        fputc('\n', out);
    }
}

static void show_rom(FILE *out, const struct pci_record *r, unsigned reg)
{
    uint32_t flg = cfg32(r, reg);
    if (flg == 0xffffffff)
        flg = 0;
    if (!flg && !r->rom_size)
        return;
    fputs("\tExpansion ROM at ", out);
    if (flg & PCI_ROM_MASK)
        fprintf(out, "%08x", flg & PCI_ROM_MASK);
    else
        fputs("<unassigned>", out);
    if (!(flg & PCI_ROM_ENABLE))
        fputs(" [disabled]", out);
    else if (!(cfg16(r, PCI_COMMAND) & PCI_COMMAND_MEMORY))
        fputs(" [disabled by cmd]", out);
    show_size(out, r->rom_size);
    fputc('\n', out);
}

static char flag(unsigned v, unsigned bit)
{
    return (v & bit) ? '+' : '-';
}

// The PCI Express capability: the port type and the interrupt message number.
static void show_express(FILE *out, unsigned cap)
{
    static const char *const types[] = {"Endpoint",
                                        "Legacy Endpoint",
                                        NULL,
                                        NULL,
                                        "Root Port (Slot%c)",
                                        "Upstream Port",
                                        "Downstream Port (Slot%c)",
                                        "PCI-Express to PCI/PCI-X Bridge",
                                        "PCI/PCI-X to PCI-Express Bridge",
                                        "Root Complex Integrated Endpoint",
                                        "Root Complex Event Collector"};
    unsigned type = (cap >> 4) & 0xf;
    fputs("Express ", out);
    if (type < sizeof(types) / sizeof(types[0]) && types[type])
        fprintf(out, types[type], flag(cap, 0x100));
    else
        fprintf(out, "Unknown type %u", type);
    fprintf(out, ", MSI %02x\n", (cap >> 9) & 0x1f);
}

// A vendor-specific capability; virtio's name their configuration structure.
static void show_vendor_cap(FILE *out, const struct pci_record *r, unsigned where)
{
    static const char *const virtio[] = {NULL, "CommonCfg", "Notify", "ISR", "DeviceCfg"};
    unsigned vendor = cfg16(r, PCI_VENDOR_ID), device = cfg16(r, PCI_DEVICE_ID);
    unsigned len = cfg8(r, where + 2), type = cfg8(r, where + 3);
    fputs("Vendor Specific Information: ", out);
    if (vendor == 0x1af4 && device >= 0x1000 && device <= 0x107f && len >= 16)
        fprintf(out, "VirtIO: %s\n", type >= 1 && type <= 4 ? virtio[type] : "<unknown>");
    else
        fprintf(out, "Len=%02x <?>\n", len);
}

// The capability list from the header's pointer.
static void show_caps(FILE *out, const struct pci_record *r)
{
    bool seen[256] = {false};
    if (!(cfg16(r, PCI_STATUS) & PCI_STATUS_CAP))
        return;
    for (unsigned where = cfg8(r, PCI_CAPABILITY_PTR) & ~3u; where;) {
        fprintf(out, "\tCapabilities: [%02x] ", where);
        if (seen[where]) {
            fputs("<chain looped>\n", out);
            break;
        }
        seen[where] = true;
        unsigned id = cfg8(r, where), next = cfg8(r, where + 1) & ~3u, cap = cfg16(r, where + 2);
        if (id == 0xff) {
            fputs("<chain broken>\n", out);
            break;
        }
        switch (id) {
        case 0x00:
            fputs("Null\n", out);
            break;
        case 0x01:
            fprintf(out, "Power Management version %u\n", cap & 7);
            break;
        case 0x05:
            fprintf(out, "MSI: Enable%c Count=%d/%d Maskable%c 64bit%c\n", flag(cap, 1),
                    1 << ((cap & 0x70) >> 4), 1 << ((cap & 0xe) >> 1), flag(cap, 0x100),
                    flag(cap, 0x80));
            break;
        case 0x09:
            show_vendor_cap(out, r, where);
            break;
        case 0x0d:
            fprintf(out, "Subsystem: %04x:%04x\n", cfg16(r, where + 4), cfg16(r, where + 6));
            break;
        case 0x10:
            show_express(out, cap);
            break;
        case 0x11:
            fprintf(out, "MSI-X: Enable%c Count=%u Masked%c\n", flag(cap, 0x8000),
                    (cap & 0x7ff) + 1, flag(cap, 0x4000));
            break;
        default:
            fprintf(out, "Capability ID %#02x [%04x]\n", id, cap);
        }
        where = next;
    }
}

// The extended capabilities of PCI Express configuration space, from offset 0x100.
static void show_ext_caps(FILE *out, const struct pci_record *r)
{
    bool seen[PCI_CONFIG_SIZE / 4] = {false};
    for (unsigned where = 0x100; where;) {
        uint32_t header = cfg32(r, where);
        if (!header || header == 0xffffffff)
            break;
        fprintf(out, "\tCapabilities: [%03x", where);
        if (seen[where / 4]) {
            fputs("] <chain looped>\n", out);
            break;
        }
        seen[where / 4] = true;
        unsigned id = header & 0xffff;
        fprintf(out, " v%u] ", (header >> 16) & 0xf);
        switch (id) {
        case 0x0001:
            fputs("Advanced Error Reporting\n", out);
            break;
        case 0x000e:
            fputs("Alternative Routing-ID Interpretation (ARI)\n", out);
            break;
        case 0x0010:
            fputs("Single Root I/O Virtualization (SR-IOV)\n", out);
            break;
        default:
            fprintf(out, "Extended Capability ID %#02x\n", id);
        }
        where = (header >> 20) & ~3u;
        if (where && where < 0x100)
            break;
    }
}

// Whether the function has a PCI Express capability (and so extended capabilities).
static bool is_express(const struct pci_record *r)
{
    unsigned where = cfg8(r, PCI_CAPABILITY_PTR) & ~3u;
    if (!(cfg16(r, PCI_STATUS) & PCI_STATUS_CAP))
        return false;
    for (int n = 0; where && n < 48; n++) {
        if (cfg8(r, where) == 0x10)
            return true;
        where = cfg8(r, where + 1) & ~3u;
    }
    return false;
}

static void show_flags(FILE *out, const struct pci_record *r)
{
    unsigned cmd = cfg16(r, PCI_COMMAND), status = cfg16(r, PCI_STATUS);
    static const char *const devsel[] = {"fast", "medium", "slow", "??"};
    fputs("\tFlags: ", out);
    if (cmd & PCI_COMMAND_MASTER)
        fputs("bus master, ", out);
    if (cmd & 0x20)
        fputs("VGA palette snoop, ", out);
    if (cmd & 0x80)
        fputs("stepping, ", out);
    if (cmd & 0x200)
        fputs("fast Back2Back, ", out);
    if (status & 0x20)
        fputs("66MHz, ", out);
    if (status & 0x40)
        fputs("user-definable features, ", out);
    fprintf(out, "%s devsel", devsel[(status >> 9) & 3]);
    if (cmd & PCI_COMMAND_MASTER)
        fprintf(out, ", latency %u", cfg8(r, 0x0d));
    fputc('\n', out);
}

static void show_verbose(FILE *out, const struct pci_record *r, enum pci_naming how)
{
    char buf[160];
    unsigned htype = cfg8(r, PCI_HEADER_TYPE) & 0x7f;
    unsigned sv = cfg16(r, PCI_SUBSYSTEM_VID), sd = cfg16(r, PCI_SUBSYSTEM_ID);
    if (htype == PCI_HEADER_NORMAL && sv && sv != 0xffff)
        fprintf(out, "\tSubsystem: %s\n",
                pci_subsystem_name(buf, sizeof(buf), cfg16(r, PCI_VENDOR_ID),
                                   cfg16(r, PCI_DEVICE_ID), sv, sd, how));
    show_flags(out, r);
    if (htype == PCI_HEADER_NORMAL) {
        show_bars(out, r, 6);
        show_rom(out, r, PCI_ROM_ADDRESS);
    } else if (htype == PCI_HEADER_BRIDGE) {
        show_bars(out, r, 2);
        fprintf(out, "\tBus: primary=%02x, secondary=%02x, subordinate=%02x, sec-latency=%u\n",
                cfg8(r, 0x18), cfg8(r, 0x19), cfg8(r, 0x1a), cfg8(r, 0x1b));
        show_rom(out, r, PCI_ROM_ADDRESS1);
    }
    show_caps(out, r);
    if (is_express(r))
        show_ext_caps(out, r);
}

void show_function(FILE *out, const struct pci_record *r, enum pci_naming how, bool verbose)
{
    char cbuf[64], dbuf[160];
    unsigned cls = cfg16(r, PCI_CLASS_DEVICE), rev = cfg8(r, PCI_REVISION_ID);
    unsigned progif = cfg8(r, PCI_CLASS_PROG);
    fprintf(
        out, "%02x:%02x.%u %s: %s", r->bus, r->dev, r->fn,
        pci_class_name(cbuf, sizeof(cbuf), cls, how),
        pci_device_name(dbuf, sizeof(dbuf), cfg16(r, PCI_VENDOR_ID), cfg16(r, PCI_DEVICE_ID), how));
    if (rev)
        fprintf(out, " (rev %02x)", rev);
    if (verbose) {
        const char *name = how == NUMBERS_ONLY ? NULL : pci_progif_name(cls, progif);
        if (progif || name) {
            fprintf(out, " (prog-if %02x", progif);
            if (name)
                fprintf(out, " [%s]", name);
            fputc(')', out);
        }
    }
    fputc('\n', out);
    if (verbose) {
        show_verbose(out, r, how);
        fputc('\n', out);
    }
}
