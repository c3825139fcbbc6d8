/*
 * The per-thread block the kernel builds at the top of every new thread's stack and points
 * the thread register (tp) at, laid out like QNX's struct _thread_local_storage: errno and the
 * thread's identity live here, so each thread has its own.
 */
#ifndef QSOE_ABI_TLS_H
#define QSOE_ABI_TLS_H

#include <stdint.h>

struct _thread_local_storage {
    void (*__exitfunc)(void *);
    void *__arg;
    int *__errptr; /* points at __errval */
    int __errval;
    uint32_t __flags;
    int32_t __pid;
    int32_t __tid;
    uint32_t __owner; /* the value a mutex holds while this thread owns it */
    uint32_t __reserved1;
    void *__stackaddr;
    void *__keydata[32]; /* thread-specific data for pthread keys */
    void *__spare[6];
};

#endif
