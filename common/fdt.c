// Flattened device tree reader: bounds-checked validation and walking of an untrusted DTB and
// decoding of property values. It reads bytes only, so the blob may sit at any address, and it
// never modifies the tree; extracting the platform description is fdt_platform.c's job.
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <qsoe/fdt.h>

#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE   2u
#define FDT_PROP       3u
#define FDT_NOP        4u
#define FDT_END        9u

#define FDT_HEADER_V16         36u
#define FDT_HEADER_V17         40u
#define FDT_LAST_KNOWN_VERSION 17u
#define FDT_RSV_ENTRY          16u

// The validated layout of a blob: absolute offsets of its blocks, all within totalsize.
struct view {
    const uint8_t *b;
    uint32_t total;
    uint32_t struct_off, struct_end;
    uint32_t strings_off, strings_size;
    uint32_t rsv_off;
};

// One decoded structure token; name and data are set for BEGIN_NODE and PROP.
struct token {
    uint32_t tag;
    uint32_t next;
    const char *name;
    const uint8_t *data;
    uint32_t len;
};

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t be64(const uint8_t *p)
{
    return (uint64_t)be32(p) << 32 | be32(p + 4);
}

static uint64_t align4(uint64_t x)
{
    return (x + 3) & ~(uint64_t)3;
}

// Length of the string at p, or max when there is no NUL in the first max bytes.
static uint32_t bounded_strlen(const uint8_t *p, uint32_t max)
{
    uint32_t n = 0;

    while (n < max && p[n] != 0)
        n++;
    return n;
}

// Reads and checks the header, filling *v with block bounds that all lie inside the blob.
static int view_init(struct view *v, const void *blob, size_t size)
{
    const uint8_t *b = blob;
    uint32_t version, last_comp, header, size_struct;

    if (b == NULL || size < FDT_HEADER_V16 || be32(b) != FDT_MAGIC)
        return -EINVAL;
    version = be32(b + 20);
    last_comp = be32(b + 24);
    if (version < 16 || last_comp > FDT_LAST_KNOWN_VERSION || last_comp > version)
        return -EINVAL;
    header = version >= 17 ? FDT_HEADER_V17 : FDT_HEADER_V16;
    v->b = b;
    v->total = be32(b + 4);
    v->struct_off = be32(b + 8);
    v->strings_off = be32(b + 12);
    v->rsv_off = be32(b + 16);
    v->strings_size = be32(b + 32);
    if (size < header || v->total < header || v->total > size || v->total > INT32_MAX)
        return -EINVAL;
    if (v->struct_off < header || v->struct_off % 4 != 0 || v->struct_off > v->total)
        return -EINVAL;
    // Version 16 has no size_dt_struct: the structure block may run to the end of the blob.
    size_struct = version >= 17 ? be32(b + 36) : v->total - v->struct_off;
    if ((uint64_t)v->struct_off + size_struct > v->total)
        return -EINVAL;
    v->struct_end = v->struct_off + size_struct;
    if (v->strings_off < header || (uint64_t)v->strings_off + v->strings_size > v->total)
        return -EINVAL;
    if (v->rsv_off < header || v->rsv_off % 8 != 0 || v->rsv_off > v->total)
        return -EINVAL;
    return 0;
}

// Decodes the token at off, checking that it and everything it refers to (node name, property
// value, property name in the strings block) lies within its block.
static int token_read(const struct view *v, uint32_t off, struct token *t)
{
    uint32_t room, n, nameoff;
    uint64_t next;

    if (off < v->struct_off || off % 4 != 0 || off > v->struct_end || v->struct_end - off < 4)
        return -EINVAL;
    room = v->struct_end - off - 4;
    t->tag = be32(v->b + off);
    t->name = NULL;
    t->data = NULL;
    t->len = 0;
    switch (t->tag) {
    case FDT_BEGIN_NODE:
        n = bounded_strlen(v->b + off + 4, room);
        if (n == room)
            return -EINVAL;
        t->name = (const char *)(v->b + off + 4);
        next = align4((uint64_t)off + 4 + n + 1);
        break;
    case FDT_PROP:
        if (room < 8)
            return -EINVAL;
        t->len = be32(v->b + off + 4);
        nameoff = be32(v->b + off + 8);
        if (t->len > room - 8 || nameoff >= v->strings_size)
            return -EINVAL;
        n = bounded_strlen(v->b + v->strings_off + nameoff, v->strings_size - nameoff);
        if (n == v->strings_size - nameoff)
            return -EINVAL;
        t->name = (const char *)(v->b + v->strings_off + nameoff);
        t->data = v->b + off + 12;
        next = align4((uint64_t)off + 12 + t->len);
        break;
    case FDT_END_NODE:
    case FDT_NOP:
    case FDT_END:
        next = (uint64_t)off + 4;
        break;
    default:
        return -EINVAL;
    }
    if (next > v->struct_end)
        return -EINVAL;
    t->next = (uint32_t)next;
    return 0;
}

// Opens the blob and reads the token at a caller-supplied offset, which must carry `tag`.
static int open_at(struct view *v, const void *blob, size_t size, int off, uint32_t tag,
                   struct token *t)
{
    int rc = view_init(v, blob, size);

    if (rc < 0)
        return rc;
    if (off < 0)
        return -EINVAL;
    rc = token_read(v, (uint32_t)off, t);
    if (rc < 0)
        return rc;
    return t->tag == tag ? 0 : -EINVAL;
}

// Reads entry `index` of the reservation block: 0, -ENOENT for the zero entry that ends the
// block, or -EINVAL when the block runs out of the blob first.
static int rsv_entry(const struct view *v, uint32_t index, uint64_t *base, uint64_t *len)
{
    uint64_t off = v->rsv_off + (uint64_t)index * FDT_RSV_ENTRY;

    if (off > v->total || v->total - off < FDT_RSV_ENTRY)
        return -EINVAL;
    *base = be64(v->b + off);
    *len = be64(v->b + off + 8);
    return *base == 0 && *len == 0 ? -ENOENT : 0;
}

// Checks that the reservation block is a list of 16-byte entries ended by a zero entry.
static int check_rsvmap(const struct view *v)
{
    uint64_t base, len;
    uint32_t i = 0;
    int rc;

    while ((rc = rsv_entry(v, i, &base, &len)) == 0)
        i++;
    return rc == -ENOENT ? 0 : rc;
}

// Walks every structure token: one root node, balanced BEGIN_NODE/END_NODE, properties only
// inside nodes, and FDT_END after the root closes.
static int check_struct(const struct view *v)
{
    uint32_t off = v->struct_off, depth = 0;
    bool root_seen = false;
    struct token t;
    int rc;

    for (;;) {
        rc = token_read(v, off, &t);
        if (rc < 0)
            return rc;
        switch (t.tag) {
        case FDT_BEGIN_NODE:
            if (depth == 0 && root_seen)
                return -EINVAL;
            root_seen = true;
            depth++;
            break;
        case FDT_END_NODE:
            if (depth == 0)
                return -EINVAL;
            depth--;
            break;
        case FDT_PROP:
            if (depth == 0)
                return -EINVAL;
            break;
        case FDT_END:
            return depth == 0 && root_seen ? 0 : -EINVAL;
        default:
            break;
        }
        off = t.next;
    }
}

int fdt_check(const void *blob, size_t size)
{
    struct view v;
    int rc = view_init(&v, blob, size);

    if (rc < 0)
        return rc;
    rc = check_rsvmap(&v);
    if (rc < 0)
        return rc;
    return check_struct(&v);
}

uint32_t fdt_total_size(const void *blob)
{
    const uint8_t *b = blob;

    if (b == NULL || be32(b) != FDT_MAGIC)
        return 0;
    return be32(b + 4);
}

int fdt_mem_rsv(const void *blob, size_t size, uint32_t index, uint64_t *base, uint64_t *len)
{
    struct view v;
    int rc = view_init(&v, blob, size);

    if (rc < 0)
        return rc;
    if (base == NULL || len == NULL)
        return -EINVAL;
    return rsv_entry(&v, index, base, len);
}

// The root is the first token of the structure block that is not a NOP.
int fdt_root(const void *blob, size_t size)
{
    struct view v;
    struct token t;
    uint32_t off;
    int rc = view_init(&v, blob, size);

    if (rc < 0)
        return rc;
    for (off = v.struct_off; (rc = token_read(&v, off, &t)) == 0; off = t.next) {
        if (t.tag != FDT_NOP)
            return t.tag == FDT_BEGIN_NODE ? (int)off : -EINVAL;
    }
    return rc;
}

// Reads tokens from off, skipping properties and NOPs, up to the next BEGIN_NODE, the FDT_END,
// or an END_NODE met while *depth equals floor; fills *t with that token and returns its
// offset. Every other END_NODE on the way lowers *depth by one.
static int scan(const struct view *v, uint32_t off, int64_t floor, int64_t *depth, struct token *t)
{
    int rc;

    for (;; off = t->next) {
        rc = token_read(v, off, t);
        if (rc < 0)
            return rc;
        if (t->tag == FDT_BEGIN_NODE || t->tag == FDT_END)
            return (int)off;
        if (t->tag == FDT_END_NODE) {
            if (*depth == floor)
                return (int)off;
            (*depth)--;
        }
    }
}

// Opens the blob at `node`, which must be a BEGIN_NODE, and scans on from the token after it.
static int scan_after(struct view *v, const void *blob, size_t size, int node, int64_t floor,
                      int64_t *depth, struct token *t)
{
    int rc = open_at(v, blob, size, node, FDT_BEGIN_NODE, t);

    return rc < 0 ? rc : scan(v, t->next, floor, depth, t);
}

int fdt_next_node(const void *blob, size_t size, int node, int *depth)
{
    struct view v;
    struct token t;
    int64_t d = 0;
    int rc = scan_after(&v, blob, size, node, INT64_MIN, &d, &t);

    if (rc < 0)
        return rc;
    if (t.tag == FDT_END)
        return -ENOENT;
    if (depth != NULL) {
        d += (int64_t)*depth + 1;
        if (d < INT32_MIN || d > INT32_MAX)
            return -EINVAL;
        *depth = (int)d;
    }
    return rc;
}

int fdt_first_child(const void *blob, size_t size, int node)
{
    struct view v;
    struct token t;
    int64_t depth = 0;
    int rc = scan_after(&v, blob, size, node, 0, &depth, &t);

    if (rc < 0 || t.tag == FDT_BEGIN_NODE)
        return rc;
    return t.tag == FDT_END_NODE ? -ENOENT : -EINVAL;
}

// Depth counts the open nodes, `node` itself included, so the sibling is the next node to
// begin at depth 0, and an END_NODE at depth 0 closes the parent.
int fdt_next_sibling(const void *blob, size_t size, int node)
{
    struct view v;
    struct token t;
    int64_t depth = 1;
    int rc = scan_after(&v, blob, size, node, 0, &depth, &t);

    for (;; rc = scan(&v, t.next, 0, &depth, &t)) {
        if (rc < 0 || (t.tag == FDT_BEGIN_NODE && depth == 0))
            return rc;
        if (t.tag == FDT_END_NODE)
            return -ENOENT;
        if (t.tag == FDT_END)
            return depth == 0 ? -ENOENT : -EINVAL;
        depth++;
    }
}

// Walks from the root to `node`. The first walk learns its depth; the second remembers the
// last node seen one level up before reaching it, which is its parent.
int fdt_parent(const void *blob, size_t size, int node)
{
    int root = fdt_root(blob, size), cur, depth = 0, target = -1, parent = -ENOENT;

    if (root < 0)
        return root;
    for (cur = root; cur >= 0 && cur <= node; cur = fdt_next_node(blob, size, cur, &depth)) {
        if (cur == node) {
            target = depth;
            break;
        }
    }
    if (target < 0)
        return cur < 0 && cur != -ENOENT ? cur : -EINVAL;
    if (target == 0)
        return -ENOENT;
    depth = 0;
    for (cur = root; cur != node; cur = fdt_next_node(blob, size, cur, &depth)) {
        if (cur < 0)
            return -EINVAL;
        if (depth == target - 1)
            parent = cur;
    }
    return parent;
}

int fdt_node_name(const void *blob, size_t size, int node, const char **name)
{
    struct view v;
    struct token t;
    int rc = open_at(&v, blob, size, node, FDT_BEGIN_NODE, &t);

    if (rc < 0)
        return rc;
    if (name == NULL)
        return -EINVAL;
    *name = t.name;
    return 0;
}

bool fdt_name_matches(const char *node_name, const char *want)
{
    size_t n, i;

    if (node_name == NULL || want == NULL)
        return false;
    n = strlen(want);
    if (strcmp(node_name, want) == 0)
        return true;
    for (i = 0; i < n; i++) {
        if (want[i] == '@')
            return false;
    }
    return strncmp(node_name, want, n) == 0 && node_name[n] == '@';
}

int fdt_subnode(const void *blob, size_t size, int parent, const char *name)
{
    const char *child_name;
    int child, rc;

    if (name == NULL)
        return -EINVAL;
    for (child = fdt_first_child(blob, size, parent); child >= 0;
         child = fdt_next_sibling(blob, size, child)) {
        rc = fdt_node_name(blob, size, child, &child_name);
        if (rc < 0)
            return rc;
        if (fdt_name_matches(child_name, name))
            return child;
    }
    return child;
}

// The property after the token at `from`, which must carry `tag`: NOPs are skipped, and any
// token but a property ends the node's properties (-ENOENT). Fills *out if it is not NULL.
static int prop_after(const void *blob, size_t size, int from, uint32_t tag, struct fdt_prop *out)
{
    struct view v;
    struct token t;
    uint32_t off;
    int rc = open_at(&v, blob, size, from, tag, &t);

    if (rc < 0)
        return rc;
    for (off = t.next;; off = t.next) {
        rc = token_read(&v, off, &t);
        if (rc < 0)
            return rc;
        if (t.tag == FDT_PROP)
            break;
        if (t.tag == FDT_END)
            return -EINVAL;
        if (t.tag != FDT_NOP)
            return -ENOENT;
    }
    if (out != NULL) {
        out->name = t.name;
        out->data = t.data;
        out->len = t.len;
    }
    return (int)off;
}

int fdt_first_prop(const void *blob, size_t size, int node, struct fdt_prop *out)
{
    return prop_after(blob, size, node, FDT_BEGIN_NODE, out);
}

int fdt_next_prop(const void *blob, size_t size, int prop, struct fdt_prop *out)
{
    return prop_after(blob, size, prop, FDT_PROP, out);
}

int fdt_get_prop(const void *blob, size_t size, int node, const char *name, struct fdt_prop *out)
{
    struct fdt_prop p;
    int off;

    if (name == NULL || out == NULL)
        return -EINVAL;
    for (off = fdt_first_prop(blob, size, node, &p); off >= 0;
         off = fdt_next_prop(blob, size, off, &p)) {
        if (strcmp(p.name, name) == 0) {
            *out = p;
            return 0;
        }
    }
    return off;
}

// Searches nodes in document order, starting with `from`, for one compatible with `compat`.
static int compatible_from(const void *blob, size_t size, int from, const char *compat, int *node)
{
    struct fdt_prop p;
    int cur, rc;

    if (compat == NULL || node == NULL)
        return -EINVAL;
    for (cur = from; cur >= 0; cur = fdt_next_node(blob, size, cur, NULL)) {
        rc = fdt_get_prop(blob, size, cur, "compatible", &p);
        if (rc == 0 && fdt_prop_has_string(&p, compat)) {
            *node = cur;
            return 0;
        }
        if (rc < 0 && rc != -ENOENT)
            return rc;
    }
    return cur;
}

int fdt_find_compatible(const void *blob, size_t size, const char *compat, int *node)
{
    int root = fdt_root(blob, size);

    if (root < 0)
        return root;
    return compatible_from(blob, size, root, compat, node);
}

int fdt_next_compatible(const void *blob, size_t size, int after, const char *compat, int *node)
{
    int next = fdt_next_node(blob, size, after, NULL);

    if (next < 0)
        return next;
    return compatible_from(blob, size, next, compat, node);
}

int fdt_cells(const void *blob, size_t size, int node, uint32_t *address_cells,
              uint32_t *size_cells)
{
    static const char *const names[2] = {"#address-cells", "#size-cells"};
    uint32_t cells[2] = {2, 1};
    struct fdt_prop p;
    int i, rc;

    if (address_cells == NULL || size_cells == NULL)
        return -EINVAL;
    for (i = 0; i < 2; i++) {
        rc = fdt_get_prop(blob, size, node, names[i], &p);
        if (rc == 0)
            rc = fdt_prop_u32(&p, &cells[i]);
        if (rc < 0 && rc != -ENOENT)
            return rc;
    }
    *address_cells = cells[0];
    *size_cells = cells[1];
    return 0;
}

int fdt_prop_reg(const struct fdt_prop *reg, uint32_t address_cells, uint32_t size_cells,
                 uint32_t index, uint64_t *base, uint64_t *len)
{
    uint32_t cells;
    int rc;

    if (reg == NULL || base == NULL || len == NULL || address_cells < 1 || address_cells > 2 ||
        size_cells > 2)
        return -EINVAL;
    cells = address_cells + size_cells;
    if (reg->len % (cells * 4) != 0)
        return -EINVAL;
    if (index >= reg->len / (cells * 4))
        return -ENOENT;
    rc = fdt_prop_cells(reg, index * cells, address_cells, base);
    if (rc < 0)
        return rc;
    *len = 0;
    if (size_cells > 0) {
        rc = fdt_prop_cells(reg, index * cells + address_cells, size_cells, len);
        if (rc < 0)
            return rc;
    }
    return *len > UINT64_MAX - *base ? -EINVAL : 0;
}

int fdt_read_reg(const void *blob, size_t size, int node, uint32_t index, uint64_t *base,
                 uint64_t *len)
{
    struct fdt_prop reg;
    uint32_t ac, sc;
    int parent = fdt_parent(blob, size, node), rc;

    if (base == NULL || len == NULL)
        return -EINVAL;
    if (parent < 0)
        return parent == -ENOENT ? -EINVAL : parent;
    rc = fdt_cells(blob, size, parent, &ac, &sc);
    if (rc == 0)
        rc = fdt_get_prop(blob, size, node, "reg", &reg);
    if (rc < 0)
        return rc;
    return fdt_prop_reg(&reg, ac, sc, index, base, len);
}

int fdt_prop_u32(const struct fdt_prop *prop, uint32_t *value)
{
    if (prop == NULL || value == NULL || prop->data == NULL || prop->len != 4)
        return -EINVAL;
    *value = be32(prop->data);
    return 0;
}

int fdt_prop_u64(const struct fdt_prop *prop, uint64_t *value)
{
    if (prop == NULL || value == NULL || prop->data == NULL || (prop->len != 4 && prop->len != 8))
        return -EINVAL;
    *value = prop->len == 4 ? be32(prop->data) : be64(prop->data);
    return 0;
}

int fdt_prop_cells(const struct fdt_prop *prop, uint32_t index, uint32_t ncells, uint64_t *value)
{
    const uint8_t *p;
    uint32_t have;

    if (prop == NULL || value == NULL || prop->data == NULL || ncells < 1 || ncells > 2)
        return -EINVAL;
    have = prop->len / 4;
    if (index > have || ncells > have - index)
        return -EINVAL;
    p = (const uint8_t *)prop->data + (size_t)index * 4;
    *value = ncells == 1 ? be32(p) : be64(p);
    return 0;
}

int fdt_prop_string(const struct fdt_prop *prop, const char **str)
{
    const uint8_t *p;

    if (prop == NULL || str == NULL || prop->data == NULL || prop->len == 0)
        return -EINVAL;
    p = prop->data;
    if (bounded_strlen(p, prop->len) != prop->len - 1)
        return -EINVAL;
    *str = (const char *)p;
    return 0;
}

bool fdt_prop_has_string(const struct fdt_prop *prop, const char *str)
{
    const uint8_t *p;
    uint32_t off = 0, n;
    size_t want;

    if (prop == NULL || str == NULL || (prop->data == NULL && prop->len != 0))
        return false;
    p = prop->data;
    want = strlen(str);
    while (off < prop->len) {
        n = bounded_strlen(p + off, prop->len - off);
        if (n == prop->len - off)
            return false;
        if (n == want && memcmp(p + off, str, n) == 0)
            return true;
        off += n + 1;
    }
    return false;
}
