/*
 * Loading the first process (taskman, or the program named by init= on the kernel command
 * line) from the newc cpio boot image. The program is checked like any untrusted ELF file; the
 * whole boot image is then shown to it read-only at BOOT_IMAGE_BASE.
 */
#include <mm.h>
#include <process.h>
#include <qsoe/cmdline.h>
#include <qsoe/cpio.h>
#include <qsoe/elf.h>

#include <abi/auxv.h>
#include <abi/kercall.h>

static unsigned elf_prot_to_vm(uint32_t prot)
{
    return ((prot & ELF_PROT_R) ? VM_R : 0) | ((prot & ELF_PROT_W) ? VM_W : 0) |
           ((prot & ELF_PROT_X) ? VM_X : 0);
}

static int load_segments(struct process *p, const uint8_t *file, const struct elf_image *img)
{
    for (int i = 0; i < img->nseg; i++) {
        const struct elf_segment *s = &img->seg[i];
        uintptr_t start = ALIGN_DOWN(s->vaddr, PAGE_SIZE);
        uintptr_t end = ALIGN_UP(s->vaddr + s->memsz, PAGE_SIZE);
        int err = vm_map_anon(&p->as, start, end - start, elf_prot_to_vm(s->prot));
        if (!err)
            err = vm_write(&p->as, s->vaddr, file + s->offset, s->filesz, false);
        if (err)
            return err;
    }
    return 0;
}

static int show_boot_image(struct process *p, uintptr_t start, uintptr_t end)
{
    for (uintptr_t pa = ALIGN_DOWN(start, PAGE_SIZE); pa < end; pa += PAGE_SIZE) {
        uintptr_t va = BOOT_IMAGE_BASE + (pa - ALIGN_DOWN(start, PAGE_SIZE));
        int err = arch_pt_map(p->as.root, va, pa, VM_R | VM_U | VM_SHARED);
        if (err)
            return err;
    }
    return 0;
}

void boot_start_first_process(void)
{
    if (!platform.initrd_start || platform.initrd_end <= platform.initrd_start)
        panic("no boot image: start QEMU with -initrd build/modpkg.cpio");
    const void *image = pa_to_kva(platform.initrd_start);
    size_t image_size = platform.initrd_end - platform.initrd_start;
    char buf[64];
    const char *init = cmdline_value(platform.bootargs, "init", buf, sizeof(buf), "taskman");
    char name[64];
    size_t nlen = strnlen(init, sizeof(name) - 1);
    memcpy(name, init, nlen);
    name[nlen] = '\0';

    struct cpio_entry entry;
    int err = cpio_find(image, image_size, name, &entry);
    if (err)
        panic("boot image: cannot find '%s' (error %d); is it in modpkg.cpio?", name, err);
    struct elf_image img;
    struct elf_limits limits = {USER_LOW, BOOT_IMAGE_BASE, PAGE_SIZE};
    err = elf_check(entry.data, entry.size, &limits, &img);
    if (err)
        panic("boot image: '%s' is not a loadable RISC-V executable (error %d)", name, err);

    const char *base = name;
    for (const char *s = name; *s; s++)
        if (*s == '/')
            base = s + 1;
    struct process *p = process_create(base, _NTO_PF_TASKMAN | _NTO_PF_IO);
    if (!p)
        panic("no memory for the first process");
    err = load_segments(p, entry.data, &img);
    if (!err)
        err = show_boot_image(p, platform.initrd_start, platform.initrd_end);
    if (err)
        panic("loading '%s' failed (error %d)", name, err);

    struct _thread_attr attr = {0};
    attr.__flags = PTHREAD_EXPLICIT_SCHED;
    attr.__policy = SCHED_RR;
    attr.__param.sched_priority = PRIORITY_DEFAULT;
    struct thread *t;
    int tid = thread_prepare(p, img.entry, 0, &attr, &t);
    if (tid < 0)
        panic("cannot start the first thread of '%s' (error %d)", name, tid);

    /* The start-up block (include/abi/auxv.h): argv = { name }, no environment. */
    uintptr_t sp = t->frame->regs[TF_SP];
    size_t cmd_len = strlen(platform.bootargs) + 1, name_len = strlen(name) + 1;
    uintptr_t cmd_va = sp - cmd_len;
    uintptr_t name_va = cmd_va - name_len;
    uint64_t block[] = {1,
                        name_va,
                        0,
                        0,
                        AT_PAGESZ,
                        PAGE_SIZE,
                        AT_ENTRY,
                        img.entry,
                        AT_QSOE_BOOTIMAGE,
                        BOOT_IMAGE_BASE,
                        AT_QSOE_BOOTIMAGE_SIZE,
                        image_size,
                        AT_QSOE_CMDLINE,
                        cmd_va,
                        AT_NULL,
                        0};
    sp = ALIGN_DOWN(name_va - sizeof(block), 16);
    err = vm_write(&p->as, cmd_va, platform.bootargs, cmd_len, false);
    if (!err)
        err = vm_write(&p->as, name_va, name, name_len, false);
    if (!err)
        err = vm_write(&p->as, sp, block, sizeof(block), false);
    if (err)
        panic("cannot build the start-up block of '%s' (error %d)", name, err);
    t->frame->regs[TF_SP] = sp;
    arch_frame_set_arg(t->frame, 0, sp);
    thread_start(t);
    kprintf("skimmer: starting %s (pid %d) from the boot image\n", name, p->pid);
}
