x=1 y=$x
echo $y
