/*
 * The in-guest test harness: each check prints one PASS or FAIL line that the host runner
 * counts, and the suite's exit status is the number of failures.
 */
#ifndef KTEST_HARNESS_H
#define KTEST_HARNESS_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/neutrino.h>

extern int ktest_failures;

#define CHECK(name, cond)                                                                          \
    do {                                                                                           \
        if (cond) {                                                                                \
            printf("PASS kernel: %s\n", name);                                                     \
        } else {                                                                                   \
            printf("FAIL kernel: %s (%s, line %d)\n", name, #cond, __LINE__);                      \
            ktest_failures++;                                                                      \
        }                                                                                          \
    } while (0)

/* A call that must fail with exactly err. */
#define CHECK_ERR(name, call, err)                                                                 \
    do {                                                                                           \
        errno = 0;                                                                                 \
        long r_ = (long)(call);                                                                    \
        if (r_ == -1 && errno == (err)) {                                                          \
            printf("PASS kernel: %s\n", name);                                                     \
        } else {                                                                                   \
            printf("FAIL kernel: %s (returned %ld, errno %d, wanted errno %d)\n", name, r_, errno, \
                   (err));                                                                         \
            ktest_failures++;                                                                      \
        }                                                                                          \
    } while (0)

#define KERNEL_ADDR   ((void *)0xffffffc080200000ul)
#define UNMAPPED_ADDR ((void *)0x1f00000000ul)
#define WRAP_ADDR     ((void *)0xfffffffffffffff8ul)

uint64_t now_ns(void);
void thread_exit_func(void *status);
int start_thread(void *(*fn)(void *), void *arg, int policy, int prio);
void sleep_ns(uint64_t ns);
int spawn_from_boot_image(const char *path, char *const argv[], unsigned flags);
int spawn_and_wait(const char *path, char *const argv[], unsigned flags);

void test_calls(void);
void test_regs(void);
void test_threads(void);
void test_sched(void);
void test_time(void);
void test_processes(void);
void test_msg(void);
void test_sync(void);
void test_timer_intr(void);
void test_msg_system(void);

#endif
