"""One comparison case of the utilities' host tests (see utils_cases.py)."""

import shlex


class Case:
    """One comparison. args are the utility's arguments; shell, when given, is a /bin/sh
    command in which $U stands for the utility; gnu names the reference program when it is not
    the utility's own name; tree says whether to compare the directory tree afterwards;
    filter removes volatile text (a regular expression) from both outputs; tty runs the
    utility with a terminal of tty columns as its standard output."""

    def __init__(self, util, *args, stdin=b"", shell=None, gnu=None, tree=False, filter=None,
                 tty=None):
        self.util, self.args, self.shell, self.gnu = util, list(args), shell, gnu or util
        self.stdin = stdin.encode() if isinstance(stdin, str) else stdin
        self.tree, self.filter, self.tty = tree, filter, tty
        self.name = "utils: " + util + " " + (shell if shell else shlex.join(args))
        if self.stdin:
            shown = self.stdin[:24].decode("latin-1")
            self.name += f" <<< {shown!r}" + ("..." if len(self.stdin) > 24 else "")
        if tty:
            self.name += f" (on a {tty}-column terminal)"
