/* reboot: asks taskman (root only) to power the machine off or reset it. */
#include <errno.h>
#include <proto/taskman.h>
#include <sys/neutrino.h>
#include <sys/reboot.h>

int __taskman_coid(void);

int reboot(int howto)
{
    if (howto != RB_AUTOBOOT && howto != RB_POWER_OFF) {
        errno = EINVAL;
        return -1;
    }
    struct tm_power m = {TM_POWER, howto == RB_AUTOBOOT ? SYS_POWER_RESET : SYS_POWER_OFF, 0};
    return MsgSend(__taskman_coid(), &m, sizeof(m), NULL, 0) < 0 ? -1 : 0;
}
