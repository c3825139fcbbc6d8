"""Cases for the utilities that read and write text: cat echo printf head tail wc grep sort
uniq cut tr tee basename dirname yes (see utils_cases.py)."""

from case import Case
from case import Case as C

BIG = "../data/big.txt"
BLOB = "../data/blob.bin"

CASES = [
    # cat
    C("cat", "a.txt"), C("cat", "a.txt", "b.txt"), C("cat"), C("cat", stdin="from stdin\n"),
    C("cat", "-", "a.txt", stdin="dash\n"), C("cat", "empty"), C("cat", "nonl.txt"),
    C("cat", "bin.dat"), C("cat", BLOB), C("cat", "missing"), C("cat", "a.txt", "missing", "b.txt"),
    C("cat", "dir"), C("cat", "-n", "b.txt"), C("cat", "-u", "a.txt"), C("cat", BIG),
    C("cat", "-b", "b.txt"), C("cat", "-s", stdin="a\n\n\n\nb\n\n"), C("cat", "-ns", stdin="\n\n\na\n\n\nb\n"),
    C("cat", "-bs", stdin="\n\na\n\n\nb\n"), C("cat", "-v", "bin.dat"), C("cat", "-A", "bin.dat"), C("cat", "-E", "b.txt"),
    C("cat", "-T", "lines.txt"), C("cat", "-e", "nonl.txt"), C("cat", "-t", stdin="a\tb\x01\n"), C("cat", "-vET", BLOB),
    C("cat", "-n", "a.txt", "b.txt"), C("cat", "-n", "nonl.txt", "a.txt"), C("cat", "-b", "-", stdin="\n x\n\n"),
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
    C("head", "nonl.txt"), C("head", "-n", "-2", "a.txt"), C("head", "-n", "-1", "nonl.txt"),
    C("head", "-n", "-0", "a.txt"), C("head", "-n", "-100", "a.txt"), C("head", "-c", "-5", "a.txt"),
    C("head", "-c", "-2000", BLOB), C("head", "-n", "-99990", BIG), C("head", "-n", "-1", "a.txt", "b.txt"),
    C("head", "-n", "-2", stdin="1\n2\n3\n4"), C("head", "-n", "--2", "a.txt"), C("head", "-c", "1000", BLOB),
    # tail
    C("tail", "lines.txt"), C("tail", "-n", "3", "lines.txt"), C("tail", "-n", "+3", "a.txt"),
    C("tail", "-n", "+1", "a.txt"), C("tail", "-n", "0", "a.txt"), C("tail", "-c", "4", "a.txt"),
    C("tail", "-c", "+4", "a.txt"), C("tail", "-n", "1", "nonl.txt"), C("tail", "a.txt", "b.txt"),
    C("tail", "-n", "2", stdin="1\n2\n3\n"), C("tail", "missing"), C("tail", "empty"),
    C("tail", "-n", "5", BIG), C("tail", "-n", "+99990", BIG), C("tail", "-c", "100", "bin.dat"),
    C("tail", "-n", "bad", "a.txt"), C("tail", "-n", "-2", "a.txt"),
    # tail -f checks once a second: each append is given more than that to show
    C("tail", shell="$U -f a.txt & p=$!; sleep 1; echo more >> a.txt; sleep 2.5; kill $p"),
    C("tail", shell="$U -n 1 -f a.txt b.txt & p=$!; sleep 1; echo to-a >> a.txt; sleep 2.5;"
                    " echo to-b >> b.txt; sleep 2.5; echo a-again >> a.txt; sleep 2.5; kill $p"),
    C("tail", shell="$U -c 3 -f nonl.txt & p=$!; sleep 1; printf 'x' >> nonl.txt; sleep 2.5; kill $p"),
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
    C("grep", "[[.-.]]", stdin="a-b\nab\n"), C("grep", "[[=a=]]x", stdin="ax\nbx\n"),
    C("grep", "-i", "[a-c]X", stdin="BX\ndx\nbx\n"), C("grep", "[^[:alnum:] ]", "lines.txt"),
    C("grep", "[a\\]", stdin="\\\nb\n"), C("grep", "\\(", stdin="(\nx\n"),
    C("grep", "a\\{0\\}b", stdin="b\nab\n"), C("grep", "\\(a\\|b\\)\\{3\\}", stdin="abab\naab\n"),
    C("grep", "^\\(.*\\)-\\1$", stdin="ab-ab\nab-ba\n"), C("grep", "[z-a]", "a.txt"),
    C("grep", "-E", "^(.+)\\1$", stdin="abcabc\nabcab\n"), C("grep", "-E", "[[:digit:]]{2,3}", stdin="1\n12\n1234\n"),
    C("grep", "-E", "^a{0}$", stdin="\na\n"), C("grep", "-E", "x{256}", "a.txt"),
    C("grep", "-E", "a{32768}", "a.txt"), C("grep", "-E", "^(a|b){3,300}$", stdin="ab" * 100 + "\n" + "abc\n"),
    C("grep", "-E", "(((a)))|[b]", stdin="a\nc\n"), C("grep", "-E", "a|b|c|^$", "lines.txt"),
    C("grep", "-iE", "HELLO|xyz", "lines.txt"), C("grep", "-E", "\\.$", stdin="a.\nab\n"),
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

CASES += [
    # sort
    C("sort", "words.txt"), C("sort", "-r", "words.txt"), C("sort", "nums.txt"),
    C("sort", "-n", "nums.txt"), C("sort", "-rn", "nums.txt"), C("sort", "-u", "dups.txt"),
    C("sort", "-nu", "nums.txt"), C("sort", "-k", "2", "words.txt"), C("sort", "-k", "2n", "words.txt"),
    C("sort", "-k", "2,2n", "-k", "1,1", "words.txt"), C("sort", "-k", "1,1", "-u", "words.txt"),
    C("sort", "-k2,2nr", "words.txt"), C("sort", "-t", ":", "-k", "3n", "fields.txt"),
    C("sort", "-t:", "-k", "6", "fields.txt"), C("sort", "-t", ":", "-k", "3,3", "fields.txt"),
    C("sort", "-f", "lines.txt"), C("sort", "-b", "lines.txt"), C("sort", "lines.txt"),
    C("sort", "a.txt", "b.txt"), C("sort", stdin="c\nb\na"), C("sort", "empty"),
    C("sort", "missing"), C("sort", "-k", "0", "a.txt"), C("sort", "-k", "1.2", "words.txt"),
    C("sort", "-k", "1.2,1.3", "words.txt"), C("sort", BIG), C("sort", "-n", BIG),
    C("sort", "-u", BIG), C("sort", "-k", "2", BIG), C("sort", "-t", " ", "-k", "2,2", "-k", "1r", BIG),
    C("sort", "-rnu", BIG), C("sort", "-x", "a.txt"), C("sort", "-", stdin="z\ny\n"),
    C("sort", "-n", stdin="-0\n0\n-1\n.5\n0.50\n-.5\n"), C("sort", "-k", "2b", stdin="a   b\nc a\n"),
    C("sort", "-d", stdin="b-c\na.d\n_z\n b\n"), C("sort", "-i", stdin="\x01b\na\n\x02c\n"),
    C("sort", "-df", "lines.txt"), C("sort", "-k", "1d,1", stdin="x.b 1\nxa 2\n"),
    C("sort", "-s", "-k", "1,1", "words.txt"), C("sort", "-s", "-n", "nums.txt"), C("sort", "-c", "a.txt"),
    C("sort", "-c", "words.txt"), C("sort", "-C", "words.txt"), C("sort", "-C", "a.txt"),
    C("sort", "-cu", stdin="a\na\n"), C("sort", "-cn", "nums.txt"), C("sort", "-c", "a.txt", "b.txt"),
    C("sort", "-c", stdin="b\na\n"), C("sort", "-m", "a.txt", "-", stdin="aa\nbb\nzz\n"),
    Case("sort", "-o", "a.txt", "a.txt", "words.txt", tree=True), Case("sort", "-o", "new.txt", "nums.txt", tree=True),
    Case("sort", "-o", "nodir/x", "a.txt", tree=True), C("sort", "-r", "-o", "/dev/stdout", "a.txt"),
    # uniq
    C("uniq", "-f", "1", stdin="a x\nb x\nc y\n"), C("uniq", "-s", "2", stdin="aaX\nbbX\nccY\n"),
    C("uniq", "-c", "-f", "1", "-s", "1", stdin="1 ax\n2  bx\n3 cy\n"), C("uniq", "-f", "5", "dups.txt"),
    C("uniq", "-s", "99", "-c", "dups.txt"), C("uniq", "-f", "x", "dups.txt"), C("uniq", "-u", "-f1", "words.txt"),
    C("uniq", "dups.txt"), C("uniq", "-c", "dups.txt"), C("uniq", "-d", "dups.txt"),
    C("uniq", "-u", "dups.txt"), C("uniq", "-i", "dups.txt"), C("uniq", "-cd", "dups.txt"),
    C("uniq", stdin="x\nx\ny\n"), C("uniq", "empty"), C("uniq", "missing"),
    C("uniq", "dups.txt", "out.txt", tree=True), C("uniq", "-c", "lines.txt"),
    C("uniq", "nonl.txt"), C("uniq", "-c", stdin="a\na"), C("uniq", "-c", BIG),
    C("uniq", "-d", BIG), C("uniq", "-x"), C("uniq", shell="sort ../data/big.txt | $U -c | sort -n | tail -n 5"),
    # cut
    C("cut", "-d:", "-f1", "fields.txt"), C("cut", "-d", ":", "-f", "1,3", "fields.txt"),
    C("cut", "-d:", "-f", "2-4", "fields.txt"), C("cut", "-d:", "-f", "5-", "fields.txt"),
    C("cut", "-d:", "-f", "-2", "fields.txt"), C("cut", "-d:", "-s", "-f1", "fields.txt"),
    C("cut", "-c", "1-3", "a.txt"), C("cut", "-c", "2,4", "a.txt"), C("cut", "-b", "3-", "a.txt"),
    C("cut", "-f", "2", stdin="a\tb\tc\nno tab\n"), C("cut", "-c", "1", "missing"),
    C("cut", "a.txt"), C("cut", "-f", "0", "a.txt"), C("cut", "-f", "-", "a.txt"),
    C("cut", "-c", "5-2", "a.txt"), C("cut", "-d", "ab", "-f1", "a.txt"),
    C("cut", "-c", "1-10", BIG), C("cut", "-d", " ", "-f", "2,4", BIG), C("cut", "-c", "3", "empty"),
    C("cut", "-d:", "-f", "1,1,2", "fields.txt"), C("cut", "-c", "1-2,4-", "b.txt"),
    # tr
    C("tr", "a-z", "A-Z", stdin="hello World\n"), C("tr", "[:lower:]", "[:upper:]", stdin="mixed Case\n"),
    C("tr", "-d", "aeiou", stdin="education\n"), C("tr", "-s", " ", stdin="a   b    c\n"),
    C("tr", "-s", "a-z", stdin="aabbcc  dd\n"), C("tr", "-c", "a-z", "_", stdin="ab-cd ef\n"),
    C("tr", "-cd", "[:digit:]", stdin="a1b2c3\n"), C("tr", "-ds", "a", "b", stdin="abbbacbb\n"),
    C("tr", "abc", "x", stdin="aabbcc\n"), C("tr", "abc", "xyz", stdin="cab\n"),
    C("tr", "\\n", " ", stdin="l1\nl2\n"), C("tr", "-d", "\\012", stdin="a\nb\n"),
    C("tr", "a-c", "[x*]", stdin="abcd\n"), C("tr", "a-e", "[x*2]yz", stdin="abcde\n"),
    C("tr", "[:space:]", "[\\n*]", stdin="a b\tc\n"), C("tr", "[=a=]", "b", stdin="banana\n"),
    C("tr", "-s", "[:alpha:]", stdin="aaa bbb\n"), C("tr", stdin="x"), C("tr", "a", stdin="x"),
    C("tr", "z-a", "x", stdin="q"), C("tr", "[:nope:]", "x", stdin="q"), C("tr", "a", "b", "c"),
    C("tr", "-d", "\\000-\\037", stdin=bytes(range(64))), C("tr", "a-z", "n-za-m", stdin="uryyb\n"),
    C("tr", "-c", "[:alnum:]\\n", "[.*]", stdin="x-y z!\n"),
    # printf
    C("printf", "hello\\n"), C("printf", "%s-%s\\n", "a", "b", "c"), C("printf", "%d|%5d|%-5d|%05d\\n", "42", "7", "7", "7"),
    C("printf", "%x %X %o %#x\\n", "255", "255", "8", "255"), C("printf", "%c%c\\n", "abc", "d"),
    C("printf", "%.2f %e %g\\n", "3.14159", "1000", "0.0001"), C("printf", "%5.1s|\\n", "abc"),
    C("printf", "%b\\n", "a\\tb\\0101"), C("printf", "%b", "stop\\cno"), C("printf", "%%\\n"),
    C("printf", "%d\\n", "abc"), C("printf", "%d\\n", "12abc"), C("printf", "%d %d\\n", "1"),
    C("printf", "%*d|\\n", "6", "42"), C("printf", "%d\\n", "'A"), C("printf", "%i\\n", "0x1f"),
    C("printf", "\\101\\x41\\n"), C("printf"), C("printf", "%s"), C("printf", "no newline"),
    C("printf", "%u\\n", "-1"), C("printf", "%s\\n"), C("printf", "%-8s|%8s|\\n", "ab", "cd"),
    C("printf", "%z\\n", "1"), C("printf", "%+d % d\\n", "5", "5"), C("printf", "%.3d\\n", "7"),
]

CASES += [
    C("head", "-c", "3", "a.txt", "b.txt"), C("head", "-c", "999999", "bin.dat"), C("head", "-n", "1", "-"),
    C("tail", "-n", "+2", stdin="1\n2\n3\n"), C("tail", "-c", "+1000", "bin.dat"), C("tail", "-c", "0", "a.txt"),
    C("tail", "-n", "2", "a.txt", "missing"), C("tail", "-n", "3", BLOB),
    C("wc", "-w", stdin="a\x00b c\x01d \xffe\n"), C("wc", "-c", "-", "-", stdin="abc"),
    C("cut", "-c", "10-20", "a.txt"), C("cut", "-f", "1,3", "-d", ",", stdin="a,b,c,d\n,,\n"),
    C("cut", "-b", "1-2,5", BLOB), C("cut", "-d", " ", "-f", "1", "-s", stdin="one\ntwo three\n"),
    C("sort", "-t", ",", "-k", "2,2", "-k", "1,1r", stdin="b,1\na,1\nc,0\n"),
    C("sort", "-n", "-k", "2", stdin="x -1.5\ny -1.25\nz 1e1\nw 10\n"), C("sort", "-bk", "2", stdin="a  z\nb y\n"),
    C("sort", "-fu", stdin="a\nA\nb\nB\n"), C("sort", "-k", "3", stdin="a b\nc d e\n"),
    C("tr", "\\000-\\377", "[x*]", stdin=bytes(range(256))), C("tr", "-d", "[:punct:][:space:]", stdin="a, b! c?\n"),
    C("tr", "[:upper:][:lower:]", "[:lower:][:upper:]", stdin="MiXeD\n"), C("tr", "-s", "\\n", stdin="a\n\n\nb\n"),
    C("tr", "a-z", "", stdin="x"), C("tr", "-c", "-d", "a", stdin="banana\n"),
    C("printf", "%5c|%-3c|\\n", "x", "y"), C("printf", "%.20f %.25e\\n", "0.1", "1e-5"), C("printf", "%Lf\\n", "1"),
    C("printf", "%a\\n", "1"), C("printf", "%g %g\\n", "1e100", "0x10"), C("printf", "%f\\n", "inf"), C("printf", "%c|\\n", ""), C("printf", "%.3e %G %g\\n", "123456", "1e-10", "100000"),
    C("printf", "%s %s\\n", "a"), C("printf", "%-+5d|% 05d\\n", "3", "-3"), C("printf", "\\c%s", "x"),
    C("printf", "%o %#o %x\\n", "-1", "0", "010"), C("printf", "%b\\n", "\\0141\\x62\\\\"),
    C("echo", "-n"), C("echo", "-e", "a\\\\b", "c\\vd"), C("echo", "-nE", "x\\n"),
    C("uniq", "-u", stdin="a\nb\nb\nc\n"), C("uniq", "-d", "-c", stdin="x\nx\nx\ny\n"), C("uniq", "-", stdin="q\nq\n"),
    C("grep", "-n", "", "nonl.txt"), C("grep", "-c", "", "empty", "a.txt"), C("grep", "-l", "x", "-", "a.txt", stdin="x\n"),
    C("grep", "-x", "foo", "lines.txt"), C("grep", "-xE", "foo|bar", "lines.txt"), C("grep", "-x", "", "lines.txt"),
    C("grep", "-w", "foo", "lines.txt"), C("grep", "-w", "abc", "lines.txt"), C("grep", "-wi", "hello", "lines.txt"),
    C("grep", "-w", "a.*c", stdin="abc abd\nxabc\nabcx y\n"), C("grep", "-w", "", stdin="a\n\n b\n"),
    C("grep", "-wc", "o", stdin="o\nfoo o\nfoo\n_o\n"), C("grep", "-vx", "foo", "lines.txt"),
    C("grep", "-xF", "a.c", stdin="a.c\na.cd\n"), C("grep", "-w", "-e", "x\\|xy", stdin="xy\nx y\n"),
    C("grep", "-wE", "(ab)\\1", stdin="abab\nababc\n c abab.\n"),
    C("grep", "-o", "foo", "lines.txt"), C("grep", "-on", "[a-z]*", "lines.txt"), C("grep", "-oi", "o", "lines.txt"),
    C("grep", "-oE", "[0-9]+|[a-c]+", "lines.txt"), C("grep", "-o", "a*", stdin="baaac aa\n"),
    C("grep", "-oE", "x|xy|xyz", stdin="axyzb xy\n"), C("grep", "-ow", "ab", stdin="ab abc ab_ ab\n"),
    C("grep", "-o", "-e", "ab", "-e", "abc", stdin="abcd ab\n"), C("grep", "-ov", "foo", "lines.txt"),
    C("grep", "-oc", "o", "lines.txt"), C("grep", "-oH", "\\(o\\)\\1", "lines.txt"), C("grep", "-o", "^.", "a.txt"),
    C("grep", "-ox", "foo", "lines.txt"), C("grep", "-oE", "(a|ab)(c|bcd)", stdin="abcd\n"),
    C("grep", "-oE", "[[:alpha:]]+", BIG), C("grep", "-o", "$", "a.txt"),
    C("grep", "-L", "x", "a.txt"), C("grep", "-L", "alpha", "a.txt", "b.txt"), C("grep", "-L", "e", "a.txt", "b.txt"), C("grep", "-rh", "alpha", "dir"), C("grep", "-rc", "alpha", "dir"),
]


def random_patterns(seed, count, extended):
    """Generated regular expressions over a small alphabet, with the constructs POSIX defines
    (no leading repetition, anchors only at the ends), for comparing grep -c with GNU's."""
    import random
    rng = random.Random(seed)

    def atom(depth):
        r = rng.random()
        if r < 0.45:
            return rng.choice("abc")
        if r < 0.55:
            return "."
        if r < 0.7:
            return rng.choice(["[ab]", "[^a]", "[a-c]", "[[:alpha:]]", "[^bc]"])
        if depth < 2:
            body = branch(depth + 1)
            return f"({body})" if extended else f"\\({body}\\)"
        return rng.choice("abc")

    def piece(depth):
        a = atom(depth)
        r = rng.random()
        if r < 0.2:
            return a + "*"
        if r < 0.3:
            return a + ("+" if extended else "\\+")
        if r < 0.4:
            return a + ("?" if extended else "\\?")
        if r < 0.5:
            lo = rng.randint(0, 2)
            hi = lo + rng.randint(0, 2)
            return a + (f"{{{lo},{hi}}}" if extended else f"\\{{{lo},{hi}\\}}")
        return a

    def branch(depth):
        text = "".join(piece(depth) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.25:
            text += ("|" if extended else "\\|") + "".join(piece(depth) for _ in range(rng.randint(1, 2)))
        return text

    patterns = []
    for _ in range(count):
        p = branch(0)
        if rng.random() < 0.2:
            p = "^" + p
        if rng.random() < 0.2:
            p = p + "$"
        patterns.append(p)
    return patterns


def random_lines(seed):
    import random
    rng = random.Random(seed)
    return "".join("".join(rng.choice("abcab d") for _ in range(rng.randint(0, 9))) + "\n"
                   for _ in range(300))


LINES = random_lines(5)
CASES += [C("grep", "-c", "-E", p, stdin=LINES) for p in random_patterns(11, 80, True)]
CASES += [C("grep", "-c", p, stdin=LINES) for p in random_patterns(12, 80, False)]
CASES += [C("grep", "-o", "-E", p, stdin=LINES) for p in random_patterns(13, 40, True)]
CASES += [C("grep", "-c", "\\(a\\|b\\)\\1" + s, stdin=LINES) for s in ["", "c", "*", "\\1"]]


def random_sort_cases(seed, count):
    """sort with generated key and option combinations over one generated input."""
    import random
    rng = random.Random(seed)
    lines = "".join(
        ":".join(rng.choice(["a", "B", "c", " 1", "-2", "10", "x y", "", "3.5", "Ab", " b"])
                 for _ in range(rng.randint(1, 4))) + "\n" for _ in range(200))
    cases = []
    for _ in range(count):
        args = []
        if rng.random() < 0.5:
            args += ["-t", ":"]
        for _ in range(rng.randint(0, 2)):
            start = f"{rng.randint(1, 3)}" + (f".{rng.randint(1, 2)}" if rng.random() < 0.2 else "")
            mods = "".join(m for m in "bdfnr" if rng.random() < 0.2)
            end = f",{rng.randint(int(start.split('.')[0]), 4)}" if rng.random() < 0.6 else ""
            args += ["-k", start + mods + end]
        args += [o for o in ["-n", "-r", "-u", "-f", "-b", "-s"] if rng.random() < 0.2]
        cases.append(C("sort", *args, stdin=lines))
    return cases


def random_cut_tr_cases(seed, count):
    """cut lists and tr sets, generated."""
    import random
    rng = random.Random(seed)
    text = "".join(",".join(rng.choice(["ab", "c", "", "Def", "g h"]) for _ in range(rng.randint(1, 5)))
                   + "\n" for _ in range(50))
    cases = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 3)):
            lo = rng.randint(1, 6)
            parts.append(rng.choice([f"{lo}", f"{lo}-", f"-{lo}", f"{lo}-{lo + rng.randint(0, 3)}"]))
        mode = rng.choice(["-c", "-f"])
        extra = ["-d", ","] if mode == "-f" else []
        if mode == "-f" and rng.random() < 0.3:
            extra.append("-s")
        cases.append(C("cut", mode, ",".join(parts), *extra, stdin=text))
        sets = ["a-d", "[:upper:]", "[:lower:]", "aeiou", "\\n", ",", "[:space:]", "a-z", "xyz"]
        s1, s2 = rng.choice(sets), rng.choice(sets[:3] + ["_", "[x*]", "A-D"])
        opts = [o for o in ["-c", "-s"] if rng.random() < 0.3]
        if rng.random() < 0.3:
            cases.append(C("tr", "-d", *opts, s1, stdin=text) if "-s" not in opts
                         else C("tr", "-ds", s1, s2, stdin=text))
        else:
            cases.append(C("tr", *opts, s1, s2, stdin=text))
    return cases


CASES += random_sort_cases(21, 60) + random_cut_tr_cases(22, 40)


def random_printf_cases(seed, count):
    """printf with generated conversion specifications and arguments."""
    import random
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        fmt, args = "", []
        for _ in range(rng.randint(1, 3)):
            conv = rng.choice("diouxXcsbeEfgG")
            flags = "".join(f for f in "-+ #0" if rng.random() < 0.2)
            width = str(rng.randint(1, 12)) if rng.random() < 0.5 else ""
            prec = "." + str(rng.randint(0, 6)) if rng.random() < 0.4 else ""
            fmt += f"[%{flags}{width}{prec}{conv}]"
            if conv in "diouxX":
                args.append(rng.choice(["0", "7", "-42", "255", "0x1f", "010", "'A", "99999999999"]))
            elif conv in "eEfgG":
                args.append(rng.choice(["0", "1.5", "-2.25", "1e10", "3.14159265", "-0.0001", "7"]))
            else:
                args.append(rng.choice(["", "abc", "hello world", "x\\ty", "\\0101"]))
        cases.append(C("printf", fmt + "\\n", *args))
    return cases


CASES += random_printf_cases(41, 80)


def random_grep_option_cases(seed, count):
    """grep with generated option sets over several files and patterns."""
    import random
    rng = random.Random(seed)
    files = ["a.txt", "lines.txt", "b.txt", "empty", "nonl.txt", "dir/one.txt", "missing", "-"]
    cases = []
    for _ in range(count):
        opts = "".join(o for o in "EFivwxnclLqsHho" if rng.random() < 0.15)
        pattern = rng.choice(["a", "foo", "o", "^[a-f]", "l+", "x|y", "", "bar$", "A"])
        operands = rng.sample(files, rng.randint(0, 3))
        cases.append(C("grep", *(["-" + opts] if opts else []), "-e", pattern, *operands,
                       stdin="alpha\nfoo bar\n"))
    return cases


CASES += random_grep_option_cases(61, 100)


def random_line_tool_cases(seed, count):
    """uniq, wc, head and tail with generated options over generated input."""
    import random
    rng = random.Random(seed)
    text = "".join(rng.choice(["a b", "A b", "a  b", "c", "", " x", "a b", "c"]) + "\n"
                   for _ in range(60)) + rng.choice(["tail", ""])
    cases = []
    for _ in range(count):
        opts = [o for o in ["-c", "-d", "-u", "-i"] if rng.random() < 0.3]
        if rng.random() < 0.3:
            opts += ["-f", str(rng.randint(0, 2))]
        if rng.random() < 0.3:
            opts += ["-s", str(rng.randint(0, 3))]
        cases.append(C("uniq", *opts, stdin=text))
        wc_opts = "".join(o for o in "lwcm" if rng.random() < 0.4)
        files = rng.sample(["a.txt", "-", "bin.dat", "empty", "nonl.txt", "missing", "dir"],
                           rng.randint(0, 3))
        cases.append(C("wc", *(["-" + wc_opts] if wc_opts else []), *files, stdin=text))
        tool = rng.choice(["head", "tail"])
        sign = rng.choice(["", "+", "-"] if tool == "tail" else ["", "-"])
        count_opt = [rng.choice(["-n", "-c"]), sign + str(rng.randint(0, 70))]
        cases.append(C(tool, *count_opt, *rng.sample(["a.txt", "-", "nonl.txt", "empty"],
                                                      rng.randint(0, 2)), stdin=text))
    return cases


CASES += random_line_tool_cases(81, 50)

CASES += [
    C("basename", "a/b/"), C("basename", "--", "-x"), C("basename", "a.b.c", ".c"), C("basename", "a", "b", "c"),
    C("basename", ""), C("basename", "/a/b", "b"),
    C("dirname", "///"), C("dirname", "a/"), C("dirname", "."), C("dirname", ""), C("dirname", "a", "b"),
    C("dirname", "/a/b/"), C("dirname", "//a//b//"),
    C("tee", "-a", "new1", "new2", stdin="x\n", tree=True), C("tee", stdin=open(__file__).read()),
    C("tee", "out", stdin=bytes(range(256)) * 100, tree=True), C("tee", "-x"),
    C("yes", shell="$U '' | head -n 2"), C("yes", shell="$U -- x | head -n 1"),
]
