// ELF64 executable checker for RISC-V: validates the file header and program headers of an
// untrusted image against the address-space limits a loader will enforce. Reads bytes as
// little-endian, so the file may sit at any address and the host may be of either byte order.
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <qsoe/elf.h>

#define EHDR_SIZE   64u
#define PHDR_SIZE   56u
#define ELFCLASS64  2u
#define ELFDATA2LSB 1u
#define EV_CURRENT  1u
#define ET_EXEC     2u
#define EM_RISCV    243u
#define PT_LOAD     1u
#define PF_X        1u
#define PF_W        2u
#define PF_R        4u

static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)le16(p) | (uint32_t)le16(p + 2) << 16;
}

static uint64_t le64(const uint8_t *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static bool limits_ok(const struct elf_limits *lim)
{
    uint64_t mask;

    if (lim == NULL || lim->page_size == 0 || (lim->page_size & (lim->page_size - 1)) != 0)
        return false;
    mask = lim->page_size - 1;
    return lim->user_lo < lim->user_hi && (lim->user_lo & mask) == 0 && (lim->user_hi & mask) == 0;
}

// The identification bytes and fixed header fields: -ENOEXEC for a file that is not a
// RISC-V ELF64 executable at all, -EINVAL for one that is but is damaged.
static int check_ehdr(const uint8_t *f, size_t size)
{
    if (size < 4 || memcmp(f, "\177ELF", 4) != 0)
        return -ENOEXEC;
    if (size < EHDR_SIZE)
        return -EINVAL;
    if (f[4] != ELFCLASS64 || f[5] != ELFDATA2LSB || f[6] != EV_CURRENT ||
        le32(f + 20) != EV_CURRENT)
        return -ENOEXEC;
    if (le16(f + 16) != ET_EXEC || le16(f + 18) != EM_RISCV)
        return -ENOEXEC;
    if (le16(f + 52) != EHDR_SIZE || le16(f + 54) != PHDR_SIZE)
        return -EINVAL;
    return 0;
}

// Whether two page-rounded ranges [a_lo, a_hi) and [b_lo, b_hi) meet.
static bool overlaps(uint64_t a_lo, uint64_t a_hi, uint64_t b_lo, uint64_t b_hi)
{
    return a_lo < b_hi && b_lo < a_hi;
}

// Checks one PT_LOAD header on its own and against the segments already accepted.
static int check_segment(const uint8_t *ph, size_t size, const struct elf_limits *lim,
                         const struct elf_image *img, struct elf_segment *seg)
{
    uint64_t mask = lim->page_size - 1, lo, hi, end;
    uint32_t flags = le32(ph + 4);
    int i;

    seg->offset = le64(ph + 8);
    seg->vaddr = le64(ph + 16);
    seg->filesz = le64(ph + 32);
    seg->memsz = le64(ph + 40);
    if (seg->memsz == 0 || seg->filesz > seg->memsz)
        return -EINVAL;
    if (seg->offset > size || seg->filesz > size - seg->offset)
        return -EINVAL;
    if (seg->memsz > UINT64_MAX - seg->vaddr)
        return -EINVAL;
    end = seg->vaddr + seg->memsz;
    if (seg->vaddr < lim->user_lo || end > lim->user_hi)
        return -EINVAL;
    if ((seg->vaddr & mask) != (seg->offset & mask))
        return -EINVAL;
    if ((flags & PF_W) != 0 && (flags & PF_X) != 0)
        return -EINVAL;
    seg->prot = ((flags & PF_R) != 0 ? ELF_PROT_R : 0) | ((flags & PF_W) != 0 ? ELF_PROT_W : 0) |
                ((flags & PF_X) != 0 ? ELF_PROT_X : 0);
    // user_hi is page aligned and end <= user_hi, so rounding end up cannot wrap.
    lo = seg->vaddr & ~mask;
    hi = (end + mask) & ~mask;
    for (i = 0; i < img->nseg; i++) {
        const struct elf_segment *o = &img->seg[i];

        if (overlaps(lo, hi, o->vaddr & ~mask, (o->vaddr + o->memsz + mask) & ~mask))
            return -EINVAL;
    }
    return 0;
}

// Whether the entry point lies inside an executable segment.
static bool entry_ok(const struct elf_image *img)
{
    int i;

    for (i = 0; i < img->nseg; i++) {
        const struct elf_segment *s = &img->seg[i];

        if ((s->prot & ELF_PROT_X) != 0 && img->entry >= s->vaddr &&
            img->entry - s->vaddr < s->memsz)
            return true;
    }
    return false;
}

static int check(const uint8_t *f, size_t size, const struct elf_limits *lim, struct elf_image *out)
{
    struct elf_segment seg;
    uint64_t phoff;
    uint16_t phnum, i;
    int rc = check_ehdr(f, size);

    if (rc < 0)
        return rc;
    out->entry = le64(f + 24);
    phoff = le64(f + 32);
    phnum = le16(f + 56);
    if (phoff > size || (uint64_t)phnum * PHDR_SIZE > size - phoff)
        return -EINVAL;
    for (i = 0; i < phnum; i++) {
        const uint8_t *ph = f + phoff + (size_t)i * PHDR_SIZE;

        if (le32(ph) != PT_LOAD)
            continue;
        if (out->nseg >= ELF_MAX_SEGMENTS)
            return -E2BIG;
        rc = check_segment(ph, size, lim, out, &seg);
        if (rc < 0)
            return rc;
        out->seg[out->nseg++] = seg;
    }
    return entry_ok(out) ? 0 : -EINVAL;
}

int elf_check(const void *file, size_t size, const struct elf_limits *lim, struct elf_image *out)
{
    int rc;

    if (out == NULL)
        return -EINVAL;
    memset(out, 0, sizeof(*out));
    if (file == NULL || !limits_ok(lim))
        return -EINVAL;
    rc = check(file, size, lim, out);
    if (rc < 0)
        memset(out, 0, sizeof(*out));
    return rc;
}
