x=5 y=3
echo $((x*y)) $(($x+$y)) $((x-y))
