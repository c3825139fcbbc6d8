/*
 * Processes: spawning from the boot image, exit status, a fault that ends only its own
 * process, termination of a process with threads on both harts, and the privileged calls.
 */
#include "harness.h"

#define STATUS_FAULT (0x10000 | 11) /* ended as if by SIGSEGV */

void test_processes(void)
{
    char *hello[] = {"test/hello", "7", "second", NULL};
    CHECK("a spawned program's exit status comes back",
          spawn_and_wait("test/hello", hello, 0) == 7);

    static const char *const modes[] = {"store", "load", "exec", "illegal", "kernel"};
    for (int i = 0; i < 5; i++) {
        char *argv[] = {"test/fault", (char *)modes[i], NULL};
        char name[96];
        snprintf(name, sizeof(name), "a %s fault ends only the faulting process", modes[i]);
        CHECK(name, spawn_and_wait("test/fault", argv, 0) == STATUS_FAULT);
    }

    char *threads[] = {"test/threads_exit", NULL};
    CHECK("exit with threads running on both harts ends them all with the exit status",
          spawn_and_wait("test/threads_exit", threads, 0) == 3);

    char *unpriv[] = {"test/unprivileged", NULL};
    CHECK("an unprivileged process is refused the privileged calls",
          spawn_and_wait("test/unprivileged", unpriv, 0) == 0);

    int pid = ProcCreate(0, "empty");
    CHECK("ProcCreate makes an empty process", pid > 0);
    CHECK_ERR("ProcMemMap of an unaligned address gives EINVAL", ProcMemMap(pid, 0x10001, 4096, 3),
              EINVAL);
    CHECK_ERR("ProcMemMap of length 0 gives EINVAL", ProcMemMap(pid, 0x10000, 0, 3), EINVAL);
    CHECK_ERR("ProcMemMap into the kernel half gives EINVAL",
              ProcMemMap(pid, 0xffffffc000000000ul, 4096, 3), EINVAL);
    CHECK_ERR("ProcMemMap of a wrapping range gives EINVAL",
              ProcMemMap(pid, 0xfffffffffffff000ul, 0x2000, 3), EINVAL);
    CHECK_ERR("ProcMemMap with unknown protection bits gives EINVAL",
              ProcMemMap(pid, 0x10000, 4096, 0x80), EINVAL);
    CHECK("ProcMemMap maps fresh pages", ProcMemMap(pid, 0x10000, 8192, 3) == 0);
    CHECK_ERR("ProcMemMap over mapped pages gives EEXIST", ProcMemMap(pid, 0x11000, 4096, 3),
              EEXIST);
    CHECK("ProcMemWrite copies into the process", ProcMemWrite(pid, 0x10010, "abc", 3) == 0);
    CHECK_ERR("ProcMemWrite from a kernel address gives EFAULT",
              ProcMemWrite(pid, 0x10000, KERNEL_ADDR, 16), EFAULT);
    CHECK_ERR("ProcMemWrite from an unmapped address gives EFAULT",
              ProcMemWrite(pid, 0x10000, UNMAPPED_ADDR, 16), EFAULT);
    CHECK_ERR("ProcMemWrite to unmapped memory of the process gives EFAULT",
              ProcMemWrite(pid, 0x40000, "abc", 3), EFAULT);
    CHECK_ERR("ProcWait into a kernel address gives EFAULT", ProcWait(pid, KERNEL_ADDR), EFAULT);
    CHECK_ERR("ProcWait on itself gives EDEADLK", ProcWait(1, NULL), EDEADLK);
    CHECK("ProcDestroy ends a process", ProcDestroy(pid, 9) == 0);
    int status = -1;
    CHECK("ProcWait collects a destroyed process with its status",
          ProcWait(pid, &status) == pid && status == 9);
    CHECK_ERR("a collected pid is stale: ProcWait gives ESRCH", ProcWait(pid, &status), ESRCH);
    CHECK_ERR("a stale pid: ProcMemMap gives ESRCH", ProcMemMap(pid, 0x10000, 4096, 3), ESRCH);
    CHECK_ERR("ProcWait on a pid never used gives ESRCH", ProcWait(12345678, &status), ESRCH);
    char *hello5[] = {"test/hello", "5", NULL};
    int any = spawn_from_boot_image("test/hello", hello5, 0);
    status = -1;
    CHECK("ProcWait(-1) collects whichever process ends, with its pid and status",
          ProcWait(-1, &status) == any && status == 5);
    CHECK_ERR("ProcCreate with unknown flags gives EINVAL", ProcCreate(0x100, "x"), EINVAL);
    CHECK_ERR("ProcCreate with a kernel-address name gives EFAULT", ProcCreate(0, KERNEL_ADDR),
              EFAULT);
}
