/* POSIX mutexes and condition variables over QNX sync objects (more of pthreads to come). */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <abi/sched.h>
#include <abi/sync.h>

#include <stddef.h>

typedef int pthread_t;
typedef int pthread_key_t;
typedef struct {
    int __done; /* 0 not run, 1 running, 2 done */
} pthread_once_t;
typedef struct {
    int __detached;
    size_t __stacksize;
} pthread_attr_t;

#define PTHREAD_ONCE_INIT       {0}
#define PTHREAD_KEYS_MAX        32

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *),
                   void *arg);
int pthread_join(pthread_t thread, void **value);
int pthread_detach(pthread_t thread);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
void pthread_exit(void *value) __attribute__((noreturn));
int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_setdetachstate(pthread_attr_t *attr, int state);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);
int pthread_once(pthread_once_t *once, void (*fn)(void));
int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);
void *pthread_getspecific(pthread_key_t key);

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
