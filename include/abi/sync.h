/*
 * The synchronisation word shared by libc's fast paths and the kernel's slow paths (QNX's
 * sync_t). A mutex's __owner is 0 when free, else the owner's id (its thread's receive id,
 * from the TLS block) with _NTO_SYNC_WAITING set once a thread waits in the kernel. A
 * semaphore keeps its value in __count; __owner then only carries the type and the waiting
 * bit. Uncontended operations never enter the kernel.
 */
#ifndef QSOE_ABI_SYNC_H
#define QSOE_ABI_SYNC_H

#include <stdint.h>

typedef struct _sync {
    int32_t __count;
    uint32_t __owner;
} sync_t;

#define _NTO_SYNC_WAITING   0x80000000u
#define _NTO_SYNC_OWNER     0x7fffffffu /* the owner bits of __owner */
#define _NTO_SYNC_DEAD      0x7ffffffeu /* mutex whose owner died holding it */
#define _NTO_SYNC_DESTROYED 0x7ffffffdu
#define _NTO_SYNC_COND      0x7ffffffcu
#define _NTO_SYNC_SEM       0x7ffffffbu

/* Mutex flags in __count (the recursion count is in the low 16 bits). */
#define _NTO_SYNC_NONRECURSIVE 0x80000000
#define _NTO_SYNC_ERRORCHECK   0x40000000
#define _NTO_SYNC_COUNT_MASK   0x0000ffff

/* SyncTypeCreate types. */
#define _NTO_SYNC_MUTEX_FREE 0
#define _NTO_SYNC_CONDVAR    1
#define _NTO_SYNC_SEMAPHORE  2

struct _sync_attr {
    int32_t __protocol;
    int32_t __flags;
    int32_t __prioceiling;
    int32_t __clockid;
    int32_t __count; /* initial value of a semaphore */
    int32_t __spare[3];
};

#endif
