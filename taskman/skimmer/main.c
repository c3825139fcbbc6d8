/*
 * taskman on Skimmer: the first process. It creates the taskman channel (chid 1), starts a
 * reaper thread that learns of every process's end from the kernel (ProcWait(-1)) and tells
 * the server loop, and then serves the taskman protocol with the shared body, starting the
 * program named by run= on the command line (default "init") as the first ordinary process.
 */
#include <abi/auxv.h>
#include <proto/taskman.h>
#include <qsoe/cmdline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <taskman/server.h>

extern uint64_t __start_time, __start_instret;

static void reaper_exit(void *status)
{
    ThreadDestroy(0, -1, status);
}

// Waits for processes to end and passes each end to the server loop as a TM_DEATH message.
static void *reaper(void *arg)
{
    int coid = ConnectAttach(0, 0, (int)(uintptr_t)arg, _NTO_SIDE_CHANNEL, 0);
    for (;;) {
        int status = 0;
        int pid = ProcWait(-1, &status);
        if (pid < 0)
            continue;
        struct tm_death d = {TM_DEATH, 0, pid, status};
        MsgSend(coid, &d, sizeof(d), NULL, 0);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argc;
    printf("taskman: first instruction at time %lu ns, instret %lu on its hart\n",
           (unsigned long)(__start_time * 100), (unsigned long)__start_instret);
    int chid = ChannelCreate(_NTO_CHF_DISCONNECT);
    if (chid != TASKMAN_CHID) {
        printf("taskman: got channel %d, not %d; cannot serve\n", chid, TASKMAN_CHID);
        return 1;
    }
    struct _thread_attr attr = {0};
    attr.__exitfunc = reaper_exit;
    if (ThreadCreate(0, reaper, (void *)(uintptr_t)chid, &attr) < 0) {
        printf("taskman: cannot start the reaper thread\n");
        return 1;
    }
    struct taskman_boot boot = {(const void *)getauxval(AT_QSOE_BOOTIMAGE),
                                getauxval(AT_QSOE_BOOTIMAGE_SIZE), "QSOE/N on Skimmer", "Skimmer"};
    char buf[64];
    const char *init =
        cmdline_value((const char *)getauxval(AT_QSOE_CMDLINE), "run", buf, sizeof(buf), "init");
    printf("taskman: running as %s on cpu %d; starting %s\n", argv[0], SchedGetCpuNum(), init);
    return taskman_serve(chid, &boot, init);
}
