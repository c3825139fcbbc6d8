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
