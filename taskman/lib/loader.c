/*
 * Program loading for taskman: check the ELF file, create the process, copy its segments in,
 * build the start-up block (include/abi/auxv.h) on a fresh main-thread stack, and start it.
 */
#include <abi/auxv.h>
#include <errno.h>
#include <qsoe/elf.h>
#include <stdbool.h>
#include <string.h>
#include <sys/neutrino.h>
#include <taskman/loader.h>

#define PAGE      4096ul
#define MAX_BLOCK (TM_SPAWN_MAX + 8192) /* bytes of strings and pointers a spawn may pass */

static int elf_prot(uint32_t p)
{
    return ((p & ELF_PROT_R) ? PROT_READ : 0) | ((p & ELF_PROT_W) ? PROT_WRITE : 0) |
           ((p & ELF_PROT_X) ? PROT_EXEC : 0);
}

static int load_segments(int pid, const uint8_t *file, const struct elf_image *img)
{
    for (int i = 0; i < img->nseg; i++) {
        const struct elf_segment *s = &img->seg[i];
        uintptr_t start = s->vaddr & ~(PAGE - 1);
        uintptr_t end = (s->vaddr + s->memsz + PAGE - 1) & ~(PAGE - 1);
        if (ProcMemMap(pid, start, end - start, elf_prot(s->prot)) < 0)
            return -errno;
        if (s->filesz && ProcMemWrite(pid, s->vaddr, file + s->offset, s->filesz) < 0)
            return -errno;
    }
    return 0;
}

static size_t count(char *const v[])
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

// Lays the start-up block out in a local buffer as it will sit below LOADER_STACK_TOP, then
// copies it into the new process. Returns the new stack pointer, or 0 if it does not fit.
static uintptr_t build_block(int pid, char *const argv[], char *const envp[], uintptr_t entry,
                             unsigned stdio, const struct loader_inherit *from)
{
    static uint64_t buf[MAX_BLOCK / 8];
    size_t argc = count(argv), envc = count(envp);
    const char *cwd = from && from->cwd ? from->cwd : "/";
    size_t words = 1 + argc + 1 + envc + 1 + 2 * 8;
    size_t strings = strlen(cwd) + 1;
    for (size_t i = 0; i < argc; i++)
        strings += strlen(argv[i]) + 1;
    for (size_t i = 0; i < envc; i++)
        strings += strlen(envp[i]) + 1;
    size_t total = (words * 8 + strings + 15) & ~15ul;
    if (total > sizeof(buf))
        return 0;
    uintptr_t base = LOADER_STACK_TOP - total;
    uint64_t *w = buf;
    char *str = (char *)buf + words * 8;
    uintptr_t str_va = base + words * 8;
    *w++ = argc;
    for (size_t i = 0; i < argc + envc; i++) {
        if (i == argc)
            *w++ = 0;
        const char *s = i < argc ? argv[i] : envp[i - argc];
        size_t n = strlen(s) + 1;
        memcpy(str, s, n);
        *w++ = str_va;
        str += n;
        str_va += n;
    }
    if (envc == 0)
        *w++ = 0;
    *w++ = 0;
    memcpy(str, cwd, strlen(cwd) + 1);
    *w++ = AT_QSOE_CWD;
    *w++ = str_va;
    *w++ = AT_QSOE_UMASK;
    *w++ = from ? from->umask : 022;
    *w++ = AT_QSOE_SIGIGNORE;
    *w++ = from ? from->sigignore : 0;
    *w++ = AT_QSOE_SIGMASK;
    *w++ = from ? from->sigmask : 0;
    *w++ = AT_PAGESZ;
    *w++ = PAGE;
    *w++ = AT_ENTRY;
    *w++ = entry;
    *w++ = AT_QSOE_STDIO;
    *w++ = stdio;
    *w++ = AT_NULL;
    *w++ = 0;
    if (ProcMemWrite(pid, base, buf, total) < 0)
        return 0;
    return base;
}

// Moves the parent's connections named in from into the child as its descriptors.
static int give_fds(int pid, const struct loader_inherit *from)
{
    for (int i = 0; i < from->nfds; i++)
        if (ConnectMove(from->parent, from->fds[i].coid, pid, from->fds[i].fd) < 0)
            return -errno;
    return 0;
}

int loader_spawn(const void *file, size_t size, const char *name, char *const argv[],
                 char *const envp[], unsigned flags, const struct loader_inherit *from,
                 uintptr_t *image_end)
{
    struct elf_image img;
    struct elf_limits limits = {0x10000, LOADER_STACK_TOP - LOADER_STACK_SIZE, PAGE};
    int err = elf_check(file, size, &limits, &img);
    if (err)
        return err;
    if (image_end) {
        *image_end = 0;
        for (int i = 0; i < img.nseg; i++) {
            uintptr_t end = (img.seg[i].vaddr + img.seg[i].memsz + PAGE - 1) & ~(PAGE - 1);
            if (end > *image_end)
                *image_end = end;
        }
    }
    /* The kernel keeps 31 bytes of a name: the end of a long one is what tells it apart. */
    size_t len = strlen(name);
    int pid = ProcCreate(flags & ~LOADER_STDIO, len > 31 ? name + len - 31 : name);
    if (pid < 0)
        return -errno;
    err = load_segments(pid, file, &img);
    if (!err && ProcMemMap(pid, LOADER_STACK_TOP - LOADER_STACK_SIZE, LOADER_STACK_SIZE,
                           PROT_READ | PROT_WRITE) < 0)
        err = -errno;
    unsigned stdio = !(flags & LOADER_STDIO) ? 0
                     : from                  ? AT_QSOE_STDIO_INHERIT
                                             : AT_QSOE_STDIO_CONSOLE;
    uintptr_t sp = err ? 0 : build_block(pid, argv, envp, img.entry, stdio, from);
    if (!err && !sp)
        err = -E2BIG;
    if (!err && stdio == AT_QSOE_STDIO_INHERIT)
        err = give_fds(pid, from);
    if (!err) {
        struct _thread_attr attr = {0};
        attr.__stackaddr = (void *)(LOADER_STACK_TOP - LOADER_STACK_SIZE);
        attr.__stacksize = sp - (LOADER_STACK_TOP - LOADER_STACK_SIZE);
        if (ThreadCreate(pid, (void *(*)(void *))img.entry, (void *)sp, &attr) < 0)
            err = -errno;
    }
    if (err) {
        ProcDestroy(pid, 127);
        int status;
        ProcWait(pid, &status);
        return err;
    }
    return pid;
}
