/* POSIX mutexes and condition variables over QNX sync objects (more of pthreads to come). */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <abi/sync.h>

typedef sync_t pthread_mutex_t;
typedef sync_t pthread_cond_t;
typedef struct _sync_attr pthread_mutexattr_t;
typedef struct _sync_attr pthread_condattr_t;

#define PTHREAD_MUTEX_INITIALIZER {0, 0}
#define PTHREAD_COND_INITIALIZER  {0, _NTO_SYNC_COND}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_mutex_consistent(pthread_mutex_t *m);
int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);

#endif
