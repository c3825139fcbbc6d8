"""QSOE benchmarks: boots QSOE/N under QEMU with -icount shift=0,sleep=off (guest instructions
are then exact and repeatable) and reports instructions per operation, with wall time besides.
Writes the results to build/bench.txt as well as the console."""

import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import qemu  # noqa: E402


def boot_to_taskman():
    print("bench: booting to taskman under -icount ...", flush=True)
    b = qemu.boot(timeout=120, until="init: QSOE/N is up", icount=True)
    m = re.search(r"taskman: first instruction at time (\d+) ns, instret (\d+)", b.output)
    if not m:
        sys.exit("bench: taskman never reported its first instruction:\n" + b.output[-1000:])
    print("bench: timing the same boot without -icount ...", flush=True)
    start = time.monotonic()
    w = qemu.boot(timeout=120, until="taskman: first instruction")
    wall = time.monotonic() - start
    return [("boot: power-on to taskman's first instruction (guest ns = instructions, all harts)",
             m.group(1)),
            ("boot: instructions retired by taskman's hart until then", m.group(2)),
            ("boot: wall seconds to taskman's first instruction (no icount, incl. QEMU start)",
             f"{wall:.2f}" if not w.timed_out else "timed out")]


def kernel_calls():
    print("bench: kernel-call micro-benchmarks under -icount ...", flush=True)
    start = time.monotonic()
    b = qemu.boot("init=bench/kernel", timeout=300, icount=True)
    wall = time.monotonic() - start
    rows = []
    for name, value in re.findall(r"BENCH (\S+) (\S+)", b.output):
        if name.endswith("_all_harts"):
            rows.append((f"{name[:-10]}: guest ns per op, both harts (icount)", value))
        else:
            rows.append((f"{name}: guest instructions per op, this hart", value))
    if b.code != 0 or not rows:
        sys.exit("bench: the kernel benchmark failed:\n" + b.output[-1500:])
    rows.append(("kernel benchmark run: wall seconds", f"{wall:.2f}"))
    return rows


def spawning():
    print("bench: process creation through taskman under -icount ...", flush=True)
    b = qemu.boot("run=bench/spawn", timeout=300, icount=True)
    found = dict(re.findall(r"BENCH (\S+) (\d+)", b.output))
    if b.code != 0 or len(found) < 2:
        sys.exit("bench: the spawn benchmark failed:\n" + b.output[-1500:])
    start = time.monotonic()
    w = qemu.boot("run=bench/spawn", timeout=300)
    wall = time.monotonic() - start
    wfound = dict(re.findall(r"BENCH (\S+) (\d+)", w.output))
    return [("posix_spawn + waitpid of a boot-image program: guest instructions, this hart",
             found["spawn_and_wait_this_hart"]),
            ("posix_spawn + waitpid of a boot-image program: guest ns, both harts (icount)",
             found["spawn_and_wait_all_harts_ns"]),
            ("posix_spawn + waitpid of a boot-image program: wall us (no icount)",
             str(int(wfound.get("spawn_and_wait_all_harts_ns", "0")) // 1000)),
            ("spawn benchmark run: wall seconds (no icount)", f"{wall:.2f}")]


def main():
    rows = boot_to_taskman() + kernel_calls() + spawning()
    width = max(len(r[0]) for r in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    with open(os.path.join(qemu.BUILD, "bench.txt"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
