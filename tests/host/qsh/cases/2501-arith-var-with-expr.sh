x=1+2
echo $(($x)) $((x)) 2>/dev/null
