"""Instruction profile of a traced QEMU run: reads a log made with -d in_asm,exec,nochain and
counts, between two executions of the kernel's null-call handler (kc_nop), the guest
instructions spent in each function. Run it without -icount: under icount QEMU splits blocks
and the sizes read from the log no longer match. User code of different programs shares
addresses, so user-side names are only a guide. Standard library only.
Usage: profile_trace.py LOG KERNEL_ELF USER_ELF"""

import bisect
import collections
import re
import subprocess
import sys


def symbols(elf):
    out = subprocess.run(["riscv64-unknown-elf-nm", "-n", elf], capture_output=True,
                         text=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            syms.append((int(parts[0], 16), parts[2]))
    return syms


def main():
    log, kernel, user = sys.argv[1:4]
    syms = sorted(symbols(kernel) + symbols(user))
    addrs = [a for a, _ in syms]
    mark = next(a for a, n in syms if n == "kc_nop")
    tb_size = {}
    cur = None
    counting = False
    marks = 0
    per_fn = collections.Counter()
    with open(log, errors="replace") as f:
        for line in f:
            if line.startswith("IN:"):
                cur = None
                continue
            m = re.match(r"0x([0-9a-f]+):\s", line)
            if m and cur is None:
                cur = int(m.group(1), 16)
                tb_size[cur] = 0
            if m:
                tb_size[cur] += 1
                continue
            t = re.search(r"Trace \d+: 0x[0-9a-f]+ \[[0-9a-f]+/([0-9a-f]+)/", line)
            if t:
                pc = int(t.group(1), 16)
                if pc == mark:
                    marks += 1
                    counting = marks == 1
                    continue
                if counting:
                    i = bisect.bisect_right(addrs, pc) - 1
                    per_fn[syms[i][1] if i >= 0 else hex(pc)] += tb_size.get(pc, 0)
    total = sum(per_fn.values())
    print(f"total {total} instructions between the marks")
    for name, n in per_fn.most_common(45):
        print(f"{n:8d}  {name}")


if __name__ == "__main__":
    main()
