/* Priorities, preemption, round robin, SchedGet/SchedSet/SchedYield and their bad input. */
#include "harness.h"

static volatile int stop_spinning;
static volatile uint64_t spins[2];
static volatile int high_ran_while_spinning;

static void *spin_on_cpu1(void *arg)
{
    int slot = (int)(uintptr_t)arg;
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)2);
    uint64_t limit = now_ns() + 3000000000ull;
    while (!stop_spinning && now_ns() < limit)
        spins[slot]++;
    return NULL;
}

static void *high_priority_waker(void *arg)
{
    (void)arg;
    ThreadCtl(_NTO_TCTL_RUNMASK, (void *)2);
    sleep_ns(30000000);
    uint64_t before = spins[0];
    high_ran_while_spinning = before > 0;
    stop_spinning = 1;
    return NULL;
}

static struct _thread_attr at(int policy, int prio)
{
    struct _thread_attr a = {0};
    a.__flags = PTHREAD_EXPLICIT_SCHED;
    a.__policy = policy;
    a.__param.sched_priority = prio;
    a.__exitfunc = thread_exit_func;
    return a;
}

void test_sched(void)
{
    struct sched_param p = {0};
    int policy = SchedGet(0, 0, &p);
    CHECK("SchedGet reports round robin at priority 10 for the first thread",
          policy == SCHED_RR && p.sched_priority == 10);
    p.sched_priority = 12;
    CHECK("SchedSet changes the caller's priority", SchedSet(0, 0, SCHED_NOCHANGE, &p) == 0);
    SchedGet(0, 0, &p);
    CHECK("SchedGet sees the new priority", p.sched_priority == 12 && p.sched_curpriority == 12);
    p.sched_priority = 10;
    SchedSet(0, 0, SCHED_NOCHANGE, &p);
    CHECK("SchedYield returns 0", SchedYield() == 0);
    CHECK_ERR("SchedGet into a kernel address gives EFAULT", SchedGet(0, 0, KERNEL_ADDR), EFAULT);
    CHECK_ERR("SchedSet from an unmapped address gives EFAULT",
              SchedSet(0, 0, SCHED_RR, UNMAPPED_ADDR), EFAULT);
    p.sched_priority = 300;
    CHECK_ERR("SchedSet to priority 300 gives EINVAL", SchedSet(0, 0, SCHED_RR, &p), EINVAL);
    p.sched_priority = 10;
    CHECK_ERR("SchedSet to an unknown policy gives EINVAL", SchedSet(0, 0, 99, &p), EINVAL);
    CHECK_ERR("SchedGet of a tid never used gives ESRCH", SchedGet(0, 250, &p), ESRCH);
    CHECK_ERR("SchedGet of a process that does not exist gives ESRCH", SchedGet(4242, 1, &p),
              ESRCH);

    /* Preemption: a FIFO spinner at 10 on cpu 1 must give way to a waker at 20 on cpu 1. */
    struct _thread_attr lo = at(SCHED_FIFO, 10), hi = at(SCHED_FIFO, 20);
    stop_spinning = 0;
    int spinner = ThreadCreate(0, spin_on_cpu1, (void *)0, &lo);
    int waker = ThreadCreate(0, high_priority_waker, NULL, &hi);
    ThreadJoin(waker, NULL);
    ThreadJoin(spinner, NULL);
    CHECK("a higher-priority thread preempts a spinning one on the same cpu",
          stop_spinning && high_ran_while_spinning);

    /* Round robin: two spinners at the same priority on cpu 1 both make progress. */
    struct _thread_attr rr = at(SCHED_RR, 10);
    stop_spinning = 0;
    spins[0] = spins[1] = 0;
    int a = ThreadCreate(0, spin_on_cpu1, (void *)0, &rr);
    int b = ThreadCreate(0, spin_on_cpu1, (void *)1, &rr);
    sleep_ns(100000000);
    uint64_t s0 = spins[0], s1 = spins[1];
    stop_spinning = 1;
    ThreadJoin(a, NULL);
    ThreadJoin(b, NULL);
    CHECK("two round-robin spinners at one priority on one cpu both run", s0 > 0 && s1 > 0);
}
