"""The core utilities' host tests: each case runs one of our utilities and the GNU tool
(coreutils, grep, findutils) with the same arguments and standard input in the same freshly made
directory tree, and requires the same standard output, exit status, stderr emptiness (with the
operands GNU's messages name named in ours too) and, for commands that change files, the same
resulting tree. The cases themselves are in cases_*.py."""

import concurrent.futures
import hashlib
import os
import random
import shutil
import stat
import subprocess
import time

import cases_files
import cases_system
import cases_text
from case import Case  # noqa: F401 (re-exported for the case files)

OLD = 1577934245     # 2020-01-02 03:04:05 UTC: ls -l shows the year
RECENT_AGE = 2 * 86400  # two days before the run: ls -l shows the time


def all_cases():
    return cases_text.CASES + cases_files.CASES + cases_system.CASES


UTILITIES = ["basename", "cat", "chmod", "chown", "cp", "cut", "date", "df", "dirname", "du",
             "echo", "env", "false", "find", "grep", "head", "kill", "ln", "ls", "mkdir", "mv",
             "printf", "pwd", "rm", "rmdir", "sleep", "sort", "tail", "tee", "test", "time",
             "touch", "tr", "true", "uname", "uniq", "wc", "which", "xargs", "yes"]


def make_data(base):
    """Large inputs shared read-only by every case: 100k generated lines and binary bytes."""
    data = os.path.join(base, "data")
    os.makedirs(data, exist_ok=True)
    big = os.path.join(data, "big.txt")
    if not os.path.exists(big):
        rng = random.Random(7)
        words = ["apple", "Banana", "cherry", "delta", "echo", "fox", "golf", "hotel", "India",
                 "juliet", "kilo", "Lima", "mike", "42", "7", "-3", "3.5", "1e3", "  pad"]
        with open(big, "w") as f:
            for i in range(100000):
                f.write(" ".join(rng.choice(words) for _ in range(rng.randint(0, 6))))
                f.write(f" {rng.randint(-999, 99999)}\n" if i % 3 else "\n")
    blob = os.path.join(data, "blob.bin")
    if not os.path.exists(blob):
        rng = random.Random(9)
        with open(blob, "wb") as f:
            f.write(bytes(rng.randrange(256) for _ in range(300000)))


FILES = {
    "a.txt": ("alpha\nbeta\ngamma\n", 0o644),
    "b.txt": ("one two three\nfour  five\n\nsix\n", 0o644),
    "empty": ("", 0o644),
    "nonl.txt": ("no newline at the end", 0o644),
    "lines.txt": ("Hello World\nhello world\nfoo bar\nFOO BAR\nabc123\nabcabc\n"
                  "xyz\n\n  leading space\ntrailing space  \ntab\there\nfoo\nfoo\nfoo\nbar\n",
                  0o644),
    "nums.txt": ("10\n9\n100\n-5\n3.5\n42\n0\n007\n42\n1e2\n  8\nabc\n", 0o644),
    "fields.txt": ("root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\n"
                   "user:x:1000:100:A User:/home/user:/bin/sh\nshort\n:empty:first:\n",
                   0o644),
    "dups.txt": ("a\na\nb\nc\nc\nc\nd\na\nA\na\n", 0o644),
    "words.txt": ("zebra 3 x\napple 10 y\nMango 2 z\napple 2 w\nbanana 1 v\nzebra 10 u\n"
                  "cherry 7 t\n", 0o644),
    "exec.sh": ("#!/bin/sh\necho run\n", 0o755),
    "ro.txt": ("read only\n", 0o444),
    "setuid": ("s\n", 0o4755),
    ".hidden": ("secret\n", 0o600),
    "dir/one.txt": ("first file in dir\nalpha again\n", 0o644),
    "dir/two.c": ("int main(void) { return 0; }\n", 0o644),
    "dir/.dot": ("dot\n", 0o644),
    "dir/sub/deep.txt": ("deep alpha\n", 0o640),
    "dir/sub/deeper/x.txt": ("x" * 3000 + "\n", 0o644),
    "other/big.dat": ("B" * 20000, 0o644),
    "other/mid.dat": ("m" * 1500, 0o644),
    "recent.txt": ("recent\n", 0o664),
    "bin.dat": (bytes(range(256)) * 4 + b"\nalpha\x00beta\n", 0o644),
}
LINKS = {"link": "a.txt", "dirlink": "dir", "broken": "nowhere", "dir/up": "../b.txt"}
DIRS = {"dir": 0o755, "dir/sub": 0o750, "dir/sub/deeper": 0o755, "other": 0o700,
        "emptydir": 0o755}


def make_tree(root, now):
    """Creates the scratch tree with fixed contents, modes and modification times."""
    if os.path.lexists(root):
        for dirpath, dirnames, _ in os.walk(root):
            for d in dirnames:
                os.chmod(os.path.join(dirpath, d), 0o755)
        shutil.rmtree(root)
    os.makedirs(root)
    for d in DIRS:
        os.makedirs(os.path.join(root, d), exist_ok=True)
    for name, (content, mode) in FILES.items():
        path = os.path.join(root, name)
        with open(path, "wb") as f:
            f.write(content.encode() if isinstance(content, str) else content)
        os.chmod(path, mode)
        t = now - RECENT_AGE if name == "recent.txt" else OLD + len(name) * 3600
        os.utime(path, (t, t))
    for name, target in LINKS.items():
        os.symlink(target, os.path.join(root, name))
    for d, mode in sorted(DIRS.items(), key=lambda x: -x[0].count("/")):
        os.chmod(os.path.join(root, d), mode)
        os.utime(os.path.join(root, d), (OLD + 86400, OLD + 86400))
    os.utime(root, (OLD + 86400, OLD + 86400))


def snapshot(root, since):
    """The tree as comparable data: per path its type, mode, owner, size, contents or link
    target, and its time when older than the case (changed times compare as 'new')."""
    result = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            rel = os.path.relpath(path, root)
            entry = [stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid,
                     int(st.st_mtime) if st.st_mtime < since - 1 else "new"]
            if stat.S_ISLNK(st.st_mode):
                entry.append(os.readlink(path))
            elif stat.S_ISREG(st.st_mode):
                with open(path, "rb") as f:
                    entry.append(hashlib.sha1(f.read()).hexdigest())
            result[rel] = entry
    return result


def describe_tree_difference(a, b):
    diffs = []
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            diffs.append(f"{k}: ours {a.get(k)} gnu {b.get(k)}")
    return "; ".join(diffs[:6])


def run_on_terminal(argv, columns, cwd, env):
    """Runs argv with a pseudo-terminal of the given width as its standard output; returns
    (output with the terminal's CR LF turned back into LF, stderr, exit status)."""
    import fcntl
    import pty
    import struct
    import termios
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=slave,
                            stderr=subprocess.PIPE, cwd=cwd, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    err = proc.stderr.read()
    return out.replace(b"\r\n", b"\n"), err, proc.wait(timeout=30)


def run_side(case, program, scratch, now):
    make_tree(scratch, now)
    env = dict(os.environ, LC_ALL="C", LANG="C", TZ="UTC", PWD=scratch, U=program,
               ASAN_OPTIONS="detect_leaks=0")
    start = time.time()
    argv = ["/bin/sh", "-c", case.shell] if case.shell else [program] + case.args
    if case.tty:
        out, err, code = run_on_terminal(argv, case.tty, scratch, env)
        return out, err, code, None
    try:
        r = subprocess.run(argv, input=case.stdin, capture_output=True, timeout=30,
                           cwd=scratch, env=env)
        out, err, code = r.stdout, r.stderr, r.returncode
    except subprocess.TimeoutExpired:
        out, err, code = b"", b"timeout", "timeout"
    if case.filter:
        import re
        out = re.sub(case.filter.encode(), b"", out)
    tree = snapshot(scratch, start) if case.tree else None
    return out, err, code, tree


def compare(case, ours_dir, scratch, now):
    ours = run_side(case, os.path.join(ours_dir, case.util), scratch, now)
    gnu = run_side(case, shutil.which(case.gnu) or case.gnu, scratch, now)
    problems = []
    if ours[2] != gnu[2]:
        problems.append(f"exit {ours[2]} vs gnu {gnu[2]}")
    if ours[0] != gnu[0]:
        problems.append(f"stdout {ours[0][:300]!r} vs gnu {gnu[0][:300]!r}")
    if bool(ours[1]) != bool(gnu[1]):
        problems.append(f"stderr {ours[1][:200]!r} vs gnu {gnu[1][:200]!r}")
    # A message about a file must name it, as GNU's does.
    for arg in case.args:
        if len(arg) >= 3 and not arg.startswith("-") and arg.encode() in gnu[1] \
                and arg.encode() not in ours[1]:
            problems.append(f"stderr {ours[1][:200]!r} does not name {arg!r}")
    if case.tree and ours[3] != gnu[3]:
        problems.append("tree: " + describe_tree_difference(ours[3], gnu[3]))
    return not problems, "; ".join(problems)


def run_cases(build, report, skip=(), only=None):
    """Runs every case (in parallel, one scratch tree per worker) and reports each; returns
    {utility: (passed, failed)}."""
    make_data(build)
    now = int(time.time())
    cases = [c for c in all_cases() if c.util not in skip and (only is None or c.util in only)]
    workers = max(2, min(8, os.cpu_count() or 2))
    slots = list(range(workers))
    import threading
    lock = threading.Lock()

    def job(case):
        with lock:
            slot = slots.pop()
        try:
            return compare(case, build, os.path.join(build, f"scratch-{slot}"), now)
        finally:
            with lock:
                slots.append(slot)

    counts = {}
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        for case, (ok, detail) in zip(cases, pool.map(job, cases)):
            report(ok, case.name, detail)
            p, f = counts.get(case.util, (0, 0))
            counts[case.util] = (p + ok, f + (not ok))
    return counts
