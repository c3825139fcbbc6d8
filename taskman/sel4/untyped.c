/*
 * taskman-L's allocator of kernel objects: empty slots of its root CNode, and objects retyped
 * out of the boot untypeds. Each object comes from the smallest untyped with room for it,
 * because seL4 clears a whole boot untyped on its first retype and the large ones cost
 * hundreds of millions of instructions to clear. Slots are reused once their cap is deleted;
 * untyped memory is not (docs/qsoe-l.md).
 */
#include "taskman_l.h"

static const seL4_BootInfo *boot;
static seL4_CPtr next_slot;
static uint64_t used[CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS]; // watermark in each untyped, bytes

static unsigned count(void)
{
    return (unsigned)(boot->untyped.end - boot->untyped.start);
}

void untyped_init(const seL4_BootInfo *bi)
{
    boot = bi;
    next_slot = bi->empty.start;
}

uint64_t untyped_free_bytes(void)
{
    uint64_t sum = 0;
    for (unsigned i = 0; i < count(); i++)
        if (!boot->untypedList[i].isDevice)
            sum += (1ull << boot->untypedList[i].sizeBits) - used[i];
    return sum;
}

unsigned untyped_count(void)
{
    return count();
}

uint64_t untyped_ram_bytes(void)
{
    uint64_t sum = 0;
    for (unsigned i = 0; i < count(); i++)
        if (!boot->untypedList[i].isDevice)
            sum += 1ull << boot->untypedList[i].sizeBits;
    return sum;
}

// Slots given back (slot_free), reused before new ones.
static seL4_CPtr free_slots[1u << CONFIG_ROOT_CNODE_SIZE_BITS];
static unsigned nfree;

seL4_CPtr slot_alloc(void)
{
    if (nfree > 0)
        return free_slots[--nfree];
    if (next_slot >= boot->empty.end)
        tm_fatal("out of cap slots in the root CNode", 0);
    return next_slot++;
}

void slot_free(seL4_CPtr slot)
{
    seL4_Error err = seL4_CNode_Delete(seL4_CapInitThreadCNode, slot, seL4_WordBits);
    if (err != seL4_NoError)
        tm_fatal("CNode_Delete failed", err);
    if (nfree < sizeof(free_slots) / sizeof(free_slots[0]))
        free_slots[nfree++] = slot;
}

// Retypes one object of `size_bits` from untyped i at its watermark (seL4 aligns objects to
// their size inside the untyped, as does this bookkeeping).
static seL4_CPtr retype(unsigned i, seL4_Word type, unsigned size_bits, unsigned obj_bits)
{
    seL4_CPtr slot = slot_alloc();
    seL4_Error err = seL4_Untyped_Retype(boot->untyped.start + i, type, size_bits,
                                         seL4_CapInitThreadCNode, 0, 0, slot, 1);
    if (err != seL4_NoError)
        tm_fatal("Untyped_Retype failed", err);
    uint64_t align = (1ull << obj_bits) - 1;
    used[i] = ((used[i] + align) & ~align) + (1ull << obj_bits);
    return slot;
}

// Size in bytes (log2) that an object of `type` takes in its untyped.
static unsigned object_bits(seL4_Word type, unsigned size_bits)
{
    switch (type) {
    case seL4_TCBObject:
        return seL4_TCBBits;
    case seL4_EndpointObject:
        return seL4_EndpointBits;
    case seL4_NotificationObject:
        return seL4_NotificationBits;
    case seL4_ReplyObject:
        return seL4_ReplyBits;
    case seL4_RISCV_4K_Page:
    case seL4_RISCV_PageTableObject:
        return seL4_PageBits;
    case seL4_CapTableObject:
        return size_bits + seL4_SlotBits;
    default:
        return size_bits;
    }
}

seL4_CPtr object_alloc(seL4_Word type, unsigned size_bits)
{
    unsigned bits = object_bits(type, size_bits);
    uint64_t align = (1ull << bits) - 1;
    int best = -1;
    for (unsigned i = 0; i < count(); i++) {
        const seL4_UntypedDesc *u = &boot->untypedList[i];
        if (u->isDevice || u->sizeBits < bits)
            continue;
        uint64_t at = (used[i] + align) & ~align;
        if (at + (1ull << bits) > 1ull << u->sizeBits)
            continue;
        if (best < 0 || u->sizeBits < boot->untypedList[best].sizeBits)
            best = (int)i;
    }
    if (best < 0)
        tm_fatal("no untyped memory left for an object", (long)type);
    return retype((unsigned)best, type, size_bits, bits);
}
