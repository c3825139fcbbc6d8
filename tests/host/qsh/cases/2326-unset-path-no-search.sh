unset PATH
ls 2>/dev/null
echo $?
