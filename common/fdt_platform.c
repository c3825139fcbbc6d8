// Extraction of the platform description the kernel boots from (memory, harts, timebase,
// /chosen, and the UART, PLIC, PCIe and test devices) out of a checked DTB. It uses only the
// public walker in fdt.c and never reads the blob's bytes itself.
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <qsoe/fdt.h>

// Each helper below fills one part of struct fdt_platform and returns 0 or a negative errno,
// as fdt_parse_platform() documents.

static int add_range(struct fdt_mem_range *ranges, int *n, uint64_t base, uint64_t size)
{
    if (*n >= FDT_MAX_MEM)
        return -E2BIG;
    ranges[*n].base = base;
    ranges[*n].size = size;
    (*n)++;
    return 0;
}

// Appends every (base, size) entry of the node's "reg"; -ENOENT when it has none.
static int add_reg_ranges(const void *blob, size_t size, int node, uint32_t ac, uint32_t sc,
                          struct fdt_mem_range *ranges, int *n)
{
    struct fdt_prop reg;
    uint64_t base, len;
    uint32_t i;
    int rc = fdt_get_prop(blob, size, node, "reg", &reg);

    if (rc < 0)
        return rc;
    for (i = 0;; i++) {
        rc = fdt_prop_reg(&reg, ac, sc, i, &base, &len);
        if (rc == -ENOENT)
            return 0;
        if (rc == 0)
            rc = add_range(ranges, n, base, len);
        if (rc < 0)
            return rc;
    }
}

// The header's memory reservation block.
static int parse_rsvmap(const void *blob, size_t size, struct fdt_platform *out)
{
    uint64_t base, len;
    uint32_t i;
    int rc;

    for (i = 0; (rc = fdt_mem_rsv(blob, size, i, &base, &len)) == 0; i++) {
        if (len > UINT64_MAX - base)
            return -EINVAL;
        rc = add_range(out->reserved, &out->nreserved, base, len);
        if (rc < 0)
            return rc;
    }
    return rc == -ENOENT ? 0 : rc;
}

// Memory nodes and /reserved-memory children, which hang off the root.
static int parse_memory(const void *blob, size_t size, int root, struct fdt_platform *out)
{
    uint32_t ac, sc;
    int node, child, rc = fdt_cells(blob, size, root, &ac, &sc);

    if (rc < 0)
        return rc;
    for (node = fdt_first_child(blob, size, root); node >= 0;
         node = fdt_next_sibling(blob, size, node)) {
        const char *name;

        rc = fdt_node_name(blob, size, node, &name);
        if (rc < 0)
            return rc;
        if (!fdt_name_matches(name, "memory"))
            continue;
        rc = add_reg_ranges(blob, size, node, ac, sc, out->mem, &out->nmem);
        if (rc < 0)
            return rc == -ENOENT ? -EINVAL : rc;
    }
    if (node != -ENOENT)
        return node;
    if (out->nmem == 0)
        return -ENOENT;

    node = fdt_subnode(blob, size, root, "reserved-memory");
    if (node == -ENOENT)
        return 0;
    if (node < 0)
        return node;
    rc = fdt_cells(blob, size, node, &ac, &sc);
    if (rc < 0)
        return rc;
    for (child = fdt_first_child(blob, size, node); child >= 0;
         child = fdt_next_sibling(blob, size, child)) {
        // A region without "reg" is placed dynamically and reserves nothing fixed.
        rc = add_reg_ranges(blob, size, child, ac, sc, out->reserved, &out->nreserved);
        if (rc < 0 && rc != -ENOENT)
            return rc;
    }
    return child == -ENOENT ? 0 : child;
}

// Looks up a property that may be absent: 1 with *p filled when it is there, 0 when it is
// not, or a negative errno.
static int optional_prop(const void *blob, size_t size, int node, const char *name,
                         struct fdt_prop *p)
{
    int rc = fdt_get_prop(blob, size, node, name, p);

    if (rc == -ENOENT)
        return 0;
    return rc < 0 ? rc : 1;
}

// Reads an optional string property; *str is left alone when it is absent.
static int optional_string(const void *blob, size_t size, int node, const char *name,
                           const char **str)
{
    struct fdt_prop p;
    int rc = optional_prop(blob, size, node, name, &p);

    return rc > 0 ? fdt_prop_string(&p, str) : rc;
}

// Reads an optional u32-or-u64 property; *present says whether it was there.
static int optional_u64(const void *blob, size_t size, int node, const char *name, uint64_t *value,
                        bool *present)
{
    struct fdt_prop p;
    int rc = optional_prop(blob, size, node, name, &p);

    *present = rc > 0;
    return rc > 0 ? fdt_prop_u64(&p, value) : rc;
}

// Enabled harts under /cpus and the timebase frequency.
static int parse_cpus(const void *blob, size_t size, int root, struct fdt_platform *out)
{
    struct fdt_prop reg;
    uint64_t id, unused;
    uint32_t ac, sc;
    bool found = false;
    int cpus = fdt_subnode(blob, size, root, "cpus"), cpu, rc;

    if (cpus < 0)
        return cpus;
    rc = fdt_cells(blob, size, cpus, &ac, &sc);
    if (rc == 0)
        rc = optional_u64(blob, size, cpus, "timebase-frequency", &out->timebase_hz, &found);
    if (rc < 0)
        return rc;
    for (cpu = fdt_first_child(blob, size, cpus); cpu >= 0;
         cpu = fdt_next_sibling(blob, size, cpu)) {
        const char *type = "", *status = "okay";

        rc = optional_string(blob, size, cpu, "device_type", &type);
        if (rc == 0)
            rc = optional_string(blob, size, cpu, "status", &status);
        if (rc < 0)
            return rc;
        if (strcmp(type, "cpu") != 0 || strcmp(status, "okay") != 0)
            continue;
        rc = fdt_get_prop(blob, size, cpu, "reg", &reg);
        if (rc == 0)
            rc = fdt_prop_reg(&reg, ac, sc, 0, &id, &unused);
        if (rc < 0 || id > UINT32_MAX)
            return -EINVAL;
        if (out->nharts >= FDT_MAX_HARTS)
            return -E2BIG;
        out->hart_ids[out->nharts++] = (uint32_t)id;
        if (!found) {
            rc = optional_u64(blob, size, cpu, "timebase-frequency", &out->timebase_hz, &found);
            if (rc < 0)
                return rc;
        }
    }
    if (cpu != -ENOENT)
        return cpu;
    if (out->nharts == 0 || !found)
        return -ENOENT;
    return out->timebase_hz == 0 ? -EINVAL : 0;
}

// Boot arguments and the initial ramdisk from /chosen, which is optional.
static int parse_chosen(const void *blob, size_t size, int root, struct fdt_platform *out)
{
    const char *args = "";
    bool has_start, has_end;
    size_t n;
    int chosen = fdt_subnode(blob, size, root, "chosen"), rc;

    if (chosen == -ENOENT)
        return 0;
    if (chosen < 0)
        return chosen;
    rc = optional_string(blob, size, chosen, "bootargs", &args);
    if (rc < 0)
        return rc;
    n = strlen(args);
    if (n >= sizeof(out->bootargs))
        return -E2BIG;
    memcpy(out->bootargs, args, n + 1);
    rc = optional_u64(blob, size, chosen, "linux,initrd-start", &out->initrd_start, &has_start);
    if (rc == 0)
        rc = optional_u64(blob, size, chosen, "linux,initrd-end", &out->initrd_end, &has_end);
    if (rc < 0)
        return rc;
    if (has_start != has_end || out->initrd_end < out->initrd_start)
        return -EINVAL;
    return 0;
}

// Finds the first node compatible with a, or failing that with b (which may be NULL), and
// reads the first entry of its "reg" (len may be NULL). Sets *node and returns 0, -ENOENT
// when there is no such node, or -EINVAL when it has no "reg".
static int device_reg(const void *blob, size_t size, const char *a, const char *b, int *node,
                      uint64_t *base, uint64_t *len)
{
    uint64_t unused;
    int rc = fdt_find_compatible(blob, size, a, node);

    if (rc == -ENOENT && b != NULL)
        rc = fdt_find_compatible(blob, size, b, node);
    if (rc < 0)
        return rc;
    rc = fdt_read_reg(blob, size, *node, 0, base, len != NULL ? len : &unused);
    return rc == -ENOENT ? -EINVAL : rc;
}

// The UART and the PLIC, which must be there, and the optional PCIe and test devices.
static int parse_devices(const void *blob, size_t size, struct fdt_platform *out)
{
    struct fdt_prop p;
    uint64_t irq = 0;
    int node, rc = device_reg(blob, size, "ns16550a", NULL, &node, &out->uart_base, NULL);

    if (rc == 0)
        rc = optional_prop(blob, size, node, "interrupts", &p);
    if (rc > 0)
        rc = fdt_prop_cells(&p, 0, 1, &irq);
    if (rc < 0)
        return rc;
    out->uart_irq = (uint32_t)irq;

    rc = device_reg(blob, size, "riscv,plic0", "sifive,plic-1.0.0", &node, &out->plic_base,
                    &out->plic_size);
    if (rc < 0)
        return rc;
    rc = fdt_get_prop(blob, size, node, "riscv,ndev", &p);
    if (rc == 0)
        rc = fdt_prop_u32(&p, &out->plic_ndev);
    if (rc < 0)
        return -EINVAL;

    rc = device_reg(blob, size, "pci-host-ecam-generic", NULL, &node, &out->pcie_ecam_base,
                    &out->pcie_ecam_size);
    if (rc == 0 || rc == -ENOENT)
        rc = device_reg(blob, size, "sifive,test0", "sifive,test1", &node, &out->test_base, NULL);
    return rc == -ENOENT ? 0 : rc;
}

static int parse_platform(const void *blob, size_t size, struct fdt_platform *out)
{
    int root, rc = fdt_check(blob, size);

    if (rc < 0)
        return rc;
    root = fdt_root(blob, size);
    if (root < 0)
        return root;
    rc = parse_rsvmap(blob, size, out);
    if (rc == 0)
        rc = parse_memory(blob, size, root, out);
    if (rc == 0)
        rc = parse_cpus(blob, size, root, out);
    if (rc == 0)
        rc = parse_chosen(blob, size, root, out);
    if (rc == 0)
        rc = parse_devices(blob, size, out);
    return rc;
}

int fdt_parse_platform(const void *blob, size_t size, struct fdt_platform *out)
{
    int rc;

    if (out == NULL)
        return -EINVAL;
    memset(out, 0, sizeof(*out));
    rc = parse_platform(blob, size, out);
    if (rc < 0)
        memset(out, 0, sizeof(*out));
    return rc;
}
