/*
 * The end of the machine. seL4 has no call to stop the machine, so taskman-L maps QEMU virt's
 * sifive_test device (a device frame from device.c) and writes the exit request there: 0x5555
 * ends QEMU with status 0, (code << 16) | 0x3333 with status `code`, 0x7777 resets it. It is
 * also taskman-L's SysPower, which the shared taskman calls for shutdown and reboot.
 */
#include <errno.h>
#include <sys/neutrino.h>

#include "taskman_l.h"

#define SIFIVE_TEST_PA   0x100000ull
#define SIFIVE_TEST_VA   0x1000000000ull
#define SIFIVE_TEST_PASS 0x5555u
#define SIFIVE_TEST_FAIL 0x3333u
#define SIFIVE_TEST_RESET 0x7777u

static volatile uint32_t *test_dev;

void poweroff_init(void)
{
    device_map_self(SIFIVE_TEST_PA, SIFIVE_TEST_VA);
    test_dev = (volatile uint32_t *)SIFIVE_TEST_VA;
}

void tm_poweroff(unsigned code)
{
    if (test_dev)
        *test_dev = code == 0 ? SIFIVE_TEST_PASS : code << 16 | SIFIVE_TEST_FAIL;
    tm_printf("taskman: cannot end the machine; stopping\n");
    for (;;)
        seL4_TCB_Suspend(seL4_CapInitThreadTCB);
}

int SysPower(int how, int code)
{
    if (how == SYS_POWER_OFF)
        tm_poweroff((unsigned)code);
    if (how == SYS_POWER_RESET && test_dev) {
        *test_dev = SIFIVE_TEST_RESET;
        for (;;)
            seL4_TCB_Suspend(seL4_CapInitThreadTCB);
    }
    errno = EINVAL;
    return -1;
}
