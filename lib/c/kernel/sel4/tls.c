/*
 * errno lives in the thread's TLS block, which taskman-L wrote into the thread's page when it
 * created the thread (include/abi/tls.h, include/abi/sel4.h).
 */
#include <errno.h>
#include <sys/neutrino.h>

int *__get_errno_ptr(void)
{
    return &__tls()->__errval;
}
