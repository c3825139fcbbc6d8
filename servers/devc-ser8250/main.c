/*
 * devc-ser8250: the console driver for a 16550 UART (QEMU virt's serial port). It serves
 * /dev/ser1 and /dev/console with the framework of sys/resmgr.h: output is written to the
 * UART, input arrives by interrupt (delivered by the kernel as a pulse straight to this
 * server), goes through the line discipline (tty.c), and answers reads that were waiting.
 * Usage: devc-ser8250 [register-address [interrupt]] (default: QEMU virt's 0x10000000, 10).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/resmgr.h>
#include <termios.h>

#include "tty.h"

#define UART_VA     0x1900000000ul
#define RBR         0 /* receive buffer */
#define THR         0 /* transmit holding */
#define IER         1 /* interrupt enable */
#define LSR         5 /* line status */
#define LSR_DR      0x01
#define LSR_THRE    0x20
#define IER_RX      0x01
#define PULSE_UART  1
#define MAX_READERS 16

static volatile uint8_t *uart;
static struct tty tty;
static int irq, irq_id;

struct reader {
    int rcvid; /* 0 when free */
    size_t want;
};
static struct reader readers[MAX_READERS];
static int console_ocb;
static int foreground; /* process group that ^C interrupts, 0 for none */

static void uart_put(char c)
{
    while (!(uart[LSR] & LSR_THRE))
        ;
    uart[THR] = (uint8_t)c;
}

// Terminal output: a newline becomes CR LF, as a terminal expects.
static void output(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'))
            uart_put('\r');
        uart_put(s[i]);
    }
}

// Answers the waiting readers that input can now satisfy, oldest first.
static void serve_readers(void)
{
    for (int i = 0; i < MAX_READERS && tty_readable(&tty); i++) {
        if (!readers[i].rcvid)
            continue;
        char buf[TTY_LINE_MAX];
        size_t n =
            tty_read(&tty, buf, readers[i].want < sizeof(buf) ? readers[i].want : sizeof(buf));
        resmgr_reply_read(readers[i].rcvid, buf, n);
        readers[i].rcvid = 0;
    }
}

static void on_pulse(void *handle, int code, int value)
{
    (void)handle;
    (void)value;
    if (code != PULSE_UART)
        return;
    while (uart[LSR] & LSR_DR)
        tty_input(&tty, (char)uart[RBR]);
    InterruptUnmask(irq, irq_id);
    if (tty.interrupts) {
        tty.interrupts = 0;
        if (foreground > 0)
            kill(-foreground, SIGINT);
    }
    serve_readers();
}

static int ser_open(void *handle, const char *path, int oflag, mode_t mode, void **ocb)
{
    (void)mode;
    (void)handle;
    (void)oflag;
    if (path[0] != '\0')
        return ENOENT;
    *ocb = &console_ocb;
    return 0;
}

static ssize_t ser_read(void *ocb, void *buf, size_t n, off_t off)
{
    (void)ocb;
    (void)off;
    if (tty_readable(&tty))
        return (ssize_t)tty_read(&tty, buf, n);
    for (int i = 0; i < MAX_READERS; i++) {
        if (!readers[i].rcvid) {
            readers[i] = (struct reader){resmgr_rcvid(), n};
            return RESMGR_DEFER;
        }
    }
    return -EAGAIN;
}

static ssize_t ser_write(void *ocb, const void *buf, size_t n, off_t off)
{
    (void)ocb;
    (void)off;
    output(NULL, buf, n);
    return (ssize_t)n;
}

// Terminal control: the foreground process group and the canonical/echo switches.
static int ser_devctl(void *ocb, unsigned dcmd, void *data, size_t nbytes, size_t *out_n)
{
    (void)ocb;
    struct termios *t = data;
    switch (dcmd) {
    case DCMD_TCGETPGRP:
        if (nbytes < sizeof(int32_t))
            return EINVAL;
        *(int32_t *)data = foreground;
        *out_n = sizeof(int32_t);
        return 0;
    case DCMD_TCSETPGRP:
        if (nbytes < sizeof(int32_t) || *(int32_t *)data < 0)
            return EINVAL;
        foreground = *(int32_t *)data;
        return 0;
    case DCMD_TCGETATTR:
        if (nbytes < sizeof(*t))
            return EINVAL;
        memset(t, 0, sizeof(*t));
        t->c_lflag = (tty.isig ? ISIG : 0) | (tty.canonical ? ICANON : 0) | (tty.echo ? ECHO : 0);
        t->c_cc[VMIN] = 1;
        *out_n = sizeof(*t);
        return 0;
    case DCMD_TCSETATTR:
        if (nbytes < sizeof(*t))
            return EINVAL;
        tty_set_canonical(&tty, (t->c_lflag & ICANON) != 0);
        tty.echo = (t->c_lflag & ECHO) != 0;
        tty.isig = (t->c_lflag & ISIG) != 0;
        serve_readers(); /* raw mode may make waiting input readable at once */
        return 0;
    default:
        return ENOTTY;
    }
}

static int ser_stat(void *ocb, struct io_stat *st)
{
    (void)ocb;
    st->mode = IO_S_IFCHR | 0666;
    st->size = 0;
    return 0;
}

int main(int argc, char **argv)
{
    uintptr_t base = argc > 1 ? strtoul(argv[1], NULL, 0) : 0x10000000;
    irq = argc > 2 ? (int)strtol(argv[2], NULL, 0) : 10;
    if (ProcMemMapPhys(0, UART_VA, 4096, PROT_READ | PROT_WRITE, base & ~0xffful) < 0) {
        printf("devc-ser8250: cannot map the UART at 0x%lx (errno %d): needs the I/O privilege\n",
               (unsigned long)base, errno);
        return 1;
    }
    uart = (volatile uint8_t *)(UART_VA + (base & 0xfff));
    tty_init(&tty, output, NULL);
    static const struct resmgr_funcs funcs = {.open = ser_open,
                                              .read = ser_read,
                                              .write = ser_write,
                                              .stat = ser_stat,
                                              .devctl = ser_devctl,
                                              .pulse = on_pulse};
    int chid = resmgr_attach("/dev/ser1", &funcs, NULL);
    if (chid < 0 || resmgr_attach_path(chid, "/dev/console") < 0) {
        printf("devc-ser8250: cannot register /dev/ser1 and /dev/console (errno %d)\n", errno);
        return 1;
    }
    struct sigevent ev = {0};
    ev.sigev_notify = SIGEV_PULSE;
    ev.sigev_coid = ConnectAttach(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
    ev.sigev_priority = 21;
    ev.sigev_code = PULSE_UART;
    irq_id = InterruptAttachEvent(irq, &ev, 0);
    if (irq_id < 0) {
        printf("devc-ser8250: cannot attach interrupt %d (errno %d)\n", irq, errno);
        return 1;
    }
    uart[IER] = IER_RX;
    return resmgr_run(chid);
}
