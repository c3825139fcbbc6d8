/*
 * What taskman-L hears on its endpoint besides messages: an exit message (SEL4_LABEL_EXIT) or,
 * on a thread's badged fault endpoint, seL4's fault message. Either ends the process (a fault
 * with a report on the console as Skimmer prints it) and becomes the TM_DEATH message the
 * shared server loop expects from a reaper, as does the notification for a process a signal
 * ended (signals.c); the notification may also carry the RTC's interrupt (timers.c).
 * Requests about connections, signals, time and threads go to connections.c, signals.c,
 * timers.c and threads.c.
 */
#include <abi/sel4.h>
#include <errno.h>
#include <proto/taskman.h>
#include <signal.h>
#include <string.h>
#include <sys/neutrino.h>

#include "proc.h"

#define STATUS_SIGNAL 0x10000 /* kernel form of "ended by a signal" (taskman/lib/proctab.c) */

// The RISC-V exception cause in a VM fault's FSR word. seL4 reports a missing mapping with
// the access-fault causes (1, 5, 7), so those name page faults as Skimmer's report does.
static const char *cause_name(seL4_Word cause)
{
    switch (cause) {
    case 1:
    case 12:
        return "instruction page fault";
    case 5:
    case 13:
        return "load page fault";
    case 7:
    case 15:
        return "store page fault";
    default:
        return "memory fault";
    }
}

// Reports a fault of thread `tid` of p and ends p with the signal it stands for.
static void fault(struct lproc *p, unsigned tid, seL4_Word label)
{
    int sig = SIGSEGV;
    if (label == seL4_Fault_VMFault) {
        tm_printf("taskman: process %d (%s) thread %u: %s at address 0x%lx, pc 0x%lx; process "
                  "terminated\n",
                  p->pid, p->name, tid + 1, cause_name(seL4_GetMR(seL4_VMFault_FSR)),
                  (unsigned long)seL4_GetMR(seL4_VMFault_Addr),
                  (unsigned long)seL4_GetMR(seL4_VMFault_IP));
    } else if (label == seL4_Fault_UserException) {
        sig = SIGILL;
        tm_printf("taskman: process %d (%s) thread %u: illegal instruction, pc 0x%lx; process "
                  "terminated\n",
                  p->pid, p->name, tid + 1, (unsigned long)seL4_GetMR(seL4_UserException_FaultIP));
    } else if (label == seL4_Fault_UnknownSyscall) {
        sig = SIGSYS;
        tm_printf("taskman: process %d (%s) thread %u: unknown system call %ld, pc 0x%lx; "
                  "process terminated\n",
                  p->pid, p->name, tid + 1, (long)seL4_GetMR(seL4_UnknownSyscall_Syscall),
                  (unsigned long)seL4_GetMR(seL4_UnknownSyscall_FaultIP));
    } else {
        tm_printf("taskman: process %d (%s) thread %u: seL4 fault %lu; process terminated\n",
                  p->pid, p->name, tid + 1, (unsigned long)label);
    }
    proc_end(p, STATUS_SIGNAL | sig);
}

// The TM_DEATH of a process that SignalKill ended; reaping it gives its status.
static long signal_death(void *msg, unsigned long room)
{
    int pid = signals_next_end();
    if (pid == 0 || room < sizeof(struct tm_death))
        return 0;
    struct tm_death d = {TM_DEATH, 0, pid, 0};
    if (ProcWait(pid, &d.status) != pid)
        return 0;
    memcpy(msg, &d, sizeof(d));
    return (long)sizeof(d);
}

long proc_event(unsigned long badge, unsigned long label, void *msg, unsigned long room)
{
    if (badge & SEL4_BADGE_NOTIFY) {
        if (badge & SEL4_BADGE_PASSIVE)
            passive_finish();
        if (badge & SEL4_BADGE_TIMER)
            timers_interrupt();
        return signal_death(msg, room);
    }
    struct lproc *p = proc_get((int)(badge & SEL4_BADGE_PID_MASK));
    bool request = !(badge & SEL4_BADGE_FAULT) && label >= SEL4_LABEL_CONNECT;
    if (!p || p->ended)
        return request ? -ESRCH : 0;
    if (request && (label == SEL4_LABEL_MSG_READ || label == SEL4_LABEL_MSG_WRITE))
        return msgcopy_request(p, label, msg, room);
    if (request && label >= SEL4_LABEL_TIME_FIRST && label <= SEL4_LABEL_TIME_LAST)
        return timers_request(p, label, msg, room);
    if (request && label >= SEL4_LABEL_THREAD_FIRST && label <= SEL4_LABEL_THREAD_LAST)
        return threads_request(p, label, msg, room);
    if (request && label >= SEL4_LABEL_MAPPHYS && label <= SEL4_LABEL_DEV_LAST)
        return dev_request(p, label, msg, room);
    if (request && label >= SEL4_LABEL_SIG_FIRST && label <= SEL4_LABEL_SIG_LAST)
        return signals_request(p, label);
    if (request)
        return label >= SEL4_LABEL_SIGNAL && label <= SEL4_LABEL_KILL
                   ? signals_request(p, label)
                   : conn_request(p, label, msg, room);
    unsigned tid = (unsigned)((badge & ~SEL4_BADGE_FAULT) >> SEL4_BADGE_TID_SHIFT);
    if ((badge & SEL4_BADGE_FAULT) && label == seL4_Fault_UserException &&
        thread_fpu_on(p, tid))
        return SEL4_EVENT_RESUME;
    if (room < sizeof(struct tm_death))
        return 0;
    if (badge & SEL4_BADGE_FAULT)
        fault(p, (unsigned)((badge & ~SEL4_BADGE_FAULT) >> SEL4_BADGE_TID_SHIFT), label);
    else if (label == SEL4_LABEL_EXIT)
        proc_end(p, (int)(seL4_GetMR(0) & 0xff));
    else
        return 0;
    struct tm_death d = {TM_DEATH, 0, p->pid, 0};
    ProcWait(p->pid, &d.status);
    memcpy(msg, &d, sizeof(d));
    return (long)sizeof(d);
}
