/*
 * mmap and munmap of anonymous private memory, the program break (brk, sbrk) and uname:
 * requests to taskman. File-backed and shared mappings are not there yet (ENODEV / ENOTSUP).
 */
#include <errno.h>
#include <proto/taskman.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/neutrino.h>
#include <sys/utsname.h>

int __taskman_coid(void);

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    (void)addr;
    if (!(flags & MAP_ANON) || fd != -1 || off != 0) {
        errno = ENODEV;
        return MAP_FAILED;
    }
    if ((flags & (MAP_SHARED | MAP_FIXED)) || !(flags & MAP_PRIVATE)) {
        errno = ENOTSUP;
        return MAP_FAILED;
    }
    struct tm_mmap m = {TM_MMAP, 0, prot, 0, len};
    struct tm_mmap_reply r;
    if (MsgSend(__taskman_coid(), &m, sizeof(m), &r, sizeof(r)) < 0)
        return MAP_FAILED;
    return (void *)(uintptr_t)r.addr;
}

int munmap(void *addr, size_t len)
{
    struct tm_mmap m = {TM_MUNMAP, 0, 0, (uint64_t)(uintptr_t)addr, len};
    return MsgSend(__taskman_coid(), &m, sizeof(m), NULL, 0) < 0 ? -1 : 0;
}

// Moves the program break to addr (NULL: only asks); the break, or (void *)-1 with errno set.
static void *move_break(void *addr)
{
    struct tm_mmap m = {TM_BRK, 0, 0, (uint64_t)(uintptr_t)addr, 0};
    struct tm_mmap_reply r;
    if (MsgSend(__taskman_coid(), &m, sizeof(m), &r, sizeof(r)) < 0)
        return (void *)-1;
    return (void *)(uintptr_t)r.addr;
}

int brk(void *addr)
{
    return move_break(addr) == (void *)-1 ? -1 : 0;
}

void *sbrk(intptr_t increment)
{
    char *old = move_break(NULL);
    if (old == (void *)-1 || increment == 0)
        return old;
    if ((increment < 0 && (uintptr_t)-increment > (uintptr_t)old) ||
        move_break(old + increment) == (void *)-1) {
        errno = ENOMEM;
        return (void *)-1;
    }
    return old;
}

int uname(struct utsname *u)
{
    struct tm_header m = {TM_UNAME, 0};
    struct tm_uname r;
    if (MsgSend(__taskman_coid(), &m, sizeof(m), &r, sizeof(r)) < 0)
        return -1;
    memcpy(u, &r, sizeof(*u));
    return 0;
}
