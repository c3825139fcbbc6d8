printf '%5%|\n' 2>/dev/null
echo $?
