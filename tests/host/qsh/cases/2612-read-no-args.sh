echo abc | read 2>/dev/null
echo $?
