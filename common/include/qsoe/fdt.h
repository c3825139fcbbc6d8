// Reader for flattened device trees (DTB): validates an untrusted blob, walks its nodes and
// properties (common/fdt.c), and extracts the platform facts the kernel boots from
// (common/fdt_platform.c). It never writes the tree.
#ifndef QSOE_FDT_H
#define QSOE_FDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FDT_MAGIC        0xd00dfeedu
#define FDT_MAX_MEM      8
#define FDT_MAX_HARTS    8
#define FDT_BOOTARGS_MAX 256

struct fdt_mem_range {
    uint64_t base, size;
};

// What fdt_parse_platform() finds in the tree. Optional devices read as 0 when absent.
struct fdt_platform {
    struct fdt_mem_range mem[FDT_MAX_MEM]; // /memory@* "reg", in the root's cell sizes
    int nmem;
    struct fdt_mem_range reserved[FDT_MAX_MEM]; // header reservation block, then /reserved-memory
    int nreserved;
    uint32_t hart_ids[FDT_MAX_HARTS]; // enabled /cpus children with device_type "cpu"
    int nharts;
    uint64_t timebase_hz;                    // "timebase-frequency" of /cpus (or of the first cpu)
    uint64_t uart_base;                      // first node compatible with "ns16550a"
    uint32_t uart_irq;                       // its first "interrupts" cell, 0 when it has none
    uint64_t plic_base, plic_size;           // "riscv,plic0" or "sifive,plic-1.0.0"
    uint32_t plic_ndev;                      // its "riscv,ndev"
    uint64_t initrd_start, initrd_end;       // /chosen "linux,initrd-start" / "linux,initrd-end"
    uint64_t pcie_ecam_base, pcie_ecam_size; // "pci-host-ecam-generic" first "reg"
    uint64_t test_base;                      // "sifive,test0" or "sifive,test1" "reg" base
    char bootargs[FDT_BOOTARGS_MAX];         // /chosen "bootargs", NUL-terminated, "" when absent
};

// One property as found in the structure block; data points into the blob.
struct fdt_prop {
    const char *name;
    const void *data;
    uint32_t len;
};

// Whole-blob validation: header fields, block bounds, the memory reservation block, and a
// walk of every structure token. Returns 0 or -EINVAL.
int fdt_check(const void *blob, size_t size);

// The header's totalsize, for learning how much to map before calling fdt_check(). The caller
// must make at least 8 bytes readable. Returns 0 when the magic is wrong.
uint32_t fdt_total_size(const void *blob);

// Entry `index` of the header's memory reservation block. Returns 0, -ENOENT at the zero entry
// that ends the block, or -EINVAL when the header is bad or the block runs out of the blob
// first. It does not check that base + size fits in 64 bits.
int fdt_mem_rsv(const void *blob, size_t size, uint32_t index, uint64_t *base, uint64_t *len);

// Fills *out from the tree after fdt_check(). Returns 0, -EINVAL (malformed), -ENOENT (no
// memory, no enabled hart, no timebase, no UART or no PLIC) or -E2BIG (more memory ranges,
// reserved ranges or harts than fit, or bootargs longer than 255 bytes). On failure *out is
// zeroed.
int fdt_parse_platform(const void *blob, size_t size, struct fdt_platform *out);

// Generic walking. A node or property is named by its byte offset in the blob. Every call
// re-checks the header and every token it reads, so these are safe on a blob that has not
// passed fdt_check(), though only a checked blob is guaranteed a well-formed walk. Functions
// returning int give an offset (>= 0) or a negative errno: -ENOENT when there is no such
// node or property, -EINVAL when the blob is malformed or the offset is not a node.

// Offset of the root node.
int fdt_root(const void *blob, size_t size);

// The node after `node` in document order (depth first). *depth, if not NULL, is adjusted by
// the change in depth, so a caller starting at the root with 0 sees 1 for its children.
// Returns -ENOENT after the last node.
int fdt_next_node(const void *blob, size_t size, int node, int *depth);

// First child of `node`, and the next sibling of `node` (-ENOENT when there is none).
int fdt_first_child(const void *blob, size_t size, int node);
int fdt_next_sibling(const void *blob, size_t size, int node);

// The parent of `node` (-ENOENT for the root). Costs a walk of the tree.
int fdt_parent(const void *blob, size_t size, int node);

// Sets *name to the node's NUL-terminated name ("" for the root). Returns 0 or -EINVAL.
int fdt_node_name(const void *blob, size_t size, int node, const char **name);

// Whether a node called `node_name` answers to `want`: exactly, or as "want@unit" when want
// carries no unit address of its own.
bool fdt_name_matches(const char *node_name, const char *want);

// The child of `parent` called `name`, matched as fdt_name_matches() does.
int fdt_subnode(const void *blob, size_t size, int parent, const char *name);

// First property of `node`, and the one after the property at offset `prop`. Each fills *out
// and returns the property's offset.
int fdt_first_prop(const void *blob, size_t size, int node, struct fdt_prop *out);
int fdt_next_prop(const void *blob, size_t size, int prop, struct fdt_prop *out);

// Looks up the property `name` of `node`. Returns 0, -ENOENT or -EINVAL.
int fdt_get_prop(const void *blob, size_t size, int node, const char *name, struct fdt_prop *out);

// First node whose "compatible" list holds `compat`, and the next one after node `after`.
// Each sets *node and returns 0, or returns -ENOENT or -EINVAL.
int fdt_find_compatible(const void *blob, size_t size, const char *compat, int *node);
int fdt_next_compatible(const void *blob, size_t size, int after, const char *compat, int *node);

// #address-cells and #size-cells that `node` sets for its children (2 and 1 when absent).
// Returns 0 or -EINVAL.
int fdt_cells(const void *blob, size_t size, int node, uint32_t *address_cells,
              uint32_t *size_cells);

// Entry `index` of the node's "reg", decoded with its parent's cell sizes. Fails with -EINVAL
// when a cell count is above 2, the property is not a whole number of entries, or base + size
// wraps; -ENOENT when there is no such entry.
int fdt_read_reg(const void *blob, size_t size, int node, uint32_t index, uint64_t *base,
                 uint64_t *len);

// Entry `index` of a "reg" property laid out as (address, size) pairs of the given cell counts,
// with the same checks and results as fdt_read_reg().
int fdt_prop_reg(const struct fdt_prop *reg, uint32_t address_cells, uint32_t size_cells,
                 uint32_t index, uint64_t *base, uint64_t *len);

// Property helpers. fdt_prop_u32 wants exactly 4 bytes; fdt_prop_u64 accepts 4 or 8;
// fdt_prop_cells reads `ncells` (1 or 2) cells starting at cell `index`; fdt_prop_string
// wants a single NUL-terminated string. Each returns 0 or -EINVAL.
int fdt_prop_u32(const struct fdt_prop *prop, uint32_t *value);
int fdt_prop_u64(const struct fdt_prop *prop, uint64_t *value);
int fdt_prop_cells(const struct fdt_prop *prop, uint32_t index, uint32_t ncells, uint64_t *value);
int fdt_prop_string(const struct fdt_prop *prop, const char **str);

// Whether the string list in `prop` (such as "compatible") holds `str`. Only whole,
// NUL-terminated entries count.
bool fdt_prop_has_string(const struct fdt_prop *prop, const char *str);

#endif
