// newc cpio archive reader: decodes one member header at a time with every length checked
// against the archive size, so a damaged or hostile archive is rejected rather than overread.
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <qsoe/cpio.h>

#define CPIO_HEADER  110u
#define CPIO_FIELDS  13u
#define CPIO_MAGIC   "070701"
#define CPIO_TRAILER "TRAILER!!!"

// Field numbers in the header, which follows the 6-byte magic with 13 8-digit hex fields.
enum { F_MODE = 1, F_FILESIZE = 6, F_NAMESIZE = 11 };

// Decodes 8 hex digits (either case); returns false on any other character.
static bool parse_hex8(const uint8_t *p, uint32_t *value)
{
    uint32_t v = 0;
    int i;

    for (i = 0; i < 8; i++) {
        uint8_t c = p[i], d;

        if (c >= '0' && c <= '9')
            d = (uint8_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = (uint8_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            d = (uint8_t)(c - 'A' + 10);
        else
            return false;
        v = v << 4 | d;
    }
    *value = v;
    return true;
}

// Advances *off past `len` bytes and then to a 4-byte boundary, failing if that leaves the
// archive.
static bool skip_padded(size_t size, size_t *off, size_t len)
{
    size_t end, pad;

    if (*off > size || len > size - *off)
        return false;
    end = *off + len;
    pad = (4 - (end & 3)) & 3;
    if (pad > size - end)
        return false;
    *off = end + pad;
    return true;
}

void cpio_iter_init(struct cpio_iter *it, const void *archive, size_t size)
{
    if (it == NULL)
        return;
    it->base = archive;
    it->size = archive != NULL ? size : 0;
    it->off = 0;
    it->done = false;
}

int cpio_next(struct cpio_iter *it, struct cpio_entry *out)
{
    uint32_t fields[CPIO_FIELDS];
    const uint8_t *h, *name;
    size_t off, data_off, namelen, i;

    if (it == NULL || out == NULL)
        return -EINVAL;
    if (it->done)
        return 0;
    off = it->off;
    if (it->base == NULL || off > it->size || it->size - off < CPIO_HEADER)
        return -EINVAL;
    h = it->base + off;
    if (memcmp(h, CPIO_MAGIC, 6) != 0)
        return -EINVAL;
    for (i = 0; i < CPIO_FIELDS; i++) {
        if (!parse_hex8(h + 6 + 8 * i, &fields[i]))
            return -EINVAL;
    }
    if (fields[F_NAMESIZE] == 0)
        return -EINVAL;
    off += CPIO_HEADER;
    name = it->base + off;
    if (!skip_padded(it->size, &off, fields[F_NAMESIZE]))
        return -EINVAL;
    namelen = fields[F_NAMESIZE] - 1;
    for (i = 0; i < namelen; i++) {
        if (name[i] == 0)
            return -EINVAL;
    }
    if (name[namelen] != 0)
        return -EINVAL;
    data_off = off;
    if (!skip_padded(it->size, &off, fields[F_FILESIZE]))
        return -EINVAL;
    if (namelen == sizeof(CPIO_TRAILER) - 1 && memcmp(name, CPIO_TRAILER, namelen) == 0) {
        if (fields[F_FILESIZE] != 0)
            return -EINVAL;
        it->off = off;
        it->done = true;
        return 0;
    }
    out->name = (const char *)name;
    out->namelen = namelen;
    out->mode = fields[F_MODE];
    out->data = it->base + data_off;
    out->size = fields[F_FILESIZE];
    it->off = off;
    return 1;
}

// Drops any run of leading "/" and "./" so that "/bin/init", "./bin/init" and "bin/init"
// compare equal.
static const char *strip_prefix(const char *s, size_t *len)
{
    for (;;) {
        if (*len >= 1 && s[0] == '/') {
            s++;
            (*len)--;
        } else if (*len >= 2 && s[0] == '.' && s[1] == '/') {
            s += 2;
            *len -= 2;
        } else {
            return s;
        }
    }
}

int cpio_find(const void *archive, size_t size, const char *name, struct cpio_entry *out)
{
    struct cpio_iter it;
    struct cpio_entry e;
    const char *want, *have;
    size_t want_len, have_len;
    int rc;

    if (name == NULL || out == NULL)
        return -EINVAL;
    want_len = strlen(name);
    want = strip_prefix(name, &want_len);
    cpio_iter_init(&it, archive, size);
    while ((rc = cpio_next(&it, &e)) == 1) {
        have_len = e.namelen;
        have = strip_prefix(e.name, &have_len);
        if (have_len == want_len && memcmp(have, want, want_len) == 0) {
            *out = e;
            return 0;
        }
    }
    return rc == 0 ? -ENOENT : rc;
}
