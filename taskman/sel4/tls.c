/*
 * Thread-local storage of taskman-L's threads. libsel4 keeps each thread's IPC buffer address
 * in the thread-local __sel4_ipc_buffer, so every thread needs a TLS block before its first
 * seL4 call. On RISC-V tp points at the start of the block (TLS variant I, no TCB before it).
 */
#include <errno.h>
#include <string.h>

#include "taskman_l.h"

__thread seL4_IPCBuffer *__sel4_ipc_buffer;

// errno of taskman-L's threads, for the shared taskman code it links (taskman/lib/loader.c).
static __thread int errno_value;

int *__get_errno_ptr(void)
{
    return &errno_value;
}

extern char __tls_start[], __tdata_end[], __tls_end[];

uintptr_t tls_init(void *area)
{
    size_t image = (size_t)(__tdata_end - __tls_start);
    size_t total = (size_t)(__tls_end - __tls_start);
    if (total > TLS_AREA_SIZE)
        tm_fatal("the TLS block does not fit TLS_AREA_SIZE", (long)total);
    memcpy(area, __tls_start, image);
    memset((char *)area + image, 0, total - image);
    return (uintptr_t)area;
}
