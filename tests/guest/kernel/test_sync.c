/*
 * Mutexes, condition variables and semaphores: uncontended operations stay in user space,
 * contended ones are correct on both harts, timeouts, priority inheritance, dead owners, and
 * bad sync pointers.
 */
#include <pthread.h>
#include <semaphore.h>

#include "harness.h"

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void *add_many(void *arg)
{
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)(uintptr_t)(1u << ((uintptr_t)arg % 2)));
    for (int i = 0; i < 20000; i++) {
        pthread_mutex_lock(&counter_lock);
        counter++;
        pthread_mutex_unlock(&counter_lock);
    }
    return NULL;
}

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_cond = PTHREAD_COND_INITIALIZER;
static int queue[8], q_head, q_tail;
static volatile int woken;

static void *consumer(void *arg)
{
    (void)arg;
    long sum = 0;
    for (int n = 0; n < 1000; n++) {
        pthread_mutex_lock(&q_lock);
        while (q_head == q_tail)
            pthread_cond_wait(&q_cond, &q_lock);
        sum += queue[q_head++ % 8];
        pthread_cond_broadcast(&q_cond);
        pthread_mutex_unlock(&q_lock);
    }
    return (void *)sum;
}

static void *wait_for_broadcast(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&q_lock);
    while (!woken)
        pthread_cond_wait(&q_cond, &q_lock);
    pthread_mutex_unlock(&q_lock);
    return NULL;
}

static sem_t sem;

static void *sem_poster(void *arg)
{
    for (int i = 0; i < (int)(uintptr_t)arg; i++)
        sem_post(&sem);
    return NULL;
}

static pthread_mutex_t pi_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile int pi_stage;
static volatile uint64_t medium_done_at, high_got_at;

static void *low_holder(void *arg)
{
    (void)arg;
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)2);
    pthread_mutex_lock(&pi_lock);
    pi_stage = 1;
    uint64_t until = now_ns() + 100000000;
    while (now_ns() < until) /* work while holding the lock */
        ;
    pthread_mutex_unlock(&pi_lock);
    return NULL;
}

static void *medium_spinner(void *arg)
{
    (void)arg;
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)2);
    uint64_t until = now_ns() + 400000000;
    while (now_ns() < until)
        ;
    medium_done_at = now_ns();
    return NULL;
}

// The thread wanting the lock, on cpu 1 with the others, or (arg not NULL) on cpu 0.
static void *high_locker(void *arg)
{
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)(arg ? 1ul : 2ul));
    sleep_ns(20000000);
    pthread_mutex_lock(&pi_lock);
    high_got_at = now_ns();
    pthread_mutex_unlock(&pi_lock);
    return NULL;
}

static pthread_mutex_t dead_lock = PTHREAD_MUTEX_INITIALIZER;

static void *lock_and_die(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&dead_lock);
    sleep_ns((uint64_t)(uintptr_t)arg);
    return NULL;
}

static void *wait_on_dead(void *arg)
{
    (void)arg;
    return (void *)(intptr_t)pthread_mutex_lock(&dead_lock);
}

static void *hold_briefly(void *arg)
{
    pthread_mutex_lock((pthread_mutex_t *)arg);
    sleep_ns(200000000);
    pthread_mutex_unlock((pthread_mutex_t *)arg);
    return NULL;
}

static void test_sync_bad_input(void)
{
    CHECK_ERR("SyncMutexLock(NULL) gives EFAULT", SyncMutexLock(NULL), EFAULT);
    CHECK_ERR("SyncMutexLock of a kernel address gives EFAULT", SyncMutexLock(KERNEL_ADDR), EFAULT);
    CHECK_ERR("SyncMutexLock of an unmapped address gives EFAULT", SyncMutexLock(UNMAPPED_ADDR),
              EFAULT);
    static sync_t words[2];
    CHECK_ERR("SyncMutexLock of a misaligned word gives EFAULT",
              SyncMutexLock((sync_t *)((char *)words + 2)), EFAULT);
    CHECK_ERR("SyncMutexLock of a word in read-only code gives EFAULT",
              SyncMutexLock((sync_t *)(uintptr_t)test_sync_bad_input), EFAULT);
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    CHECK_ERR("unlocking a mutex nobody holds gives EPERM", SyncMutexUnlock(&m), EPERM);
    CHECK("pthread_mutex_unlock of an unheld mutex gives EPERM", pthread_mutex_unlock(&m) == EPERM);
    pthread_mutex_lock(&m);
    CHECK("relocking a held non-recursive mutex gives EDEADLK",
          SyncMutexLock(&m) == -1 && errno == EDEADLK);
    CHECK("pthread_mutex_trylock of a held mutex gives EBUSY or EDEADLK",
          pthread_mutex_trylock(&m) == EDEADLK);
    CHECK_ERR("SyncDestroy of a held mutex gives EBUSY", SyncDestroy(&m), EBUSY);
    pthread_mutex_unlock(&m);
    CHECK("SyncDestroy of a free mutex succeeds", SyncDestroy(&m) == 0);
    CHECK_ERR("locking a destroyed mutex gives EINVAL", SyncMutexLock(&m), EINVAL);
    CHECK_ERR("SyncTypeCreate with an unknown type gives EINVAL",
              SyncTypeCreate(9, &words[0], NULL), EINVAL);
    struct _sync_attr neg = {0};
    neg.__count = -1;
    CHECK_ERR("a semaphore with a negative count gives EINVAL",
              SyncTypeCreate(_NTO_SYNC_SEMAPHORE, &words[0], &neg), EINVAL);
    CHECK_ERR("SyncTypeCreate with a kernel-address attr gives EFAULT",
              SyncTypeCreate(_NTO_SYNC_SEMAPHORE, &words[0], KERNEL_ADDR), EFAULT);
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    pthread_mutex_t m2 = PTHREAD_MUTEX_INITIALIZER;
    CHECK_ERR("waiting on a condvar without holding the mutex gives EPERM",
              SyncCondvarWait(&c, &m2), EPERM);
    CHECK_ERR("SyncCondvarSignal of a kernel address gives EFAULT",
              SyncCondvarSignal(KERNEL_ADDR, 0), EFAULT);
    CHECK_ERR("SyncSemPost of an unmapped address gives EFAULT", SyncSemPost(UNMAPPED_ADDR),
              EFAULT);
}

void test_sync(void)
{
    /* That an uncontended lock+unlock stays in user space is measured by make bench (guest
       instruction counts are only exact under -icount, which these tests do not use). */
    counter = 0;
    int t[4];
    for (int i = 0; i < 4; i++)
        t[i] = start_thread(add_many, (void *)(uintptr_t)i, 0, 0);
    for (int i = 0; i < 4; i++)
        ThreadJoin(t[i], NULL);
    CHECK("four threads on both harts adding 20000 times each under a mutex make 80000",
          counter == 80000);

    int cons = start_thread(consumer, NULL, 0, 0);
    long expect = 0;
    for (int n = 0; n < 1000; n++) {
        pthread_mutex_lock(&q_lock);
        while (q_tail - q_head == 8)
            pthread_cond_wait(&q_cond, &q_lock);
        queue[q_tail++ % 8] = n;
        expect += n;
        pthread_cond_broadcast(&q_cond);
        pthread_mutex_unlock(&q_lock);
    }
    void *sum;
    ThreadJoin(cons, &sum);
    CHECK("a producer and a consumer pass 1000 items through a condvar-guarded queue",
          (long)sum == expect);

    woken = 0;
    int w[3];
    for (int i = 0; i < 3; i++)
        w[i] = start_thread(wait_for_broadcast, NULL, 0, 0);
    sleep_ns(20000000);
    pthread_mutex_lock(&q_lock);
    woken = 1;
    pthread_cond_broadcast(&q_cond);
    pthread_mutex_unlock(&q_lock);
    int joined = 0;
    for (int i = 0; i < 3; i++)
        joined += ThreadJoin(w[i], NULL) == 0;
    CHECK("a broadcast wakes all three waiters", joined == 3);

    sem_init(&sem, 0, 0);
    CHECK("sem_trywait on a zero semaphore fails with EAGAIN",
          sem_trywait(&sem) == -1 && errno == EAGAIN);
    int poster = start_thread(sem_poster, (void *)500, 0, 0);
    int taken = 0;
    for (int i = 0; i < 500; i++)
        taken += sem_wait(&sem) == 0;
    ThreadJoin(poster, NULL);
    int value = -1;
    sem_getvalue(&sem, &value);
    CHECK("500 posts from another thread satisfy 500 waits exactly", taken == 500 && value == 0);

    uint64_t ms = 5000000;
    pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;
    int holder = start_thread(hold_briefly, &held, 0, 0);
    sleep_ns(10000000);
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_MUTEX, NULL, &ms, NULL);
    CHECK_ERR("SyncMutexLock with a MUTEX timeout gives ETIMEDOUT", SyncMutexLock(&held),
              ETIMEDOUT);
    ThreadJoin(holder, NULL);
    CHECK("the mutex can be taken after the timed-out wait",
          pthread_mutex_lock(&held) == 0 && pthread_mutex_unlock(&held) == 0);
    pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
    pthread_mutex_lock(&held);
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_CONDVAR, NULL, &ms, NULL);
    CHECK_ERR("SyncCondvarWait with a CONDVAR timeout gives ETIMEDOUT", SyncCondvarWait(&cv, &held),
              ETIMEDOUT);
    CHECK("after a timed-out condvar wait the mutex is held again",
          pthread_mutex_unlock(&held) == 0);
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEM, NULL, &ms, NULL);
    CHECK_ERR("SyncSemWait with a SEM timeout gives ETIMEDOUT", SyncSemWait(&sem, 0), ETIMEDOUT);

    /* Priority inversion on cpu 1: low holds the lock, medium spins, high wants the lock. */
    pi_stage = 0;
    int lo = start_thread(low_holder, NULL, SCHED_FIFO, 5);
    while (!pi_stage)
        sleep_ns(1000000);
    int hi = start_thread(high_locker, NULL, SCHED_FIFO, 30);
    int me = start_thread(medium_spinner, NULL, SCHED_FIFO, 15);
    ThreadJoin(hi, NULL);
    ThreadJoin(me, NULL);
    ThreadJoin(lo, NULL);
    CHECK("priority inheritance: the high thread gets the lock before the medium one finishes",
          high_got_at && medium_done_at && high_got_at < medium_done_at);

    /* The same with the high thread on cpu 0: the boost crosses harts. */
    pi_stage = 0;
    high_got_at = medium_done_at = 0;
    lo = start_thread(low_holder, NULL, SCHED_FIFO, 5);
    while (!pi_stage)
        sleep_ns(1000000);
    me = start_thread(medium_spinner, NULL, SCHED_FIFO, 15);
    hi = start_thread(high_locker, (void *)1, SCHED_FIFO, 30);
    ThreadJoin(hi, NULL);
    ThreadJoin(me, NULL);
    ThreadJoin(lo, NULL);
    CHECK("priority inheritance across harts: the owner on cpu 1 is raised for a waiter on cpu 0",
          high_got_at && medium_done_at && high_got_at < medium_done_at);

    int d = start_thread(lock_and_die, (void *)0, 0, 0);
    ThreadJoin(d, NULL);
    CHECK_ERR("locking a mutex whose owner died gives EOWNERDEAD", SyncMutexLock(&dead_lock),
              EOWNERDEAD);
    CHECK("pthread_mutex_consistent revives it for the caller",
          pthread_mutex_consistent(&dead_lock) == 0 && pthread_mutex_unlock(&dead_lock) == 0 &&
              pthread_mutex_lock(&dead_lock) == 0 && pthread_mutex_unlock(&dead_lock) == 0);
    d = start_thread(lock_and_die, (void *)30000000, 0, 0);
    sleep_ns(5000000);
    int waiter = start_thread(wait_on_dead, NULL, 0, 0);
    void *r;
    ThreadJoin(waiter, &r);
    ThreadJoin(d, NULL);
    CHECK("a thread waiting when the owner dies gets EOWNERDEAD", (intptr_t)r == EOWNERDEAD);

    test_sync_bad_input();
}
