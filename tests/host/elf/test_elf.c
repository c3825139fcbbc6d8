// Host tests for the ELF64 RISC-V executable checker: headers built here with one defect at a
// time, truncations and random corruptions, and optionally a real executable (argv[1]) made by:
//   printf 'int counter = 5;\nvoid _start(void) { for (;;) counter++; }\n' > start.c &&
//   riscv64-unknown-elf-gcc -nostdlib -static -O2 start.c -o start.elf
// Build with -fsanitize=address,undefined: files are copied into exactly-sized buffers.
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qsoe/elf.h>

#define TEST_MODULE "elf"
#include "../harness.h"

#define PT_LOAD             1u
#define PT_GNU_STACK        0x6474e551u
#define PT_RISCV_ATTRIBUTES 0x70000003u
#define PF_X                1u
#define PF_W                2u
#define PF_R                4u
#define PAGE                0x1000u
#define USER_LO             0x10000u
#define USER_HI             0x40000000u

static const struct elf_limits limits = {USER_LO, USER_HI, PAGE};

struct phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, filesz, memsz;
};

// Everything the builder writes; defaults give a valid two-segment executable.
struct spec {
    uint8_t ident_class, ident_data, ident_version;
    uint16_t type, machine, ehsize, phentsize;
    uint32_t version;
    uint64_t entry, phoff;
    int phnum_override; // -1: use nph
    int nph;
    struct phdr ph[16];
    size_t file_size;
};

static struct spec valid_spec(void)
{
    struct spec s;

    memset(&s, 0, sizeof(s));
    s.ident_class = 2;
    s.ident_data = 1;
    s.ident_version = 1;
    s.type = 2;
    s.machine = 243;
    s.ehsize = 64;
    s.phentsize = 56;
    s.version = 1;
    s.entry = 0x10100;
    s.phoff = 64;
    s.phnum_override = -1;
    s.nph = 4;
    s.ph[0] = (struct phdr){PT_RISCV_ATTRIBUTES, PF_R, 0x1f00, 0, 0x40, 0};
    s.ph[1] = (struct phdr){PT_LOAD, PF_R | PF_X, 0, 0x10000, 0x1800, 0x1800};
    s.ph[2] = (struct phdr){PT_LOAD, PF_R | PF_W, 0x2000, 0x12000, 0x100, 0x3000};
    s.ph[3] = (struct phdr){PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0};
    s.file_size = 0x2100;
    return s;
}

static void le16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void le32(uint8_t *p, uint32_t v)
{
    le16(p, (uint16_t)v);
    le16(p + 2, (uint16_t)(v >> 16));
}

static void le64(uint8_t *p, uint64_t v)
{
    le32(p, (uint32_t)v);
    le32(p + 4, (uint32_t)(v >> 32));
}

// Writes the file described by s into an exactly-sized buffer.
static uint8_t *build(const struct spec *s, size_t *size)
{
    uint8_t *f = calloc(1, s->file_size);
    int i;

    if (f == NULL) {
        perror("calloc");
        exit(2);
    }
    memcpy(f, "\177ELF", 4);
    f[4] = s->ident_class;
    f[5] = s->ident_data;
    f[6] = s->ident_version;
    le16(f + 16, s->type);
    le16(f + 18, s->machine);
    le32(f + 20, s->version);
    le64(f + 24, s->entry);
    le64(f + 32, s->phoff);
    le16(f + 52, s->ehsize);
    le16(f + 54, s->phentsize);
    le16(f + 56, (uint16_t)(s->phnum_override >= 0 ? s->phnum_override : s->nph));
    for (i = 0; i < s->nph; i++) {
        uint8_t *p = f + 64 + 56 * i;

        if (64 + 56 * (size_t)(i + 1) > s->file_size) {
            fprintf(stderr, "spec too small for its headers\n");
            exit(2);
        }
        le32(p, s->ph[i].type);
        le32(p + 4, s->ph[i].flags);
        le64(p + 8, s->ph[i].offset);
        le64(p + 16, s->ph[i].vaddr);
        le64(p + 24, s->ph[i].vaddr);
        le64(p + 32, s->ph[i].filesz);
        le64(p + 40, s->ph[i].memsz);
        le64(p + 48, PAGE);
    }
    *size = s->file_size;
    return f;
}

static int check_spec(const struct spec *s, struct elf_image *img)
{
    size_t size;
    uint8_t *f = build(s, &size);
    int rc = elf_check(f, size, &limits, img);

    free(f);
    return rc;
}

// Runs one spec and reports whether elf_check gave the expected result.
static void expect(const struct spec *s, int want, const char *what)
{
    struct elf_image img;
    int rc = check_spec(s, &img);

    report(rc == want, what, "rc %d, wanted %d", rc, want);
}

// Independent check of the promises elf_check makes about an accepted image.
static bool image_sound(const struct elf_image *img, size_t size, const struct elf_limits *l)
{
    uint64_t m = l->page_size - 1;
    bool entry_found = false;
    int i, j;

    if (img->nseg < 1 || img->nseg > ELF_MAX_SEGMENTS)
        return false;
    for (i = 0; i < img->nseg; i++) {
        const struct elf_segment *s = &img->seg[i];

        if (s->memsz == 0 || s->filesz > s->memsz || s->offset > size ||
            s->filesz > size - s->offset || s->vaddr < l->user_lo ||
            s->memsz > l->user_hi - s->vaddr || (s->vaddr & m) != (s->offset & m) ||
            ((s->prot & ELF_PROT_W) && (s->prot & ELF_PROT_X)))
            return false;
        if ((s->prot & ELF_PROT_X) && img->entry >= s->vaddr && img->entry - s->vaddr < s->memsz)
            entry_found = true;
        for (j = 0; j < i; j++) {
            const struct elf_segment *o = &img->seg[j];

            if ((s->vaddr & ~m) < ((o->vaddr + o->memsz + m) & ~m) &&
                (o->vaddr & ~m) < ((s->vaddr + s->memsz + m) & ~m))
                return false;
        }
    }
    return entry_found;
}

static void test_valid(void)
{
    struct spec s = valid_spec();
    struct elf_image img;
    int rc = check_spec(&s, &img);

    report(rc == 0, "a well-formed two-segment executable is accepted", "rc %d", rc);
    report(rc == 0 && img.entry == 0x10100 && img.nseg == 2 && img.seg[0].vaddr == 0x10000 &&
               img.seg[0].filesz == 0x1800 && img.seg[0].prot == (ELF_PROT_R | ELF_PROT_X) &&
               img.seg[1].offset == 0x2000 && img.seg[1].memsz == 0x3000 &&
               img.seg[1].prot == (ELF_PROT_R | ELF_PROT_W),
           "the entry and PT_LOAD segments are returned in file order with their protections",
           "nseg %d", img.nseg);

    s.ph[3] = (struct phdr){PT_GNU_STACK, PF_R | PF_W | PF_X, ~0ull, ~0ull, ~0ull, 1};
    expect(&s, 0, "headers other than PT_LOAD are ignored, whatever they hold");

    s = valid_spec();
    s.ph[2].vaddr = USER_HI - 0x3000;
    s.ph[2].offset = 0x2000;
    expect(&s, 0, "a segment ending exactly at user_hi is accepted");
    s.ph[2].memsz = 0x3001;
    expect(&s, -EINVAL, "a segment reaching one byte past user_hi is rejected");

    s = valid_spec();
    s.entry = 0x117ff;
    expect(&s, 0, "an entry point at the last byte of the text segment is accepted");
    s.entry = 0x11800;
    expect(&s, -EINVAL, "an entry point just past the text segment is rejected");
    s.entry = 0x12000;
    expect(&s, -EINVAL, "an entry point in a writable, non-executable segment is rejected");
    s.entry = 0;
    expect(&s, -EINVAL, "an entry point of 0 is rejected");

    s = valid_spec();
    s.ph[1].flags = PF_X;
    expect(&s, 0, "an execute-only text segment is accepted");
}

static void test_not_executable(void)
{
    struct spec s;
    struct elf_image img;
    uint8_t junk[64] = "#!/bin/sh\n";

    report(elf_check(junk, sizeof(junk), &limits, &img) == -ENOEXEC,
           "a file without the ELF magic is not executable", "");
    report(elf_check(junk, 0, &limits, &img) == -ENOEXEC &&
               elf_check("\177EL", 3, &limits, &img) == -ENOEXEC,
           "files shorter than the magic are not executable", "");
    s = valid_spec();
    s.ident_class = 1;
    expect(&s, -ENOEXEC, "an ELFCLASS32 file is not executable");
    s = valid_spec();
    s.ident_data = 2;
    expect(&s, -ENOEXEC, "a big-endian file is not executable");
    s = valid_spec();
    s.ident_version = 0;
    expect(&s, -ENOEXEC, "an e_ident version other than EV_CURRENT is not executable");
    s = valid_spec();
    s.version = 2;
    expect(&s, -ENOEXEC, "an e_version other than EV_CURRENT is not executable");
    s = valid_spec();
    s.machine = 62;
    expect(&s, -ENOEXEC, "an x86-64 file is not executable");
    s.machine = 183;
    expect(&s, -ENOEXEC, "an AArch64 file is not executable");
    s = valid_spec();
    s.type = 3;
    expect(&s, -ENOEXEC, "an ET_DYN file is not executable");
    s.type = 1;
    expect(&s, -ENOEXEC, "an ET_REL file is not executable");
}

static void test_headers(void)
{
    struct spec s = valid_spec();

    s.phentsize = 32;
    expect(&s, -EINVAL, "an e_phentsize other than 56 is rejected");
    s = valid_spec();
    s.ehsize = 52;
    expect(&s, -EINVAL, "an e_ehsize other than 64 is rejected");
    s = valid_spec();
    s.phoff = 0x2100;
    expect(&s, -EINVAL, "a program header table starting past the file is rejected");
    s.phoff = 0x2100 - 4 * 56 + 1;
    expect(&s, -EINVAL, "a program header table ending one byte past the file is rejected");
    s.phoff = 0xffffffffffffffc0u;
    expect(&s, -EINVAL, "a program header offset that wraps is rejected");
    s = valid_spec();
    s.phnum_override = 0xffff;
    expect(&s, -EINVAL, "a huge e_phnum running past the file is rejected");
    s.phnum_override = 0;
    expect(&s, -EINVAL, "a file with no program headers has no valid entry");
}

static void test_segments(void)
{
    struct spec s = valid_spec();
    int i;

    s.nph = 10;
    for (i = 0; i < 10; i++)
        s.ph[i] =
            (struct phdr){PT_LOAD, PF_R, 0x1000, 0x20000 + 0x10000 * (uint64_t)i, 0x100, 0x100};
    s.ph[0].flags = PF_R | PF_X;
    s.entry = 0x20000;
    s.nph = 8;
    expect(&s, 0, "eight PT_LOAD segments are accepted");
    s.nph = 9;
    expect(&s, -E2BIG, "a ninth PT_LOAD segment gives -E2BIG");

    s = valid_spec();
    s.ph[2].filesz = 0x3001;
    expect(&s, -EINVAL, "filesz larger than memsz is rejected");
    s = valid_spec();
    s.ph[2].memsz = 0;
    s.ph[2].filesz = 0;
    expect(&s, -EINVAL, "an empty PT_LOAD segment is rejected");
    s = valid_spec();
    s.ph[2].offset = 0x3000;
    s.ph[2].filesz = 0;
    expect(&s, -EINVAL, "a segment offset past the end of the file is rejected");
    s = valid_spec();
    s.ph[2].filesz = 0x101;
    expect(&s, -EINVAL, "a segment's file bytes ending one past the file are rejected");
    s = valid_spec();
    s.ph[2].offset = 0xfffffffffffff000u;
    s.ph[2].filesz = 0x2000;
    expect(&s, -EINVAL, "a segment offset + filesz that wraps is rejected");
    s = valid_spec();
    s.ph[2].vaddr = 0xfffffffffffff000u;
    s.ph[2].offset = 0;
    s.ph[2].memsz = 0x2000;
    s.ph[2].filesz = 0;
    expect(&s, -EINVAL, "a segment vaddr + memsz that wraps is rejected");
    s = valid_spec();
    s.ph[2].vaddr = 0xffffffc000002000u;
    expect(&s, -EINVAL, "a segment in the kernel half (0xffffffc000000000) is rejected");
    s = valid_spec();
    s.ph[1].vaddr = 0;
    s.entry = 0x100;
    expect(&s, -EINVAL, "a segment at address 0, below user_lo, is rejected");
    s = valid_spec();
    s.ph[1].vaddr = USER_LO - PAGE;
    s.ph[1].memsz = 0x2000;
    s.ph[1].filesz = 0x1800;
    s.entry = 0x10000;
    expect(&s, -EINVAL, "a segment starting below user_lo and ending above it is rejected");
    s = valid_spec();
    s.ph[2].vaddr = 0x12010;
    expect(&s, -EINVAL, "a vaddr not congruent to its offset modulo the page size is rejected");
    s = valid_spec();
    s.ph[2].vaddr = 0x11000;
    s.ph[2].offset = 0x2000;
    expect(&s, -EINVAL, "a segment starting in the last page of another is rejected");
    s = valid_spec();
    s.ph[2].vaddr = 0x10000;
    expect(&s, -EINVAL, "two segments at the same address are rejected");
    s = valid_spec();
    s.ph[2] = (struct phdr){PT_LOAD, PF_R, 0x1000, 0x11000, 0x10, 0x10};
    expect(&s, -EINVAL, "a segment lying inside another's pages is rejected");
    s = valid_spec();
    s.ph[1].vaddr = 0x20000;
    s.entry = 0x20100;
    s.ph[2] = (struct phdr){PT_LOAD, PF_R, 0x1000, 0x1f000, 0x10, 0x1001};
    expect(&s, -EINVAL,
           "a later segment whose end spills into an earlier one's first page is "
           "rejected");
    s = valid_spec();
    s.ph[1].flags = PF_R | PF_W | PF_X;
    expect(&s, -EINVAL, "a segment both writable and executable is rejected (W^X)");
    s = valid_spec();
    s.ph[2].flags = PF_W | PF_X;
    expect(&s, -EINVAL, "a data segment made writable and executable is rejected (W^X)");
}

static void test_limits(void)
{
    struct spec s = valid_spec();
    struct elf_image img;
    struct elf_limits l;
    size_t size;
    uint8_t *f = build(&s, &size);
    int bad = 0, rc;

    struct spec one = valid_spec();
    size_t one_size;
    uint8_t *one_file;

    // A single segment, so that nothing but the page size itself can be at fault.
    one.ph[2].type = 0;
    one_file = build(&one, &one_size);
    l = (struct elf_limits){USER_LO, USER_HI, PAGE};
    bad += elf_check(one_file, one_size, &l, &img) != 0;
    l.page_size = 0;
    bad += elf_check(one_file, one_size, &l, &img) != -EINVAL;
    l.page_size = 0x1800;
    bad += elf_check(one_file, one_size, &l, &img) != -EINVAL;
    free(one_file);
    l = (struct elf_limits){USER_HI, USER_LO, PAGE};
    bad += elf_check(f, size, &l, &img) != -EINVAL;
    l = (struct elf_limits){USER_LO - 8, USER_HI, PAGE};
    bad += elf_check(f, size, &l, &img) != -EINVAL;
    l = (struct elf_limits){USER_LO, USER_HI + 8, PAGE};
    bad += elf_check(f, size, &l, &img) != -EINVAL;
    report(bad == 0,
           "limits with a page size that is 0 or not a power of two, an empty range or "
           "unaligned bounds are rejected",
           "%d accepted", bad);
    report(elf_check(NULL, size, &limits, &img) == -EINVAL &&
               elf_check(f, size, NULL, &img) == -EINVAL &&
               elf_check(f, size, &limits, NULL) == -EINVAL,
           "NULL file, limits or output are rejected", "");
    l = (struct elf_limits){0x12000, USER_HI, PAGE};
    memset(&img, 0xa5, sizeof(img));
    rc = elf_check(f, size, &l, &img);
    report(rc == -EINVAL && img.nseg == 0 && img.entry == 0,
           "the limits given are enforced, and the output is zeroed on failure", "nseg %d",
           img.nseg);
    l = (struct elf_limits){USER_LO, USER_HI, 0x10000};
    report(elf_check(f, size, &l, &img) == -EINVAL,
           "segments sharing a 64 KiB page are rejected when the page size is 64 KiB", "");
    free(f);
}

static void test_truncation(void)
{
    struct spec s = valid_spec();
    struct elf_image img;
    size_t size, len, bad = 0;
    uint8_t *f = build(&s, &size);

    for (len = 0; len < size; len++) {
        uint8_t *b = malloc(len > 0 ? len : 1);
        int rc;

        memcpy(b, f, len);
        rc = elf_check(b, len, &limits, &img);
        if (rc != (len < 4 ? -ENOEXEC : -EINVAL))
            bad++;
        free(b);
    }
    report(bad == 0, "every truncation is rejected (-ENOEXEC below the 4-byte magic, else -EINVAL)",
           "%zu wrong", bad);
    free(f);
}

static uint64_t rng_state = 0x452821e638d01377u;

static void test_random(void)
{
    struct spec s = valid_spec();
    struct elf_image img;
    size_t size, i, bad = 0, accepted = 0;
    uint8_t *f = build(&s, &size);
    size_t span = 64 + 56 * (size_t)s.nph;

    for (i = 0; i < 5000; i++) {
        uint8_t *b = malloc(size);
        int rc, k, n = 1 + (int)(test_rng(&rng_state) % 3);

        memcpy(b, f, size);
        for (k = 0; k < n; k++)
            b[test_rng(&rng_state) % span] ^= (uint8_t)(1 + test_rng(&rng_state) % 255);
        rc = elf_check(b, size, &limits, &img);
        if (rc == 0)
            accepted++;
        if (rc != 0 && rc != -EINVAL && rc != -ENOEXEC && rc != -E2BIG)
            bad++;
        else if (rc == 0 && !image_sound(&img, size, &limits))
            bad++;
        free(b);
    }
    report(bad == 0,
           "5000 random header corruptions (fixed seed) never crash, and whatever is accepted "
           "keeps every promise",
           "%zu bad, %zu accepted", bad, accepted);
    free(f);
}

// A static executable from riscv64-unknown-elf-gcc, linked at its default 0x10000.
static void test_real(const char *path)
{
    struct elf_image img;
    size_t size = 0;
    uint8_t *f = read_file(path, &size);
    int rc = f != NULL ? elf_check(f, size, &limits, &img) : -ENOENT;

    report(rc == 0 && img.nseg == 2 && image_sound(&img, size, &limits) &&
               img.seg[0].prot == (ELF_PROT_R | ELF_PROT_X) &&
               img.seg[1].prot == (ELF_PROT_R | ELF_PROT_W),
           "a static executable from riscv64-unknown-elf-gcc is accepted with a text and a "
           "data segment",
           "%s: rc %d", path, rc);
    free(f);
}

int main(int argc, char **argv)
{
    test_valid();
    test_not_executable();
    test_headers();
    test_segments();
    test_limits();
    test_truncation();
    test_random();
    if (argc > 1)
        test_real(argv[1]);
    return test_summary();
}
