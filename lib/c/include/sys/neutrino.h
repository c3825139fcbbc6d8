/*
 * The QNX Neutrino kernel calls, spelled as QNX spells them. Each returns -1 and sets errno on
 * failure; the _r forms return the negated error instead and leave errno alone.
 */
#ifndef _SYS_NEUTRINO_H
#define _SYS_NEUTRINO_H

#include <stddef.h>
#include <stdint.h>

#include <abi/kercall.h>
#include <abi/msg.h>
#include <abi/sched.h>
#include <abi/sigevent.h>
#include <abi/sync.h>
#include <abi/timer.h>
#include <abi/tls.h>

#include <sys/types.h>

int ThreadCreate(pid_t pid, void *(*func)(void *), void *arg, const struct _thread_attr *attr);
int ThreadCreate_r(pid_t pid, void *(*func)(void *), void *arg, const struct _thread_attr *attr);
int ThreadDestroy(int tid, int priority, void *status);
int ThreadDestroy_r(int tid, int priority, void *status);
int ThreadJoin(int tid, void **status);
int ThreadJoin_r(int tid, void **status);
int ThreadDetach(int tid);
int ThreadDetach_r(int tid);
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

/* Timers and interrupts. */
int TimerCreate(clockid_t id, const struct sigevent *event);
int TimerCreate_r(clockid_t id, const struct sigevent *event);
int TimerDestroy(int id);
int TimerDestroy_r(int id);
int TimerSettime(int id, int flags, const struct _itimer *itime, struct _itimer *oitime);
int TimerSettime_r(int id, int flags, const struct _itimer *itime, struct _itimer *oitime);
int TimerInfo(pid_t pid, int id, int flags, struct _timer_info *info);
int TimerInfo_r(pid_t pid, int id, int flags, struct _timer_info *info);
int ClockPeriod(clockid_t id, const struct _clockperiod *new_period,
                struct _clockperiod *old_period, int reserved);
int ClockPeriod_r(clockid_t id, const struct _clockperiod *new_period,
                  struct _clockperiod *old_period, int reserved);
int InterruptAttachEvent(int intr, const struct sigevent *event, unsigned flags);
int InterruptAttachEvent_r(int intr, const struct sigevent *event, unsigned flags);
int InterruptDetach(int id);
int InterruptDetach_r(int id);
int InterruptMask(int intr, int id);
int InterruptUnmask(int intr, int id);
int InterruptWait(int flags, const uint64_t *timeout);
int InterruptWait_r(int flags, const uint64_t *timeout);

/* Channels, connections and messages. */
int ChannelCreate_r(unsigned flags);
int ChannelCreate(unsigned flags);
int ChannelDestroy_r(int chid);
int ChannelDestroy(int chid);
int ConnectAttach_r(uint32_t nd, pid_t pid, int chid, unsigned index, int flags);
int ConnectAttach(uint32_t nd, pid_t pid, int chid, unsigned index, int flags);
int ConnectDetach_r(int coid);
int ConnectDetach(int coid);
int ConnectFlags_r(pid_t pid, int coid, unsigned mask, unsigned bits);
int ConnectFlags(pid_t pid, int coid, unsigned mask, unsigned bits);
int ConnectClientInfo_r(int scoid, struct _client_info *info, int ngroups);
int ConnectClientInfo(int scoid, struct _client_info *info, int ngroups);
int ConnectServerInfo_r(pid_t pid, int coid, struct _server_info *info);
int ConnectServerInfo(pid_t pid, int coid, struct _server_info *info);
/* QSOE, taskman only: move a connection of one process to another at exactly coid index. */
int ConnectMove_r(pid_t from, int coid, pid_t to, unsigned index);
int ConnectMove(pid_t from, int coid, pid_t to, unsigned index);
long MsgSend_r(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes);
long MsgSend(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes);
long MsgSendnc_r(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes);
long MsgSendnc(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes);
long MsgSendv_r(int coid, const iov_t *siov, int sparts, const iov_t *riov, int rparts);
long MsgSendv(int coid, const iov_t *siov, int sparts, const iov_t *riov, int rparts);
long MsgSendsv_r(int coid, const void *smsg, size_t sbytes, const iov_t *riov, int rparts);
long MsgSendsv(int coid, const void *smsg, size_t sbytes, const iov_t *riov, int rparts);
long MsgSendvs_r(int coid, const iov_t *siov, int sparts, void *rmsg, size_t rbytes);
long MsgSendvs(int coid, const iov_t *siov, int sparts, void *rmsg, size_t rbytes);
int MsgReceive_r(int chid, void *msg, size_t bytes, struct _msg_info *info);
int MsgReceive(int chid, void *msg, size_t bytes, struct _msg_info *info);
int MsgReceivev_r(int chid, const iov_t *riov, int rparts, struct _msg_info *info);
int MsgReceivev(int chid, const iov_t *riov, int rparts, struct _msg_info *info);
int MsgReceivePulse_r(int chid, void *pulse, size_t bytes, struct _msg_info *info);
int MsgReceivePulse(int chid, void *pulse, size_t bytes, struct _msg_info *info);
int MsgReceivePulsev_r(int chid, const iov_t *riov, int rparts, struct _msg_info *info);
int MsgReceivePulsev(int chid, const iov_t *riov, int rparts, struct _msg_info *info);
int MsgReply_r(int rcvid, long status, const void *msg, size_t bytes);
int MsgReply(int rcvid, long status, const void *msg, size_t bytes);
int MsgReplyv_r(int rcvid, long status, const iov_t *riov, int rparts);
int MsgReplyv(int rcvid, long status, const iov_t *riov, int rparts);
int MsgError_r(int rcvid, int error);
int MsgError(int rcvid, int error);
long MsgRead_r(int rcvid, void *msg, size_t bytes, size_t offset);
long MsgRead(int rcvid, void *msg, size_t bytes, size_t offset);
long MsgReadv_r(int rcvid, const iov_t *riov, int rparts, size_t offset);
long MsgReadv(int rcvid, const iov_t *riov, int rparts, size_t offset);
long MsgWrite_r(int rcvid, const void *msg, size_t bytes, size_t offset);
long MsgWrite(int rcvid, const void *msg, size_t bytes, size_t offset);
long MsgWritev_r(int rcvid, const iov_t *iov, int parts, size_t offset);
long MsgWritev(int rcvid, const iov_t *iov, int parts, size_t offset);
int MsgInfo_r(int rcvid, struct _msg_info *info);
int MsgInfo(int rcvid, struct _msg_info *info);
int MsgSendPulse_r(int coid, int priority, int code, int value);
int MsgSendPulse(int coid, int priority, int code, int value);
int MsgDeliverEvent_r(int rcvid, const struct sigevent *event);
int MsgDeliverEvent(int rcvid, const struct sigevent *event);

/* Synchronisation slow paths (libc's pthread and semaphore functions are the fast paths). */
int SyncTypeCreate(unsigned type, sync_t *sync, const struct _sync_attr *attr);
int SyncTypeCreate_r(unsigned type, sync_t *sync, const struct _sync_attr *attr);
int SyncDestroy(sync_t *sync);
int SyncDestroy_r(sync_t *sync);
int SyncMutexLock(sync_t *sync);
int SyncMutexLock_r(sync_t *sync);
int SyncMutexUnlock(sync_t *sync);
int SyncMutexUnlock_r(sync_t *sync);
int SyncMutexRevive(sync_t *sync);
int SyncMutexRevive_r(sync_t *sync);
int SyncCondvarWait(sync_t *cond, sync_t *mutex);
int SyncCondvarWait_r(sync_t *cond, sync_t *mutex);
int SyncCondvarSignal(sync_t *cond, int all);
int SyncCondvarSignal_r(sync_t *cond, int all);
int SyncSemPost(sync_t *sem);
int SyncSemPost_r(sync_t *sem);
int SyncSemWait(sync_t *sem, int tryonly);
int SyncSemPassOn(sync_t *sem);
int SyncSemWait_r(sync_t *sem, int tryonly);

/* Signals (docs/kernel-abi.md, "Signals"). act and oact are laid out as struct sigaction;
   the stub runs handlers (the kernel layer's __signal_stub). */
int SignalKill(uint32_t nd, pid_t pid, int tid, int signo, int code, int value);
int SignalKill_r(uint32_t nd, pid_t pid, int tid, int signo, int code, int value);
int SignalAction(pid_t pid, void (*stub)(void), int signo, const void *act, void *oact);
int SignalAction_r(pid_t pid, void (*stub)(void), int signo, const void *act, void *oact);
int SignalProcmask(pid_t pid, int tid, int how, const uint64_t *set, uint64_t *oldset);
int SignalProcmask_r(pid_t pid, int tid, int how, const uint64_t *set, uint64_t *oldset);
void __signal_stub(void);

/* The calling thread's TLS block (include/abi/tls.h): the thread register points at it. */
static inline struct _thread_local_storage *__tls(void)
{
    struct _thread_local_storage *t;
    __asm__("mv %0, tp" : "=r"(t));
    return t;
}

/* QSOE additions: early console output and the privileged calls of taskman. */
int ConsoleWrite(const char *buf, size_t len);
int ProcCreate(unsigned flags, const char *name);
int ProcDestroy(pid_t pid, int status);
int ProcMemMap(pid_t pid, uintptr_t vaddr, size_t len, int prot);
int ProcMemUnmap(pid_t pid, uintptr_t vaddr, size_t len);
int ProcMemWrite(pid_t pid, uintptr_t vaddr, const void *src, size_t len);
int ProcWait(pid_t pid, int *status);
int SysPower(int how, int code);
int ProcMemMapPhys(pid_t pid, uintptr_t vaddr, size_t len, int prot, uintptr_t paddr);
struct _proc_kinfo;
struct _sys_kinfo;
int ProcInfo(pid_t pid, struct _proc_kinfo *info);
int SysInfo(struct _sys_kinfo *info);

/* The raw call, for tests of the call interface itself: returns a value or a negated errno. */
long __kercall(long num, long a0, long a1, long a2, long a3, long a4, long a5);

#endif
