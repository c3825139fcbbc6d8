"""Cases for the utilities that read and write text: cat echo printf head tail wc grep sort
uniq cut tr tee basename dirname yes (see utils_cases.py)."""

from case import Case as C

BIG = "../data/big.txt"
BLOB = "../data/blob.bin"

CASES = [
    # cat
    C("cat", "a.txt"), C("cat", "a.txt", "b.txt"), C("cat"), C("cat", stdin="from stdin\n"),
    C("cat", "-", "a.txt", stdin="dash\n"), C("cat", "empty"), C("cat", "nonl.txt"),
    C("cat", "bin.dat"), C("cat", BLOB), C("cat", "missing"), C("cat", "a.txt", "missing", "b.txt"),
    C("cat", "dir"), C("cat", "-n", "b.txt"), C("cat", "-u", "a.txt"), C("cat", BIG),
    # echo
    C("echo"), C("echo", "hello", "world"), C("echo", "-n", "no newline"),
    C("echo", "-e", "tab\\there\\nnew"), C("echo", "-E", "a\\tb"), C("echo", "a\\tb"),
    C("echo", "-e", "stop\\cnot"), C("echo", "-e", "\\0101\\x42"), C("echo", "-x", "dash"),
    C("echo", "--", "dashes"), C("echo", "-ne", "x\\n"),
    # head
    C("head", "lines.txt"), C("head", "-n", "3", "lines.txt"), C("head", "-n3", "a.txt"),
    C("head", "-n", "0", "a.txt"), C("head", "-c", "5", "a.txt"), C("head", "-c", "100", "bin.dat"),
    C("head", "a.txt", "b.txt"), C("head", "-n", "1", "a.txt", "missing", "b.txt"),
    C("head", stdin="1\n2\n3\n"), C("head", "-n", "2", "-", stdin="x\ny\nz\n"),
    C("head", "-n", "x", "a.txt"), C("head", "empty"), C("head", "-n", "50000", BIG),
    C("head", "nonl.txt"), C("head", "-c", "1000", BLOB),
    # tail
    C("tail", "lines.txt"), C("tail", "-n", "3", "lines.txt"), C("tail", "-n", "+3", "a.txt"),
    C("tail", "-n", "+1", "a.txt"), C("tail", "-n", "0", "a.txt"), C("tail", "-c", "4", "a.txt"),
    C("tail", "-c", "+4", "a.txt"), C("tail", "-n", "1", "nonl.txt"), C("tail", "a.txt", "b.txt"),
    C("tail", "-n", "2", stdin="1\n2\n3\n"), C("tail", "missing"), C("tail", "empty"),
    C("tail", "-n", "5", BIG), C("tail", "-n", "+99990", BIG), C("tail", "-c", "100", "bin.dat"),
    C("tail", "-n", "bad", "a.txt"), C("tail", "-n", "-2", "a.txt"),
    C("tail", shell="$U -f a.txt & p=$!; sleep 0.5; echo more >> a.txt; sleep 1.6; kill $p"),
    # wc
    C("wc", "a.txt"), C("wc", "-l", "a.txt"), C("wc", "-w", "b.txt"), C("wc", "-c", "b.txt"),
    C("wc", "a.txt", "b.txt"), C("wc", "-l", "a.txt", "b.txt", "lines.txt"), C("wc", stdin="a b\nc\n"),
    C("wc", "-l", stdin="a b\nc\n"), C("wc", "-lw", stdin="x y z\n"), C("wc", "-", "a.txt", stdin="q\n"),
    C("wc", "missing", "a.txt"), C("wc", "a.txt", "missing"), C("wc", "empty"), C("wc", "nonl.txt"),
    C("wc", "bin.dat"), C("wc", BIG), C("wc", "-l", BIG), C("wc", BLOB), C("wc", "-m", "a.txt"),
    C("wc", "-c", "-l", "a.txt", "b.txt"), C("wc", "dir"),
    # grep: BRE
    C("grep", "alpha", "a.txt"), C("grep", "foo", "lines.txt"), C("grep", "^foo", "lines.txt"),
    C("grep", "bar$", "lines.txt"), C("grep", "a.c", "lines.txt"), C("grep", "[0-9]", "lines.txt"),
    C("grep", "[[:upper:]]", "lines.txt"), C("grep", "[^a-z ]", "lines.txt"),
    C("grep", "abc*", "lines.txt"), C("grep", "\\(abc\\)\\1", "lines.txt"),
    C("grep", "o\\{2\\}", "lines.txt"), C("grep", "l\\{1,2\\}o", "lines.txt"),
    C("grep", "foo\\|xyz", "lines.txt"), C("grep", "^$", "lines.txt"), C("grep", "", "a.txt"),
    C("grep", "a\\+b", "lines.txt"), C("grep", "*", stdin="a*b\nab\n"),
    C("grep", "^*", stdin="*x\nx\n"), C("grep", "x\\{", "a.txt"), C("grep", "[abc", "a.txt"),
    C("grep", "\\(ab", "a.txt"), C("grep", "[[:nope:]]", "a.txt"), C("grep", "[]x]", stdin="]\nx\ny\n"),
    C("grep", "[a-]", stdin="-\nb\n"), C("grep", "a\\.b", stdin="a.b\naxb\n"),
    C("grep", "\\(a*\\)*b", stdin="aaab\nc\n"), C("grep", "\\(.\\)\\1", "lines.txt"),
    C("grep", "x$y", stdin="x$y\nxy\n"), C("grep", "a^b", stdin="a^b\nab\n"),
    # grep: ERE
    C("grep", "-E", "foo|xyz", "lines.txt"), C("grep", "-E", "(ab|xy)c", "lines.txt"),
    C("grep", "-E", "^(abc)+$", "lines.txt"), C("grep", "-E", "o{2,}", "lines.txt"),
    C("grep", "-E", "[[:space:]]{2}", "lines.txt"), C("grep", "-E", "l?o", "a.txt"),
    C("grep", "-E", "a{,1}b", stdin="b\nab\n"), C("grep", "-E", "a{1", stdin="a{1\na\n"),
    C("grep", "-E", "(a", "a.txt"), C("grep", "-E", "a)", stdin="a)\na\n"),
    C("grep", "-E", "(.)(.)\\2\\1", stdin="abba\nabab\n"), C("grep", "-E", "()", "a.txt"),
    C("grep", "-E", "x|", "a.txt"), C("grep", "-E", "(a|)+b", stdin="aab\nb\nc\n"),
    C("grep", "-E", "^[^:]+:x:[0-9]{4}", "fields.txt"), C("grep", "-E", "a{3,2}", "a.txt"),
    C("grep", "-E", "(a*)*(b|c)*d", stdin="aaaaaaaaaaaaaaaaaaaaaaaaaaaaac\n"),
    # grep: options
    C("grep", "-i", "hello", "lines.txt"), C("grep", "-i", "[h]ELLO", "lines.txt"),
    C("grep", "-v", "foo", "lines.txt"), C("grep", "-n", "foo", "lines.txt"),
    C("grep", "-c", "foo", "lines.txt"), C("grep", "-c", "zzz", "lines.txt"),
    C("grep", "-l", "alpha", "a.txt", "b.txt", "dir/one.txt"),
    C("grep", "-q", "alpha", "a.txt"), C("grep", "-q", "zzz", "a.txt"),
    C("grep", "-q", "alpha", "missing", "a.txt"), C("grep", "-s", "alpha", "missing"),
    C("grep", "alpha", "missing"), C("grep", "alpha", "a.txt", "missing"),
    C("grep", "alpha", "a.txt", "dir/one.txt"), C("grep", "-h", "alpha", "a.txt", "dir/one.txt"),
    C("grep", "-H", "alpha", "a.txt"), C("grep", "-r", "alpha", "dir"),
    C("grep", "-rn", "alpha", "."), C("grep", "-rl", "alpha", "dir", "a.txt"),
    C("grep", "-r", "deep"), C("grep", "alpha", "dir"), C("grep", "-e", "foo", "-e", "xyz", "lines.txt"),
    C("grep", "-F", "a.c", stdin="a.c\nabc\n"), C("grep", "-F", "-e", "[x", stdin="[x]\nx\n"),
    C("grep", "-c", "x", "empty"), C("grep", "x", "empty"), C("grep", "-in", "FOO", "lines.txt"),
    C("grep", "-ci", "foo", "lines.txt", "a.txt"), C("grep", "alpha", stdin="alpha\n"),
    C("grep", "-H", "alpha", stdin="alpha\n"), C("grep", "-c", "alpha", "bin.dat"),
    C("grep", "nothing-here", "bin.dat"), C("grep", "-c", "apple", BIG),
    C("grep", "-c", "-E", "^(apple|Lima) .*[0-9]$", BIG), C("grep", "-vc", "e", BIG),
    C("grep", "-ic", "INDIA", BIG), C("grep", "-z"), C("grep"),
    C("grep", "-e"), C("grep", "-E", "a|b", "-", "a.txt", stdin="bob\n"),
    # basename, dirname
    C("basename", "/usr/lib/libc.a"), C("basename", "/usr/lib/"), C("basename", "/"),
    C("basename", "file.txt", ".txt"), C("basename", ".txt", ".txt"), C("basename", "a/b.c", "b.c"),
    C("basename", "//"), C("basename"), C("basename", "plain"),
    C("dirname", "/usr/lib/libc.a"), C("dirname", "/usr/lib/"), C("dirname", "/"),
    C("dirname", "file"), C("dirname", "a/b//"), C("dirname", "//x"), C("dirname"),
    C("dirname", "/a"), C("dirname", "a//b"),
    # yes, tee
    C("yes", shell="$U | head -n 3"), C("yes", shell="$U a b | head -n 2"),
    C("yes", shell="$U | head -c 100000 | wc -c"),
    C("tee", stdin="to both\n"), C("tee", "out.txt", stdin="to file\n", tree=True),
    C("tee", "-a", "a.txt", stdin="appended\n", tree=True),
    C("tee", "o1", "o2", stdin="x\n", tree=True), C("tee", "dir", stdin="x\n"),
    C("tee", "nodir/x", "ok", stdin="y\n", tree=True),
]
