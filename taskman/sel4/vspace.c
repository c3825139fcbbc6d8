/*
 * taskman-L's own address space: maps frames into it, creating page tables on the way (seL4
 * made only those its user image needs), maps frames into the VSpaces of the processes it
 * builds the same way, and names the frame caps of its image.
 */
#include "taskman_l.h"

extern char __image_start[];

seL4_CPtr image_frame(const void *va)
{
    uintptr_t page = ((uintptr_t)va - (uintptr_t)__image_start) >> seL4_PageBits;
    if ((uintptr_t)va < (uintptr_t)__image_start ||
        page >= tm_bootinfo->userImageFrames.end - tm_bootinfo->userImageFrames.start)
        tm_fatal("an address outside taskman-L's image has no image frame", (long)(uintptr_t)va);
    return tm_bootinfo->userImageFrames.start + page;
}

// A failed lookup means a page table is missing at some level: each attempt adds the next
// one down, so three levels of Sv39 need at most two extra tries.
int vspace_map_in(seL4_CPtr root, seL4_CPtr frame, uint64_t va, seL4_CapRights_t rights,
                  seL4_Word attrs, seL4_CPtr added[2])
{
    for (int tries = 0; tries < 3; tries++) {
        seL4_Error err = seL4_RISCV_Page_Map(frame, root, va, rights, attrs);
        if (err == seL4_NoError)
            return tries;
        if (err != seL4_FailedLookup)
            tm_fatal("Page_Map failed", err);
        seL4_CPtr pt = object_alloc(seL4_RISCV_PageTableObject, 0);
        err = seL4_RISCV_PageTable_Map(pt, root, va, seL4_RISCV_Default_VMAttributes);
        if (err != seL4_NoError)
            tm_fatal("PageTable_Map failed", err);
        if (added && tries < 2)
            added[tries] = pt;
    }
    tm_fatal("Page_Map still fails after adding page tables", (long)va);
}

void vspace_map(seL4_CPtr frame, uint64_t va, seL4_CapRights_t rights)
{
    vspace_map_in(seL4_CapInitThreadVSpace, frame, va, rights, seL4_RISCV_ExecuteNever, NULL);
}
