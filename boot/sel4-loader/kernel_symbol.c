/*
 * Looks up a symbol of seL4's kernel.elf in its symbol table. The loader needs one: the flag
 * seL4's boot core sets when the other cores may join (see harts.c). Every field read is
 * checked against the file size; a stripped or odd file just yields 0.
 */
#include <string.h>

#include "loader.h"

#define SHDR_SIZE     64u
#define SYM_SIZE      24u
#define SHT_SYMTAB    2u
#define KERNEL_VA_OFF 0xffffffff00000000ull

static uint64_t rd(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    while (n--)
        v = v << 8 | p[n];
    return v;
}

// True when [off, off + len) lies inside the file.
static int inside(uint64_t off, uint64_t len, size_t size)
{
    return off <= size && len <= size - off;
}

uint64_t kernel_symbol_phys(const void *elf, size_t size, const char *name)
{
    const uint8_t *f = elf;
    if (size < 64)
        return 0;
    uint64_t shoff = rd(f + 40, 8), shnum = rd(f + 60, 2);
    if (rd(f + 58, 2) != SHDR_SIZE || !inside(shoff, shnum * SHDR_SIZE, size))
        return 0;
    size_t namelen = strlen(name) + 1;
    for (uint64_t i = 0; i < shnum; i++) {
        const uint8_t *sh = f + shoff + i * SHDR_SIZE;
        uint64_t link = rd(sh + 40, 4);
        if (rd(sh + 4, 4) != SHT_SYMTAB || link >= shnum)
            continue;
        const uint8_t *strsh = f + shoff + link * SHDR_SIZE;
        uint64_t symoff = rd(sh + 24, 8), symsize = rd(sh + 32, 8);
        uint64_t stroff = rd(strsh + 24, 8), strsize = rd(strsh + 32, 8);
        if (!inside(symoff, symsize, size) || !inside(stroff, strsize, size))
            return 0;
        for (uint64_t s = 0; s + SYM_SIZE <= symsize; s += SYM_SIZE) {
            const uint8_t *sym = f + symoff + s;
            uint64_t n = rd(sym, 4);
            if (n < strsize && strsize - n >= namelen && memcmp(f + stroff + n, name, namelen) == 0)
                return rd(sym + 8, 8) - KERNEL_VA_OFF;
        }
    }
    return 0;
}
