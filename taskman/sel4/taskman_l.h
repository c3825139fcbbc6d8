/*
 * The parts of taskman-L, the seL4 root task of QSOE/L: console, untyped memory and cap slots,
 * its own address space, threads, the boot cpio, the first process and the end of the machine.
 */
#ifndef TASKMAN_L_H
#define TASKMAN_L_H

#include <stddef.h>
#include <stdint.h>

#include <sel4/sel4.h>

// Priority of taskman-L's main thread (the root task starts at the top priority).
#define TASKMAN_PRIO seL4_MaxPrio

// What seL4 told the root task at boot.
extern const seL4_BootInfo *tm_bootinfo;

// Entered from crt0.S with TLS set up.
_Noreturn void taskman_start(seL4_BootInfo *bi);

void tm_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

// Reports what failed and ends the machine with exit status 1.
_Noreturn void tm_fatal(const char *what, long err);

// Ends QEMU with `code` (0 = success) through the sifive_test device.
_Noreturn void tm_poweroff(unsigned code);
void poweroff_init(void);

// Untyped memory, in the smallest boot untyped that still has room for each object.
void untyped_init(const seL4_BootInfo *bi);
seL4_CPtr slot_alloc(void);
void slot_free(seL4_CPtr slot); // deletes the cap in it first
seL4_CPtr object_alloc(seL4_Word type, unsigned size_bits);
uint64_t untyped_ram_bytes(void);
// The RAM untyped memory not yet retyped, in bytes.
uint64_t untyped_free_bytes(void);
unsigned untyped_count(void);

// Maps the device page at paddr into taskman-L itself at va (device.c).
void device_map_self(uint64_t paddr, uint64_t va);

// Maps a 4 KiB frame (never executable) into taskman-L's own address space, adding page
// tables as needed.
void vspace_map(seL4_CPtr frame, uint64_t va, seL4_CapRights_t rights);

// The same in the VSpace whose root page table is `root`, with mapping attributes `attrs`
// (seL4_RISCV_ExecuteNever or not). Page tables it adds go to added[] (at most two), if not
// NULL; returns how many it added.
int vspace_map_in(seL4_CPtr root, seL4_CPtr frame, uint64_t va, seL4_CapRights_t rights,
                  seL4_Word attrs, seL4_CPtr added[2]);

// The cap of the user-image frame that backs `va` (a page inside taskman-L's image).
seL4_CPtr image_frame(const void *va);

// Sets up a thread's TLS block in its IPC-buffer page (tls.c); the return value is its tp.
uintptr_t tls_init(seL4_IPCBuffer *ipc, int tid);

// Called from crt0.S: the main thread's TLS block, in the IPC-buffer page seL4 gave.
uintptr_t tls_main(const seL4_BootInfo *bi);

// The command line (the device tree's /chosen "bootargs"), "" when there is none.
const char *bootargs(void);

// The boot cpio the loader put inside taskman-L's image (include/boot/sel4_boot.h).
const void *bootmods_cpio(size_t *size);

// A thread in taskman-L's address space with its own stack, TLS, IPC buffer, TCB and
// scheduling context; it starts in entry(arg) at once.
struct tm_thread {
    seL4_CPtr tcb, sc;
};
void thread_start(struct tm_thread *t, void (*entry)(uintptr_t), uintptr_t arg, unsigned prio);

// The first IPC over seL4: a round trip with a second thread, then a timed loop of them.
void ipc_selftest(void);
void bench_batch_begin(void);
void bench_batch_end(void);

#endif
