set -- a b c
echo $# "$*"
f() { return 7; }
f
echo $?
