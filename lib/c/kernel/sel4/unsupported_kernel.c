/*
 * libc's seL4 layer: the QNX calls QSOE/L does not implement (docs/qsoe-l.md). SchedGetCpuNum:
 * seL4 tells no thread which cpu it runs on. Each fails with ENOSYS, so every QSOE program
 * links unchanged and learns at run time what is missing.
 */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#include "sel4call.h"

int SchedGetCpuNum(void)
{
    errno = ENOSYS;
    return -1;
}
