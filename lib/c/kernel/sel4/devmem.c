/*
 * libc's seL4 layer: ProcMemMapPhys, device registers mapped into the calling process. Only a
 * process with the I/O privilege may; taskman-L checks that, finds the device untyped behind
 * each page and maps its frame (taskman/sel4/device.c), one request per page.
 */
#include "sel4call.h"

#define PAGE 4096ul

int ProcMemMapPhys(pid_t pid, uintptr_t vaddr, size_t len, int prot, uintptr_t paddr)
{
    long err = 0;
    if (pid != 0 && pid != __tls()->__pid)
        err = -EPERM; /* another process's memory is taskman's to map */
    else if (len == 0 || (vaddr | len | paddr) % PAGE || vaddr + len < vaddr ||
             paddr + len < paddr || (prot & ~(PROT_READ | PROT_WRITE)))
        err = -EINVAL;
    for (size_t off = 0; err == 0 && off < len; off += PAGE)
        err = sel4_taskman_request(SEL4_LABEL_MAPPHYS, (vaddr + off) | (unsigned)prot,
                                   paddr + off);
    return (int)set_errno(err < 0 ? err : 0);
}
