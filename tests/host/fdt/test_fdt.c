// Host tests for the DTB reader: QEMU's real virt DTB (path in argv[1]), trees built here
// byte by byte, and malformed, truncated and randomly corrupted blobs that must fail cleanly.
// Make the DTB with:
//   qemu-system-riscv64 -M virt,dumpdtb=virt.dtb -smp 2 -m 256M -bios default -nographic
// Build with -fsanitize=address,undefined: every blob is copied into an exactly-sized heap
// buffer, so any read past its end is caught.
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qsoe/fdt.h>

#define TEST_MODULE "fdt"
#include "../harness.h"

#define TOK_BEGIN_NODE 1u
#define TOK_END_NODE   2u
#define TOK_PROP       3u
#define TOK_NOP        4u
#define TOK_END        9u

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static uint8_t *dup_exact(const uint8_t *src, size_t size)
{
    uint8_t *p = malloc(size > 0 ? size : 1);

    if (p == NULL) {
        perror("malloc");
        exit(2);
    }
    memcpy(p, src, size);
    return p;
}

// Header fields by byte offset.
enum {
    H_MAGIC = 0,
    H_TOTALSIZE = 4,
    H_OFF_STRUCT = 8,
    H_OFF_STRINGS = 12,
    H_OFF_RSVMAP = 16,
    H_VERSION = 20,
    H_LAST_COMP = 24,
    H_SIZE_STRINGS = 32,
    H_SIZE_STRUCT = 36,
};

// A tree builder for small hand-made DTBs.
struct dtb {
    uint8_t st[16384];
    size_t st_len;
    char str[4096];
    size_t str_len;
    uint64_t rsv[32][2];
    int nrsv;
};

static void need(bool ok)
{
    if (!ok) {
        fprintf(stderr, "test builder overflow\n");
        exit(2);
    }
}

static void st_u32(struct dtb *d, uint32_t v)
{
    need(d->st_len + 4 <= sizeof(d->st));
    put32(d->st + d->st_len, v);
    d->st_len += 4;
}

static void st_bytes(struct dtb *d, const void *data, size_t len)
{
    need(d->st_len + len + 3 <= sizeof(d->st));
    memcpy(d->st + d->st_len, data, len);
    d->st_len += len;
    while (d->st_len % 4 != 0)
        d->st[d->st_len++] = 0;
}

static uint32_t str_off(struct dtb *d, const char *name)
{
    size_t off = 0, n = strlen(name);

    while (off < d->str_len) {
        if (strcmp(d->str + off, name) == 0)
            return (uint32_t)off;
        off += strlen(d->str + off) + 1;
    }
    need(d->str_len + n + 1 <= sizeof(d->str));
    memcpy(d->str + d->str_len, name, n + 1);
    d->str_len += n + 1;
    return (uint32_t)off;
}

static void begin(struct dtb *d, const char *name)
{
    st_u32(d, TOK_BEGIN_NODE);
    st_bytes(d, name, strlen(name) + 1);
}

static void end_node(struct dtb *d)
{
    st_u32(d, TOK_END_NODE);
}

static void prop(struct dtb *d, const char *name, const void *data, size_t len)
{
    st_u32(d, TOK_PROP);
    st_u32(d, (uint32_t)len);
    st_u32(d, str_off(d, name));
    st_bytes(d, data, len);
}

static void prop_str(struct dtb *d, const char *name, const char *s)
{
    prop(d, name, s, strlen(s) + 1);
}

// A property of n 32-bit cells.
static void prop_cells(struct dtb *d, const char *name, int n, ...)
{
    uint8_t buf[64];
    va_list ap;
    int i;

    need(n * 4 <= (int)sizeof(buf));
    va_start(ap, n);
    for (i = 0; i < n; i++)
        put32(buf + 4 * i, va_arg(ap, uint32_t));
    va_end(ap);
    prop(d, name, buf, (size_t)n * 4);
}

// Appends value as `cells` big-endian cells (cells may exceed 2: leading cells are 0).
static size_t put_cells(uint8_t *buf, size_t off, uint32_t cells, uint64_t value)
{
    uint32_t i;

    for (i = cells; i > 0; i--) {
        put32(buf + off, i > 2 ? 0 : (uint32_t)(value >> (32 * (i - 1))));
        off += 4;
    }
    return off;
}

// Lays the blob out as header, reservation block, structure block, strings block, and
// returns it in an exactly-sized buffer.
static uint8_t *finish(const struct dtb *d, size_t *size)
{
    size_t rsv_off = 40, st_off = rsv_off + ((size_t)d->nrsv + 1) * 16;
    size_t str_offset = st_off + d->st_len, total = str_offset + d->str_len;
    uint8_t *b = calloc(1, total);
    int i;

    need(b != NULL);
    put32(b + H_MAGIC, FDT_MAGIC);
    put32(b + H_TOTALSIZE, (uint32_t)total);
    put32(b + H_OFF_STRUCT, (uint32_t)st_off);
    put32(b + H_OFF_STRINGS, (uint32_t)str_offset);
    put32(b + H_OFF_RSVMAP, (uint32_t)rsv_off);
    put32(b + H_VERSION, 17);
    put32(b + H_LAST_COMP, 16);
    put32(b + H_SIZE_STRINGS, (uint32_t)d->str_len);
    put32(b + H_SIZE_STRUCT, (uint32_t)d->st_len);
    for (i = 0; i < d->nrsv; i++) {
        put32(b + rsv_off + 16 * i, (uint32_t)(d->rsv[i][0] >> 32));
        put32(b + rsv_off + 16 * i + 4, (uint32_t)d->rsv[i][0]);
        put32(b + rsv_off + 16 * i + 8, (uint32_t)(d->rsv[i][1] >> 32));
        put32(b + rsv_off + 16 * i + 12, (uint32_t)d->rsv[i][1]);
    }
    memcpy(b + st_off, d->st, d->st_len);
    memcpy(b + str_offset, d->str, d->str_len);
    *size = total;
    return b;
}

// Knobs for a small but complete platform tree.
struct opts {
    uint32_t root_ac, root_sc;
    int mem_entries;
    bool no_memory, mem_wraps, mem_ragged;
    int reserved_children;
    int nrsv;
    int ncpus;
    const char *cpu1_status;
    bool timebase_in_cpu_nodes, timebase_u64, no_timebase, no_cpus;
    const char *bootargs;
    bool bootargs_unterminated;
    int initrd; // 0 none, 1 u32 cells, 2 u64 cells, 3 start only, 4 end before start
    bool no_uart, no_plic, no_ndev, plic_riscv_only;
};

static struct opts default_opts(void)
{
    struct opts o;

    memset(&o, 0, sizeof(o));
    o.root_ac = 2;
    o.root_sc = 2;
    o.mem_entries = 1;
    o.ncpus = 2;
    return o;
}

// A "reg" of one (base, size) entry in the given cell sizes.
static void prop_reg(struct dtb *d, uint32_t ac, uint32_t sc, uint64_t base, uint64_t size)
{
    uint8_t buf[64];
    size_t n = put_cells(buf, 0, ac, base);

    n = put_cells(buf, n, sc, size);
    prop(d, "reg", buf, n);
}

static uint8_t *build_platform(const struct opts *o, size_t *size)
{
    static struct dtb d;
    uint8_t buf[1024];
    size_t n = 0;
    int i;

    memset(&d, 0, sizeof(d));
    for (i = 0; i < o->nrsv; i++) {
        d.rsv[i][0] = 0x80000000u + (uint64_t)i * 0x10000;
        d.rsv[i][1] = 0x1000;
    }
    d.nrsv = o->nrsv;
    begin(&d, "");
    prop_cells(&d, "#address-cells", 1, o->root_ac);
    prop_cells(&d, "#size-cells", 1, o->root_sc);
    prop_str(&d, "compatible", "qsoe,test");
    if (!o->no_memory) {
        begin(&d, "memory@80000000");
        prop_str(&d, "device_type", "memory");
        for (i = 0; i < o->mem_entries; i++) {
            n = put_cells(buf, n, o->root_ac, 0x80000000u + (uint64_t)i * 0x10000000u);
            n = put_cells(buf, n, o->root_sc, 0x1000000);
        }
        if (o->mem_wraps) {
            n = put_cells(buf, 0, o->root_ac, 0xfffffffffffff000u);
            n = put_cells(buf, n, o->root_sc, 0x2000);
        }
        if (o->mem_ragged)
            n = put_cells(buf, n, 1, 0);
        prop(&d, "reg", buf, n);
        end_node(&d);
    }
    if (o->reserved_children > 0) {
        begin(&d, "reserved-memory");
        prop_cells(&d, "#address-cells", 1, 2);
        prop_cells(&d, "#size-cells", 1, 2);
        prop(&d, "ranges", "", 0);
        for (i = 0; i < o->reserved_children; i++) {
            char name[32];

            snprintf(name, sizeof(name), "region@%x", 0x88000000u + i * 0x100000u);
            begin(&d, name);
            prop_reg(&d, 2, 2, 0x88000000u + (uint64_t)i * 0x100000, 0x100000);
            end_node(&d);
        }
        begin(&d, "dynamic-pool");
        prop_cells(&d, "size", 2, 0, 0x400000);
        end_node(&d);
        end_node(&d);
    }
    if (!o->no_cpus) {
        begin(&d, "cpus");
        prop_cells(&d, "#address-cells", 1, 1);
        prop_cells(&d, "#size-cells", 1, 0);
        if (!o->no_timebase && !o->timebase_in_cpu_nodes) {
            if (o->timebase_u64)
                prop_cells(&d, "timebase-frequency", 2, 0x2, 0x540be400);
            else
                prop_cells(&d, "timebase-frequency", 1, 10000000);
        }
        for (i = 0; i < o->ncpus; i++) {
            char name[32];

            snprintf(name, sizeof(name), "cpu@%d", i);
            begin(&d, name);
            prop_str(&d, "device_type", "cpu");
            prop_cells(&d, "reg", 1, (uint32_t)i);
            if (i == 1 && o->cpu1_status != NULL)
                prop_str(&d, "status", o->cpu1_status);
            if (!o->no_timebase && o->timebase_in_cpu_nodes)
                prop_cells(&d, "timebase-frequency", 1, 1000000);
            begin(&d, "interrupt-controller");
            prop_str(&d, "compatible", "riscv,cpu-intc");
            end_node(&d);
            end_node(&d);
        }
        begin(&d, "cpu-map");
        begin(&d, "cluster0");
        end_node(&d);
        end_node(&d);
        end_node(&d);
    }
    begin(&d, "chosen");
    if (o->bootargs != NULL) {
        if (o->bootargs_unterminated)
            prop(&d, "bootargs", o->bootargs, strlen(o->bootargs));
        else
            prop_str(&d, "bootargs", o->bootargs);
    }
    switch (o->initrd) {
    case 1:
        prop_cells(&d, "linux,initrd-start", 1, 0x84000000u);
        prop_cells(&d, "linux,initrd-end", 1, 0x84200000u);
        break;
    case 2:
        prop_cells(&d, "linux,initrd-start", 2, 0x1, 0x84000000u);
        prop_cells(&d, "linux,initrd-end", 2, 0x1, 0x84200000u);
        break;
    case 3:
        prop_cells(&d, "linux,initrd-start", 1, 0x84000000u);
        break;
    case 4:
        prop_cells(&d, "linux,initrd-start", 1, 0x84200000u);
        prop_cells(&d, "linux,initrd-end", 1, 0x84000000u);
        break;
    default:
        break;
    }
    end_node(&d);
    begin(&d, "soc");
    prop_cells(&d, "#address-cells", 1, 2);
    prop_cells(&d, "#size-cells", 1, 2);
    if (!o->no_uart) {
        begin(&d, "serial@10000000");
        prop_cells(&d, "interrupts", 1, 10);
        prop_reg(&d, 2, 2, 0x10000000, 0x100);
        prop_str(&d, "compatible", "ns16550a");
        end_node(&d);
    }
    if (!o->no_plic) {
        begin(&d, "plic@c000000");
        if (!o->no_ndev)
            prop_cells(&d, "riscv,ndev", 1, 0x35);
        prop_reg(&d, 2, 2, 0xc000000, 0x4000000);
        if (o->plic_riscv_only)
            prop_str(&d, "compatible", "riscv,plic0");
        else
            prop(&d, "compatible", "sifive,plic-1.0.0\0riscv,plic0", 30);
        end_node(&d);
    }
    end_node(&d);
    end_node(&d);
    st_u32(&d, TOK_END);
    return finish(&d, size);
}

// Parses a tree built from opts and returns fdt_parse_platform's result.
static int parse_opts(const struct opts *o, struct fdt_platform *plat)
{
    size_t size;
    uint8_t *b = build_platform(o, &size);
    int rc = fdt_parse_platform(b, size, plat);

    free(b);
    return rc;
}

// Walks everything the generic API can reach, as a client would, checking that it ends.
// Returns false if the walk failed to terminate within a bound set by the blob size.
static bool walk_all(const uint8_t *b, size_t size)
{
    struct fdt_prop p;
    uint64_t base, len;
    uint32_t ac, sc, v32;
    uint64_t v64;
    const char *s;
    size_t steps = 0, limit = size / 4 + 2;
    int node, prop_off, depth = 0, other;

    (void)fdt_check(b, size);
    node = fdt_root(b, size);
    for (; node >= 0; node = fdt_next_node(b, size, node, &depth)) {
        if (++steps > limit)
            return false;
        (void)fdt_node_name(b, size, node, &s);
        (void)fdt_cells(b, size, node, &ac, &sc);
        (void)fdt_read_reg(b, size, node, 0, &base, &len);
        (void)fdt_parent(b, size, node);
        (void)fdt_first_child(b, size, node);
        (void)fdt_next_sibling(b, size, node);
        (void)fdt_subnode(b, size, node, "cpu@0");
        for (prop_off = fdt_first_prop(b, size, node, &p); prop_off >= 0;
             prop_off = fdt_next_prop(b, size, prop_off, &p)) {
            if (++steps > limit)
                return false;
            (void)fdt_prop_u32(&p, &v32);
            (void)fdt_prop_u64(&p, &v64);
            (void)fdt_prop_cells(&p, 1, 2, &v64);
            (void)fdt_prop_string(&p, &s);
            (void)fdt_prop_has_string(&p, "virtio,mmio");
        }
    }
    steps = 0;
    if (fdt_find_compatible(b, size, "virtio,mmio", &node) == 0) {
        while (fdt_next_compatible(b, size, node, "virtio,mmio", &other) == 0) {
            if (++steps > limit || other <= node)
                return false;
            node = other;
        }
    }
    return true;
}

// Offsets of interesting tokens in a well-formed blob, found by a scanner kept apart from the
// code under test.
struct layout {
    uint32_t struct_off, struct_size, strings_off, strings_size;
    uint32_t first_prop;    // offset of the first FDT_PROP token
    uint32_t last_end_node; // offset of the root's FDT_END_NODE
    uint32_t end;           // offset of FDT_END
};

static struct layout scan(const uint8_t *b)
{
    struct layout l;
    uint32_t off, tag, len;

    memset(&l, 0, sizeof(l));
    l.struct_off = get32(b + H_OFF_STRUCT);
    l.struct_size = get32(b + H_SIZE_STRUCT);
    l.strings_off = get32(b + H_OFF_STRINGS);
    l.strings_size = get32(b + H_SIZE_STRINGS);
    for (off = l.struct_off; off < l.struct_off + l.struct_size;) {
        tag = get32(b + off);
        if (tag == TOK_END) {
            l.end = off;
            break;
        }
        if (tag == TOK_END_NODE)
            l.last_end_node = off;
        if (tag == TOK_PROP && l.first_prop == 0)
            l.first_prop = off;
        if (tag == TOK_BEGIN_NODE) {
            off += 4;
            while (b[off] != 0)
                off++;
            off = (off + 4) & ~3u;
        } else if (tag == TOK_PROP) {
            len = get32(b + off + 4);
            off = (off + 12 + len + 3) & ~3u;
        } else {
            off += 4;
        }
    }
    return l;
}

// Runs fdt_check on a copy of base with one header field replaced.
static int check_with_field(const uint8_t *base, size_t size, uint32_t field, uint32_t value)
{
    uint8_t *b = dup_exact(base, size);
    int rc;

    put32(b + field, value);
    rc = fdt_check(b, size);
    free(b);
    return rc;
}

static void test_qemu_platform(const uint8_t *file, size_t file_size)
{
    struct fdt_platform plat;
    int rc = fdt_parse_platform(file, file_size, &plat);

    report(fdt_check(file, file_size) == 0, "QEMU's virt DTB passes fdt_check", "rc %d",
           fdt_check(file, file_size));
    report(rc == 0, "QEMU's virt DTB parses", "rc %d", rc);
    report(plat.nharts == 2 && plat.hart_ids[0] == 0 && plat.hart_ids[1] == 1,
           "the two harts of -smp 2 are found with ids 0 and 1", "nharts %d", plat.nharts);
    report(plat.nmem == 1 && plat.mem[0].base == 0x80000000u && plat.mem[0].size == 256u << 20,
           "memory is one range at 0x80000000 of 256 MiB", "nmem %d base %#llx size %#llx",
           plat.nmem, (unsigned long long)plat.mem[0].base, (unsigned long long)plat.mem[0].size);
    report(plat.nreserved == 0, "QEMU's DTB reserves no memory before firmware runs",
           "nreserved %d", plat.nreserved);
    report(plat.uart_base == 0x10000000u && plat.uart_irq == 10,
           "the ns16550a UART is at 0x10000000 on IRQ 10", "base %#llx irq %u",
           (unsigned long long)plat.uart_base, plat.uart_irq);
    report(plat.plic_base == 0xc000000u && plat.plic_size == 0x600000u && plat.plic_ndev == 0x60,
           "the PLIC is at 0xc000000, 0x600000 long, with riscv,ndev 0x60 as the DTB says",
           "base %#llx size %#llx ndev %#x", (unsigned long long)plat.plic_base,
           (unsigned long long)plat.plic_size, plat.plic_ndev);
    report(plat.timebase_hz == 10000000u, "the timebase is 10 MHz", "%llu",
           (unsigned long long)plat.timebase_hz);
    report(plat.test_base == 0x100000u, "the sifive,test device is at 0x100000", "%#llx",
           (unsigned long long)plat.test_base);
    report(plat.pcie_ecam_base == 0x30000000u && plat.pcie_ecam_size == 0x10000000u,
           "the PCIe ECAM window is at 0x30000000, 0x10000000 long", "base %#llx size %#llx",
           (unsigned long long)plat.pcie_ecam_base, (unsigned long long)plat.pcie_ecam_size);
    report(plat.bootargs[0] == 0 && plat.initrd_start == 0 && plat.initrd_end == 0,
           "without -append or -initrd, bootargs is empty and initrd is 0", "'%s' %#llx",
           plat.bootargs, (unsigned long long)plat.initrd_start);
    report(fdt_total_size(file) == get32(file + H_TOTALSIZE) && fdt_total_size(file) <= file_size,
           "fdt_total_size returns the header's totalsize", "%u", fdt_total_size(file));
}

static void test_qemu_walk(const uint8_t *b, size_t size)
{
    struct fdt_prop p;
    const char *name = NULL;
    const char *names[8];
    int root = fdt_root(b, size), soc, uart = -1, node, depth = 0, count = 0, max_depth = 0;
    int nprops = 0, rc, virtio = 0;
    uint64_t base = 0, len = 0;
    bool depth_ok = true;

    for (node = root; node >= 0; node = fdt_next_node(b, size, node, &depth)) {
        count++;
        if (depth < 0)
            depth_ok = false;
        if (depth > max_depth)
            max_depth = depth;
    }
    report(node == -ENOENT && count == 33 && depth_ok && max_depth == 4,
           "fdt_next_node visits all 33 nodes depth first, at most 4 deep",
           "end %d count %d max depth %d", node, count, max_depth);

    soc = fdt_subnode(b, size, root, "soc");
    rc = fdt_find_compatible(b, size, "ns16550a", &uart);
    report(soc > 0 && rc == 0 && fdt_parent(b, size, uart) == soc &&
               fdt_parent(b, size, soc) == root && fdt_parent(b, size, root) == -ENOENT,
           "fdt_parent finds the UART's parent /soc and the root has none", "soc %d uart %d", soc,
           uart);
    report(fdt_node_name(b, size, uart, &name) == 0 && strcmp(name, "serial@10000000") == 0,
           "fdt_node_name gives the unit-addressed name", "%s", name ? name : "(null)");
    report(fdt_subnode(b, size, soc, "serial") == uart &&
               fdt_subnode(b, size, soc, "serial@10000000") == uart &&
               fdt_subnode(b, size, soc, "serial@1") == -ENOENT &&
               fdt_subnode(b, size, soc, "seria") == -ENOENT,
           "fdt_subnode matches a name with or without its unit address, never a prefix", "");

    for (rc = fdt_first_prop(b, size, uart, &p); rc >= 0; rc = fdt_next_prop(b, size, rc, &p))
        names[nprops++ & 7] = p.name;
    report(rc == -ENOENT && nprops == 5 && strcmp(names[0], "interrupts") == 0 &&
               strcmp(names[4], "compatible") == 0,
           "fdt_first_prop/fdt_next_prop list the UART's five properties in order", "rc %d n %d",
           rc, nprops);

    report(fdt_get_prop(b, size, uart, "no-such-prop", &p) == -ENOENT &&
               fdt_get_prop(b, size, uart, "reg", &p) == 0 && p.len == 16,
           "fdt_get_prop finds a property by name and says -ENOENT otherwise", "");
    rc = fdt_read_reg(b, size, uart, 0, &base, &len);
    report(rc == 0 && base == 0x10000000u && len == 0x100 &&
               fdt_read_reg(b, size, uart, 1, &base, &len) == -ENOENT,
           "fdt_read_reg decodes reg with the parent's cell sizes", "rc %d", rc);

    for (rc = fdt_find_compatible(b, size, "virtio,mmio", &node); rc == 0;
         rc = fdt_next_compatible(b, size, node, "virtio,mmio", &node))
        virtio++;
    report(rc == -ENOENT && virtio == 8,
           "fdt_find_compatible/fdt_next_compatible find all 8 virtio,mmio nodes", "%d", virtio);
    rc = fdt_find_compatible(b, size, "sifive,test0", &node);
    report(rc == 0 && fdt_node_name(b, size, node, &name) == 0 && strcmp(name, "test@100000") == 0,
           "a compatible string that is not first in the list still matches", "rc %d", rc);
    report(fdt_find_compatible(b, size, "sifive,test", &node) == -ENOENT &&
               fdt_find_compatible(b, size, "", &node) == -ENOENT,
           "a prefix of a compatible string does not match", "");

    report(fdt_next_node(b, size, -4, NULL) == -EINVAL &&
               fdt_next_node(b, size, uart + 2, NULL) == -EINVAL &&
               fdt_next_node(b, size, fdt_first_prop(b, size, uart, NULL), NULL) == -EINVAL &&
               fdt_first_prop(b, size, (int)size, &p) == -EINVAL &&
               fdt_next_prop(b, size, uart, &p) == -EINVAL &&
               fdt_node_name(b, size, INT32_MAX, &name) == -EINVAL,
           "offsets that are negative, misaligned, past the end or of the wrong token are "
           "rejected",
           "");
    report(fdt_root(NULL, 0) == -EINVAL && fdt_check(NULL, 100) == -EINVAL &&
               fdt_parse_platform(b, size, NULL) == -EINVAL,
           "NULL blobs and outputs are rejected", "");
}

// Each defect made in a copy of QEMU's DTB, trimmed to its totalsize.
static void test_qemu_defects(const uint8_t *base, size_t n)
{
    struct layout l = scan(base);
    uint8_t *b;
    int rc;

    report(l.first_prop != 0 && l.last_end_node != 0 && l.end + 4 == l.struct_off + l.struct_size,
           "the test's own scan of the DTB finds its tokens", "end %#x", l.end);

    rc = check_with_field(base, n, H_MAGIC, 0xd00dfeee);
    report(rc == -EINVAL, "a wrong magic is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_TOTALSIZE, (uint32_t)n + 1);
    report(rc == -EINVAL, "a totalsize larger than the buffer is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_TOTALSIZE, 0xffffffff);
    report(rc == -EINVAL, "a totalsize of 0xffffffff is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_TOTALSIZE, 20);
    report(rc == -EINVAL, "a totalsize smaller than the header is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_VERSION, 15);
    report(rc == -EINVAL, "a version below 16 is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_LAST_COMP, 18);
    report(rc == -EINVAL, "a last_comp_version above 17 is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_OFF_STRUCT, (uint32_t)n);
    report(rc == -EINVAL, "off_dt_struct at the end of the blob is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_OFF_STRUCT, 0xfffffff0);
    report(rc == -EINVAL, "off_dt_struct far outside the blob (wrapping) is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_OFF_STRUCT, ((uint32_t)n - l.struct_size + 4 + 3) & ~3u);
    report(rc == -EINVAL, "off_dt_struct pushing the block past totalsize is rejected", "rc %d",
           rc);
    rc = check_with_field(base, n, H_OFF_STRUCT, l.struct_off + 2);
    report(rc == -EINVAL, "a misaligned off_dt_struct is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_OFF_STRUCT, 8);
    report(rc == -EINVAL, "a structure block overlapping the header is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_SIZE_STRUCT, 0xffffffff);
    report(rc == -EINVAL, "a size_dt_struct of 0xffffffff is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_OFF_STRINGS, (uint32_t)n);
    report(rc == -EINVAL, "off_dt_strings past the blob is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_OFF_STRINGS, 0xffffff00);
    report(rc == -EINVAL, "off_dt_strings far outside the blob (wrapping) is rejected", "rc %d",
           rc);
    rc = check_with_field(base, n, H_SIZE_STRINGS, l.strings_size + 1);
    report(rc == -EINVAL, "a strings block running past totalsize is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_OFF_RSVMAP, (uint32_t)n);
    report(rc == -EINVAL, "a reservation block with no room for its terminator is rejected",
           "rc %d", rc);
    rc = check_with_field(base, n, H_OFF_RSVMAP, 0x2c);
    report(rc == -EINVAL, "a reservation block not 8-byte aligned is rejected", "rc %d", rc);

    rc = check_with_field(base, n, l.first_prop + 4, l.struct_size);
    report(rc == -EINVAL, "a property length running past the structure block is rejected", "rc %d",
           rc);
    rc = check_with_field(base, n, l.first_prop + 4, 0xfffffffc);
    report(rc == -EINVAL, "a property length of 0xfffffffc is rejected", "rc %d", rc);
    rc = check_with_field(base, n, l.first_prop + 8, l.strings_size);
    report(rc == -EINVAL, "a name offset at the end of the strings block is rejected", "rc %d", rc);
    rc = check_with_field(base, n, l.first_prop + 8, 0xffffffff);
    report(rc == -EINVAL, "a name offset of 0xffffffff is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_SIZE_STRINGS, l.strings_size - 1);
    report(rc == -EINVAL,
           "a property name not NUL-terminated inside the strings block is "
           "rejected",
           "rc %d", rc);
    rc = check_with_field(base, n, l.last_end_node, TOK_NOP);
    report(rc == -EINVAL, "a root node that is never closed is rejected", "rc %d", rc);
    rc = check_with_field(base, n, l.end, TOK_END_NODE);
    report(rc == -EINVAL, "an extra FDT_END_NODE is rejected", "rc %d", rc);
    rc = check_with_field(base, n, l.end, TOK_NOP);
    report(rc == -EINVAL, "a structure block without FDT_END is rejected", "rc %d", rc);
    rc = check_with_field(base, n, H_SIZE_STRUCT, l.struct_size - 4);
    report(rc == -EINVAL, "an FDT_END outside the structure block does not count", "rc %d", rc);
    rc = check_with_field(base, n, l.first_prop, 7);
    report(rc == -EINVAL, "an unknown token is rejected", "rc %d", rc);

    // The root's empty name is followed by padding; fill it and end the block there, so the
    // name has no NUL inside the block (the bytes after the block are not the block's).
    b = dup_exact(base, n);
    put32(b + l.struct_off + 4, 0x41414141);
    put32(b + H_SIZE_STRUCT, 8);
    rc = fdt_check(b, n);
    free(b);
    report(rc == -EINVAL, "a node name not NUL-terminated inside the block is rejected", "rc %d",
           rc);
}

// Every prefix of the DTB, in a buffer of exactly that size, must be rejected.
static void test_truncation(const uint8_t *base, size_t n)
{
    struct fdt_platform plat;
    size_t len, bad = 0, hung = 0;
    uint8_t *b;

    for (len = 0; len < n; len++) {
        b = dup_exact(base, len);
        if (fdt_check(b, len) != -EINVAL || fdt_parse_platform(b, len, &plat) != -EINVAL ||
            fdt_root(b, len) != -EINVAL)
            bad++;
        if (!walk_all(b, len))
            hung++;
        free(b);
    }
    report(bad == 0 && hung == 0,
           "every truncation of QEMU's DTB (0 to totalsize-1 bytes) is "
           "rejected",
           "%zu accepted, %zu walks did not end", bad, hung);
}

// Moves the strings block in front of the structure block so that cutting the blob cuts the
// structure block, then cuts it at every length with the header made to agree. The result is
// a blob whose header is sound but whose structure block ends early.
static void test_struct_truncation(const uint8_t *base, size_t n)
{
    struct layout l = scan(base);
    struct fdt_platform a, b2;
    uint32_t rsv_off = get32(base + H_OFF_RSVMAP), rsv_len = 16, st_off, len;
    size_t bad = 0, hung = 0;
    uint8_t *r, *b;
    int rc;

    while (get32(base + rsv_off + rsv_len - 16) | get32(base + rsv_off + rsv_len - 12) |
           get32(base + rsv_off + rsv_len - 8) | get32(base + rsv_off + rsv_len - 4))
        rsv_len += 16;
    st_off = (40 + rsv_len + l.strings_size + 3) & ~3u;
    r = calloc(1, st_off + l.struct_size);
    need(r != NULL);
    memcpy(r, base, 40);
    memcpy(r + 40, base + rsv_off, rsv_len);
    memcpy(r + 40 + rsv_len, base + l.strings_off, l.strings_size);
    memcpy(r + st_off, base + l.struct_off, l.struct_size);
    put32(r + H_OFF_RSVMAP, 40);
    put32(r + H_OFF_STRINGS, 40 + rsv_len);
    put32(r + H_OFF_STRUCT, st_off);
    put32(r + H_TOTALSIZE, st_off + l.struct_size);
    rc = fdt_parse_platform(r, st_off + l.struct_size, &a);
    report(rc == 0 && fdt_parse_platform(base, n, &b2) == 0 && memcmp(&a, &b2, sizeof(a)) == 0,
           "the DTB with its blocks in another order parses the same", "rc %d", rc);

    // With the structure block last and its FDT_END made a NOP, a reader that trusted
    // size_dt_struct past totalsize would run off the end of the buffer.
    b = dup_exact(r, st_off + l.struct_size);
    put32(b + st_off + l.struct_size - 4, TOK_NOP);
    put32(b + H_SIZE_STRUCT, l.struct_size + 8);
    rc = fdt_check(b, st_off + l.struct_size);
    report(rc == -EINVAL && walk_all(b, st_off + l.struct_size),
           "a structure block running past totalsize is rejected", "rc %d", rc);
    free(b);

    for (len = 0; len < l.struct_size; len++) {
        b = dup_exact(r, st_off + len);
        put32(b + H_TOTALSIZE, st_off + len);
        put32(b + H_SIZE_STRUCT, len);
        if (fdt_check(b, st_off + len) != -EINVAL ||
            fdt_parse_platform(b, st_off + len, &a) != -EINVAL)
            bad++;
        if (!walk_all(b, st_off + len))
            hung++;
        free(b);
    }
    report(bad == 0 && hung == 0,
           "a structure block cut at every length, header agreeing, is rejected",
           "%zu accepted, %zu walks did not end", bad, hung);

    bad = 0;
    for (len = 0; len < l.strings_size; len++) {
        b = dup_exact(base, l.strings_off + len);
        put32(b + H_TOTALSIZE, l.strings_off + len);
        put32(b + H_SIZE_STRINGS, len);
        if (fdt_check(b, l.strings_off + len) != -EINVAL)
            bad++;
        if (!walk_all(b, l.strings_off + len))
            hung++;
        free(b);
    }
    report(bad == 0 && hung == 0,
           "a strings block cut at every length, header agreeing, is rejected",
           "%zu accepted, %zu walks did not end", bad, hung);
    free(r);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

// Applies one corruption to a fresh exact copy and runs every entry point on it.
static bool try_corrupt(const uint8_t *base, size_t n, size_t off, const uint8_t *bytes, size_t len,
                        size_t *accepted)
{
    struct fdt_platform plat;
    uint8_t *b = dup_exact(base, n);
    bool ok;
    int rc;

    memcpy(b + off, bytes, len);
    rc = fdt_parse_platform(b, n, &plat);
    if (rc == 0)
        (*accepted)++;
    ok = walk_all(b, n) && (rc == 0 || rc == -EINVAL || rc == -ENOENT || rc == -E2BIG) &&
         plat.nmem <= FDT_MAX_MEM && plat.nharts <= FDT_MAX_HARTS &&
         plat.nreserved <= FDT_MAX_MEM && memchr(plat.bootargs, 0, sizeof(plat.bootargs));
    free(b);
    return ok;
}

static void test_random(const uint8_t *base, size_t n)
{
    struct layout l = scan(base);
    size_t i, bad = 0, accepted = 0;
    uint8_t byte, word[4];
    static const uint32_t words[] = {0, 1, 2, 3, 4, 9, 0xffffffff, 0x7fffffff, 0x80000000};

    for (i = 0; i < 4000; i++) {
        size_t off = test_rng(&rng_state) % n;

        byte = (uint8_t)(base[off] ^ (1 + test_rng(&rng_state) % 255));
        if (!try_corrupt(base, n, off, &byte, 1, &accepted))
            bad++;
    }
    for (i = 0; i < 1000; i++) {
        size_t off = test_rng(&rng_state) % 40;

        byte = (uint8_t)(base[off] ^ (1 + test_rng(&rng_state) % 255));
        if (!try_corrupt(base, n, off, &byte, 1, &accepted))
            bad++;
    }
    for (i = 0; i < 2000; i++) {
        size_t off = l.struct_off + 4 * (test_rng(&rng_state) % (l.struct_size / 4));
        uint32_t v = test_rng(&rng_state) % 2
                         ? words[test_rng(&rng_state) % (sizeof(words) / sizeof(words[0]))]
                         : test_rng(&rng_state);

        put32(word, v);
        if (!try_corrupt(base, n, off, word, 4, &accepted))
            bad++;
    }
    report(bad == 0,
           "7000 random corruptions (fixed seed: bytes anywhere, header bytes, structure "
           "words) never crash, hang or give out-of-range results",
           "%zu bad, %zu accepted", bad, accepted);
}

static void test_synthetic_platform(void)
{
    struct fdt_platform p;
    struct opts o = default_opts();
    char long_args[300];
    int rc;

    o.nrsv = 2;
    o.reserved_children = 2;
    o.bootargs = "console=ttyS0 init=/bin/sh";
    o.initrd = 2;
    rc = parse_opts(&o, &p);
    report(rc == 0 && p.nreserved == 4 && p.reserved[0].base == 0x80000000u &&
               p.reserved[1].base == 0x80010000u && p.reserved[2].base == 0x88000000u &&
               p.reserved[3].size == 0x100000,
           "reservations come from the header block then /reserved-memory children with reg",
           "rc %d nreserved %d", rc, p.nreserved);
    report(rc == 0 && strcmp(p.bootargs, "console=ttyS0 init=/bin/sh") == 0,
           "bootargs is copied from /chosen", "'%s'", p.bootargs);
    report(rc == 0 && p.initrd_start == 0x184000000u && p.initrd_end == 0x184200000u,
           "a 64-bit initrd range is read from /chosen", "%#llx",
           (unsigned long long)p.initrd_start);
    report(rc == 0 && p.plic_ndev == 0x35 && p.uart_irq == 10 && p.test_base == 0 &&
               p.pcie_ecam_base == 0 && p.pcie_ecam_size == 0,
           "absent optional devices read as 0", "");

    o = default_opts();
    o.initrd = 1;
    rc = parse_opts(&o, &p);
    report(rc == 0 && p.initrd_start == 0x84000000u && p.initrd_end == 0x84200000u,
           "a 32-bit initrd range is read from /chosen", "rc %d", rc);
    o.initrd = 3;
    rc = parse_opts(&o, &p);
    report(rc == -EINVAL, "an initrd start without an end is rejected", "rc %d", rc);
    o.initrd = 4;
    rc = parse_opts(&o, &p);
    report(rc == -EINVAL, "an initrd ending before it starts is rejected", "rc %d", rc);

    o = default_opts();
    o.root_ac = 1;
    o.root_sc = 1;
    o.mem_entries = 3;
    rc = parse_opts(&o, &p);
    report(rc == 0 && p.nmem == 3 && p.mem[2].base == 0xa0000000u && p.mem[2].size == 0x1000000,
           "memory reg honours a root with one address and one size cell", "rc %d nmem %d", rc,
           p.nmem);
    o.root_ac = 3;
    rc = parse_opts(&o, &p);
    report(rc == -EINVAL, "a root #address-cells of 3 cannot describe memory", "rc %d", rc);

    o = default_opts();
    o.mem_entries = 8;
    rc = parse_opts(&o, &p);
    report(rc == 0 && p.nmem == 8, "eight memory ranges fit", "rc %d", rc);
    o.mem_entries = 9;
    rc = parse_opts(&o, &p);
    report(rc == -E2BIG, "a ninth memory range gives -E2BIG", "rc %d", rc);
    o = default_opts();
    o.nrsv = 9;
    rc = parse_opts(&o, &p);
    report(rc == -E2BIG, "a ninth reserved range gives -E2BIG", "rc %d", rc);
    o = default_opts();
    o.mem_wraps = true;
    rc = parse_opts(&o, &p);
    report(rc == -EINVAL, "a memory range wrapping past 2^64 is rejected", "rc %d", rc);
    o = default_opts();
    o.mem_ragged = true;
    rc = parse_opts(&o, &p);
    report(rc == -EINVAL, "a memory reg that is not a whole number of entries is rejected", "rc %d",
           rc);
    o = default_opts();
    o.no_memory = true;
    rc = parse_opts(&o, &p);
    report(rc == -ENOENT && p.nmem == 0, "a tree without memory gives -ENOENT and a zeroed result",
           "rc %d", rc);

    o = default_opts();
    o.ncpus = 8;
    rc = parse_opts(&o, &p);
    report(rc == 0 && p.nharts == 8 && p.hart_ids[7] == 7, "eight harts fit", "rc %d", rc);
    o.ncpus = 9;
    rc = parse_opts(&o, &p);
    report(rc == -E2BIG, "a ninth hart gives -E2BIG", "rc %d", rc);
    o = default_opts();
    o.ncpus = 3;
    o.cpu1_status = "disabled";
    rc = parse_opts(&o, &p);
    report(rc == 0 && p.nharts == 2 && p.hart_ids[0] == 0 && p.hart_ids[1] == 2,
           "a disabled cpu is skipped and cpu-map is not a cpu", "rc %d nharts %d", rc, p.nharts);
    o.cpu1_status = "okay";
    rc = parse_opts(&o, &p);
    report(rc == 0 && p.nharts == 3, "a cpu with status okay counts", "rc %d", rc);
    o = default_opts();
    o.ncpus = 0;
    rc = parse_opts(&o, &p);
    report(rc == -ENOENT, "a tree without harts gives -ENOENT", "rc %d", rc);
    o = default_opts();
    o.no_cpus = true;
    rc = parse_opts(&o, &p);
    report(rc == -ENOENT, "a tree without /cpus gives -ENOENT", "rc %d", rc);

    o = default_opts();
    o.timebase_u64 = true;
    rc = parse_opts(&o, &p);
    report(rc == 0 && p.timebase_hz == 10000000000u, "a 64-bit timebase-frequency is read", "%llu",
           (unsigned long long)p.timebase_hz);
    o = default_opts();
    o.timebase_in_cpu_nodes = true;
    rc = parse_opts(&o, &p);
    report(rc == 0 && p.timebase_hz == 1000000u,
           "timebase-frequency is taken from a cpu node when /cpus lacks it", "rc %d", rc);
    o = default_opts();
    o.no_timebase = true;
    rc = parse_opts(&o, &p);
    report(rc == -ENOENT, "a tree without timebase-frequency gives -ENOENT", "rc %d", rc);

    o = default_opts();
    o.no_uart = true;
    rc = parse_opts(&o, &p);
    report(rc == -ENOENT, "a tree without an ns16550a UART gives -ENOENT", "rc %d", rc);
    o = default_opts();
    o.no_plic = true;
    rc = parse_opts(&o, &p);
    report(rc == -ENOENT, "a tree without a PLIC gives -ENOENT", "rc %d", rc);
    o = default_opts();
    o.plic_riscv_only = true;
    rc = parse_opts(&o, &p);
    report(rc == 0 && p.plic_base == 0xc000000u, "a PLIC compatible only with riscv,plic0 is found",
           "rc %d", rc);
    o.no_ndev = true;
    rc = parse_opts(&o, &p);
    report(rc == -EINVAL, "a PLIC without riscv,ndev is rejected", "rc %d", rc);

    o = default_opts();
    memset(long_args, 'a', sizeof(long_args));
    long_args[255] = 0;
    o.bootargs = long_args;
    rc = parse_opts(&o, &p);
    report(rc == 0 && strlen(p.bootargs) == 255, "bootargs of 255 bytes fit", "rc %d", rc);
    long_args[255] = 'a';
    long_args[256] = 0;
    rc = parse_opts(&o, &p);
    report(rc == -E2BIG, "bootargs of 256 bytes give -E2BIG rather than being truncated", "rc %d",
           rc);
    o.bootargs = "console=ttyS0";
    o.bootargs_unterminated = true;
    rc = parse_opts(&o, &p);
    report(rc == -EINVAL, "bootargs without a NUL terminator are rejected", "rc %d", rc);
}

// Small trees with one structural defect each.
static void test_synthetic_structure(void)
{
    static struct dtb d;
    struct opts o = default_opts();
    uint8_t *b;
    size_t size;
    int rc;

    b = build_platform(&o, &size);
    put32(b + H_VERSION, 16);
    put32(b + H_LAST_COMP, 16);
    rc = fdt_check(b, size);
    report(rc == 0, "a version 16 blob, which has no size_dt_struct, is accepted", "rc %d", rc);
    put32(b + H_SIZE_STRUCT, 0xffffffff);
    rc = fdt_check(b, size);
    report(rc == 0, "version 16 ignores the size_dt_struct field", "rc %d", rc);
    free(b);

    memset(&d, 0, sizeof(d));
    st_u32(&d, TOK_NOP);
    begin(&d, "");
    st_u32(&d, TOK_NOP);
    prop_cells(&d, "x", 1, 1);
    st_u32(&d, TOK_NOP);
    begin(&d, "a");
    end_node(&d);
    end_node(&d);
    st_u32(&d, TOK_NOP);
    st_u32(&d, TOK_END);
    b = finish(&d, &size);
    rc = fdt_check(b, size);
    report(rc == 0 && fdt_subnode(b, size, fdt_root(b, size), "a") > 0,
           "FDT_NOP tokens are allowed anywhere", "rc %d", rc);
    free(b);

    memset(&d, 0, sizeof(d));
    begin(&d, "");
    end_node(&d);
    begin(&d, "");
    end_node(&d);
    st_u32(&d, TOK_END);
    b = finish(&d, &size);
    rc = fdt_check(b, size);
    report(rc == -EINVAL, "a second root node is rejected", "rc %d", rc);
    free(b);

    memset(&d, 0, sizeof(d));
    prop_cells(&d, "x", 1, 1);
    begin(&d, "");
    end_node(&d);
    st_u32(&d, TOK_END);
    b = finish(&d, &size);
    rc = fdt_check(b, size);
    report(rc == -EINVAL, "a property outside the root node is rejected", "rc %d", rc);
    free(b);

    memset(&d, 0, sizeof(d));
    begin(&d, "");
    end_node(&d);
    end_node(&d);
    st_u32(&d, TOK_END);
    b = finish(&d, &size);
    rc = fdt_check(b, size);
    report(rc == -EINVAL, "an FDT_END_NODE with no open node is rejected", "rc %d", rc);
    free(b);

    memset(&d, 0, sizeof(d));
    st_u32(&d, TOK_END);
    b = finish(&d, &size);
    rc = fdt_check(b, size);
    report(rc == -EINVAL && fdt_root(b, size) == -EINVAL, "a tree with no root is rejected",
           "rc %d", rc);
    free(b);

    memset(&d, 0, sizeof(d));
    d.nrsv = 1;
    d.rsv[0][0] = 0x80000000u;
    d.rsv[0][1] = 0x1000;
    begin(&d, "");
    end_node(&d);
    st_u32(&d, TOK_END);
    b = finish(&d, &size);
    rc = fdt_check(b, size);
    report(rc == 0, "a reservation block with one entry and a terminator is accepted", "rc %d", rc);
    memset(b + 56, 0xff, 16);
    rc = fdt_check(b, size);
    report(rc == -EINVAL, "a reservation block without a terminating entry is rejected", "rc %d",
           rc);
    free(b);
}

int main(int argc, char **argv)
{
    uint8_t *file = NULL, *trimmed;
    size_t file_size = 0, n;

    test_synthetic_platform();
    test_synthetic_structure();
    if (argc > 1)
        file = read_file(argv[1], &file_size);
    report(file != NULL && file_size >= 40 && fdt_total_size(file) != 0 &&
               fdt_total_size(file) <= file_size,
           "QEMU's virt DTB is given as argv[1] and readable", "%s",
           argc > 1 ? argv[1] : "no path given");
    if (file != NULL && file_size >= 40 && fdt_total_size(file) != 0 &&
        fdt_total_size(file) <= file_size) {
        n = fdt_total_size(file);
        trimmed = dup_exact(file, n);
        test_qemu_platform(file, file_size);
        test_qemu_walk(trimmed, n);
        test_qemu_defects(trimmed, n);
        test_truncation(trimmed, n);
        test_struct_truncation(trimmed, n);
        test_random(trimmed, n);
        free(trimmed);
    }
    free(file);
    return test_summary();
}
