/*
 * Messages of every size between two processes, on both variants: the program serves a channel
 * and starts itself as the client, which sends, reads, writes and replies 0 to 65536 bytes with
 * exact content checks, MsgRead and MsgWrite at offsets and past the end, client buffers that
 * are not mapped (EFAULT) and replies longer than the client's buffer; then the file I/O that
 * rides on them (a boot-image file of more than 4 KiB through open/read and stdio). Prints a
 * PASS or FAIL line per check and "msgtest: N failures", and exits with N.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

enum op { OP_ECHO, OP_READ, OP_WRITE, OP_REPLY, OP_WRITE_REPLY, OP_QUIT };

// Every message starts with this; the server answers a failed call with ERR_BASE + errno.
struct req {
    uint32_t op, len, off, pad;
};
#define ERR_BASE   100000
#define BIG        65536
#define RECV_BYTES 2048 /* the server's receive buffer: more than inline, less than long */
#define BAD        ((void *)0x1000) /* nothing is ever mapped there */
#define BOOT_FILE  "/proc/boot/test/msgtest"

static unsigned char sbuf[BIG + 64], rbuf[BIG + 64], tmp[BIG + 64];
static int failures;

static void check(int ok, const char *what)
{
    printf("%s msgtest: %s\n", ok ? "PASS" : "FAIL", what);
    if (!ok)
        failures++;
}

// The bytes of test pattern `seed`, different at every offset of a page.
static unsigned char pattern(size_t i, unsigned seed)
{
    return (unsigned char)(i * 7 + seed + (i >> 8) * 13);
}

static void fill(unsigned char *to, size_t n, size_t from, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        to[i] = pattern(from + i, seed);
}

static int matches(const unsigned char *at, size_t n, size_t from, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (at[i] != pattern(from + i, seed))
            return 0;
    return 1;
}

static int untouched(const unsigned char *at, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (at[i] != 0xee)
            return 0;
    return 1;
}

// ---- the server ----

static long result(long r)
{
    return r < 0 ? ERR_BASE + errno : r;
}

// Serves one request; returns 0 after OP_QUIT.
static int serve_one(int chid)
{
    static unsigned char msg[RECV_BYTES], out[BIG + 64];
    struct _msg_info info;
    int rcvid = MsgReceive(chid, msg, sizeof(msg), &info);
    if (rcvid <= 0) {
        check(0, "the server's MsgReceive gets a message");
        return 0;
    }
    struct req r;
    memcpy(&r, msg, sizeof(r));
    long n;
    switch (r.op) {
    case OP_ECHO: /* the payload back: MsgReceive's part, then MsgRead's */
        memcpy(out, msg + sizeof(r), (size_t)info.msglen - sizeof(r));
        n = info.srcmsglen > RECV_BYTES ? MsgRead(rcvid, out + RECV_BYTES - sizeof(r),
                                                  (size_t)info.srcmsglen - RECV_BYTES, RECV_BYTES)
                                        : 0;
        if (n < 0)
            MsgError(rcvid, errno);
        else
            MsgReply(rcvid, info.srcmsglen, out, (size_t)info.srcmsglen - sizeof(r));
        return 1;
    case OP_READ:
        n = MsgRead(rcvid, out, r.len, r.off);
        MsgReply(rcvid, result(n), out, n > 0 ? (size_t)n : 0);
        return 1;
    case OP_WRITE:
    case OP_WRITE_REPLY:
        fill(out, r.len, 0, 3);
        n = MsgWrite(rcvid, out, r.len, r.off);
        fill(out, 16, 0, 5);
        MsgReply(rcvid, result(n), out, r.op == OP_WRITE_REPLY ? 16 : 0);
        return 1;
    case OP_REPLY:
        fill(out, r.len, 0, 5);
        if (MsgReply(rcvid, r.len, out, r.len) != 0)
            check(0, "MsgReply succeeds even when the client's buffer is bad");
        return 1;
    default:
        MsgReply(rcvid, 0, NULL, 0);
        check(MsgRead(rcvid, out, 1, 0) == -1 && errno == ESRCH,
              "MsgRead of an answered rcvid: ESRCH");
        check(MsgWrite(rcvid, out, 1, 0) == -1 && errno == ESRCH,
              "MsgWrite of an answered rcvid: ESRCH");
        check(MsgReply(rcvid, 0, out, 1) == -1 && errno == ESRCH,
              "MsgReply of an answered rcvid: ESRCH");
        check(MsgRead(12345, out, 1, 0) == -1 && errno == ESRCH, "MsgRead of a bad rcvid: ESRCH");
        return 0;
    }
}

// ---- the client ----

static int coid;

// Sends op with sbytes of payload (pattern 1 from sbuf) and a reply buffer of rbytes at rb.
static long call(enum op op, uint32_t len, uint32_t off, size_t sbytes, void *rb, size_t rbytes)
{
    struct req r = {op, len, off, 0};
    fill(sbuf, sbytes, 0, 1);
    iov_t s[2] = {{&r, sizeof(r)}, {sbuf, sbytes}}, rv = {rb, rbytes};
    return MsgSendv(coid, s, 2, &rv, 1);
}

static void check_echo(size_t size)
{
    char what[96];
    memset(rbuf, 0xee, sizeof(rbuf));
    long st = call(OP_ECHO, 0, 0, size, rbuf, size);
    snprintf(what, sizeof(what), "a %zu-byte message comes back as sent, into a %zu-byte buffer",
             size, size);
    check(st == (long)(size + sizeof(struct req)) && matches(rbuf, size, 0, 1) &&
              untouched(rbuf + size, 64),
          what);
}

// MsgRead of len at off of a message of `size` payload bytes gives `want` bytes.
static void check_read(size_t size, uint32_t len, uint32_t off, long want)
{
    char what[96];
    memset(rbuf, 0xee, sizeof(rbuf));
    long st = call(OP_READ, len, off, size, rbuf, len);
    int ok = st == want && untouched(rbuf + (want > 0 ? want : 0), 64);
    for (long i = 0; ok && i < want; i++) {
        size_t at = off + (size_t)i;
        ok = at < sizeof(struct req) || rbuf[i] == pattern(at - sizeof(struct req), 1);
    }
    snprintf(what, sizeof(what), "MsgRead of %u bytes at %u of a %zu-byte message gives %ld", len,
             off, size + sizeof(struct req), want);
    check(ok, what);
}

// MsgWrite of len at off into a reply buffer of rbytes gives `want` bytes, nothing else moves;
// with `reply`, a 16-byte MsgReply follows and lands at the start.
static void check_write(size_t rbytes, uint32_t len, uint32_t off, long want, int reply)
{
    char what[112];
    memset(rbuf, 0xee, sizeof(rbuf));
    long st = call(reply ? OP_WRITE_REPLY : OP_WRITE, len, off, 0, rbuf, rbytes);
    size_t head = reply ? (rbytes < 16 ? rbytes : 16) : 0;
    int ok = st == want && matches(rbuf, head, 0, 5) && untouched(rbuf + head, off - head) &&
             matches(rbuf + off, (size_t)want, 0, 3) && untouched(rbuf + off + want, 64);
    snprintf(what, sizeof(what),
             "MsgWrite of %u bytes at %u into a %zu-byte reply buffer%s gives %ld", len, off,
             rbytes, reply ? ", then MsgReply" : "", want);
    check(ok, what);
}

static void check_reply(uint32_t len, size_t rbytes)
{
    char what[96];
    memset(rbuf, 0xee, sizeof(rbuf));
    long st = call(OP_REPLY, len, 0, 0, rbuf, rbytes);
    size_t got = len < rbytes ? len : rbytes;
    snprintf(what, sizeof(what), "a %u-byte reply into a %zu-byte buffer: %zu bytes, status %u",
             len, rbytes, got, len);
    check(st == (long)len && matches(rbuf, got, 0, 5) && untouched(rbuf + got, 64), what);
}

static void check_faults(void)
{
    check(call(OP_REPLY, 4096, 0, 0, BAD, 4096) == -1 && errno == EFAULT,
          "a reply into a reply buffer that is not mapped: EFAULT");
    check(call(OP_WRITE, 100, 0, 0, BAD, 4096) == ERR_BASE + EFAULT,
          "MsgWrite into a reply buffer that is not mapped: EFAULT for the server");
    struct req r = {OP_ECHO, 0, 0, 0};
    fill(sbuf, 1000, 0, 1);
    iov_t s[3] = {{&r, sizeof(r)}, {sbuf, 1000}, {BAD, 100}}, rv = {rbuf, 2000};
    check(MsgSendv(coid, s, 3, &rv, 1) == -1 && errno == EFAULT,
          "a message whose second part is not mapped: EFAULT");
    r.op = OP_READ, r.len = 100, r.off = 3000 + sizeof(r);
    fill(sbuf, 3000, 0, 1);
    s[1].iov_len = 3000;
    check(MsgSendv(coid, s, 3, &rv, 1) == ERR_BASE + EFAULT,
          "MsgRead of a message part that is not mapped: EFAULT for the server");
    iov_t many[17];
    for (int i = 0; i < 17; i++)
        many[i] = (iov_t){&r, sizeof(r)};
    check(MsgSendv(coid, many, 17, &rv, 1) == -1 && errno == EOVERFLOW,
          "a message of 17 parts: EOVERFLOW");
}

// A boot-image file of more than 4 KiB read through taskman as programs read files.
static void check_files(void)
{
    struct stat st;
    int fd = open(BOOT_FILE, O_RDONLY);
    check(fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 4096,
          "a boot-image file over 4 KiB opens");
    long total = 0, n, first = -1;
    while (fd >= 0 && (n = read(fd, tmp, 4096)) > 0) {
        if (first < 0)
            first = n;
        total += n;
    }
    check(fd >= 0 && first == 4096 && total == st.st_size,
          "read() in 4 KiB pieces gives the whole file");
    check(lseek(fd, 0, SEEK_SET) == 0 &&
              read(fd, tmp, BIG) == (st.st_size < BIG ? st.st_size : BIG) &&
              memcmp(tmp, "\177ELF", 4) == 0,
          "one read() of 64 KiB gives the file's start");
    close(fd);
    FILE *f = fopen(BOOT_FILE, "r");
    long fsize = 0;
    int c;
    while (f && (c = getc(f)) != EOF)
        fsize++;
    check(f && fsize == st.st_size, "stdio reads the whole file through its 4 KiB buffer");
    if (f)
        fclose(f);
    fd = open("/dev/null", O_WRONLY);
    check(fd >= 0 && write(fd, sbuf, 5000) == 5000, "write() of 5000 bytes to /dev/null");
    close(fd);
}

static int client(int pid, int chid)
{
    if (write(1, "", 0) < 0) { /* QSOE/L: descriptors inherited from the first process are dead */
        int fd = open("/dev/console", O_WRONLY);
        if (fd >= 0 && fd != 1) {
            dup2(fd, 1);
            close(fd);
        }
    }
    coid = ConnectAttach(0, pid, chid, _NTO_SIDE_CHANNEL, 0);
    check(coid >= 0, "the client connects to the server");
    if (coid < 0)
        return failures;
    static const size_t sizes[] = {0, 16, 944, 945, 4096, BIG};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
        check_echo(sizes[i]);

    check_read(4096, 100, 0, 100);
    check_read(4096, 200, 900, 200);
    check_read(4096, 1000, 3000, 1000);
    check_read(4096, 100, 4100, 12);
    check_read(4096, 100, 5000, 0);
    check_read(BIG, BIG, 16, BIG);

    check_write(100, 10, 20, 10, 0);
    check_write(100, 50, 80, 20, 0);
    check_write(100, 100, 200, 0, 0);
    check_write(8192, 3000, 1000, 3000, 0);
    check_write(8192, 500, 8000, 192, 0);
    check_write(100, 10, 50, 10, 1);
    check_write(4096, 100, 2000, 100, 1);

    check_reply(0, 100);
    check_reply(500, 100);
    check_reply(944, 944);
    check_reply(945, 2000);
    check_reply(4096, 1000);
    check_reply(BIG, BIG);

    check_faults();
    check_files();
    MsgSend(coid, &(struct req){OP_QUIT, 0, 0, 0}, sizeof(struct req), NULL, 0);
    return failures;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 4 && strcmp(argv[1], "client") == 0)
        return client(atoi(argv[2]), atoi(argv[3]));
    int chid = ChannelCreate(0);
    check(chid > 0, "the server creates a channel");
    char pid[16], ch[16];
    snprintf(pid, sizeof(pid), "%d", getpid());
    snprintf(ch, sizeof(ch), "%d", chid);
    char *args[] = {argv[0], "client", pid, ch, NULL};
    pid_t child;
    int err = posix_spawn(&child, argv[0], NULL, NULL, args, NULL);
    check(err == 0, "the server starts the client");
    while (err == 0 && serve_one(chid))
        ;
    int status = 0;
    check(err == 0 && waitpid(child, &status, 0) == child && WIFEXITED(status),
          "the client ends normally");
    failures += WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    printf("msgtest: %d failures\n", failures);
    return failures;
}
