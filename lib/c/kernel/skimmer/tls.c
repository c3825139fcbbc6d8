/*
 * The thread register: on Skimmer, tp points at the thread's TLS block, which the kernel built
 * when it created the thread (include/abi/tls.h).
 */
#include <abi/tls.h>
#include <errno.h>

struct _thread_local_storage *__tls(void)
{
    struct _thread_local_storage *t;
    __asm__("mv %0, tp" : "=r"(t));
    return t;
}

int *__get_errno_ptr(void)
{
    return &__tls()->__errval;
}
