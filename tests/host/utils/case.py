"""One comparison case of the utilities' host tests (see utils_cases.py)."""


class Case:
    """One comparison. args are the utility's arguments; shell, when given, is a /bin/sh
    command in which $U stands for the utility; gnu names the reference program when it is not
    the utility's own name; tree says whether to compare the directory tree afterwards;
    filter removes volatile text (a regular expression) from both outputs."""

    def __init__(self, util, *args, stdin=b"", shell=None, gnu=None, tree=False, filter=None,
                 name=None):
        self.util, self.args, self.shell, self.gnu = util, list(args), shell, gnu or util
        self.stdin = stdin.encode() if isinstance(stdin, str) else stdin
        self.tree, self.filter = tree, filter
        self.name = name or ("utils: " + util + " " + (shell if shell else " ".join(args)))
