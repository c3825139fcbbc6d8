"""Counts guest instructions of message round trips on QSOE/L. This seL4 (two nodes) cannot
boot under QEMU 7.2's -icount, so instead QEMU runs one instruction per translation block and
logs every block it executes; the script counts what one hart executes between a
bench_batch_begin and a bench_batch_end (one batch of round trips, user and kernel alike).
In one boot (run=bench/l_msg) it counts two batches of 100 round trips:

* raw: taskman-L's own seL4_Call + seL4_ReplyRecv between two of its threads (a passive
  server), at boot (taskman/sel4/ipc_selftest.c);
* msgsend: a 16-byte MsgSend -> MsgReceive -> MsgReply between the two processes of
  bench/l_msg, through libc's seL4 layer.

With --profile it also says which functions (user and seL4's) the instructions went to.
Standard library only; run after make VARIANT=l."""

import bisect
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import qemu  # noqa: E402

ROUNDS = 100  # round trips in one batch (ROUNDS in ipc_selftest.c and msg_pair.c)
TRACE = re.compile(r"^Trace (\d+): \S+ \[[0-9a-f]+/([0-9a-f]+)/")
SKIMMER_16 = 983  # docs/benchmarks.md: Skimmer's 16-byte MsgSend round trip, same hart
KERNEL_BASE = 0xffffffff80000000
SBI_BASE = 0x80000000  # OpenSBI, in physical memory below seL4


def symbols(elf):
    """Sorted (address, name) of the functions of an ELF file."""
    out = subprocess.run(["riscv64-unknown-elf-nm", "-n", elf], capture_output=True, text=True,
                         check=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            syms.append((int(parts[0], 16), parts[2]))
    return syms


def address(syms, name, elf):
    for addr, sym in syms:
        if sym == name:
            return addr
    sys.exit(f"sel4_insns: {name} not in {elf}")


def text_end(elf):
    """The end of an ELF file's executable segment."""
    out = subprocess.run(["riscv64-unknown-elf-readelf", "-lW", elf], capture_output=True,
                         text=True, check=True).stdout
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == "LOAD" and "E" in f[6:-1]:
            return int(f[2], 16) + int(f[5], 16)
    sys.exit(f"sel4_insns: no executable segment in {elf}")


class Batch:
    """One batch to count: from `begin` to `end` on the hart that reached `begin`."""

    def __init__(self, name, begin, end, user_syms):
        self.name, self.begin, self.end, self.user_syms = name, begin, end, user_syms
        self.hart = None
        self.count = None
        self.pcs = {}


def name_of(syms, pc):
    i = bisect.bisect_right(syms, (pc, "\uffff")) - 1
    return syms[i][1] if i >= 0 else hex(pc)


def run_trace(batches, profile):
    """Boots QSOE/L with run=bench/l_msg under the trace and counts the batches in turn."""
    with tempfile.TemporaryDirectory() as tmp:
        fifo = os.path.join(tmp, "trace")
        os.mkfifo(fifo)
        # Leave the loader's copying out of the trace; everything after it is traced.
        # A 1 s time slice: the trace slows the guest against the timer a thousandfold, and
        # no budget expiry may land in a batch.
        cmd = qemu.qemu_command(append="run=bench/l_msg timeslice=1000000", variant="l") + [
            "-singlestep", "-d", "exec,nochain", "-D", fifo,
            "-dfilter", "0x0..0x8fffffff,0xffffffff80000000..0xffffffffffffffff"]
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        todo = list(batches)
        with open(fifo, errors="replace") as log:
            for line in log:
                m = TRACE.match(line)
                if not m:
                    continue
                b = todo[0]
                cpu, pc = m.group(1), int(m.group(2), 16)
                if b.hart is None:
                    if pc == b.begin:
                        b.hart, b.count = cpu, 0
                    continue
                if cpu != b.hart:
                    continue
                if pc == b.end:
                    todo.pop(0)
                    if not todo:
                        break
                    continue
                b.count += 1
                if profile:
                    b.pcs[pc] = b.pcs.get(pc, 0) + 1
        proc.kill()
        proc.wait()
    for b in batches:
        if b.count is None or b.hart is None or b in todo:
            sys.exit(f"sel4_insns: the trace never reached the end of the {b.name} batch")


def print_profile(b, kernel_syms):
    per = {}
    for pc, n in b.pcs.items():
        if pc >= KERNEL_BASE:
            where = f"seL4 {name_of(kernel_syms, pc)}"
        elif pc >= SBI_BASE:
            where = "OpenSBI (M-mode: seL4 setting the timer)"
        else:
            where = name_of(b.user_syms, pc)
        per[where] = per.get(where, 0) + n
    print(f"  {b.name}: instructions per round trip by function")
    for where, n in sorted(per.items(), key=lambda kv: -kv[1]):
        if n * 10 >= ROUNDS * 5:  # at least 0.5 a round trip
            print(f"    {n / ROUNDS:8.1f}  {where}")


def wall_figures():
    """The programs' own wall-time figures (ns per round trip) from a boot without the trace."""
    b = qemu.boot("run=bench/l_msg", timeout=120, variant="l")
    found = dict(re.findall(r"BENCH (\S+) (\d+)", b.output))
    if b.code != 0 or "l_msgsend_16_ns" not in found:
        sys.exit("sel4_insns: bench/l_msg failed:\n" + b.output[-1500:])
    return found


def main():
    profile = "--profile" in sys.argv[1:]
    tm_elf = os.path.join(qemu.BUILD, "sel4", "taskman-l.elf")
    msg_elf = os.path.join(qemu.BUILD, "l", "elf", "bench", "l_msg")
    tm_syms, msg_syms = symbols(tm_elf), symbols(msg_elf)
    kernel_syms = symbols(os.path.join(os.environ.get("SEL4_PREFIX", "/opt/seL4"), "bin",
                                       "kernel.elf"))
    begin = address(msg_syms, "bench_batch_begin", msg_elf)
    end = address(msg_syms, "bench_batch_end", msg_elf)
    # taskman-L is linked where programs are: its code must not reach bench/l_msg's marks.
    if min(begin, end) < text_end(tm_elf):
        sys.exit("sel4_insns: bench/l_msg's marks lie inside taskman-L's code")
    raw = Batch("raw seL4_Call + seL4_ReplyRecv", address(tm_syms, "bench_batch_begin", tm_elf),
                address(tm_syms, "bench_batch_end", tm_elf), tm_syms)
    msg = Batch("16-byte MsgSend", begin, end, msg_syms)
    start = time.monotonic()
    run_trace([raw, msg], profile)
    traced = time.monotonic() - start
    wall = wall_figures()
    print(f"BENCH sel4_raw_call_replyrecv {raw.count // ROUNDS}  (taskman-L's two threads, one "
          f"address space; {raw.count} instructions for {ROUNDS} round trips, with the loop "
          f"and two time reads; wall {wall.get('sel4_raw_call_replyrecv_ns', '?')} ns)")
    print(f"BENCH l_msgsend_16 {msg.count // ROUNDS}  (bench/l_msg's two processes; "
          f"{msg.count} instructions for {ROUNDS} round trips, with the loop; "
          f"wall {wall['l_msgsend_16_ns']} ns)")
    print(f"BENCH l_msgsend_16 / raw: {msg.count / raw.count:.2f}; Skimmer's 16-byte MsgSend "
          f"(docs/benchmarks.md): {SKIMMER_16}; trace run {traced:.0f} s")
    if profile:
        print_profile(raw, kernel_syms)
        print_profile(msg, kernel_syms)


if __name__ == "__main__":
    main()
