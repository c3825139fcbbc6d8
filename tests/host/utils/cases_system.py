"""Cases for the utilities about processes and the system: true false pwd env sleep date
uname kill which time test (see utils_cases.py)."""

from case import Case as C

CASES = [
    C("true"), C("true", "--ignored"), C("false"), C("false", "x"),
    C("pwd"), C("pwd", "-P"), C("pwd", "-L"), C("pwd", "-x"),
    C("env", "-i", "A=1", "B=2"), C("env", "-i", "A=1", "env"), C("env", "-u", "HOME", "-i", "X=y"),
    C("env", "-i", "X=1", "sh", "-c", "echo $X"), C("env", "no-such-command"),
    C("env", "-i", "false"), C("env", "-", "Q=1"),
    C("sleep", "0.1"), C("sleep", "0"), C("sleep"), C("sleep", "abc"), C("sleep", "0.05s"),
    C("uname"), C("uname", "-s"), C("uname", "-n"), C("uname", "-r"), C("uname", "-v"),
    C("uname", "-m"), C("uname", "-a", filter=" GNU/Linux"), C("uname", "-sm"), C("uname", "-x"), C("uname", "extra"),
]

CASES += [
    # which
    C("which", "sh"), C("which", "ls", "cat"), C("which", "no-such-cmd"), C("which", "sh", "no-such-cmd"),
    C("which", "-a", "sh"), C("which", "/bin/sh"), C("which", "./exec.sh"), C("which", "a.txt"),
    C("which"),
    # kill (procps's kill, Debian's /usr/bin/kill, is the reference: it does not map exit
    # statuses above 128 to names as "kill -l 137" does here)
    C("kill", "-l", "9"), C("kill", "-l", "15"), C("kill", "-l", "TERM"),
    C("kill", "-0", "1"), C("kill", "-s", "0", "1"), C("kill", "999999"), C("kill"),
    C("kill", "-BOGUS", "1"), C("kill", "notapid"),
    C("kill", shell="exec 2>/dev/null; sleep 5 & $U $!; wait $!; echo $?"),
    C("kill", shell="exec 2>/dev/null; sleep 5 & $U -9 $!; wait $!; echo $?"),
    # (a shell's background job ignores SIGINT once it has set itself up: given time for that,
    # the signal is ignored on every run, not only on most)
    C("kill", shell="exec 2>/dev/null; sleep 2 & sleep 0.5; $U -s INT $!; wait $!; echo $?"),
    C("kill", shell="exec 2>/dev/null; sleep 5 & $U -HUP $!; wait $!; echo $?"),
    C("kill", shell="exec 2>/dev/null; sleep 5 & $U -SIGUSR1 $!; wait $!; echo $?"),
    # date (minutes and seconds are cut out of the default format: the runs may straddle one)
    C("date", "-u", "+%Y-%m-%d"), C("date", "+%H%%"), C("date", "-u", "+%a %b %e %j %U %y"),
    C("date", filter=r":\d\d:\d\d "), C("date", "-u", filter=r":\d\d:\d\d "), C("date", "-r", "a.txt"),
    C("date", "-u", "-r", "recent.txt", "+%s"), C("date", "-r", "missing"), C("date", "bad"),
    C("date", "+"), C("date", "-u", "+%s", filter=r"\d"), C("date", "-z"),
    C("date", "-r", "a.txt", "+%A %B %d %T %p %Z %%"),
    # time: GNU time's report has another form, so only stdout and status are compared
    C("time", "true"), C("time", "false"), C("time", "echo", "hi"), C("time", "no-such-cmd"),
    C("time", "sh", "-c", "exit 3"), C("time", "./a.txt"),
    # test and [
    C("test"), C("test", ""), C("test", "x"), C("test", "-n", ""), C("test", "-n", "x"),
    C("test", "-z", ""), C("test", "-z", "x"), C("test", "a", "=", "a"), C("test", "a", "=", "b"),
    C("test", "a", "!=", "b"), C("test", "1", "-eq", "1"), C("test", "1", "-lt", "2"),
    C("test", "3", "-le", "2"), C("test", "-5", "-gt", "-6"), C("test", " 7 ", "-ge", "7"),
    C("test", "x", "-eq", "1"), C("test", "-f", "a.txt"), C("test", "-f", "dir"), C("test", "-d", "dir"),
    C("test", "-e", "missing"), C("test", "-e", "broken"), C("test", "-h", "broken"), C("test", "-L", "link"),
    C("test", "-s", "empty"), C("test", "-s", "a.txt"), C("test", "-x", "exec.sh"), C("test", "-x", "a.txt"),
    C("test", "-r", "ro.txt"), C("test", "-w", "a.txt"), C("test", "-u", "setuid"), C("test", "-g", "setuid"),
    C("test", "!", "-f", "a.txt"), C("test", "!", "x"), C("test", "!"), C("test", "(", "x", ")"),
    C("test", "-f", "a.txt", "-a", "-d", "dir"), C("test", "-f", "a.txt", "-a", "-d", "a.txt"),
    C("test", "-f", "missing", "-o", "-d", "dir"), C("test", "!", "-f", "missing", "-a", "x"),
    C("test", "(", "-f", "a.txt", ")", "-a", "(", "1", "-eq", "2", "-o", "y", ")"),
    C("test", "a.txt", "-nt", "recent.txt"), C("test", "recent.txt", "-nt", "a.txt"),
    C("test", "a.txt", "-ot", "recent.txt"), C("test", "a.txt", "-ef", "link"),
    C("test", "-t", "0"), C("test", "-q", "x"), C("test", "a", "b"),
    C("test", "1", "-eq"), C("test", "(", "x"), C("test", "-p", "a.txt"), C("test", "-c", "/dev/null"),
    C("test", "-b", "a.txt"), C("test", "-k", "dir"), C("test", "-O", "a.txt"), C("test", "-G", "a.txt"),
    C("test", "-", "="), C("test", "=", "="), C("test", "-n"), C("test", "!", "!", "x"),
    C("[", "x", "]"), C("[", "]"), C("[", "-d", "dir", "]"), C("[", "a", "=", "b", "]"), C("[", "x"),
    C("[", "1", "-ne", "2", "-a", "!", "-z", "q", "]"),
]


def random_test_cases(seed, count):
    """test with generated well-formed expressions of primaries, !, -a, -o and one level of
    parentheses (GNU test counts arguments up to the first ')', so nested ones and operands
    that look like operators are left out: POSIX leaves them unspecified)."""
    import random
    rng = random.Random(seed)

    def primary():
        r = rng.random()
        if r < 0.3:
            return [rng.choice(["-f", "-d", "-e", "-s", "-L", "-x"]),
                    rng.choice(["a.txt", "dir", "link", "empty", "missing", "exec.sh"])]
        if r < 0.5:
            return [rng.choice(["-n", "-z"]), rng.choice(["", "x", "y"])]
        if r < 0.7:
            return [rng.choice(["a", "b", ""]), rng.choice(["=", "!="]), rng.choice(["a", "b"])]
        if r < 0.9:
            return [str(rng.randint(-2, 2)), rng.choice(["-eq", "-ne", "-lt", "-le", "-gt", "-ge"]),
                    str(rng.randint(-2, 2))]
        return [rng.choice(["x", "y"])]

    def expr(depth):
        e = primary() if depth > 0 or rng.random() < 0.6 else ["("] + expr(depth + 1) + [")"]
        if rng.random() < 0.25:
            e = ["!"] + e
        if rng.random() < 0.4:
            e += [rng.choice(["-a", "-o"])] + expr(depth + 1)
        return e

    return [C("test", *expr(0)) for _ in range(count)]


CASES += random_test_cases(51, 100)

CASES += [
    C("env", "A=1", "B=2", "sh", "-c", "echo $A$B"), C("env", "-i", "PATH=/usr/bin:/bin", "env"),
    C("env", "--", "A=1", "sh", "-c", "echo $A"), C("env", "-i", "sh", "-c", "exit 3"), C("env", "./a.txt"),
    C("env", "-u", "HOME", "sh", "-c", "echo ${HOME-unset}"), C("env", "A=x", "A=y", "sh", "-c", "echo $A"),
    C("env", "-i", "=bad", "env"),
    C("pwd", shell="cd dirlink && $U"), C("pwd", shell="cd dirlink && $U -P"), C("pwd", shell="cd dir/sub && $U -L"),
    C("pwd", shell="cd dirlink && PWD=/nonexistent $U"), C("pwd", shell="cd dir && PWD=$PWD/../dir $U"),
    C("time", "sh", "-c", "kill -9 $$"), C("time", "sleep", "0.1"), C("time", "-p", "true"), C("time"),
    C("sleep", "0.01", "0.01"), C("sleep", "-1"), C("sleep", "1e-3"), C("sleep", "0.1x"), C("sleep", "0m"),
    C("uname", "-snrvm", filter=" GNU/Linux"), C("uname", "-ma", filter=" GNU/Linux"),
]
