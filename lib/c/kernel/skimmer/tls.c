/*
 * errno lives in the thread's TLS block, which the kernel built when it created the thread
 * (include/abi/tls.h).
 */
#include <errno.h>
#include <sys/neutrino.h>

int *__get_errno_ptr(void)
{
    return &__tls()->__errval;
}
