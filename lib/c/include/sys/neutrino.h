/*
 * The QNX Neutrino kernel calls, spelled as QNX spells them. Each returns -1 and sets errno on
 * failure; the _r forms return the negated error instead and leave errno alone.
 */
#ifndef _SYS_NEUTRINO_H
#define _SYS_NEUTRINO_H

#include <stddef.h>
#include <stdint.h>

#include <abi/kercall.h>
#include <abi/sched.h>
#include <abi/sigevent.h>

typedef int pid_t;
typedef int clockid_t;

int ThreadCreate(pid_t pid, void *(*func)(void *), void *arg, const struct _thread_attr *attr);
int ThreadCreate_r(pid_t pid, void *(*func)(void *), void *arg, const struct _thread_attr *attr);
int ThreadDestroy(int tid, int priority, void *status);
int ThreadDestroy_r(int tid, int priority, void *status);
int ThreadJoin(int tid, void **status);
int ThreadJoin_r(int tid, void **status);
int ThreadCtl(int cmd, void *data);
int ThreadCtl_r(int cmd, void *data);
int SchedGet(pid_t pid, int tid, struct sched_param *param);
int SchedGet_r(pid_t pid, int tid, struct sched_param *param);
int SchedSet(pid_t pid, int tid, int policy, const struct sched_param *param);
int SchedSet_r(pid_t pid, int tid, int policy, const struct sched_param *param);
int SchedYield(void);
int SchedYield_r(void);
int SchedGetCpuNum(void);
int ClockTime(clockid_t id, const uint64_t *new_time, uint64_t *old_time);
int ClockTime_r(clockid_t id, const uint64_t *new_time, uint64_t *old_time);
int TimerTimeout(clockid_t id, int flags, const struct sigevent *notify, const uint64_t *ntime,
                 uint64_t *otime);
int TimerTimeout_r(clockid_t id, int flags, const struct sigevent *notify, const uint64_t *ntime,
                   uint64_t *otime);

/* QSOE additions: early console output and the privileged calls of taskman. */
int ConsoleWrite(const char *buf, size_t len);
int ProcCreate(unsigned flags, const char *name);
int ProcDestroy(pid_t pid, int status);
int ProcMemMap(pid_t pid, uintptr_t vaddr, size_t len, int prot);
int ProcMemUnmap(pid_t pid, uintptr_t vaddr, size_t len);
int ProcMemWrite(pid_t pid, uintptr_t vaddr, const void *src, size_t len);
int ProcWait(pid_t pid, int *status);
int SysPower(int how, int code);

/* The raw call, for tests of the call interface itself: returns a value or a negated errno. */
long __kercall(long num, long a0, long a1, long a2, long a3, long a4, long a5);

#endif
