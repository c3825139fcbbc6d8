"""Interactive checks of qsh through a pseudo-terminal: the prompt, line editing keys,
history, tab completion, ^C on a foreground job and ^D at an empty line."""

import os
import pty
import select
import shutil
import signal
import tempfile
import time

LEFT = b"\x1b[D"
UP = b"\x1b[A"


class Session:
    """qsh running on a pseudo-terminal that is its controlling terminal."""

    def __init__(self, exe, cwd):
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": cwd, "TERM": "xterm",
               "LC_ALL": "C"}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            os.execve(exe, [exe], env)
        self.out = b""

    def send(self, data):
        os.write(self.fd, data)

    def expect(self, text, timeout=10):
        """Waits until text appears in the output after what was already matched."""
        end = time.time() + timeout
        while text not in self.out:
            left = end - time.time()
            if left <= 0:
                return False
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    return False
                if not chunk:
                    return False
                self.out += chunk
        self.out = self.out[self.out.index(text) + len(text):]
        return True

    def exited(self, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return True
            try:
                select.select([self.fd], [], [], 0.1)
                os.read(self.fd, 4096)
            except OSError:
                pass
        return False

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


def run(exe, report):
    scratch = tempfile.mkdtemp(prefix="qsh-pty-")
    with open(os.path.join(scratch, "uniquefile.txt"), "w") as f:
        f.write("contents of the unique file\n")
    s = Session(exe, scratch)
    try:
        shown = s.expect((scratch + " ").encode()) and s.expect(b" ", timeout=2)
        report(shown, "qsh interactive: the prompt shows the current directory")
        s.send(b"echo wrld" + LEFT * 3 + b"o\r")
        report(s.expect(b"world\r\n"), "qsh interactive: left arrow moves the cursor to edit")
        s.send(b"garbage text\x15echo clean\r")
        report(s.expect(b"\r\nclean\r\n"), "qsh interactive: ^U erases the line before the cursor")
        s.send(b"two words\x17\x17echo wiped\r")
        report(s.expect(b"\r\nwiped\r\n"), "qsh interactive: ^W erases the previous word")
        s.send(b"world\x01echo \x05!\r")
        report(s.expect(b"world!\r\n"), "qsh interactive: ^A and ^E go to the start and end")
        s.send(b"echo first-$((40+2))\r")
        s.expect(b"first-42\r\n")
        s.send(UP + b"\r")
        report(s.expect(b"first-42\r\n"), "qsh interactive: up arrow recalls history")
        s.send(b"cat uniq\t\r")
        report(s.expect(b"contents of the unique file"), "qsh interactive: tab completes a path")
        s.send(b"ech\t tabbed\r")
        report(s.expect(b"tabbed\r\n"), "qsh interactive: tab completes a command name")
        s.send(b"sleep 100\r")
        time.sleep(0.5)
        s.send(b"\x03")
        time.sleep(0.2)
        s.send(b"echo alive-$?\r")
        report(s.expect(b"alive-130", timeout=10),
               "qsh interactive: ^C stops the foreground job and the shell stays")
        s.send(b"while :; do :; done\r")
        time.sleep(0.5)
        s.send(b"\x03")
        time.sleep(0.2)
        s.send(b"echo loop-$?\r")
        report(s.expect(b"loop-130"), "qsh interactive: ^C interrupts a loop the shell itself runs")
        s.send(b"cat\r")
        time.sleep(0.5)
        s.send(b"typed\r")
        ok = s.expect(b"typed\r\ntyped\r\n")
        s.send(b"\x04")
        s.send(b"echo back\r")
        report(ok and s.expect(b"back\r\n"),
               "qsh interactive: a foreground program reads the terminal until ^D")
        s.send(b"sleep 100\r")
        time.sleep(0.5)
        s.send(b"\x1a")
        ok = s.expect(b"Stopped")
        s.send(b"jobs\r")
        ok = ok and s.expect(b"Stopped") and s.expect(b"sleep 100")
        s.send(b"fg\r")
        time.sleep(0.5)
        s.send(b"\x03")
        time.sleep(0.2)
        s.send(b"echo fg-$?\r")
        report(ok and s.expect(b"fg-130"),
               "qsh interactive: ^Z stops a job, jobs lists it, fg resumes it")
        s.send(b"\x04")
        report(s.exited(), "qsh interactive: ^D at an empty line leaves the shell")
    finally:
        s.close()
        shutil.rmtree(scratch, ignore_errors=True)
