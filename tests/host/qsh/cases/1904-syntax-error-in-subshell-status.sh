(eval 'fi') 2>/dev/null
echo $?
