"""Counts the guest instructions of seL4_Call + seL4_ReplyRecv round trips on QSOE/L. This
seL4 (two nodes) cannot boot under QEMU 7.2's -icount, so instead QEMU runs one instruction
per translation block and logs every block it executes; the instructions taskman-L's hart
executes between bench_batch_begin and bench_batch_end (one batch of round trips, user and
kernel alike) are counted. Standard library only; run after make VARIANT=l."""

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import qemu  # noqa: E402

ROUNDS = 100  # round trips in one batch (ROUNDS in taskman/sel4/ipc_selftest.c)
TRACE = re.compile(r"^Trace (\d+): \S+ \[[0-9a-f]+/([0-9a-f]+)/")


def symbol(elf, name):
    out = subprocess.run(["riscv64-unknown-elf-nm", elf], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        addr, _, sym = line.split()
        if sym == name:
            return int(addr, 16)
    sys.exit(f"sel4_insns: {name} not in {elf}")


def count(log, begin, end):
    """Instructions from the first execution of `begin` to `end` on the same hart."""
    hart = None
    n = 0
    for line in log:
        m = TRACE.match(line)
        if not m:
            continue
        cpu, pc = m.group(1), int(m.group(2), 16)
        if hart is None:
            if pc == begin:
                hart = cpu
            continue
        if cpu != hart:
            continue
        if pc == end:
            return n
        n += 1
    return None


def main():
    elf = os.path.join(qemu.BUILD, "sel4", "taskman-l.elf")
    begin, end = symbol(elf, "bench_batch_begin"), symbol(elf, "bench_batch_end")
    with tempfile.TemporaryDirectory() as tmp:
        fifo = os.path.join(tmp, "trace")
        os.mkfifo(fifo)
        # Leave the loader's copying out of the trace; everything after it is traced.
        cmd = qemu.qemu_command(variant="l") + [
            "-singlestep", "-d", "exec,nochain", "-D", fifo,
            "-dfilter", "0x0..0x8fffffff,0xffffffff80000000..0xffffffffffffffff"]
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        with open(fifo, errors="replace") as log:
            n = count(log, begin, end)
        proc.kill()
        proc.wait()
    if n is None:
        sys.exit("sel4_insns: the trace never reached bench_batch_end")
    print(f"BENCH sel4_raw_call_replyrecv {n // ROUNDS}  ({n} instructions for {ROUNDS} round "
          f"trips, including the loop and two time reads)")


if __name__ == "__main__":
    main()
