/* POSIX unnamed semaphores over QNX sync objects. */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <abi/sync.h>

typedef sync_t sem_t;

#define SEM_VALUE_MAX 0x7fffffff

int sem_init(sem_t *s, int pshared, unsigned value);
int sem_destroy(sem_t *s);
int sem_wait(sem_t *s);
int sem_trywait(sem_t *s);
int sem_post(sem_t *s);
int sem_getvalue(sem_t *s, int *value);

#endif
