echo a >&- 2>/dev/null
echo $?
printf '%s\n' b >&- 2>/dev/null
echo $?
