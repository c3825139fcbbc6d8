// Host tests for the newc cpio reader: archives built here byte by byte, one made by GNU cpio
// (path in argv[1]), and damaged archives that must be rejected without reading past the end.
// argv[1] is any archive made with `cd DIR && find . | sort | cpio -o -H newc > ARCHIVE`; when
// DIR is also given as argv[2], each regular file in the archive is compared with DIR's copy.
// Build with -fsanitize=address,undefined: archives are copied into exactly-sized buffers.
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qsoe/cpio.h>

#define TEST_MODULE "cpio"
#include "../harness.h"

#define HEADER   110
#define S_IFMT_  0170000u
#define S_IFDIR_ 0040000u
#define S_IFREG_ 0100000u

// An archive under construction.
struct arc {
    uint8_t buf[65536];
    size_t len;
    uint32_t ino;
};

static void need(bool ok)
{
    if (!ok) {
        fprintf(stderr, "test builder overflow\n");
        exit(2);
    }
}

static void put(struct arc *a, const void *data, size_t len)
{
    need(a->len + len <= sizeof(a->buf));
    memcpy(a->buf + a->len, data, len);
    a->len += len;
}

static void pad4(struct arc *a)
{
    while (a->len % 4 != 0)
        put(a, "", 1);
}

// Writes a header with the given magic and field values, in lower or upper case hex.
static void header(struct arc *a, const char *magic, const uint32_t f[13], bool upper)
{
    char text[HEADER + 1];
    int i, n = snprintf(text, sizeof(text), "%s", magic);

    for (i = 0; i < 13; i++)
        n += snprintf(text + n, sizeof(text) - (size_t)n, upper ? "%08X" : "%08x", f[i]);
    need(n == HEADER);
    put(a, text, HEADER);
}

static void entry_case(struct arc *a, const char *name, uint32_t mode, const void *data,
                       size_t size, bool upper)
{
    uint32_t f[13] = {0};

    f[0] = ++a->ino;
    f[1] = mode;
    f[4] = 1;
    f[5] = 0x65000000;
    f[6] = (uint32_t)size;
    f[11] = (uint32_t)strlen(name) + 1;
    header(a, "070701", f, upper);
    put(a, name, strlen(name) + 1);
    pad4(a);
    put(a, data, size);
    pad4(a);
}

static void entry(struct arc *a, const char *name, uint32_t mode, const void *data, size_t size)
{
    entry_case(a, name, mode, data, size, false);
}

static void trailer(struct arc *a)
{
    entry(a, "TRAILER!!!", 0, "", 0);
}

static uint8_t *dup_exact(const uint8_t *src, size_t size)
{
    uint8_t *p = malloc(size > 0 ? size : 1);

    need(p != NULL);
    memcpy(p, src, size);
    return p;
}

// The reference archive: a root, a padded text file, a directory, a file with an absolute
// name, an empty file and a trailer.
static const char hello[] = "hello, world\n";

static void build_reference(struct arc *a)
{
    memset(a, 0, sizeof(*a));
    entry(a, ".", S_IFDIR_ | 0755, "", 0);
    entry(a, "./hello.txt", S_IFREG_ | 0644, hello, strlen(hello));
    entry(a, "bin", S_IFDIR_ | 0755, "", 0);
    entry(a, "bin/init", S_IFREG_ | 0755, "\177ELF", 4);
    entry(a, "/abs", S_IFREG_ | 0600, "x", 1);
    entry(a, "empty", S_IFREG_ | 0644, "", 0);
    trailer(a);
}

// Walks an archive to its end; returns the final cpio_next result and the number of entries.
// Every entry handed out must lie inside the buffer.
static int walk(const uint8_t *b, size_t size, int *count, bool *inside)
{
    struct cpio_iter it;
    struct cpio_entry e;
    int rc, n = 0;

    *inside = true;
    cpio_iter_init(&it, b, size);
    while ((rc = cpio_next(&it, &e)) == 1) {
        const uint8_t *name = (const uint8_t *)e.name, *data = e.data;

        if (name < b || name + e.namelen + 1 > b + size || data < b ||
            e.size > (size_t)(b + size - data) || name[e.namelen] != 0)
            *inside = false;
        if (++n > 100000)
            return -1000;
    }
    if (count != NULL)
        *count = n;
    return rc;
}

// Offset of member `which` in a well-formed archive, found without the code under test.
static size_t member_off(const uint8_t *b, int which)
{
    size_t off = 0;
    int i;

    for (i = 0; i < which; i++) {
        char tmp[9] = {0};
        uint32_t namesize, filesize;

        memcpy(tmp, b + off + 6 + 8 * 11, 8);
        namesize = (uint32_t)strtoul(tmp, NULL, 16);
        memcpy(tmp, b + off + 6 + 8 * 6, 8);
        filesize = (uint32_t)strtoul(tmp, NULL, 16);
        off = (off + HEADER + namesize + 3) & ~(size_t)3;
        off = (off + filesize + 3) & ~(size_t)3;
    }
    return off;
}

// Walks a copy of the reference archive with `len` bytes of header field `field` of member
// `which` replaced, starting at digit `pos`.
static int walk_with_bytes(const struct arc *ref, int which, int field, int pos, const char *bytes,
                           size_t len)
{
    uint8_t *b = dup_exact(ref->buf, ref->len);
    bool inside;
    int rc;

    memcpy(b + member_off(b, which) + 6 + 8 * field + pos, bytes, len);
    rc = walk(b, ref->len, NULL, &inside);
    free(b);
    return inside ? rc : -1001;
}

static int walk_with_field(const struct arc *ref, int which, int field, const char *digits)
{
    return walk_with_bytes(ref, which, field, 0, digits, 8);
}

static void test_reference(void)
{
    static struct arc a;
    struct cpio_iter it;
    struct cpio_entry e[8];
    struct cpio_entry f;
    int rc = -1, n = 0;

    build_reference(&a);
    cpio_iter_init(&it, a.buf, a.len);
    while (n < 8 && (rc = cpio_next(&it, &e[n])) == 1)
        n++;
    report(rc == 0 && n == 6, "a well-formed archive yields each member then 0 at the trailer",
           "rc %d n %d", rc, n);
    report(n == 6 && strcmp(e[1].name, "./hello.txt") == 0 && e[1].namelen == 11 &&
               e[1].size == strlen(hello) && memcmp(e[1].data, hello, e[1].size) == 0 &&
               e[1].mode == (S_IFREG_ | 0644),
           "a member's name, length, mode and data are returned as stored", "");
    report(n == 6 && e[0].mode == (S_IFDIR_ | 0755) && e[0].size == 0 &&
               strcmp(e[3].name, "bin/init") == 0 && memcmp(e[3].data, "\177ELF", 4) == 0 &&
               e[5].size == 0,
           "directories and empty files come back with size 0", "");
    report(cpio_next(&it, &e[0]) == 0 && cpio_next(&it, &e[0]) == 0,
           "cpio_next keeps returning 0 after the trailer", "");

    rc = cpio_find(a.buf, a.len, "hello.txt", &f);
    report(rc == 0 && f.size == strlen(hello) && memcmp(f.data, hello, f.size) == 0,
           "cpio_find ignores a leading ./ in the archive", "rc %d", rc);
    report(cpio_find(a.buf, a.len, "/hello.txt", &f) == 0 &&
               cpio_find(a.buf, a.len, "./hello.txt", &f) == 0 &&
               cpio_find(a.buf, a.len, "/bin/init", &f) == 0 &&
               cpio_find(a.buf, a.len, ".//bin/init", &f) == 0 &&
               cpio_find(a.buf, a.len, "abs", &f) == 0 && f.size == 1,
           "cpio_find ignores leading / and ./ on both names", "");
    report(cpio_find(a.buf, a.len, "missing", &f) == -ENOENT &&
               cpio_find(a.buf, a.len, "bin/ini", &f) == -ENOENT &&
               cpio_find(a.buf, a.len, "bin/init/", &f) == -ENOENT &&
               cpio_find(a.buf, a.len, "TRAILER!!!", &f) == -ENOENT,
           "cpio_find says -ENOENT for absent names, prefixes and the trailer", "");
    report(cpio_find(a.buf, a.len, NULL, &f) == -EINVAL &&
               cpio_find(a.buf, a.len, "bin", NULL) == -EINVAL && cpio_next(NULL, &f) == -EINVAL &&
               cpio_find(NULL, 100, "x", &f) == -EINVAL,
           "NULL names, outputs, iterators and archives are rejected", "");

    memset(&a, 0, sizeof(a));
    entry_case(&a, "UPPER", S_IFREG_ | 0644, "abcdefghijk", 11, true);
    trailer(&a);
    rc = cpio_find(a.buf, a.len, "UPPER", &f);
    report(rc == 0 && f.size == 11 && f.mode == (S_IFREG_ | 0644),
           "upper-case hex digits are accepted", "rc %d", rc);

    memset(&a, 0, sizeof(a));
    trailer(&a);
    rc = walk(a.buf, a.len, &n, &(bool){true});
    report(rc == 0 && n == 0, "an archive holding only a trailer is empty", "rc %d", rc);
    memset(a.buf + a.len, 0xa5, 64);
    rc = walk(a.buf, a.len + 64, &n, &(bool){true});
    report(rc == 0, "bytes after the trailer are ignored", "rc %d", rc);
}

static void test_malformed(void)
{
    static struct arc ref, a;
    static const char bad_digits[] = "gG x-\0";
    struct cpio_iter it;
    struct cpio_entry e;
    uint32_t f[13] = {0};
    int rc, rc2, i, field, bad;
    bool inside;
    size_t len;

    build_reference(&ref);

    rc = walk_with_field(&ref, 1, 6, "00010000");
    report(rc == -EINVAL, "a filesize past the end of the archive is rejected", "rc %d", rc);
    rc = walk_with_field(&ref, 1, 6, "ffffffff");
    report(rc == -EINVAL, "a filesize of ffffffff is rejected", "rc %d", rc);
    rc = walk_with_field(&ref, 5, 6, "00000004");
    report(rc == -EINVAL, "a filesize one word past the end of the archive is rejected", "rc %d",
           rc);
    rc = walk_with_field(&ref, 1, 11, "00000000");
    report(rc == -EINVAL, "a namesize of 0 is rejected", "rc %d", rc);
    rc = walk_with_field(&ref, 1, 11, "ffffffff");
    report(rc == -EINVAL, "a namesize of ffffffff is rejected", "rc %d", rc);
    rc = walk_with_field(&ref, 6, 11, "0000000c");
    report(rc == -EINVAL, "a namesize past the end of the archive is rejected", "rc %d", rc);
    rc = walk_with_field(&ref, 1, 11, "0000000b");
    report(rc == -EINVAL, "a name whose last byte is not NUL is rejected", "rc %d", rc);
    rc = walk_with_field(&ref, 1, 11, "0000000d");
    report(rc == -EINVAL, "a name with a NUL before its end is rejected", "rc %d", rc);

    memset(&a, 0, sizeof(a));
    entry(&a, "TRAILER!!!", 0, "abcd", 4);
    rc = walk(a.buf, a.len, NULL, &inside);
    report(rc == -EINVAL, "a trailer carrying data is rejected", "rc %d", rc);

    // namesize 0 followed by bytes with no NUL up to the end of the buffer: a reader that
    // took namesize - 1 as the name length would run off the end looking for the NUL.
    memset(&a, 0, sizeof(a));
    header(&a, "070701", f, false);
    put(&a, "abcd", 4);
    {
        uint8_t *b = dup_exact(a.buf, a.len);

        rc = walk(b, a.len, NULL, &inside);
        free(b);
    }
    report(rc == -EINVAL, "a namesize of 0 is rejected even when no NUL follows", "rc %d", rc);

    bad = 0;
    for (field = 0; field < 13; field++) {
        for (i = 0; i < 6; i++) {
            // Each field of the second member in turn, first and last digit.
            rc = walk_with_bytes(&ref, 1, field, 0, &bad_digits[i], 1);
            rc2 = walk_with_bytes(&ref, 1, field, 7, &bad_digits[i], 1);
            if (rc != -EINVAL || rc2 != -EINVAL)
                bad++;
        }
    }
    report(bad == 0, "a non-hex character in any of the 13 header fields is rejected",
           "%d accepted", bad);

    bad = 0;
    {
        static const char *magics[] = {"070702", "070707", "070700",
                                       "170701", "07070 ", "\0\0\0\0\0\0"};

        for (i = 0; i < 6; i++) {
            memcpy(&a, &ref, sizeof(a));
            memcpy(a.buf, magics[i], 6);
            if (walk(a.buf, a.len, NULL, &inside) != -EINVAL)
                bad++;
        }
    }
    report(bad == 0, "a magic other than 070701 (crc, odc, garbage) is rejected", "%d accepted",
           bad);

    memset(&a, 0, sizeof(a));
    entry(&a, "file", S_IFREG_ | 0644, "data", 4);
    rc = walk(a.buf, a.len, NULL, &inside);
    report(rc == -EINVAL, "an archive without a trailer is rejected", "rc %d", rc);
    rc = walk(a.buf, 0, NULL, &inside);
    report(rc == -EINVAL, "an empty archive is rejected", "rc %d", rc);
    rc = cpio_find(a.buf, a.len, "other", &e);
    report(rc == -EINVAL, "cpio_find reports a missing trailer as malformed, not absent", "rc %d",
           rc);

    // A member whose data is not padded to 4 bytes before the next header.
    memset(&a, 0, sizeof(a));
    f[1] = S_IFREG_ | 0644;
    f[6] = 5;
    f[11] = 5;
    header(&a, "070701", f, false);
    put(&a, "file", 5);
    pad4(&a);
    put(&a, "12345", 5);
    trailer(&a);
    rc = walk(a.buf, a.len, NULL, &inside);
    report(rc == -EINVAL, "a member whose data lacks its 4-byte padding is rejected", "rc %d", rc);

    // A member whose name is not padded before its data.
    memset(&a, 0, sizeof(a));
    f[6] = 4;
    f[11] = 4;
    header(&a, "070701", f, false);
    put(&a, "abc", 4);
    put(&a, "data", 4);
    trailer(&a);
    rc = walk(a.buf, a.len, NULL, &inside);
    report(rc == -EINVAL, "a member whose name lacks its 4-byte padding is rejected", "rc %d", rc);

    memset(&a, 0, sizeof(a));
    trailer(&a);
    for (len = a.len - 3, bad = 0; len < a.len; len++) {
        uint8_t *b = dup_exact(a.buf, len);

        if (walk(b, len, NULL, &inside) != -EINVAL)
            bad++;
        free(b);
    }
    report(bad == 0, "a trailer whose name padding is cut off is rejected", "%d accepted", bad);

    memcpy(&a, &ref, sizeof(a));
    a.buf[0] = 'x';
    cpio_iter_init(&it, a.buf, a.len);
    rc = cpio_next(&it, &e);
    report(rc == -EINVAL && cpio_next(&it, &e) == -EINVAL && it.off == 0,
           "a failed cpio_next does not advance and fails again", "rc %d", rc);
}

// Every prefix of an archive, in an exactly-sized buffer, must fail unless it still holds the
// whole trailer; entries returned must lie inside the prefix.
static void test_truncation(const char *what, const uint8_t *buf, size_t size, size_t min_ok)
{
    size_t len, bad = 0;
    bool inside;
    int rc;

    for (len = 0; len < size; len++) {
        uint8_t *b = dup_exact(buf, len);

        rc = walk(b, len, NULL, &inside);
        if (!inside || (len < min_ok ? rc != -EINVAL : rc != 0))
            bad++;
        free(b);
    }
    report(bad == 0, what, "%zu wrong", bad);
}

static uint64_t rng_state = 0x243f6a8885a308d3u;

static void test_random(const uint8_t *buf, size_t size)
{
    static const char alphabet[] = "0123456789abcdefABCDEFg \0\xff";
    size_t i, bad = 0, off;
    bool inside;
    int rc;

    for (i = 0; i < 5000; i++) {
        uint8_t *b = dup_exact(buf, size);

        off = test_rng(&rng_state) % size;
        b[off] = i % 2 ? (uint8_t)(b[off] ^ (1 + test_rng(&rng_state) % 255))
                       : (uint8_t)alphabet[test_rng(&rng_state) % (sizeof(alphabet) - 1)];
        rc = walk(b, size, NULL, &inside);
        if (!inside || (rc != 0 && rc != -EINVAL))
            bad++;
        free(b);
    }
    report(bad == 0,
           "5000 random byte corruptions (fixed seed) never crash or hand out entries outside "
           "the archive",
           "%zu bad", bad);
}

// Whether member e holds exactly the bytes of the file dir/name on disk.
static bool same_as_disk(const char *dir, const struct cpio_entry *e)
{
    char path[4096];
    uint8_t *disk;
    size_t disk_size = 0;
    bool same;

    if (snprintf(path, sizeof(path), "%s/%s", dir, e->name) >= (int)sizeof(path))
        return false;
    disk = read_file(path, &disk_size);
    same = disk != NULL && disk_size == e->size && memcmp(disk, e->data, disk_size) == 0;
    free(disk);
    return same;
}

// An archive made by GNU cpio (argv[1]) and, if given, the directory it was made from
// (argv[2]), whose regular files must match the members byte for byte.
static void test_gnu_archive(const uint8_t *buf, size_t size, const char *dir)
{
    struct cpio_iter it;
    struct cpio_entry e, f;
    size_t trailer_end;
    int rc, count = 0, not_found = 0, files = 0, differ = 0;
    bool inside;

    rc = walk(buf, size, &count, &inside);
    report(rc == 0 && count > 0 && inside, "GNU cpio's newc archive walks to its trailer",
           "rc %d count %d", rc, count);

    cpio_iter_init(&it, buf, size);
    while (cpio_next(&it, &e) == 1) {
        char slashed[4096];

        snprintf(slashed, sizeof(slashed), "/%s", e.name);
        if (cpio_find(buf, size, e.name, &f) != 0 || f.data != e.data ||
            cpio_find(buf, size, slashed, &f) != 0 || f.data != e.data)
            not_found++;
        if ((e.mode & S_IFMT_) == S_IFREG_) {
            files++;
            if (dir != NULL && !same_as_disk(dir, &e))
                differ++;
        }
    }
    trailer_end = it.off;
    report(not_found == 0 && files > 0,
           "every member of GNU cpio's archive is found by its name, with or without a "
           "leading /",
           "%d not found, %d regular files", not_found, files);
    if (dir != NULL)
        report(differ == 0,
               "every regular file in GNU cpio's archive matches the file it was made from",
               "%d differ", differ);
    test_truncation("every truncation of GNU cpio's archive fails unless it keeps the whole "
                    "trailer",
                    buf, size, trailer_end);
}

int main(int argc, char **argv)
{
    static struct arc ref;
    uint8_t *file = NULL;
    size_t size = 0;

    test_reference();
    test_malformed();
    build_reference(&ref);
    test_truncation("every truncation of a built archive is rejected", ref.buf, ref.len, ref.len);
    test_random(ref.buf, ref.len);
    if (argc > 1)
        file = read_file(argv[1], &size);
    report(file != NULL, "GNU cpio's archive is given as argv[1] and readable", "%s",
           argc > 1 ? argv[1] : "no path given");
    if (file != NULL)
        test_gnu_archive(file, size, argc > 2 ? argv[2] : NULL);
    free(file);
    return test_summary();
}
