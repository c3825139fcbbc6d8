// Checker for ELF64 RISC-V executables: decides whether an untrusted file may be loaded into
// a user address space and describes its loadable segments. It does not load anything.
#ifndef QSOE_ELF_H
#define QSOE_ELF_H

#include <stddef.h>
#include <stdint.h>

#define ELF_MAX_SEGMENTS 8

#define ELF_PROT_R 1u
#define ELF_PROT_W 2u
#define ELF_PROT_X 4u

// One PT_LOAD segment: file bytes [offset, offset + filesz) go to [vaddr, vaddr + filesz) and
// the rest of [vaddr, vaddr + memsz) is zero.
struct elf_segment {
    uint64_t vaddr, memsz, offset, filesz;
    uint32_t prot; // ELF_PROT_* bits
};

struct elf_image {
    uint64_t entry;
    int nseg;
    struct elf_segment seg[ELF_MAX_SEGMENTS];
};

// Where segments may go: every byte of every segment in [user_lo, user_hi). page_size is a
// power of two, and both bounds are multiples of it, so whole pages stay inside too.
struct elf_limits {
    uint64_t user_lo, user_hi;
    uint64_t page_size;
};

// Checks the file and fills *out with its entry point and PT_LOAD segments in file order.
// Returns 0; -ENOEXEC when it is not a little-endian ELF64 RISC-V ET_EXEC file; -E2BIG when it
// has more than ELF_MAX_SEGMENTS PT_LOAD segments; -EINVAL when it is malformed or breaks a
// rule: headers outside the file, filesz above memsz, an empty or wrapping segment, one
// outside the limits, file offset and address not congruent modulo the page size, two
// segments sharing a page, a segment both writable and executable, or an entry point outside
// every executable segment. Invalid limits also give -EINVAL. On failure *out is zeroed.
int elf_check(const void *file, size_t size, const struct elf_limits *lim, struct elf_image *out);

#endif
