/* ThreadCreate, ThreadJoin, ThreadDestroy and ThreadCtl, on both harts, with bad input. */
#include "harness.h"

static volatile int cpu_seen[2];

static struct _thread_attr joinable(void)
{
    struct _thread_attr a = {0};
    a.__exitfunc = thread_exit_func;
    return a;
}

static void *return_arg_plus_one(void *arg)
{
    return (void *)((uintptr_t)arg + 1);
}

static void *record_cpu(void *arg)
{
    int want = (int)(uintptr_t)arg;
    if (ThreadCtl(_NTO_TCTL_RUNMASK, (void *)(uintptr_t)(1u << want)) < 0)
        return (void *)-1;
    cpu_seen[want] = SchedGetCpuNum() + 100;
    return NULL;
}

static void *sleep_long(void *arg)
{
    (void)arg;
    sleep_ns(300000000);
    return NULL;
}

static void *destroy_self(void *arg)
{
    ThreadDestroy(0, -1, arg);
    return (void *)0xbad;
}

void test_threads(void)
{
    struct _thread_attr attr = joinable();
    void *status = NULL;
    int tid = ThreadCreate(0, return_arg_plus_one, (void *)41, &attr);
    CHECK("ThreadCreate returns a tid", tid > 1);
    CHECK("ThreadJoin collects the thread's return value",
          ThreadJoin(tid, &status) == 0 && status == (void *)42);
    CHECK_ERR("a joined thread is gone", ThreadJoin(tid, NULL), ESRCH);

    tid = ThreadCreate(0, destroy_self, (void *)7, &attr);
    CHECK("ThreadDestroy(0) ends the caller with its status",
          ThreadJoin(tid, &status) == 0 && status == (void *)7);

    int t0 = ThreadCreate(0, record_cpu, (void *)0, &attr);
    int t1 = ThreadCreate(0, record_cpu, (void *)1, &attr);
    ThreadJoin(t0, NULL);
    ThreadJoin(t1, NULL);
    CHECK("a thread confined to cpu 0 runs there", cpu_seen[0] == 100);
    CHECK("a thread confined to cpu 1 runs there", cpu_seen[1] == 101);
    CHECK_ERR("a run mask naming no existing cpu gives EINVAL",
              ThreadCtl(_NTO_TCTL_RUNMASK, (void *)0x100), EINVAL);
    CHECK_ERR("an unknown ThreadCtl command gives EINVAL", ThreadCtl(12345, NULL), EINVAL);

    CHECK_ERR("ThreadCreate with a kernel-address attr gives EFAULT",
              ThreadCreate(0, return_arg_plus_one, NULL, KERNEL_ADDR), EFAULT);
    CHECK_ERR("ThreadCreate with an unmapped attr gives EFAULT",
              ThreadCreate(0, return_arg_plus_one, NULL, UNMAPPED_ADDR), EFAULT);
    CHECK_ERR("ThreadCreate with a wrapping attr gives EFAULT",
              ThreadCreate(0, return_arg_plus_one, NULL, WRAP_ADDR), EFAULT);
    attr.__flags = PTHREAD_EXPLICIT_SCHED;
    attr.__policy = SCHED_FIFO;
    attr.__param.sched_priority = 256;
    CHECK_ERR("ThreadCreate at priority 256 gives EINVAL",
              ThreadCreate(0, return_arg_plus_one, NULL, &attr), EINVAL);
    attr.__param.sched_priority = 0;
    CHECK_ERR("ThreadCreate at priority 0 gives EINVAL",
              ThreadCreate(0, return_arg_plus_one, NULL, &attr), EINVAL);
    attr.__param.sched_priority = 10;
    attr.__policy = 42;
    CHECK_ERR("ThreadCreate with an unknown policy gives EINVAL",
              ThreadCreate(0, return_arg_plus_one, NULL, &attr), EINVAL);
    attr = joinable();
    attr.__stacksize = 64ul << 20;
    CHECK_ERR("ThreadCreate with a 64 MiB kernel-assigned stack gives EINVAL",
              ThreadCreate(0, return_arg_plus_one, NULL, &attr), EINVAL);
    attr = joinable();
    CHECK_ERR("ThreadCreate at a kernel-address entry gives EINVAL",
              ThreadCreate(0, (void *(*)(void *))KERNEL_ADDR, NULL, &attr), EINVAL);
    CHECK_ERR("ThreadCreate in a process that does not exist gives ESRCH",
              ThreadCreate(999999, return_arg_plus_one, NULL, &attr), ESRCH);

    CHECK_ERR("ThreadJoin of itself gives EDEADLK", ThreadJoin(1, NULL), EDEADLK);
    CHECK_ERR("ThreadJoin of a tid never used gives ESRCH", ThreadJoin(200, NULL), ESRCH);
    CHECK_ERR("ThreadJoin of tid 0 gives ESRCH", ThreadJoin(0, NULL), ESRCH);
    CHECK_ERR("ThreadJoin of tid 100000 gives ESRCH", ThreadJoin(100000, NULL), ESRCH);
    tid = ThreadCreate(0, sleep_long, NULL, &attr);
    CHECK_ERR("ThreadJoin into a kernel address gives EFAULT", ThreadJoin(tid, KERNEL_ADDR),
              EFAULT);
    CHECK_ERR("ThreadJoin into an unmapped address gives EFAULT", ThreadJoin(tid, UNMAPPED_ADDR),
              EFAULT);
    CHECK_ERR("ThreadJoin into a misaligned address gives EFAULT",
              ThreadJoin(tid, (void **)((char *)&status + 3)), EFAULT);
    uint64_t limit = 5000000;
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_JOIN, NULL, &limit, NULL);
    CHECK_ERR("ThreadJoin with a 5 ms timeout on a sleeping thread gives ETIMEDOUT",
              ThreadJoin(tid, NULL), ETIMEDOUT);
    CHECK("the thread can still be joined after a timed-out join", ThreadJoin(tid, NULL) == 0);

    tid = ThreadCreate(0, sleep_long, NULL, &attr);
    CHECK("ThreadDetach of a running thread succeeds", ThreadDetach(tid) == 0);
    CHECK_ERR("ThreadDetach twice gives EINVAL", ThreadDetach(tid), EINVAL);
    CHECK_ERR("ThreadJoin of a thread detached later gives EINVAL", ThreadJoin(tid, NULL), EINVAL);
    CHECK_ERR("ThreadDetach of a tid never used gives ESRCH", ThreadDetach(222), ESRCH);
    attr.__flags = PTHREAD_CREATE_DETACHED;
    tid = ThreadCreate(0, sleep_long, NULL, &attr);
    CHECK_ERR("ThreadJoin of a detached thread gives EINVAL", ThreadJoin(tid, NULL), EINVAL);

    int many[64], made = 0;
    attr = joinable();
    for (int i = 0; i < 64; i++)
        if ((many[i] = ThreadCreate(0, return_arg_plus_one, (void *)(uintptr_t)i, &attr)) > 0)
            made++;
    int joined = 0;
    for (int i = 0; i < 64; i++)
        if (many[i] > 0 && ThreadJoin(many[i], &status) == 0 &&
            status == (void *)(uintptr_t)(i + 1))
            joined++;
    CHECK("64 threads are created and each joined with its own status", made == 64 && joined == 64);
}
