/* Ending the machine: reboot(RB_POWER_OFF) or reboot(RB_AUTOBOOT), for root (lib/c/src/reboot.c). */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#define RB_AUTOBOOT  0x01234567 /* reset the machine */
#define RB_POWER_OFF 0x4321fedc /* power it off */
#define RB_HALT_SYSTEM RB_POWER_OFF

int reboot(int howto);

#endif
