/* The call interface itself: numbers, ENOSYS, and the console write with bad buffers. */
#include "harness.h"

void test_calls(void)
{
    CHECK("the null kernel call returns 0", __kercall(KER_NOP, 0, 0, 0, 0, 0, 0) == 0);
    CHECK("a call number past the table gives ENOSYS",
          __kercall(KER_NCALLS, 0, 0, 0, 0, 0, 0) == -ENOSYS);
    CHECK("a huge call number gives ENOSYS", __kercall(0x7fffffff, 0, 0, 0, 0, 0, 0) == -ENOSYS);
    CHECK("a negative call number gives ENOSYS", __kercall(-1, 0, 0, 0, 0, 0, 0) == -ENOSYS);

    CHECK("ConsoleWrite returns the length written", ConsoleWrite("", 0) == 0);
    CHECK_ERR("ConsoleWrite from NULL gives EFAULT", ConsoleWrite(NULL, 4), EFAULT);
    CHECK_ERR("ConsoleWrite from a kernel address gives EFAULT", ConsoleWrite(KERNEL_ADDR, 4),
              EFAULT);
    CHECK_ERR("ConsoleWrite from an unmapped address gives EFAULT", ConsoleWrite(UNMAPPED_ADDR, 4),
              EFAULT);
    CHECK_ERR("ConsoleWrite of a wrapping range gives EFAULT", ConsoleWrite(WRAP_ADDR, 64), EFAULT);
    CHECK_ERR("ConsoleWrite of more than 64 KiB gives E2BIG", ConsoleWrite("x", 1ul << 20), E2BIG);
}
