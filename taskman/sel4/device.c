/*
 * Device memory on seL4: the 4 KiB frames of device registers, retyped out of the device
 * untypeds of BootInfo, and ProcMemMapPhys for a process with the I/O privilege. Each device
 * page becomes one frame, made once and kept by taskman-L; a process maps a copy of it, so a
 * page mapped by two processes (or by taskman-L itself, as poweroff.c does) is shared. Also
 * the dispatch of the device, interrupt and pulse requests (labels 24 to 31).
 */
#include <errno.h>
#include <sys/neutrino.h>

#include "proc.h"

#define PAGE       4096ull
#define REGION_MAX 128 /* device untypeds: BootInfo's and the fillers carved out of them */
#define FRAME_MAX  64  /* device pages made into frames */
#define USER_LOW   0x10000ull

// A device untyped and how far it has been retyped (seL4 only retypes upwards in an untyped).
struct region {
    seL4_CPtr cap;
    uint64_t paddr, used;
    unsigned bits;
};

struct dframe {
    uint64_t paddr;
    seL4_CPtr cap;
};

static struct region regions[REGION_MAX];
static int nregions;
static struct dframe frames[FRAME_MAX];
static int nframes;

static void regions_init(void)
{
    const seL4_BootInfo *bi = tm_bootinfo;
    for (seL4_CPtr c = bi->untyped.start; c < bi->untyped.end && nregions < REGION_MAX; c++) {
        const seL4_UntypedDesc *u = &bi->untypedList[c - bi->untyped.start];
        if (u->isDevice)
            regions[nregions++] = (struct region){c, u->paddr, 0, u->sizeBits};
    }
}

// The smallest region covering paddr: a filler inside a larger one is smaller, so a page
// below a region's watermark is always found in the filler that holds it.
static struct region *region_of(uint64_t paddr)
{
    struct region *best = NULL;
    for (int i = 0; i < nregions; i++) {
        struct region *r = &regions[i];
        if (paddr >= r->paddr && paddr - r->paddr < 1ull << r->bits &&
            (!best || r->bits < best->bits))
            best = r;
    }
    return best;
}

static seL4_CPtr retype(struct region *r, seL4_Word type, unsigned bits)
{
    seL4_CPtr slot = slot_alloc();
    seL4_Error err =
        seL4_Untyped_Retype(r->cap, type, bits, seL4_CapInitThreadCNode, 0, 0, slot, 1);
    if (err != seL4_NoError)
        tm_fatal("Untyped_Retype of device memory failed", err);
    r->used += 1ull << bits;
    return slot;
}

// The frame of the device page at paddr, made on first use; seL4_CapNull when no device
// untyped covers paddr (RAM, or an address with nothing behind it).
static seL4_CPtr device_frame(uint64_t paddr)
{
    if (nregions == 0)
        regions_init();
    for (int i = 0; i < nframes; i++)
        if (frames[i].paddr == paddr)
            return frames[i].cap;
    struct region *r = region_of(paddr);
    if (!r || r->bits < seL4_PageBits || nframes == FRAME_MAX)
        return seL4_CapNull;
    uint64_t target = paddr - r->paddr;
    // Untyped fillers up to the page, each as large as alignment allows, kept as regions of
    // their own so the pages inside them can still be had later.
    while (r->used < target) {
        unsigned bits = seL4_MinUntypedBits;
        while (bits < 63 && (r->used & ((2ull << bits) - 1)) == 0 &&
               r->used + (2ull << bits) <= target)
            bits++;
        uint64_t at = r->paddr + r->used;
        seL4_CPtr cap = retype(r, seL4_UntypedObject, bits);
        if (nregions == REGION_MAX)
            tm_fatal("too many device untyped regions", (long)paddr);
        regions[nregions++] = (struct region){cap, at, 0, bits};
    }
    seL4_CPtr cap = retype(r, seL4_RISCV_4K_Page, seL4_PageBits);
    frames[nframes++] = (struct dframe){paddr, cap};
    return cap;
}

void device_map_self(uint64_t paddr, uint64_t va)
{
    seL4_CPtr frame = device_frame(paddr);
    if (frame == seL4_CapNull)
        tm_fatal("no device untyped covers a device taskman-L needs", (long)paddr);
    vspace_map(frame, va, seL4_ReadWrite);
}

// SEL4_LABEL_MAPPHYS: one device page at one page of p. seL4 on RISC-V has no cache
// attributes for a mapping: device memory is uncached by the platform's physical memory
// attributes, and the page is never executable.
static long map_phys(struct lproc *p, uint64_t va_prot, uint64_t paddr)
{
    uint64_t va = va_prot & ~(PAGE - 1);
    unsigned prot = (unsigned)(va_prot & (PAGE - 1));
    if (!p->io)
        return -EPERM;
    if (paddr % PAGE || va < USER_LOW || va + PAGE > seL4_UserTop ||
        (prot & ~(unsigned)(PROT_READ | PROT_WRITE)))
        return -EINVAL;
    seL4_CPtr frame = device_frame(paddr);
    if (frame == seL4_CapNull)
        return -EINVAL;
    if (proc_frame(p, va) != seL4_CapNull)
        return -EEXIST;
    if (p->npages == PROC_PAGES)
        return -ENOMEM;
    seL4_CPtr copy = slot_alloc();
    seL4_Error err = seL4_CNode_Copy(seL4_CapInitThreadCNode, copy, seL4_WordBits,
                                     seL4_CapInitThreadCNode, frame, seL4_WordBits, seL4_AllRights);
    if (err != seL4_NoError)
        tm_fatal("CNode_Copy of a device frame failed", err);
    seL4_CPtr added[2];
    int n = vspace_map_in(p->vspace, copy, va, (prot & PROT_WRITE) ? seL4_ReadWrite : seL4_CanRead,
                          seL4_RISCV_ExecuteNever, added);
    for (int i = 0; i < n; i++)
        proc_keep(p, added[i]);
    p->pages[p->npages++] = (struct proc_page){va, proc_keep(p, copy)};
    return 0;
}

long dev_request(struct lproc *p, unsigned long label, void *msg, unsigned long room)
{
    switch (label) {
    case SEL4_LABEL_MAPPHYS:
        return map_phys(p, seL4_GetMR(0), seL4_GetMR(1));
    case SEL4_LABEL_IRQ_ATTACH:
    case SEL4_LABEL_IRQ_DETACH:
        return irq_request(p, label);
    case SEL4_LABEL_PULSE:
    case SEL4_LABEL_DELIVER:
    case SEL4_LABEL_PULSE_TAKE:
        return pulse_request(p, label, msg, room);
    default:
        return -ENOSYS;
    }
}
