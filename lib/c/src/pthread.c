/*
 * POSIX threads over the QNX thread calls: creation with the kernel's stacks, join, detach,
 * exit with thread-specific-data destructors, once, and keys kept in the TLS block.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <sys/neutrino.h>

static void (*destructors[PTHREAD_KEYS_MAX])(void *);
static pthread_mutex_t heap_lock = PTHREAD_MUTEX_INITIALIZER;

/* malloc's lock hooks (malloc_pages.h): with threads in the program, the heap takes a mutex. */
void __libc_malloc_lock(void)
{
    pthread_mutex_lock(&heap_lock);
}

void __libc_malloc_unlock(void)
{
    pthread_mutex_unlock(&heap_lock);
}
static bool key_used[PTHREAD_KEYS_MAX];
static pthread_mutex_t keys_lock = PTHREAD_MUTEX_INITIALIZER;

// Runs the destructors of the calling thread's keys (POSIX: up to 4 rounds).
static void run_destructors(void)
{
    void **data = __tls()->__keydata;
    for (int round = 0; round < 4; round++) {
        bool any = false;
        for (int k = 0; k < PTHREAD_KEYS_MAX; k++) {
            void *v = data[k];
            if (v && destructors[k]) {
                data[k] = NULL;
                destructors[k](v);
                any = true;
            }
        }
        if (!any)
            return;
    }
}

void pthread_exit(void *value)
{
    run_destructors();
    for (;;)
        ThreadDestroy(0, -1, value);
}

// Where a thread's start routine returns to (the kernel puts it in ra).
static void thread_return(void *value)
{
    pthread_exit(value);
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg)
{
    struct _thread_attr a = {0};
    a.__exitfunc = thread_return;
    if (attr) {
        a.__flags = attr->__detached ? PTHREAD_CREATE_DETACHED : 0;
        a.__stacksize = attr->__stacksize;
    }
    int tid = ThreadCreate_r(0, start, arg, &a);
    if (tid < 0)
        return -tid;
    *thread = tid;
    return 0;
}

int pthread_join(pthread_t thread, void **value)
{
    int r;
    while ((r = ThreadJoin_r(thread, value)) == -EINTR)
        ; /* a signal handler ran: still waiting (POSIX: no EINTR) */
    return -r;
}

int pthread_detach(pthread_t thread)
{
    return -ThreadDetach_r(thread);
}

pthread_t pthread_self(void)
{
    return __tls()->__tid;
}

int pthread_equal(pthread_t a, pthread_t b)
{
    return a == b;
}

int pthread_attr_init(pthread_attr_t *attr)
{
    attr->__detached = 0;
    attr->__stacksize = 0;
    return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{
    if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
        return EINVAL;
    attr->__detached = state;
    return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
    if (size < 4096)
        return EINVAL;
    attr->__stacksize = size;
    return 0;
}

int pthread_once(pthread_once_t *once, void (*fn)(void))
{
    static pthread_mutex_t once_lock = PTHREAD_MUTEX_INITIALIZER;
    if (__atomic_load_n(&once->__done, __ATOMIC_ACQUIRE) == 2)
        return 0;
    pthread_mutex_lock(&once_lock);
    if (once->__done == 0) {
        once->__done = 1;
        fn();
        __atomic_store_n(&once->__done, 2, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&once_lock);
    return 0;
}

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
    pthread_mutex_lock(&keys_lock);
    for (int k = 0; k < PTHREAD_KEYS_MAX; k++) {
        if (!key_used[k]) {
            key_used[k] = true;
            destructors[k] = destructor;
            *key = k;
            pthread_mutex_unlock(&keys_lock);
            return 0;
        }
    }
    pthread_mutex_unlock(&keys_lock);
    return EAGAIN;
}

int pthread_key_delete(pthread_key_t key)
{
    if (key < 0 || key >= PTHREAD_KEYS_MAX || !key_used[key])
        return EINVAL;
    key_used[key] = false;
    destructors[key] = NULL;
    return 0;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
    if (key < 0 || key >= PTHREAD_KEYS_MAX || !key_used[key])
        return EINVAL;
    __tls()->__keydata[key] = (void *)value;
    return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
    if (key < 0 || key >= PTHREAD_KEYS_MAX)
        return NULL;
    return __tls()->__keydata[key];
}
