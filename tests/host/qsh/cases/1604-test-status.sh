test; echo $?
test ""; echo $?
test x; echo $?
[ 1 -eq ]  2>/dev/null; echo $?
[ 1 = 1 2>/dev/null; echo $?
