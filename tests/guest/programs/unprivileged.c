/* Exits 0 only if every privileged call is refused with EPERM to this ordinary process. */
#include <errno.h>
#include <stdio.h>
#include <sys/neutrino.h>

int main(void)
{
    int bad = 0;
    uint64_t t = 0;
    bad += !(ProcCreate(0, "x") == -1 && errno == EPERM);
    bad += !(ProcMemMap(0, 0x100000, 4096, 3) == -1 && errno == EPERM);
    bad += !(ProcWait(1, NULL) == -1 && errno == EPERM);
    bad += !(ProcDestroy(1, 0) == -1 && errno == EPERM);
    bad += !(SysPower(0, 0) == -1 && errno == EPERM);
    bad += !(ClockTime(CLOCK_REALTIME, &t, NULL) == -1 && errno == EPERM);
    bad += !(ThreadCreate(1, NULL, NULL, NULL) == -1 && errno == EPERM);
    struct sigevent ev = {0};
    ev.sigev_notify = SIGEV_INTR;
    bad += !(InterruptAttachEvent(11, &ev, 0) == -1 && errno == EPERM);
    bad += !(ProcMemMapPhys(0, 0x1800000000ul, 4096, 3, 0x101000) == -1 && errno == EPERM);
    bad += !(ConnectMove(0, 0, 0, 5) == -1 && errno == EPERM);
    if (bad)
        printf("unprivileged: %d privileged calls were not refused\n", bad);
    return bad;
}
