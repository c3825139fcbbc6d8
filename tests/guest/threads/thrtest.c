/*
 * The threads suite: threads in one process (create, join, detach, many, the slot limit,
 * ThreadDestroy of another thread, priorities, a move to the other hart), contended mutexes
 * with exact counts, condition variables (producer/consumer), semaphores, a dead mutex owner, bad
 * ids and pointers, a thread's fault ending its process, the last thread's end ending it, and a
 * stress of all of them at once. Written to the QNX semantics; run on QSOE/L as `run=test/thrtest`.
 * Each check prints PASS or FAIL; the failure count is the exit status. `test/thrtest fault` and
 * `test/thrtest last` are its children for the process-end checks.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_THREADS 8 /* threads a QSOE/L process has at once */

static int failures;

#define CHECK(name, cond)                                                                          \
    do {                                                                                           \
        if (cond) {                                                                                \
            printf("PASS threads: %s\n", name);                                                    \
        } else {                                                                                   \
            printf("FAIL threads: %s (%s, line %d)\n", name, #cond, __LINE__);                     \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static void *twice(void *arg)
{
    return (void *)((uintptr_t)arg * 2);
}

static void *spin_forever(void *arg)
{
    volatile int *stop = arg;
    while (!*stop)
        ;
    return NULL;
}

static void test_create_join(void)
{
    pthread_t t;
    void *v = NULL;
    CHECK("pthread_create starts a thread", pthread_create(&t, NULL, twice, (void *)21) == 0);
    CHECK("pthread_join gives its result", pthread_join(t, &v) == 0 && v == (void *)42);
    CHECK("a thread joined once cannot be joined again (ESRCH)", pthread_join(t, &v) == ESRCH);
    CHECK("pthread_self is the caller's tid", pthread_self() == 1);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    static volatile int stop; /* outlives this function: the detached thread may read late */
    CHECK("a detached thread starts", pthread_create(&t, &attr, spin_forever, (void *)&stop) == 0);
    CHECK("a detached thread cannot be joined (EINVAL)", pthread_join(t, NULL) == EINVAL);
    CHECK("nor detached again (EINVAL)", pthread_detach(t) == EINVAL);
    stop = 1;
    pthread_t late;
    pthread_create(&late, NULL, twice, (void *)1);
    CHECK("pthread_detach of a joinable thread succeeds", pthread_detach(late) == 0);

    CHECK("ThreadJoin of tid 0 and 99: ESRCH", ThreadJoin(0, NULL) == -1 && errno == ESRCH &&
                                                   ThreadJoin(99, NULL) == -1 && errno == ESRCH);
    CHECK("ThreadJoin of oneself: EDEADLK", ThreadJoin(1, NULL) == -1 && errno == EDEADLK);
    CHECK("ThreadJoin with a misaligned status pointer: EFAULT",
          ThreadJoin(2, (void **)3) == -1 && errno == EFAULT);
    CHECK("ThreadDetach of a tid never made: ESRCH",
          ThreadDetach(7) == -1 && errno == ESRCH && ThreadDetach(-3) == -1 && errno == ESRCH);
    CHECK("ThreadDestroy of a tid beyond the limit: EINVAL",
          ThreadDestroy(99, -1, NULL) == -1 && errno == EINVAL);
    struct _thread_attr bad = {0};
    bad.__flags = PTHREAD_EXPLICIT_SCHED;
    bad.__policy = SCHED_RR;
    bad.__param.sched_priority = 0;
    CHECK("ThreadCreate with priority 0: EINVAL",
          ThreadCreate(0, twice, NULL, &bad) == -1 && errno == EINVAL);
    bad.__param.sched_priority = 10;
    bad.__stacksize = 4ul << 20;
    CHECK("ThreadCreate with a default stack over 1 MiB: EINVAL",
          ThreadCreate(0, twice, NULL, &bad) == -1 && errno == EINVAL);
    CHECK("ThreadCreate of an entry in kernel space: EINVAL",
          ThreadCreate(0, (void *(*)(void *))0xffffffc000000000ul, NULL, NULL) == -1 &&
              errno == EINVAL);
    CHECK("ThreadCreate in another process: EPERM",
          ThreadCreate(1, twice, NULL, NULL) == -1 && errno == EPERM);
}

// A thread made by ThreadCreate with no exit function: it ends itself.
static void *twice_and_end(void *arg)
{
    ThreadDestroy(0, -1, twice(arg));
    return NULL;
}

static void *stack_user(void *arg)
{
    volatile char buf[48 << 10]; /* deep into a 64 KiB stack */
    memset((char *)buf, 1, sizeof(buf));
    return (void *)(uintptr_t)(buf[100] + buf[sizeof(buf) - 1] + (uintptr_t)arg);
}

static void test_many(void)
{
    pthread_t t[MAX_THREADS];
    static int one = 1;
    int made = 0, waits = 0;
    /* The detached threads of the test before may still be ending: their slots come back. */
    while (made < MAX_THREADS) {
        int r = pthread_create(&t[made], NULL, spin_forever, &one);
        if (r == 0)
            made++;
        else if (r != EAGAIN || made == MAX_THREADS - 1 || ++waits > 100)
            break;
        else
            usleep(10000);
    }
    bool all = true;
    for (int i = 0; i < made; i++)
        all &= pthread_join(t[i], NULL) == 0;
    CHECK("seven threads besides main start and are joined", made == MAX_THREADS - 1 && all);

    volatile int stop = 0;
    for (made = 0; made < MAX_THREADS - 1; made++)
        pthread_create(&t[made], NULL, spin_forever, (void *)&stop);
    pthread_t extra;
    CHECK("an eighth thread beyond main is refused (EAGAIN)",
          pthread_create(&extra, NULL, twice, NULL) == EAGAIN);
    stop = 1;
    for (int i = 0; i < made; i++)
        pthread_join(t[i], NULL);

    int ok = 0;
    for (int round = 0; round < 60; round++) {
        pthread_t a, b;
        void *va = NULL, *vb = NULL;
        if (pthread_create(&a, NULL, twice, (void *)(uintptr_t)round) == 0 &&
            pthread_create(&b, NULL, stack_user, (void *)(uintptr_t)round) == 0 &&
            pthread_join(a, &va) == 0 && pthread_join(b, &vb) == 0 &&
            va == (void *)(uintptr_t)(2 * round) && vb == (void *)(uintptr_t)(2 + round))
            ok++;
    }
    CHECK("60 rounds of two threads each reuse the slots, with 48 KiB of stack used", ok == 60);

    static char own_stack[16384] __attribute__((aligned(16)));
    struct _thread_attr a = {0};
    a.__stackaddr = own_stack;
    a.__stacksize = sizeof(own_stack);
    int tid = ThreadCreate(0, twice_and_end, (void *)5, &a);
    void *v = NULL;
    CHECK("a thread on a stack of the caller's runs and is joined",
          tid > 1 && ThreadJoin(tid, &v) == 0 && v == (void *)10);
}

#define COUNT_PER_THREAD 5000
static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *count_up(void *arg)
{
    (void)arg;
    for (int i = 0; i < COUNT_PER_THREAD; i++) {
        pthread_mutex_lock(&count_lock);
        long c = counter;
        if (i % 64 == 0)
            SchedYield(); /* hold it a while: others must wait in the slow path */
        counter = c + 1;
        pthread_mutex_unlock(&count_lock);
    }
    return NULL;
}

static void test_mutex(void)
{
    static const int counts[] = {2, 4, MAX_THREADS - 1};
    for (int k = 0; k < 3; k++) {
        int n = counts[k];
        pthread_t t[MAX_THREADS];
        counter = 0;
        for (int i = 0; i < n; i++)
            pthread_create(&t[i], NULL, count_up, NULL);
        for (int i = 0; i < n; i++)
            pthread_join(t[i], NULL);
        char name[96];
        snprintf(name, sizeof(name), "%d threads count to exactly %d under a mutex", n,
                 n * COUNT_PER_THREAD);
        CHECK(name, counter == (long)n * COUNT_PER_THREAD);
    }

    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&m);
    CHECK("trylock of a held mutex: EDEADLK for its owner", pthread_mutex_trylock(&m) == EDEADLK);
    CHECK("SyncMutexLock of a mutex one holds: EDEADLK",
          SyncMutexLock(&m) == -1 && errno == EDEADLK);
    CHECK("SyncDestroy of a held mutex: EBUSY", SyncDestroy(&m) == -1 && errno == EBUSY);
    pthread_mutex_unlock(&m);
    CHECK("SyncMutexUnlock of a mutex one does not hold: EPERM",
          SyncMutexUnlock(&m) == -1 && errno == EPERM);
    CHECK("SyncMutexLock of NULL and of a misaligned word: EFAULT",
          SyncMutexLock(NULL) == -1 && errno == EFAULT &&
              SyncMutexLock((sync_t *)((char *)&m + 1)) == -1 && errno == EFAULT);
    CHECK("SyncCondvarSignal of a kernel address: EFAULT",
          SyncCondvarSignal((sync_t *)0xffffffc000000000ul, 0) == -1 && errno == EFAULT);
    CHECK("SyncTypeCreate of an unknown type: EINVAL",
          SyncTypeCreate(7, &m, NULL) == -1 && errno == EINVAL);
    CHECK("SyncDestroy of a free mutex succeeds, and it is then unusable (EINVAL)",
          SyncDestroy(&m) == 0 && pthread_mutex_trylock(&m) == EINVAL);
    sync_t s;
    struct _sync_attr attr = {0};
    attr.__count = 2;
    CHECK("SyncTypeCreate makes a semaphore of value 2",
          SyncTypeCreate(_NTO_SYNC_SEMAPHORE, &s, &attr) == 0 && SyncSemWait(&s, 1) == 0 &&
              SyncSemWait(&s, 1) == 0 && SyncSemWait(&s, 1) == -1 && errno == EAGAIN);
    uint64_t ns = 1000000;
    CHECK("a timeout on the mutex state is not there on QSOE/L (ENOSYS) or armed",
          TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_MUTEX, NULL, &ns, NULL) != -1 ||
              errno == ENOSYS);
}

/* Producer/consumer over a ring of 4 under a mutex and two condition variables. */
#define ITEMS 3000
static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static int ring[4], ring_n, ring_head;
static long consumed_sum, consumed_count;

static void *produce(void *arg)
{
    int base = (int)(uintptr_t)arg;
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&ring_lock);
        while (ring_n == 4)
            pthread_cond_wait(&not_full, &ring_lock);
        ring[(ring_head + ring_n++) % 4] = base + i;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&ring_lock);
    }
    return NULL;
}

static void *consume(void *arg)
{
    long want = (long)(uintptr_t)arg;
    for (long i = 0; i < want; i++) {
        pthread_mutex_lock(&ring_lock);
        while (ring_n == 0)
            pthread_cond_wait(&not_empty, &ring_lock);
        int v = ring[ring_head];
        ring_head = (ring_head + 1) % 4;
        ring_n--;
        consumed_sum += v;
        consumed_count++;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&ring_lock);
    }
    return NULL;
}

static int woken;
static void *wait_for_broadcast(void *arg)
{
    pthread_mutex_lock(&ring_lock);
    while (!*(volatile int *)arg)
        pthread_cond_wait(&not_empty, &ring_lock);
    woken++;
    pthread_mutex_unlock(&ring_lock);
    return NULL;
}

static void test_condvar(void)
{
    pthread_t p[2], c[2];
    pthread_create(&p[0], NULL, produce, (void *)0);
    pthread_create(&p[1], NULL, produce, (void *)100000);
    pthread_create(&c[0], NULL, consume, (void *)(uintptr_t)ITEMS);
    pthread_create(&c[1], NULL, consume, (void *)(uintptr_t)ITEMS);
    for (int i = 0; i < 2; i++)
        pthread_join(p[i], NULL), pthread_join(c[i], NULL);
    long want = 2L * ITEMS * (ITEMS + 1) / 2 + 100000L * ITEMS;
    CHECK("2 producers and 2 consumers pass exactly 6000 items through a ring of 4",
          consumed_count == 2 * ITEMS && consumed_sum == want && ring_n == 0);

    int go = 0;
    pthread_t w[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&w[i], NULL, wait_for_broadcast, &go);
    usleep(50000); /* all four wait on the condition variable */
    pthread_mutex_lock(&ring_lock);
    go = 1;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&ring_lock);
    for (int i = 0; i < 4; i++)
        pthread_join(w[i], NULL);
    CHECK("pthread_cond_broadcast wakes all four waiters", woken == 4);

    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t c1 = PTHREAD_COND_INITIALIZER;
    CHECK("SyncCondvarWait without holding the mutex: EPERM",
          SyncCondvarWait(&c1, &m) == -1 && errno == EPERM);
}

static sem_t sem_items, sem_done;
static long sem_taken;
static pthread_mutex_t sem_lock = PTHREAD_MUTEX_INITIALIZER;

static void *sem_poster(void *arg)
{
    for (int i = 0; i < (int)(uintptr_t)arg; i++)
        sem_post(&sem_items);
    return NULL;
}

static void *sem_taker(void *arg)
{
    for (int i = 0; i < (int)(uintptr_t)arg; i++) {
        sem_wait(&sem_items);
        pthread_mutex_lock(&sem_lock);
        sem_taken++;
        pthread_mutex_unlock(&sem_lock);
    }
    sem_post(&sem_done);
    return NULL;
}

static void test_semaphores(void)
{
    sem_init(&sem_items, 0, 0);
    sem_init(&sem_done, 0, 0);
    pthread_t t[4];
    pthread_create(&t[0], NULL, sem_taker, (void *)2500);
    pthread_create(&t[1], NULL, sem_taker, (void *)2500);
    pthread_create(&t[2], NULL, sem_poster, (void *)2500);
    pthread_create(&t[3], NULL, sem_poster, (void *)2500);
    sem_wait(&sem_done);
    sem_wait(&sem_done);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    int v = -1;
    sem_getvalue(&sem_items, &v);
    CHECK("2 posters and 2 waiters pass exactly 5000 units; the value ends at 0",
          sem_taken == 5000 && v == 0);
    CHECK("sem_trywait on 0: EAGAIN", sem_trywait(&sem_items) == -1 && errno == EAGAIN);
    CHECK("SyncSemWait of a misaligned word: EFAULT",
          SyncSemWait((sync_t *)2, 0) == -1 && errno == EFAULT);
}

static pthread_mutex_t dying_lock = PTHREAD_MUTEX_INITIALIZER;
static sem_t holding;

static void *lock_and_end(void *arg)
{
    pthread_mutex_lock(&dying_lock);
    sem_post(&holding);
    if (arg)
        usleep(50000); /* long enough for main to wait for the mutex */
    pthread_exit(NULL);
}

static void test_dead_owner(void)
{
    sem_init(&holding, 0, 0);
    pthread_t t;
    pthread_create(&t, NULL, lock_and_end, NULL);
    pthread_join(t, NULL);
    sem_wait(&holding);
    CHECK("a mutex whose owner ended is dead: EOWNERDEAD",
          pthread_mutex_lock(&dying_lock) == EOWNERDEAD);
    CHECK("pthread_mutex_consistent revives it for the caller",
          pthread_mutex_consistent(&dying_lock) == 0 && pthread_mutex_unlock(&dying_lock) == 0 &&
              pthread_mutex_lock(&dying_lock) == 0 && pthread_mutex_unlock(&dying_lock) == 0);
    CHECK("SyncMutexRevive of a mutex that is not dead: EINVAL",
          SyncMutexRevive(&dying_lock) == -1 && errno == EINVAL);

    pthread_create(&t, NULL, lock_and_end, (void *)1);
    sem_wait(&holding);
    CHECK("a thread waiting for a mutex whose owner ends hears EOWNERDEAD",
          pthread_mutex_lock(&dying_lock) == EOWNERDEAD);
    pthread_join(t, NULL);
    pthread_mutex_consistent(&dying_lock);
    pthread_mutex_unlock(&dying_lock);
}

static void test_destroy_and_sched(void)
{
    volatile int stop = 0;
    pthread_t t;
    pthread_create(&t, NULL, spin_forever, (void *)&stop);
    void *v = NULL;
    CHECK("ThreadDestroy ends another thread; its join gives the status",
          ThreadDestroy((int)t, -1, (void *)7) == 0 && pthread_join(t, &v) == 0 && v == (void *)7);
    CHECK("ThreadDestroy of an ended thread: ESRCH",
          ThreadDestroy((int)t, -1, NULL) == -1 && errno == ESRCH);

    struct sched_param sp;
    int policy = SchedGet(0, 0, &sp);
    CHECK("SchedGet of the caller: priority 10", policy > 0 && sp.sched_priority == 10);
    sp.sched_priority = 12;
    CHECK("SchedSet to 12 is what SchedGet says then", SchedSet(0, 0, SCHED_NOCHANGE, &sp) == 0 &&
                                                           SchedGet(0, 0, &sp) > 0 &&
                                                           sp.sched_priority == 12);
    sp.sched_priority = 10;
    SchedSet(0, 0, SCHED_NOCHANGE, &sp);
    sp.sched_priority = 0;
    CHECK("SchedSet to priority 0: EINVAL", SchedSet(0, 0, SCHED_RR, &sp) == -1 && errno == EINVAL);
    CHECK("SchedGet of a tid with no thread: ESRCH", SchedGet(0, 6, &sp) == -1 && errno == ESRCH);
    CHECK("SchedGet of another process's thread: EPERM",
          SchedGet(1, 1, &sp) == -1 && errno == EPERM);
    CHECK("ThreadCtl of an unknown command: EINVAL", ThreadCtl(99, NULL) == -1 && errno == EINVAL);
    CHECK("ThreadCtl(_NTO_TCTL_RUNMASK) to a cpu that is not there: EINVAL",
          ThreadCtl(_NTO_TCTL_RUNMASK, (void *)0x100) == -1 && errno == EINVAL);
    CHECK("ThreadCtl(_NTO_TCTL_RUNMASK) to cpu 1 and back to cpu 0",
          ThreadCtl(_NTO_TCTL_RUNMASK, (void *)2) == 0 &&
              ThreadCtl(_NTO_TCTL_RUNMASK, (void *)1) == 0);
}

/* The stress: every thread takes turns at a mutex, a semaphore pair and a condition variable
   for a while; the totals must be exact. */
#define STRESS_ROUNDS 3000
static pthread_mutex_t st_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t st_cond = PTHREAD_COND_INITIALIZER;
static sem_t st_sem;
static long st_count, st_tickets;

static void *stress(void *arg)
{
    (void)arg;
    for (int i = 0; i < STRESS_ROUNDS; i++) {
        /* Each thread adds a ticket before it takes one, so a waiter always has one coming. */
        pthread_mutex_lock(&st_lock);
        st_count++;
        st_tickets++;
        if (i % 2)
            pthread_cond_broadcast(&st_cond);
        else
            pthread_cond_signal(&st_cond);
        pthread_mutex_unlock(&st_lock);
        pthread_mutex_lock(&st_lock);
        while (st_tickets == 0)
            pthread_cond_wait(&st_cond, &st_lock);
        st_tickets--;
        pthread_mutex_unlock(&st_lock);
        sem_wait(&st_sem);
        sem_post(&st_sem);
    }
    return NULL;
}

static void test_stress(void)
{
    sem_init(&st_sem, 0, 1);
    pthread_t t[MAX_THREADS - 1];
    for (int i = 0; i < MAX_THREADS - 1; i++)
        pthread_create(&t[i], NULL, stress, NULL);
    for (int i = 0; i < MAX_THREADS - 1; i++)
        pthread_join(t[i], NULL);
    int v = -1;
    sem_getvalue(&st_sem, &v);
    CHECK("7 threads: 21000 mutex rounds exact, condvar and semaphore balanced",
          st_count == (long)(MAX_THREADS - 1) * STRESS_ROUNDS && v == 1 && st_tickets == 0);
}

// The child of the process-end checks: its second thread faults, or main ends while a
// thread still runs and then that thread ends too.
static void *fault_now(void *arg)
{
    (void)arg;
    usleep(10000);
    volatile int *nowhere = (volatile int *)(uintptr_t)arg;
    *nowhere = 1;
    return NULL;
}

static void *end_later(void *arg)
{
    (void)arg;
    usleep(30000);
    printf("thrtest child: the last thread ends\n");
    return NULL;
}

static int child(const char *what)
{
    pthread_t t;
    if (strcmp(what, "fault") == 0) {
        pthread_create(&t, NULL, fault_now, (void *)8);
        for (;;)
            usleep(1000000);
    }
    pthread_create(&t, NULL, end_later, NULL);
    pthread_exit(NULL);
}

static int run_child(const char *what)
{
    char *argv[] = {"test/thrtest", (char *)what, NULL};
    pid_t pid;
    if (posix_spawn(&pid, "test/thrtest", NULL, NULL, argv, NULL) != 0)
        return -1;
    int status = -1;
    return waitpid(pid, &status, 0) == pid ? status : -1;
}

static void test_process_end(void)
{
    int status = run_child("fault");
    CHECK("a thread's fault ends its process by SIGSEGV",
          WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
    status = run_child("last");
    CHECK("a process whose main thread ended ends with its last thread, status 0",
          WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return child(argv[1]);
    test_create_join();
    test_many();
    test_mutex();
    test_condvar();
    test_semaphores();
    test_dead_owner();
    test_destroy_and_sched();
    test_stress();
    test_process_end();
    printf("threads: %d failures\n", failures);
    return failures;
}
