cat < nosuchfile 2>/dev/null
echo status $?
