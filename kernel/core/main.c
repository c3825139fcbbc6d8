/*
 * Kernel start-up: read the device tree, bring up the console, memory, the interrupt
 * controller and every hart, load the first process from the boot image, and become the boot
 * hart's idle thread.
 */
#include <mm.h>
#include <process.h>
#include <qsoe/fdt.h>

#define SKIMMER_VERSION "0.1"

struct platform platform;
static struct thread idle_threads[MAX_CPUS];

extern char kernel_start[], kernel_end[];

void kmain(unsigned long hartid, uintptr_t dtb_pa);
void secondary_main(struct cpu *c);
void boot_start_first_process(void);

static void init_idle(struct cpu *c, int index, uint32_t hartid)
{
    sched_init_cpu(c);
    c->index = index;
    c->hartid = hartid;
    struct thread *idle = &idle_threads[index];
    idle->state = STATE_RUNNING;
    idle->cpu = c;
    idle->prio = 0;
    idle->policy = SCHED_FIFO;
    list_init(&idle->rq_link);
    list_init(&idle->timeout_link);
    c->idle = idle;
    c->cur = idle;
}

static void start_secondary_harts(const struct fdt_platform *fp, uint32_t boot_hart)
{
    for (int i = 0; i < fp->nharts && ncpus < MAX_CPUS; i++) {
        if (fp->hart_ids[i] == boot_hart)
            continue;
        struct cpu *c = &cpus[ncpus];
        init_idle(c, ncpus, fp->hart_ids[i]);
        void *stack = page_alloc(KSTACK_SIZE / PAGE_SIZE);
        if (!stack)
            panic("no memory for the stack of hart %u", fp->hart_ids[i]);
        c->idle->kstack = stack;
        c->boot_sp = (uintptr_t)stack + KSTACK_SIZE;
        ncpus++;
        if (arch_start_hart(fp->hart_ids[i], c) < 0) {
            kprintf("skimmer: hart %u did not start (SBI HSM refused); going on without it\n",
                    fp->hart_ids[i]);
            ncpus--;
            continue;
        }
        /* Wait in wfi, not in a busy loop: under QEMU's -icount a spinning hart would keep
           the starting one from ever running. */
        uint64_t give_up = arch_time_now() + ns_to_ticks(1000000000ul);
        while (!__atomic_load_n(&c->online, __ATOMIC_ACQUIRE) && arch_time_now() < give_up) {
            arch_timer_arm(arch_time_now() + ns_to_ticks(100000));
            arch_wait_for_interrupt();
        }
        if (!c->online)
            panic("hart %u was started but never came up", fp->hart_ids[i]);
    }
}

void kmain(unsigned long hartid, uintptr_t dtb_pa)
{
    static struct fdt_platform fp;
    const void *dtb = pa_to_kva(dtb_pa);
    uint32_t dtb_size = fdt_total_size(dtb);
    int err = fdt_parse_platform(dtb, dtb_size ? dtb_size : 64, &fp);
    if (err)
        arch_power_off(2); /* no console without a device tree: nothing to print on */
    console_init(fp.uart_base);
    platform.timebase_hz = fp.timebase_hz ? fp.timebase_hz : 10000000;
    platform.test_base = fp.test_base;
    platform.initrd_start = fp.initrd_start;
    platform.initrd_end = fp.initrd_end;
    memcpy(platform.bootargs, fp.bootargs, sizeof(platform.bootargs));

    uint64_t mem_base = fp.mem[0].base, mem_size = fp.mem[0].size;
    kprintf("\nSkimmer " SKIMMER_VERSION " (QSOE/N) on RISC-V: boot hart %lu, %d harts, "
            "%lu MiB at 0x%lx\n",
            hartid, fp.nharts, mem_size >> 20, mem_base);

    page_alloc_init(mem_base, mem_size);
    for (int i = 0; i < fp.nmem; i++)
        memory_add_ram(fp.mem[i].base, fp.mem[i].size);
    page_alloc_reserve(mem_base, kva_to_pa(kernel_start) - mem_base); /* firmware */
    page_alloc_reserve(kva_to_pa(kernel_start), (uintptr_t)(kernel_end - kernel_start));
    page_alloc_reserve(dtb_pa, dtb_size);
    page_alloc_reserve(fp.initrd_start, fp.initrd_end - fp.initrd_start);
    for (int i = 0; i < fp.nreserved; i++)
        page_alloc_reserve(fp.reserved[i].base, fp.reserved[i].size);
    arch_mmu_init();

    struct cpu *boot = &cpus[0];
    init_idle(boot, 0, (uint32_t)hartid);
    ncpus = 1;
    arch_cpu_init(boot);
    arch_irq_init(fp.plic_base, fp.plic_ndev);
    arch_irq_enable_hart(boot);
    boot->online = true;
    kprintf("skimmer: hart %lu up (cpu 0), %lu pages free\n", hartid,
            (unsigned long)page_free_count());

    start_secondary_harts(&fp, (uint32_t)hartid);
    boot_start_first_process();
    sched_idle_loop();
}

void secondary_main(struct cpu *c)
{
    arch_mmu_init_secondary();
    arch_cpu_init(c);
    arch_irq_enable_hart(c);
    kprintf("skimmer: hart %u up (cpu %d)\n", c->hartid, c->index);
    __atomic_store_n(&c->online, true, __ATOMIC_RELEASE);
    sched_idle_loop();
}
