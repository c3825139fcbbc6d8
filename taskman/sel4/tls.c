/*
 * Thread-local storage of taskman-L's threads. Each thread's TLS block sits in its IPC-buffer
 * page at SEL4_TLS_OFFSET (include/abi/sel4.h), as in every QSOE/L process, so libc's seL4
 * layer finds the IPC buffer from tp. The block starts with libc's struct
 * _thread_local_storage (errno, pid, tid), then the ELF TLS variables, among them libsel4's
 * __sel4_ipc_buffer; on RISC-V tp points at the start of the block (TLS variant I).
 */
#include <abi/sel4.h>
#include <abi/tls.h>
#include <proto/taskman.h>
#include <string.h>

#include "taskman_l.h"

// First in the TLS image (taskman-l.ld), so at tp + 0; set by tls_init, never used by name.
__thread struct _thread_local_storage tm_tls_block
    __attribute__((section(".tdata.qsoe_tls_block"))) = {.__pid = TASKMAN_PID};

__thread seL4_IPCBuffer *__sel4_ipc_buffer;

extern char __tls_start[], __tdata_end[], __tls_end[];

_Static_assert(sizeof(seL4_IPCBuffer) <= SEL4_TLS_OFFSET, "the IPC buffer overlaps the TLS block");

uintptr_t tls_init(seL4_IPCBuffer *ipc, int tid)
{
    char *area = (char *)ipc + SEL4_TLS_OFFSET;
    size_t image = (size_t)(__tdata_end - __tls_start);
    size_t total = (size_t)(__tls_end - __tls_start);
    if (total > (1u << seL4_PageBits) - SEL4_TLS_OFFSET)
        tm_fatal("the TLS block does not fit its page", (long)total);
    memcpy(area, __tls_start, image);
    memset(area + image, 0, total - image);
    struct _thread_local_storage *t = (struct _thread_local_storage *)area;
    t->__errptr = &t->__errval;
    t->__tid = tid;
    t->__owner = (uint32_t)TASKMAN_PID << 16 | (uint32_t)tid;
    return (uintptr_t)area;
}

uintptr_t tls_main(const seL4_BootInfo *bi)
{
    return tls_init(bi->ipcBuffer, 1);
}
