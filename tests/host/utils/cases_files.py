"""Cases for the utilities that look at and change files and directories: ls cp mv rm ln
mkdir rmdir touch chmod chown du df find xargs (see utils_cases.py)."""

from case import Case


def T(util, *args, **kw):
    """A case that changes the tree, which is compared afterwards."""
    return Case(util, *args, tree=True, **kw)


CASES = [
    # mkdir
    T("mkdir", "new"), T("mkdir", "a1", "a2"), T("mkdir", "dir"), T("mkdir", "x/y"),
    T("mkdir", "-p", "x/y/z"), T("mkdir", "-p", "dir/sub"), T("mkdir", "-p", "dir/new//deeper/"),
    T("mkdir", "-m", "700", "m1"), T("mkdir", "-m", "u=rwx,g=rx", "m2"), T("mkdir", "-m", "bad", "m3"),
    T("mkdir", "-p", "-m", "711", "p/q"), T("mkdir"), T("mkdir", "a.txt/x"), T("mkdir", "-p", "a.txt/x"),
    # rmdir
    T("rmdir", "emptydir"), T("rmdir", "dir"), T("rmdir", "missing"), T("rmdir", "a.txt"),
    T("rmdir", "-p", "dir/sub/deeper"), T("rmdir"), T("rmdir", "emptydir", "missing"),
    T("rmdir", "emptydir/"),
    # rm
    T("rm", "a.txt"), T("rm", "a.txt", "b.txt"), T("rm", "missing"), T("rm", "-f", "missing"),
    T("rm", "dir"), T("rm", "-r", "dir"), T("rm", "-rf", "dir", "missing"), T("rm", "-R", "other"),
    T("rm", "link"), T("rm", "dirlink"), T("rm", "broken"), T("rm", "-r", "dirlink"),
    T("rm", "ro.txt"), T("rm", "-d", "emptydir"), T("rm", "-d", "dir"), T("rm"), T("rm", "-f"),
    T("rm", "-r", "."), T("rm", "-r", "dir/sub/.."), T("rm", "-x", "a.txt"), T("rm", "-r", "emptydir"),
    T("rm", "-i", "a.txt", "b.txt", stdin="y\nn\n"), T("rm", "-i", "a.txt", stdin=""),
    T("rm", "-ri", "dir", stdin="y\ny\nn\ny\ny\ny\ny\ny\ny\ny\ny\n"), T("rm", "-ri", "dir", stdin="n\n"),
    T("rm", "-if", "a.txt"), T("rm", "-fi", "a.txt", "empty", stdin="Y\nno\n"),
    # touch
    T("touch", "new.txt"), T("touch", "a.txt"), T("touch", "-c", "nothere"), T("touch", "-c", "a.txt"),
    T("touch", "-r", "a.txt", "b.txt"), T("touch", "-r", "a.txt", "newref"),
    T("touch", "-t", "202001020304", "a.txt"), T("touch", "-t", "2001020304.05", "n1"),
    T("touch", "-t", "01020304", "n2"), T("touch", "-m", "-t", "202203040506", "a.txt"),
    T("touch", "-a", "-t", "202203040506", "a.txt"), T("touch", "-t", "bad", "a.txt"),
    T("touch", "nodir/x"), T("touch"), T("touch", "-r", "missing", "a.txt"), T("touch", "dir"),
    # ln
    T("ln", "a.txt", "hard"), T("ln", "-s", "a.txt", "soft"), T("ln", "-s", "nowhere", "dangling"),
    T("ln", "a.txt", "b.txt"), T("ln", "-f", "a.txt", "b.txt"), T("ln", "-sf", "b.txt", "link"),
    T("ln", "-s", "a.txt", "dir"), T("ln", "a.txt", "b.txt", "dir"), T("ln", "missing", "x"),
    T("ln", "-s", "../a.txt"), T("ln", "a.txt", "b.txt", "c"), T("ln"), T("ln", "dir", "dirhard"),
    T("ln", "-s", "dir", "emptydir"), T("ln", "-sfn", "b.txt", "dirlink"), T("ln", "-sf", "b.txt", "dirlink"),
    T("ln", "-sn", "a.txt", "dirlink"),
    # mv
    T("mv", "a.txt", "moved.txt"), T("mv", "a.txt", "b.txt"), T("mv", "a.txt", "dir"),
    T("mv", "a.txt", "b.txt", "dir"), T("mv", "dir", "renamed"), T("mv", "dir", "other"),
    T("mv", "missing", "x"), T("mv", "a.txt"), T("mv", "a.txt", "b.txt", "c"), T("mv", "dir", "dir/sub"),
    T("mv", "-i", "a.txt", "b.txt", stdin="y\n"), T("mv", "-i", "a.txt", "b.txt", stdin="n\n"),
    T("mv", "-i", "a.txt", "new"), T("mv", "-if", "a.txt", "b.txt"), T("mv", "-fi", "a.txt", "b.txt", stdin="n\n"),
    T("mv", "link", "link2"), T("mv", "a.txt", "a.txt"), T("mv", "-f", "a.txt", "ro.txt"),
    T("mv", "emptydir", "a.txt"), T("mv", "a.txt", "emptydir/"), T("mv", "dir/", "new"),
    # from another file system (a tmpfs on most Linux systems), so by copying
    T("mv", shell="d=/dev/shm/qsoe-mv-$$; mkdir -p $d/x/y && echo a > $d/x/y/f && ln -s f $d/x/l &&"
                  " chmod 750 $d/x && touch -t 202001010000 $d/x/y/f && $U $d/x moved; rmdir $d"),
    # cp
    T("cp", "a.txt", "copy.txt"), T("cp", "a.txt", "b.txt"), T("cp", "a.txt", "dir"),
    T("cp", "a.txt", "b.txt", "emptydir"), T("cp", "dir", "d2"), T("cp", "-r", "dir", "d2"),
    T("cp", "-R", "dir", "emptydir"), T("cp", "-r", "dir", "other", "emptydir"),
    T("cp", "-p", "a.txt", "kept.txt"), T("cp", "-p", "exec.sh", "setuid", "emptydir"),
    T("cp", "-rp", "dir", "d3"), T("cp", "exec.sh", "e2"), T("cp", "link", "l2"),
    T("cp", "-r", "link", "l3"), T("cp", "-r", "dirlink", "dl"), T("cp", "missing", "x"),
    T("cp", "a.txt", "a.txt"), T("cp", "a.txt"), T("cp"),
    T("cp", "a.txt", "b.txt", "c"), T("cp", "a.txt", "ro.txt"), T("cp", "-f", "a.txt", "ro.txt"),
    T("cp", "bin.dat", "b2"), T("cp", "../data/big.txt", "big"), T("cp", "-r", "other", "dir/sub"),
    T("cp", "-i", "a.txt", "b.txt", stdin="y\n"), T("cp", "-i", "a.txt", "b.txt", stdin="n\n"),
    T("cp", "-i", "a.txt", "new"), T("cp", "-ri", "dir", "other", stdin="n\n"),
    T("cp", "-ri", "dir/.", "emptydir", stdin=""), T("cp", "-r", "dir", "emptydir"),
    T("cp", "empty", "e3"), T("cp", "setuid", "s2"),
    # error paths
    T("cp", "-r", "dir", "a.txt"), T("mv", "dir", "a.txt"), T("mv", "a.txt", "nodir/x"),
    T("cp", "a.txt", "b.txt/y"), T("rm", "-r", "dir/"), T("rm", "dirlink/"), T("rm", "-r", "dirlink/"),
    T("mkdir", "-p", "a.txt"), T("ln", "-s", "a.txt", "link"), T("chmod", "-R", "700", "dirlink"),
    T("cp", "-r", "emptydir", "dir"), T("mv", "emptydir", "dir"), T("mv", "a.txt", "dir/sub/deeper/x.txt/y"),
    T("rmdir", "dirlink"), T("rmdir", "-p", "emptydir/"), T("touch", "dir/"), T("touch", "a.txt/"),
    T("cp", "-p", "dir", "x"), T("cp", "-rp", "dirlink", "dl2"), T("mv", "dirlink/", "dl3"),
    T("chown", "-R", "3:3", "link"), T("chmod", "u+x", "broken"), T("ln", "a.txt", "a.txt"), T("ln", "-s", "x", ""),
    # chmod
    T("chmod", "600", "a.txt"), T("chmod", "u+x", "a.txt"), T("chmod", "go-r", "a.txt"),
    T("chmod", "a=r", "a.txt"), T("chmod", "+x", "a.txt"), T("chmod", "-w", "a.txt"),
    T("chmod", "u=rwx,g=rx,o=", "a.txt"), T("chmod", "g=u", "a.txt"), T("chmod", "o+X", "a.txt", "dir"),
    T("chmod", "u+s", "exec.sh"), T("chmod", "+t", "emptydir"), T("chmod", "4755", "a.txt"),
    T("chmod", "-R", "go-rwx", "dir"), T("chmod", "-R", "755", "other"), T("chmod", "644", "missing"),
    T("chmod", "bad", "a.txt"), T("chmod", "u+z", "a.txt"), T("chmod", "755"), T("chmod"),
    T("chmod", "600", "link"), T("chmod", "a-x,u+w", "exec.sh"), T("chmod", "=", "a.txt"),
    T("chmod", "u-s", "setuid"), T("chmod", "o=u-w", "a.txt"), T("chmod", "1777", "emptydir"),
    T("chmod", "0", "a.txt"), T("chmod", "88", "a.txt"), T("chmod", "a+rwx,g-w", "b.txt"),
    # chown
    T("chown", "1000", "a.txt"), T("chown", "1000:100", "a.txt"), T("chown", ":100", "a.txt"),
    T("chown", "root", "a.txt"), T("chown", "root:root", "a.txt"), T("chown", "daemon:", "a.txt"),
    T("chown", "-R", "1:2", "dir"), T("chown", "-h", "5:5", "link"), T("chown", "5", "link"),
    T("chown", "nosuchuser", "a.txt"), T("chown", "1:nosuchgroup", "a.txt"), T("chown", "1", "missing"),
    T("chown", "1"), T("chown"), T("chown", "-R", "7", "dirlink"),
]

CASES += [Case("ls", *args) for args in [
    [], ["-a"], ["-A"], ["-1"], ["-l"], ["-la"], ["-lA"], ["-l", "dir"], ["-la", "dir"],
    ["-R"], ["-Ra"], ["-lR"], ["-d"], ["-d", "dir"], ["-ld", "dir", "other"], ["-ld", "."],
    ["-l", "a.txt"], ["-l", "link"], ["-l", "dirlink"], ["dirlink"], ["-d", "dirlink"],
    ["-l", "broken"], ["broken"], ["dir", "other"], ["a.txt", "dir", "b.txt", "emptydir"],
    ["-l", "a.txt", "dir"], ["missing"], ["a.txt", "missing"], ["missing", "dir"],
    ["-lh"], ["-lh", "other"], ["-lh", "../data"], ["-h", "-l", "dir/sub/deeper"], ["-r"],
    ["-t"], ["-lt"], ["-ltr"], ["-1", "dir"], ["-l", "setuid", "ro.txt", "exec.sh"],
    ["emptydir"], ["-l", "emptydir"], ["-R", "dir"], ["-lR", "dir/sub"], ["-a", "dir"],
    ["-y"], ["-l", "recent.txt"], ["-l", "/usr"], ["-l", "../data"], ["-ld", "/tmp"],
    ["dir/sub", "dir"], ["-d", "*"], ["-1a", "dir/sub"], ["-lR", "other", "emptydir"],
    ["."], ["./dir"], ["dir/"], ["-l", "dir/up"],
]]
CASES += [
    Case("ls", "-l", shell="chown 1234:4321 a.txt; $U -l a.txt"),
    Case("ls", "-l", shell="chown daemon:bin a.txt; $U -l a.txt b.txt"),
    # (the fifo is made afresh for each run: its minute may differ between the two)
    Case("ls", "-l", shell="mkfifo fifo; $U -l fifo", filter=r" \d\d:\d\d "),
    Case("ls", "-l", shell="chmod 000 other; $U other; echo $?"),
    Case("ls", "-C", shell="COLUMNS=40 $U -C"), Case("ls", "-C", shell="COLUMNS=20 $U -C dir"),
    Case("ls", "-C", shell="COLUMNS=200 $U -Ca"),
    Case("ls", tty=80), Case("ls", tty=40), Case("ls", "-a", tty=120), Case("ls", "dir", "other", tty=30),
    Case("ls", "-R", tty=60), Case("ls", "-1", tty=80), Case("ls", "-l", "dir", tty=80),
    Case("ls", "../data", tty=10), Case("ls", "emptydir", tty=80),
    Case("ls", "-x", tty=80), Case("ls", "-x", tty=40), Case("ls", "-xa", "dir", tty=20), Case("ls", "-x"),
    Case("ls", "-F"), Case("ls", "-F", tty=80), Case("ls", "-lF"), Case("ls", "-p"), Case("ls", "-pa", tty=60),
    Case("ls", "-F", "dirlink", "link", "broken"), Case("ls", "-lp", "dirlink"), Case("ls", "-dF", "dir", "exec.sh"),
    Case("ls", "-F", shell="mkfifo ff; $U -F ff; $U -lF ff"),
    Case("ls", "-n"), Case("ls", "-ln", "dir"), Case("ls", "-g"), Case("ls", "-o", "dir"), Case("ls", "-go"),
    Case("ls", "-S"), Case("ls", "-lS"), Case("ls", "-Sr"), Case("ls", "-St"), Case("ls", "-tS"), Case("ls", "-1S", "other", "dir"),
    Case("ls", "-l1"), Case("ls", "-1l"), Case("ls", "-Cl"), Case("ls", "-lC", tty=80),
    Case("ls", "-i", shell="$U -i a.txt dir | sed 's/^[0-9]* /I /'"),
    Case("ls", "-i", shell="$U -i > o; wc -l < o; awk '{print length($1)}' o | sort -u | wc -l"),
    Case("ls", "-li", shell="$U -li dir | awk '{ $1 = \"\"; print }'"),
    Case("ls", "-Ci", shell="$U -Ci | wc -l", tty=None),
]

CASES += [
    # du
    Case("du"), Case("du", "dir"), Case("du", "-s", "dir"), Case("du", "-s"), Case("du", "-a", "dir"),
    Case("du", "-h", "other"), Case("du", "-sh", "other", "dir"), Case("du", "-a"),
    Case("du", "a.txt"), Case("du", "missing"), Case("du", "dir", "missing"), Case("du", "-c", "dir", "other"),
    Case("du", "-k", "other"), Case("du", "-ah", "../data"), Case("du", "dirlink"), Case("du", "-s", "link"),
    Case("du", "-sa", "dir"), Case("du", "-sx", "/dev"), Case("du", "-x", "dir"), Case("du", "-ax", "/dev/pts"), Case("du", shell="ln a.txt hard; $U -a"),
    # df: used and free blocks change as other tests write, so numbers are left out
    Case("df", ".", filter=r"\d+ +\d+ +\d+ +\d+%"), Case("df", "-k", "a.txt", filter=r"\d+ +\d+ +\d+ +\d+%"),
    Case("df", "-P", ".", filter=r"\d+ +\d+ +\d+ +\d+%"), Case("df", "missing"),
    Case("df", "missing", ".", filter=r"\d+ +\d+ +\d+ +\d+%"), Case("df", "-x"),
    # find
    Case("find"), Case("find", "."), Case("find", "dir"), Case("find", "dir/"), Case("find", "dir", "other"),
    Case("find", ".", "-name", "*.txt"), Case("find", "-name", "*.txt"), Case("find", ".", "-name", "[ab]*"),
    Case("find", ".", "-name", "?.txt"), Case("find", ".", "-iname", "*.TXT"),
    Case("find", ".", "-type", "f"), Case("find", ".", "-type", "d"), Case("find", ".", "-type", "l"),
    Case("find", ".", "-maxdepth", "1"), Case("find", ".", "-maxdepth", "0"),
    Case("find", ".", "-maxdepth", "2", "-type", "d"), Case("find", ".", "-mindepth", "2"),
    Case("find", ".", "-mindepth", "1", "-maxdepth", "1", "-name", "*.txt"),
    Case("find", "dir", "-name", "*.c", "-print"), Case("find", ".", "-name", "*.c", "-o", "-name", "*.sh"),
    Case("find", ".", "!", "-name", "*.txt", "-type", "f"), Case("find", ".", "-not", "-type", "d"),
    Case("find", ".", "(", "-name", "a*", "-o", "-name", "b*", ")", "-type", "f"),
    Case("find", ".", "-type", "f", "-a", "-name", "*.dat"),
    Case("find", "dir", "-name", "sub", "-prune", "-o", "-print"),
    Case("find", "dir", "-type", "f", "-exec", "cat", "{}", ";"),
    Case("find", "dir", "-name", "*.txt", "-exec", "echo", "file:", "{}", "+"),
    Case("find", "dir", "-exec", "echo", "[{}]", ";"), Case("find", "dir", "-type", "f", "-exec", "false", ";"),
    Case("find", "dir", "-type", "f", "-exec", "false", "{}", "+"),
    Case("find", "dir", "-exec", "test", "-d", "{}", ";", "-print"),
    Case("find", ".", "-empty"), Case("find", ".", "-size", "+2"), Case("find", ".", "-size", "-1"),
    Case("find", ".", "-size", "17c"), Case("find", ".", "-newer", "a.txt"), Case("find", ".", "-perm", "644"),
    Case("find", ".", "-perm", "-4000"), Case("find", ".", "-perm", "/111", "-type", "f"),
    Case("find", ".", "-path", "./dir/*"), Case("find", "missing"), Case("find", "missing", "dir"),
    Case("find", ".", "-bogus"), Case("find", ".", "-name"), Case("find", ".", "-type", "x"),
    Case("find", ".", "(", "-name", "x"), Case("find", "dir", "-print0"), Case("find", "a.txt", "link", "broken"),
    Case("find", "dirlink"), Case("find", "dir", "-name", "one.txt", "-exec", "no-such-cmd", "{}", ";"),
    Case("find", ".", "-name", "*", "-type", "f", "-name", ".*"), Case("find", ".", "-name", "[!a-z]*"),
    Case("find", "dir", "-true"), Case("find", "dir", "-false"), Case("find", "dir", "-print", "-print"),
    Case("find", "./dir/sub", "-name", "deep*"), Case("find", ".", "-name", "dir", "-type", "d", "-exec", "ls", "{}", ";"),
    Case("find", ".", "-maxdepth", "1", "-name", "*[[:digit:]]*"),
    Case("find", "dir", "-depth"), Case("find", "dir", "-depth", "-name", "sub*"), Case("find", ".", "-maxdepth", "1", "-depth"),
    Case("find", "dir", "-depth", "-prune"), Case("find", ".", "-xdev", "-type", "d"), Case("find", "/dev", "-maxdepth", "1", "-xdev", "-name", "null"),
    Case("find", "/proc/self", "-maxdepth", "0", "-mount"),
    Case("find", ".", "-mtime", "+30"), Case("find", ".", "-mtime", "-3"), Case("find", ".", "-mtime", "2"),
    Case("find", ".", "-mmin", "-60"), Case("find", ".", "-atime", "+1000"), Case("find", ".", "-ctime", "0"),
    Case("find", ".", "-user", "root", "-name", "a*"), Case("find", ".", "-user", "0", "-type", "d"),
    Case("find", ".", "-group", "root", "-maxdepth", "1"), Case("find", ".", "-user", "nosuchuser"),
    Case("find", ".", "-nouser"), Case("find", shell="chown 4242:4343 a.txt; $U . -nouser -o -nogroup"),
    Case("find", ".", "-links", "+2"), Case("find", ".", "-type", "d", "-links", "2"), Case("find", ".", "-links", "-2", "-name", "e*"),
    Case("find", ".", "-mtime", "x"), Case("find", ".", "-links"),
    # xargs
    Case("xargs", stdin="a b\nc\n"), Case("xargs", "echo", "x", stdin="1 2 3\n"),
    Case("xargs", "-n", "1", stdin="1 2 3\n"), Case("xargs", "-n", "2", "echo", stdin="1 2 3 4 5\n"),
    Case("xargs", stdin=""), Case("xargs", "-r", stdin=""), Case("xargs", "-r", "echo", "x", stdin="  \n"),
    Case("xargs", stdin="'a b' \"c d\" e\\ f\n"), Case("xargs", "-I", "{}", "echo", "[{}]", stdin="one\ntwo words\n"),
    Case("xargs", "-I", "X", "echo", "X-X", stdin="  lead\n"), Case("xargs", "false", stdin="a\n"),
    Case("xargs", "no-such-cmd", stdin="a\n"), Case("xargs", "-n", "1", "sh", "-c", "exit 255", stdin="a b\n"),
    Case("xargs", "cat", stdin="a.txt b.txt\n"), Case("xargs", "-0", stdin=b"a b\0c\0"),
    Case("xargs", stdin="'unterminated\n"), Case("xargs", "-n", "0", stdin="a\n"),
    Case("xargs", "-t", "echo", stdin="a\n"), Case("xargs", "-n", "3", "echo", stdin=" ".join(str(i) for i in range(1000))),
    Case("xargs", "wc", "-l", stdin="a.txt\nb.txt\nlines.txt\n"), Case("xargs", "-n", "7", stdin=open(__file__).read()),
    Case("xargs", shell="find dir -type f | $U ls -l"), Case("xargs", "-y"),
    Case("xargs", "sh", "-c", "kill -9 $$", stdin="a\n"),
    Case("xargs", "-L", "1", stdin="a b\nc\n\nd e f\n"), Case("xargs", "-L", "2", "echo", "x", stdin="1\n2 3\n4\n5\n"),
    Case("xargs", "-L", "1", stdin="a \nb\nc\n"), Case("xargs", "-E", "STOP", stdin="a b STOP c\n"),
    Case("xargs", "-E", "x", "-n", "1", stdin="a x b\n"), Case("xargs", "-s", "20", stdin="aaaa bbbb cccc dddd eeee\n"),
    Case("xargs", "-s", "5", stdin="toolongword\n"), Case("xargs", "-x", "-n", "2", stdin="a b c\n"),
    Case("xargs", "-L", "0", stdin="a\n"), Case("xargs", "-n", "2", "-s", "30", stdin="a b c d e f g\n"),
    Case("xargs", shell="$U < ../data/big.txt"), Case("xargs", shell="$U echo a b < ../data/big.txt"),
    Case("xargs", shell="$U -n 100 < ../data/big.txt"),
]

# Sizes around the points where -h changes unit or drops the decimal.
SIZES = [0, 1, 1023, 1024, 1025, 1536, 10239, 10240, 10241, 102400, 1048575, 1048576,
         1048577, 10485760, 1073741824, 1099511627776 + 1]
MAKE_SIZES = "; ".join(f"truncate -s {n} s{i:02d}" for i, n in enumerate(SIZES))
CASES += [
    Case("ls", "-lh", shell=MAKE_SIZES + "; $U -lh s*"),
    Case("ls", "-l", shell=MAKE_SIZES + "; $U -l s*"),
    Case("du", "-h", shell="for n in 1 1000 5000 70000 1100000; do head -c $n /dev/zero > z$n; done;"
                          " $U -h z*; $U -sh ."),
    Case("ls", "-l", shell="touch -t 203001010000 future; touch -t 202001010000 old; $U -l future old"),
    Case("ls", "-ld", shell="chmod 1777 emptydir; chmod 2755 dir; $U -ld emptydir dir"),
    Case("ls", "-l", shell="chmod 4644 a.txt; chmod 1644 b.txt; $U -l a.txt b.txt"),
    Case("ls", "-l", shell="ln a.txt hard; $U -l a.txt hard"),
    Case("ls", "-la", shell="cd dir/sub/deeper && $U -la"),
    Case("ls", "-1", shell="touch -- -dash; $U -1 -- -dash"),
    Case("find", shell="touch -t 203001010000 future; $U . -newer a.txt -name 'f*'"),
    Case("cp", shell="$U -p a.txt keep && ls -l --time-style=+%s keep a.txt"),
    Case("touch", shell="$U -t 199912312359.59 old && ls -l --time-style=+%s old"),
    Case("mkdir", shell="umask 077; $U -p u/v && ls -ld u u/v"),
    Case("cp", shell="umask 027; $U exec.sh e && ls -l e"),
    Case("chmod", shell="umask 022; $U +w ro.txt && $U =x a.txt && ls -l ro.txt a.txt"),
]


def random_ls_find_cases(seed, count):
    """ls with generated option sets and operands, and find with generated expressions."""
    import random
    rng = random.Random(seed)
    names = ["a.txt", "dir", "dirlink", "link", "broken", "emptydir", "other", "dir/sub", "exec.sh",
             ".hidden", "setuid", "missing"]
    cases = []
    for _ in range(count):
        opts = "".join(o for o in "laAR1dhrtSFpngoxC" if rng.random() < 0.2)
        operands = rng.sample(names, rng.randint(0, 3))
        cases.append(Case("ls", *(["-" + opts] if opts else []), *operands,
                          tty=rng.choice([None, None, 50, 100])))
        tests = [["-name", rng.choice(["*.txt", "d*", "[a-e]*", "?", "*i*"])],
                 ["-type", rng.choice("fdl")], ["-size", rng.choice(["-2", "+0", "1"])],
                 ["-perm", rng.choice(["-644", "/111", "755"])], ["-empty"], ["-links", "+1"],
                 ["-mtime", rng.choice(["+5", "-5", "2"])], ["-path", "*sub*"]]
        expr = []
        for i in range(rng.randint(1, 3)):
            if i:
                expr.append(rng.choice(["-a", "-o"]))
            if rng.random() < 0.2:
                expr.append("!")
            expr += rng.choice(tests)
        head = ["-maxdepth", str(rng.randint(0, 3))] if rng.random() < 0.3 else []
        start = rng.sample([".", "dir", "other", "dirlink"], rng.randint(1, 2))
        cases.append(Case("find", *start, *head, *expr))
    return cases


CASES += random_ls_find_cases(31, 60)


def random_mode_cases(seed, count):
    """chmod and mkdir -m with generated symbolic and octal modes."""
    import random
    rng = random.Random(seed)

    def clause():
        who = "".join(w for w in "ugoa" if rng.random() < 0.3)
        text = who
        for _ in range(rng.randint(1, 2)):
            text += rng.choice("+-=")
            if rng.random() < 0.3:
                text += rng.choice("ugo")
            else:
                text += "".join(p for p in "rwxXst" if rng.random() < 0.35)
        return text

    cases = []
    for _ in range(count):
        mode = ",".join(clause() for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.15:
            mode = "".join(rng.choice("01234567") for _ in range(rng.randint(1, 4)))
        target = rng.choice(["a.txt", "exec.sh", "setuid", "dir", "emptydir", "ro.txt"])
        umask = rng.choice(["022", "077", "002", "000"])
        cases.append(T("chmod", shell=f"umask {umask}; $U {mode} {target}; echo $?"))
        # GNU mkdir lets the umask narrow a -m mode with s or t bits (mkdir(2) sets them and
        # no chmod follows); POSIX says the mode is the mode, so those are left out here.
        special = "s" in mode or "t" in mode or (mode.isdigit() and len(mode) == 4 and mode[0] != "0")
        if rng.random() < 0.3 and not special:
            cases.append(T("mkdir", shell=f"umask {umask}; $U -m {mode} newdir; echo $?"))
    return cases


CASES += random_mode_cases(71, 120)


def random_file_op_cases(seed, count):
    """cp, mv, rm, ln and touch with generated options and operands, trees compared."""
    import random
    rng = random.Random(seed)
    paths = ["a.txt", "b.txt", "dir", "dir/sub", "dirlink", "link", "broken", "emptydir", "other",
             "ro.txt", "missing", "new", "dir/one.txt", "exec.sh"]
    cases = []
    for _ in range(count):
        util = rng.choice(["cp", "mv", "rm", "ln", "touch", "du"])
        flags = {"cp": "rpf", "mv": "f", "rm": "rfd", "ln": "sfn", "touch": "cam", "du": "sahcx"}[util]
        opts = "".join(f for f in flags if rng.random() < 0.35)
        n = rng.randint(1, 3) if util in ("rm", "touch", "du") else rng.randint(2, 3)
        operands = rng.sample(paths, n)
        cases.append(T(util, *(["-" + opts] if opts else []), *operands))
    return cases


CASES += random_file_op_cases(91, 150)
