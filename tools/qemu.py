"""Boot a QSOE image in QEMU with a time limit, capture (and optionally drive) the serial
console, and report how the machine ended: its exit code (the guest ends QEMU through SBI or
the sifive_test device) or a time-out. Standard library only."""

import os
import re
import select
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")


class Boot:
    """The outcome of one boot: exit code (None on time-out), console text, wall seconds."""

    def __init__(self, code, output, seconds, timed_out):
        self.code = code
        self.output = output
        self.seconds = seconds
        self.timed_out = timed_out


def qemu_command(append="", smp=2, memory=None, icount=False, kernel=None, initrd=None,
                 variant="n", extra=()):
    """QSOE/N boots Skimmer with the cpio as the initrd; QSOE/L boots one image (the loader
    with seL4, taskman-L and the cpio inside) and needs 512 MiB, the RAM seL4 was built for.
    `extra` is a list of further QEMU arguments (devices: ["-device", "e1000"])."""
    cmd = [
        "qemu-system-riscv64", "-M", "virt", "-smp", str(smp),
        "-bios", "default", "-display", "none", "-serial", "stdio", "-monitor", "none",
        "-no-reboot",
    ]
    if variant == "l":
        cmd += ["-m", memory or "512M", "-kernel", kernel or os.path.join(BUILD, "qsoe-l.elf")]
    else:
        cmd += ["-m", memory or "256M",
                "-kernel", kernel or os.path.join(BUILD, "skimmer.elf"),
                "-initrd", initrd or os.path.join(BUILD, "modpkg.cpio")]
    if append:
        cmd += ["-append", append]
    if icount:
        cmd += ["-icount", "shift=0,sleep=off"]
    return cmd + list(extra)


def boot(append="", timeout=120, until=None, send=None, **kw):
    """Boots and waits for QEMU to exit, or for the text `until` to appear on the console (the
    machine is then stopped and counts as exited with code 0), or for `timeout` seconds.
    `send` is a list of (expected text, input) pairs: when the text appears, input is typed."""
    cmd = qemu_command(append, **kw)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    out = b""
    pending = list(send or [])
    timed_out = False
    code = None
    while True:
        left = timeout - (time.monotonic() - start)
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([proc.stdout], [], [], min(left, 0.5))
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            out += chunk
            text = out.decode("utf-8", "replace")
            while pending and pending[0][0] in text:
                proc.stdin.write(pending.pop(0)[1].encode())
                proc.stdin.flush()
            if until and until in text:
                code = 0
                break
        elif proc.poll() is not None:
            break
    if code is None and not timed_out:
        code = proc.wait()
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    text = out.decode("utf-8", "replace").replace("\r\n", "\n")
    return Boot(code, text, time.monotonic() - start, timed_out)


class Console:
    """A running QEMU driven through its serial console: what it printed so far (text, with
    CR LF made LF), typing into it, and waiting for what it prints."""

    PROMPT = re.compile(r"[#$] \x1b\[K$")  # qsh's fresh prompt: "/ # " then erase-to-end

    def __init__(self, append="", **kw):
        self.proc = subprocess.Popen(qemu_command(append, **kw), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.text = ""
        self.raw = b""

    def wait_for(self, pattern, start=0, timeout=60):
        """Reads until the regex pattern matches the text from offset start; the match, or
        None if QEMU ends or timeout seconds pass first."""
        deadline = time.monotonic() + timeout
        while True:
            m = pattern.search(self.text, start)
            if m:
                return m
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None:
                return None
            ready, _, _ = select.select([self.proc.stdout], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk:
                    return None
                self.raw += chunk
                # CR LF becomes LF; a CR at the end may be the first half of one: held back.
                whole = self.raw.decode("utf-8", "replace")
                keep = whole.endswith("\r")
                self.text = whole[: -1 if keep else None].replace("\r\n", "\n")

    def type(self, keys):
        self.proc.stdin.write(keys.encode())
        self.proc.stdin.flush()

    def run_line(self, line, timeout=60):
        """Types line and Enter at the shell and waits for the next prompt; the lines it
        printed (without the shell's redrawing of the line being edited), or None."""
        start = len(self.text)
        self.type(line + "\n")
        m = self.wait_for(self.PROMPT, start, timeout)
        if not m:
            return None
        text = self.text[start:m.start()]
        lines = text[: text.rfind("\n")].split("\n")[1:]
        return [l.replace("\r", "") for l in lines if "\x1b[K" not in l]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
