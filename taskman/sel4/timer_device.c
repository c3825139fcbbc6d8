/*
 * The timer device of QSOE/L: QEMU virt's Goldfish RTC (compatible "google,goldfish-rtc" at
 * 0x101000, PLIC interrupt 11), a nanosecond counter of wall time with a one-shot alarm. seL4
 * keeps the CPU timer for itself, so taskman-L's timers (timers.c) run on this one: it maps
 * the registers, takes the interrupt's handler cap and binds it to taskman-L's notification
 * with SEL4_BADGE_TIMER, so an alarm wakes taskman-L's MsgReceive. Not a clock for processes:
 * they read the time CSR (lib/c/kernel/sel4/clock.c).
 */
#include "proc.h"

#define RTC_PA  0x101000ull
#define RTC_VA  0x1000001000ull /* the page after the sifive_test device's (poweroff.c) */
#define RTC_IRQ 11

/* Registers, 32 bits wide. Reading TIME_LOW latches TIME_HIGH; writing ALARM_LOW arms the
   alarm at ALARM_HIGH:ALARM_LOW. */
#define TIME_LOW        0x00
#define TIME_HIGH       0x04
#define ALARM_LOW       0x08
#define ALARM_HIGH      0x0c
#define IRQ_ENABLED     0x10
#define CLEAR_ALARM     0x14
#define CLEAR_INTERRUPT 0x1c

static volatile uint32_t *rtc;
static seL4_CPtr irq_handler;

static void put(unsigned reg, uint32_t v)
{
    rtc[reg / 4] = v;
}

void timer_device_init(void)
{
    device_map_self(RTC_PA, RTC_VA);
    rtc = (volatile uint32_t *)RTC_VA;
    irq_handler = slot_alloc();
    seL4_Error err = seL4_IRQControl_Get(seL4_CapIRQControl, RTC_IRQ, seL4_CapInitThreadCNode,
                                         irq_handler, seL4_WordBits);
    if (err == seL4_NoError)
        err = seL4_IRQHandler_SetNotification(irq_handler,
                                              notify_cap(SEL4_BADGE_NOTIFY | SEL4_BADGE_TIMER));
    if (err != seL4_NoError)
        tm_fatal("cannot take the RTC's interrupt", err);
    put(CLEAR_ALARM, 1);
    put(CLEAR_INTERRUPT, 1);
    put(IRQ_ENABLED, 1);
}

uint64_t timer_device_now(void)
{
    uint32_t lo = rtc[TIME_LOW / 4];
    return (uint64_t)rtc[TIME_HIGH / 4] << 32 | lo;
}

void timer_device_alarm(uint64_t at)
{
    put(ALARM_HIGH, (uint32_t)(at >> 32));
    put(ALARM_LOW, (uint32_t)at);
}

void timer_device_ack(void)
{
    put(CLEAR_INTERRUPT, 1);
    seL4_IRQHandler_Ack(irq_handler);
}
