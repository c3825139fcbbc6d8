"echo" if then
'if' 2>/dev/null
echo status $?
