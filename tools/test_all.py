"""Runs every QSOE test: host unit tests of the pure code, then system tests that boot QSOE/N
in QEMU. Each test case is one PASS or FAIL line; the run ends with 'N passed, N failed'.
Exits non-zero if anything failed."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

ROOT = qemu.ROOT
HOST_BUILD = os.path.join(ROOT, "build", "host")
HOST_CFLAGS = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-g", "-O1",
               "-fsanitize=address,undefined", "-fno-sanitize-recover=all",
               "-Icommon/include", "-iquote", "kernel/include"]

results = {"passed": 0, "failed": 0}


def report(ok, name, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("PASS " if ok else "FAIL ") + name + (f" ({detail})" if detail and not ok else ""),
          flush=True)


def count_lines(text, prefix):
    """Counts the PASS/FAIL lines a test program printed and echoes the failures."""
    passed = failed = 0
    for line in text.splitlines():
        if line.startswith("PASS " + prefix):
            passed += 1
        elif line.startswith("FAIL " + prefix):
            failed += 1
            print(line, flush=True)
    return passed, failed


def host_inputs():
    """Files the host tests read: QEMU's own device tree and a cpio made by the cpio tool."""
    os.makedirs(HOST_BUILD, exist_ok=True)
    dtb = os.path.join(HOST_BUILD, "virt.dtb")
    if not os.path.exists(dtb):
        subprocess.run(["qemu-system-riscv64", "-M", f"virt,dumpdtb={dtb}", "-smp", "2",
                        "-m", "256M", "-bios", "default", "-nographic"],
                       check=True, capture_output=True)
    archive = os.path.join(HOST_BUILD, "sample.cpio")
    tree = os.path.join(HOST_BUILD, "cpio-tree")
    os.makedirs(os.path.join(tree, "bin"), exist_ok=True)
    with open(os.path.join(tree, "bin", "hello"), "w") as f:
        f.write("hello from the sample archive\n")
    with open(os.path.join(tree, "README"), "w") as f:
        f.write("x" * 1000)
    subprocess.run("find . | sort | cpio -o -H newc --quiet > " + archive, shell=True,
                   cwd=tree, check=True)
    return {"fdt": [dtb], "cpio": [archive, tree]}


HOST_TESTS = {
    "fdt": ["common/fdt.c", "common/fdt_platform.c"],
    "cpio": ["common/cpio.c"],
    "elf": ["common/elf.c"],
    "page_pool": ["kernel/mm/page_pool.c"],
    "tty": ["servers/devc-ser8250/tty.c"],
    "libc_format": ["lib/c/src/format.c", "lib/c/src/length_modifier.c"],
    "libc_stdlib": ["-include", "tests/host/libc_stdlib/rename.h", "-Iinclude",
                    "lib/c/src/ctype.c", "lib/c/src/string.c", "lib/c/src/string_more.c",
                    "lib/c/src/strerror.c", "lib/c/src/strtol.c", "lib/c/src/strtod.c",
                    "lib/c/src/qsort.c", "lib/c/src/bsearch.c", "lib/c/src/malloc.c",
                    "tests/host/libc_stdlib/arena_pages.c"],
    "libc_time": ["tests/host/libc_time/time_renamed.c"],
    "libc_scanf": ["-include", "tests/host/libc_stdlib/rename.h", "-Iinclude", "-lm",
                   "tests/host/libc_scanf/scanf_renamed.c", "lib/c/src/length_modifier.c",
                   "lib/c/src/ctype.c", "lib/c/src/string.c", "lib/c/src/string_more.c", "lib/c/src/strtol.c", "lib/c/src/strtod.c",
                   "lib/c/src/malloc.c", "tests/host/libc_stdlib/arena_pages.c"],
}


def run_host_tests():
    inputs = host_inputs()
    for name, sources in HOST_TESTS.items():
        test_src = f"tests/host/{name}/test_{name}.c"
        exe = os.path.join(HOST_BUILD, f"test_{name}")
        build = subprocess.run(["gcc"] + HOST_CFLAGS + sources + [test_src, "-o", exe],
                               cwd=ROOT, capture_output=True, text=True)
        if build.returncode != 0:
            report(False, f"host {name}: builds", build.stderr.strip()[:2000])
            continue
        run = subprocess.run([exe] + inputs.get(name, []), cwd=ROOT, capture_output=True,
                             text=True, timeout=600)
        passed, failed = count_lines(run.stdout, "")
        results["passed"] += passed
        results["failed"] += failed
        if run.returncode != 0 and failed == 0:
            report(False, f"host {name}: exits cleanly",
                   f"exit {run.returncode}: {run.stderr.strip()[-2000:]}")
        print(f"host {name}: {passed} passed, {failed} failed", flush=True)
    run_utils_tests()


UTILS_BUILD = os.path.join(HOST_BUILD, "utils")
UTILS_CFLAGS = HOST_CFLAGS + ["-D_POSIX_C_SOURCE=200809L", "-D_DEFAULT_SOURCE",
                              "-Iprograms/lib"]


def build_utils():
    """Builds programs/lib into an archive and each utility against it, in parallel; returns
    {utility: error text or None}."""
    import concurrent.futures
    import glob
    os.makedirs(UTILS_BUILD, exist_ok=True)
    lib_objs = []
    for src in sorted(glob.glob(os.path.join(ROOT, "programs", "lib", "*.c"))):
        obj = os.path.join(UTILS_BUILD, "lib_" + os.path.basename(src)[:-2] + ".o")
        lib_objs.append((src, obj))

    def compile_one(job):
        src, obj = job
        r = subprocess.run(["gcc"] + UTILS_CFLAGS + ["-c", src, "-o", obj], cwd=ROOT,
                           capture_output=True, text=True)
        return r.returncode, r.stderr

    def link_one(name):
        srcs = sorted(glob.glob(os.path.join(ROOT, "programs", name, "*.c")))
        r = subprocess.run(["gcc"] + UTILS_CFLAGS + srcs + [archive, "-o",
                            os.path.join(UTILS_BUILD, name)],
                           cwd=ROOT, capture_output=True, text=True)
        return None if r.returncode == 0 else r.stderr.strip()[:2000]

    archive = os.path.join(UTILS_BUILD, "libutil.a")
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for (code, err), (src, _) in zip(pool.map(compile_one, lib_objs), lib_objs):
            if code != 0:
                return {"lib": f"{src}: {err.strip()[:2000]}"}
        if os.path.exists(archive):
            os.remove(archive)
        subprocess.run(["ar", "rcs", archive] + [o for _, o in lib_objs], check=True)
        import utils_cases
        names = sorted(set(u for u in utils_cases.UTILITIES))
        errors = dict(zip(names, pool.map(link_one, names)))
    bracket = os.path.join(UTILS_BUILD, "[")
    if errors.get("test") is None and not os.path.lexists(bracket):
        os.symlink("test", bracket)
    return errors


def run_utils_tests():
    """Builds the core utilities for Linux and compares each with the GNU tool on the same
    arguments, input and directory tree (tests/host/utils/utils_cases.py)."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "host", "utils"))
    import utils_cases
    errors = build_utils()
    for name, err in sorted(errors.items()):
        report(err is None, f"utils: {name} builds", err or "")
    counts = utils_cases.run_cases(UTILS_BUILD, report,
                                   skip=set(n for n, e in errors.items() if e))
    for util, (passed, failed) in sorted(counts.items()):
        print(f"host utils {util}: {passed} passed, {failed} failed", flush=True)


def run_suite(append, prefix, label, minimum, timeout):
    """Boots a test suite run from the kernel command line, counts its PASS/FAIL lines and
    checks that it ended the machine with status 0 after running at least `minimum` checks."""
    b = qemu.boot(append, timeout=timeout)
    passed, failed = count_lines(b.output, prefix)
    results["passed"] += passed
    results["failed"] += failed
    print(f"guest {label} suite: {passed} passed, {failed} failed", flush=True)
    report(b.code == 0 and not b.timed_out, f"guest: the {label} suite ends the machine with status 0",
           f"exit {b.code}, timed out={b.timed_out}, tail: {b.output[-1500:]!r}")
    report(passed >= minimum, f"guest: the {label} suite ran all its checks", f"only {passed} passed")
    return b


def run_guest_utils():
    """Types commands at init's prompt that run the utilities of the boot image, each waiting for
    the output of the one before. Typed text may be echoed around init's prompt, so each
    expected output is one the typed line does not contain, whatever comes before it."""
    steps = [  # (command and its input, output that shows it worked)
        ("printf %s-%03d\\n utils 7\n", "utils-007\r\n"),
        ("basename /usr/lib/libc.a .a\n", "libc\r\n"),
        ("env A=1 env\n", "A=1\r\n"),
        ("kill -l 9\n", "KILL\r\n"),
        ("false\n", "false: exit status 1"),
        ("sort\npear\napple\n\x04", "apple\r\npear\r\n"),
        ("tr a-z A-Z\nshout\n\x04", "SHOUT\r\n"),
        ("wc\na b\n\x04", "      1       2       4\r\n"),
        ("xargs echo x\n1 2\n\x04", "x 1 2\r\n"),
        ("cut -d : -f 2\nxx:yy:zz\n\x04", "yy\r\n"),
    ]
    send, expected = [], "qsoe$ "
    for command, output in steps:
        send.append((expected, command))
        expected = output
    send.append((expected, "\x04"))
    b = qemu.boot(timeout=60, until="(end of input)", send=send)
    text = b.output[b.output.find("init: QSOE/N is up"):].replace("\n", "\r\n")
    for command, output in steps:
        report(output in text, f"console: {command.splitlines()[0]} runs from the boot image",
               b.output[-1500:])


def run_guest_tests():
    # Booting to taskman: banner, both harts, taskman running.
    b = qemu.boot(timeout=60, until="init: QSOE/N is up")
    report(b.code == 0 and not b.timed_out, "boot: QSOE/N reaches taskman",
           f"timed out={b.timed_out}, output tail: {b.output[-800:]!r}")
    report("Skimmer 0.1 (QSOE/N)" in b.output, "boot: the Skimmer banner is printed")
    report("hart" in b.output and "(cpu 0)" in b.output and "(cpu 1)" in b.output,
           "boot: both harts come up")
    report("taskman: running as taskman" in b.output, "boot: taskman runs as the first process")
    report("taskman: running as taskman on cpu 0; starting init" in b.output,
           "boot: taskman starts init from the boot image")

    # The console: init's command reader over the interrupt-driven console driver.
    b = qemu.boot(timeout=60, until="(end of input)",
                  send=[("qsoe$ ", "test/hello 7\n"), ("exit status 7", "tesx\x7ft/hello 3 a\n"),
                        ("argv[2] = a", "test/fault\n"),
                        ("ended by signal 11", "test/family nap 100000\n"),
                        ("family: napping", "\x03"),
                        ("ended by signal 2", "sloginfo\n"),
                        ("system up", "\x04")])
    report("hello: argv[1] = 7" in b.output and "test/hello: exit status 7" in b.output,
           "console: a typed command runs a program and reports its exit status",
           b.output[-1200:])
    report("hello: argv[0] = test/hello\nhello: argv[1] = 3" in b.output,
           "console: DEL erases a typed character", b.output[-1200:])
    report("test/fault: ended by signal 11" in b.output,
           "console: a program ended by a fault is reported", b.output[-1200:])
    report("test/family: ended by signal 2" in b.output,
           "console: ^C interrupts the program in the foreground", b.output[-1200:])
    report("init: system up, console, log and pipes started" in b.output,
           "console: sloginfo shows init's record in the system log", b.output[-1200:])
    report("(end of input)" in b.output, "console: ^D on an empty line is end of file")

    run_guest_utils()

    # The in-guest kernel suite.
    b = run_suite("init=test/ktest", "kernel:", "kernel", 260, 300)
    report("PANIC" not in b.output, "guest: no kernel panic during the suite")
    report("process" in b.output and "store page fault at address 0x0" in b.output,
           "guest: a user fault is reported on the console")

    # The taskman suite: run by taskman as init; its failure count becomes the exit code.
    b = run_suite("run=test/tmtest", "taskman:", "taskman", 105, 120)

    # The servers suite: run by taskman as init; it starts the pipe manager and the slogger
    # itself, and its failure count becomes the exit code.
    b = run_suite("run=test/srvtest", "servers:", "servers", 55, 120)

    # libc on the target: streams, formatting and a little of stdlib.
    b = run_suite("run=test/libctest", "libc:", "libc", 25, 120)

    # Panics and a faulting first process end QEMU with a non-zero status.
    b = qemu.boot("init=no/such/program", timeout=60)
    report(b.code == 3, "panic: a missing first program panics and QEMU exits with 3",
           f"exit {b.code}")
    report("PANIC" in b.output and "cannot find 'no/such/program'" in b.output
           and "backtrace:" in b.output, "panic: the cause and a backtrace are printed",
           b.output[-600:])
    b = qemu.boot("init=test/fault", timeout=60)
    report(b.code == 139, "fault: a faulting first process stops the machine with 139",
           f"exit {b.code}")
    b = qemu.boot("init=test/hello", timeout=60)
    report(b.code == 0 and "hello: argv[0] = test/hello" in b.output,
           "boot: the first process gets its argv and its exit status ends the machine")


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else "all"
    if only in ("all", "host"):
        run_host_tests()
    if only in ("all", "guest"):
        run_guest_tests()
    print(f"{results['passed']} passed, {results['failed']} failed", flush=True)
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
